"""The lock-out check of django-axes, for sign-ins that come over HTTP."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """django-axes refuses `authenticate()` without a request; a check made from the shell or a
    script (no address to lock out) goes on to the password check instead."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
