"""The agreements panel of the staff dashboard: ends and obligations due within 30 days or late."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from puente.accounts.roles import is_secretariat
from puente.agreements.models import Proposal, ProposalStatus
from puente.agreements.selectors import alerts


def agreements_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    today = timezone.localdate()
    pending = Proposal.objects.exclude(status=ProposalStatus.ISSUED)
    return {
        "alerts": alerts(today)[:10],
        "proposals_pending": pending.count(),
        "proposals_late": pending.filter(due_on__lt=today).count(),
    }
