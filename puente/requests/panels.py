"""The PQRSD panel of the staff dashboard (open requests by traffic light) and its "My work"."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import is_secretariat
from puente.lib.work import LIMIT, WorkItem
from puente.requests.models import Request
from puente.requests.selectors import light_counts


def pqrsd_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not is_secretariat(request.user):
        return None
    return {"counts": light_counts(Request.objects.all(), timezone.localdate())}


def pqrsd_work(user: User, today: date) -> list[WorkItem]:
    """Open requests assigned to this person, and those nobody has taken yet, by legal deadline."""
    if not is_secretariat(user):
        return []
    waiting = Request.objects.open().filter(Q(assigned_to=user) | Q(assigned_to__isnull=True))
    return [
        WorkItem(
            title=str(r),
            url=reverse("pqrsd-staff:detail", args=[r.pk]),
            clock=_("answer due") if r.assigned_to_id else _("nobody assigned; answer due"),
            due=r.due_on,
            late=r.due_on < today,
        )
        for r in waiting.order_by("due_on")[:LIMIT]
    ]
