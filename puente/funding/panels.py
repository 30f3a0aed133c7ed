"""The funding panel of the staff dashboard: calls closing soon and resources mobilised."""

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from puente.accounts.roles import is_secretariat
from puente.funding.selectors import filter_calls, mobilised


def funding_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    today = timezone.localdate()
    return {
        "closing": filter_calls(today=today).filter(closes_on__lte=today + timedelta(days=30))[:5],
        "mobilised": mobilised()[:8],
    }
