"""The agreements panel of the staff dashboard (ends and obligations due within 30 days or late)
and its "My work": concepts to issue, and the clocks of the agreements a person looks after."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import is_secretariat
from puente.agreements.models import Proposal, ProposalStatus
from puente.agreements.selectors import alerts
from puente.lib.work import LIMIT, WorkItem


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


def concepts_work(user: User, today: date) -> list[WorkItem]:
    if not is_secretariat(user):
        return []
    pending = Proposal.objects.exclude(status=ProposalStatus.ISSUED).select_related("organisation")
    return [
        WorkItem(
            title=f"{p.title} ({p.organisation.short_name})",
            url=reverse("concepts:proposal", args=[p.pk]),
            clock=_("concept due"),
            due=p.due_on,
            late=p.due_on < today,
        )
        for p in pending.order_by("due_on")[:LIMIT]
    ]


def agreements_work(user: User, today: date) -> list[WorkItem]:
    """Agreements ending and obligations falling due within 30 days (or late), of agreements this
    person is responsible for or that have nobody responsible."""
    if not is_secretariat(user):
        return []
    items = []
    for alert in alerts(today):
        if alert.agreement.responsible_id not in (None, user.pk):
            continue
        ends = alert.what == "end"
        items.append(
            WorkItem(
                title=str(alert.agreement) if ends else f"{alert.what} · {alert.agreement}",
                url=reverse("agreements:detail", args=[alert.agreement.pk]),
                clock=_("agreement ends") if ends else _("obligation due"),
                due=alert.due,
                late=alert.due < today,
            )
        )
    return items[:LIMIT]
