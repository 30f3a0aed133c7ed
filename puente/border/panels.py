"""The border-work panel of the staff dashboard: open obstacles and overdue commitments."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from puente.accounts.roles import is_secretariat
from puente.border.models import CLOSED_STATUSES, Commitment, Obstacle
from puente.border.selectors import OPEN_COMMITMENTS


def border_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    return {
        "open_obstacles": Obstacle.objects.exclude(status__in=CLOSED_STATUSES).count(),
        "overdue_commitments": Commitment.objects.filter(
            status__in=OPEN_COMMITMENTS, due_on__lt=timezone.localdate()
        ).count(),
    }
