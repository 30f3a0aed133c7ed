"""The events panel of the staff dashboard: what is coming and whom the year's events reached."""

from datetime import date, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from puente.accounts.roles import is_secretariat
from puente.events.models import Event
from puente.events.selectors import attendance_figures


def events_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    today = timezone.localdate()
    return {
        "upcoming": Event.objects.filter(
            starts_at__date__gte=today, starts_at__date__lte=today + timedelta(days=30)
        ).order_by("starts_at")[:5],
        "year": today.year,
        "figures": attendance_figures(date(today.year, 1, 1), today),
    }
