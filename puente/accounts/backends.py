"""The lock-out checks of sign-in: django-axes per user name and address, and per address."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

from puente.lib.rowread import first_row


def failures_from(address: str) -> int:
    """Wrong passwords and codes from `address` within the cool-off, whatever the user name."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutBackend(AxesStandaloneBackend):
    """django-axes pauses a user name from an address after AXES_FAILURE_LIMIT failures. An
    address that tries many user names a few times each (password spraying) is paused too, after
    PUENTE_LOGIN_FAILURES_PER_ADDRESS failures in all: higher, as an office shares one address.

    django-axes refuses `authenticate()` without a request; a check made from the shell or a
    script (no address to lock out) goes on to the password check instead."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        if request is None:
            return None
        super().authenticate(request, *args, **kwargs)
        address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        if address and failures_from(address) >= settings.PUENTE_LOGIN_FAILURES_PER_ADDRESS:
            request.axes_locked_out = True  # type: ignore[attr-defined]
            raise AxesBackendPermissionDenied("Too many failed sign-ins from this address")
        return None


class AccountBackend(ModelBackend):
    """Django's password backend, reading the signed-in person with one raw query."""

    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except ValidationError:
            return None
        column = model._meta.pk.column  # type: ignore[union-attr]
        user = first_row(model, f"{column} = %s", [pk])
        return user if user is not None and self.user_can_authenticate(user) else None
