"""Whole public pages (and public API reads) kept for anonymous visitors, keyed by address,
language and reading choices.

Most visitors of the portal are anonymous and read the same pages; rendering the activity list
over 100,000 rows for each of them is what made the portal slow (bench/portal.py). A page is
kept only when nothing in it belongs to the visitor: no session, no flash message, no CSRF token
(a page with a form), no CSP nonce. Any database write anywhere starts a new generation, so a
published announcement or a new registration shows at once in this process; other processes
share the generation through the cache (Redis in production) or, with the per-process memory
cache, see the change within PAGE_SECONDS.
"""

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csp import get_nonce
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_path

from .views.accessibility import preferences

PAGE_SECONDS = 60
GENERATION_KEY = "portal:page-generation"
IATI_FILES = "/iati/"
# Responses that say they must not be kept, or that set something for this visitor.
_PRIVATE = ("no-cache", "no-store", "private")


# Apps whose rows no public page shows: their writes (a session touched, a sign-in logged, a
# 5W row, an agreement step) leave kept pages alone. Under a mixed load (bench/load.py) these
# were most of the writes, and each one made every public page render again.
PRIVATE_APPS = frozenset({
    "sessions", "admin", "auth", "contenttypes", "axes", "accounts", "django_otp", "otp_totp",
    "otp_static", "django_tasks_database", "coordination", "agreements", "funding",
})  # fmt: skip


def new_generation(sender: Any = None, **_kwargs: Any) -> None:
    """Forget every kept page (connected to every model's save and delete)."""
    if sender is not None:
        meta = sender._meta
        # A history row always comes with the save of the row it records.
        if meta.app_label in PRIVATE_APPS or meta.model_name.startswith("historical"):
            return
    cache.set(GENERATION_KEY, time.time_ns(), None)


def _generation() -> int:
    return cache.get_or_set(GENERATION_KEY, time.time_ns, None)  # type: ignore[return-value]


def _key(request: HttpRequest) -> str | None:
    """The cache key of this request, or None when its answer may belong to the visitor."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return None
    # The public site (under a language prefix), the read API and the public IATI files; staff
    # pages and uploaded files never.
    path = request.path_info
    language: str | None
    if path.startswith("/api/"):
        language = "api"
    elif path.startswith(IATI_FILES):
        # The files read no parameter: any query string gets the same file, kept once.
        language = "iati"
    else:
        language = get_language_from_path(path)
    if not language:
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    choices = preferences(request)
    full_path = path if language == "iati" else request.get_full_path()
    address = hashlib.sha256(full_path.encode()).hexdigest()
    return (
        f"page:{_generation()}:{language}:{choices['a11y_contrast']}:"
        f"{choices['a11y_size']}:{address}"
    )


def _keepable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # get_token() flags the request this way; the cookie itself is set later, further out.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or get_nonce(request):
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in _PRIVATE) and get_max_age(response) != 0


class PublicPageCache:
    """Middleware, innermost: a kept page skips the view and the database entirely."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = _key(request)
        if key is None:
            return self.get_response(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers = kept
            hit = HttpResponse(content, headers=headers)
            hit["X-Page-Cache"] = "hit"
            return hit
        response = self.get_response(request)
        if _keepable(request, response):
            assert isinstance(response, HttpResponse)
            headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
            cache.set(key, (response.content, headers), PAGE_SECONDS)
        return response
