"""Test-only middleware: one request at a time when the test database is SQLite in memory.

Django's live server answers each browser connection in its own thread, but an in-memory SQLite
test database is one connection shared by all of them; a page that loads several images at once
(the gallery) made two threads use it together ("bad parameter or other API misuse"). Holding a
lock around each request (not each connection, so keep-alive cannot block others) avoids that.
"""

import threading
from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

_LOCK = threading.Lock()


class OneRequestAtATime:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with _LOCK:
            return self.get_response(request)
