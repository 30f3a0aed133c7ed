"""Session limits: a working day at most, an idle spell, and the second factor once enrolled."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django_otp import user_has_device

SIGNED_IN_AT = "accounts:signed-in-at"
LAST_SEEN = "accounts:last-seen"
# [when asked, answer]: whether the person has a second factor, asked again after TOUCH_SECONDS.
FACTOR_CHECKED = "accounts:factor-checked"
# The idle clock is written back at most this often, so a busy session is not saved on every
# request (each save is a database write).
TOUCH_SECONDS = 60


def mark_signed_in(sender: Any, request: HttpRequest, user: Any, **_kwargs: Any) -> None:
    """Connected to user_logged_in: both clocks start at sign-in."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


def ending(request: HttpRequest, now: float) -> str | None:
    """Why this signed-in session must end now, in words for the person, or None."""
    session = request.session
    started, seen = session.get(SIGNED_IN_AT), session.get(LAST_SEEN)
    if started is None or now - started > settings.SESSION_COOKIE_AGE:
        return _("Your session has ended (sessions last a working day). Please sign in again.")
    if seen is not None and now - seen > settings.PUENTE_IDLE_MINUTES * 60:
        return _(
            "Your session ended after %(minutes)s minutes without activity. Please sign in again."
        ) % {"minutes": settings.PUENTE_IDLE_MINUTES}
    # Defence in depth: no way in (admin form, old session) may skip an enrolled second factor.
    if not request.user.is_verified() and has_second_factor(request, now):  # type: ignore[union-attr]
        return _("Please sign in again with your authenticator code.")
    return None


def has_second_factor(request: HttpRequest, now: float) -> bool:
    """Whether the signed-in person has enrolled a second factor, as the session last heard.

    Asking the database costs two queries (one per kind of device), which were half of what a
    signed-in request cost; the answer is kept in the session and asked again after
    TOUCH_SECONDS, so a factor enrolled from elsewhere is enforced within that minute.
    """
    checked = request.session.get(FACTOR_CHECKED)
    if checked and 0 <= now - checked[0] <= TOUCH_SECONDS:
        return bool(checked[1])
    answer = user_has_device(request.user)
    request.session[FACTOR_CHECKED] = [now, answer]
    return answer


class SessionGuard:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            now = time.time()
            reason = ending(request, now)
            if reason:
                logout(request)
                messages.info(request, reason)
                return redirect_to_login(request.get_full_path())
            if now - request.session.get(LAST_SEEN, 0) > TOUCH_SECONDS:
                request.session[LAST_SEEN] = now
            response = self.get_response(request)
            # A signed-in person's page is theirs: never kept by the browser's own cache, where
            # the next person on a shared device (or offline) could be shown it. The 5W pages
            # kept for entry offline live in the service worker's cache, one per person.
            if "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-store"
            return response
        return self.get_response(request)
