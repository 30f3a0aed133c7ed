"""The PQRSD panel of the staff dashboard: open requests by traffic light."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from puente.accounts.roles import is_secretariat
from puente.requests.models import Request
from puente.requests.selectors import light_counts


def pqrsd_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    return {"counts": light_counts(Request.objects.all(), timezone.localdate())}
