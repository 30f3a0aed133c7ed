"""Reads of the agreements app: the staff lists' filters and the date alerts (30, 15, 5 days)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from puente.lib.names import fold
from puente.portfolio.models import Activity

from .models import Agreement, Decision, Obligation, Proposal, ProposalStatus
from .workflow import FINISHED, RUNNING, Step

THRESHOLDS = (30, 15, 5)
HORIZON = THRESHOLDS[0]
END_BY = "end__lte"


def with_current_end(agreements: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Annotates `end`: the latest extension's new end, or the original end date."""
    return agreements.annotate(end=Coalesce(Max("extensions__new_end"), "ends_on"))


def filter_agreements(
    q: str = "", kind: str = "", step: str = "", expiring: bool = False, today: date | None = None
) -> QuerySet[Agreement]:
    agreements = with_current_end(Agreement.objects.all())
    for word in q.split():
        agreements = agreements.filter(
            Q(title__icontains=word) | Q(reference__icontains=word) | Q(purpose__icontains=word)
            | Q(parties__organisation__name__icontains=word)
            | Q(parties__organisation__acronym__iexact=word)
        ).distinct()  # fmt: skip
    if kind:
        agreements = agreements.filter(kind=kind)
    if step:
        agreements = agreements.filter(step=step)
    if expiring:
        today = today or timezone.localdate()
        # `end` is the annotation above (keyword arguments: the type checker cannot see it).
        agreements = agreements.filter(
            step__in=RUNNING, **{END_BY: today + timedelta(days=HORIZON)}
        )
        return agreements.order_by(F("end").asc())
    return agreements.order_by("-updated_at", "-pk")


@dataclass(frozen=True)
class Alert:
    agreement: Agreement
    what: str  # "end" or the obligation's description
    due: date
    days_left: int
    obligation: Obligation | None = None

    @property
    def level(self) -> str:
        """The nearest threshold passed: overdue, 5, 15 or 30 days."""
        if self.days_left < 0:
            return "overdue"
        return str(min(t for t in THRESHOLDS if self.days_left <= t))


def alerts(today: date) -> list[Alert]:
    """Running agreements ending within 30 days, open obligations due within 30 days or late."""
    found = []
    horizon = today + timedelta(days=HORIZON)
    for agreement in with_current_end(Agreement.objects.running()).filter(**{END_BY: horizon}):
        end = agreement.end  # type: ignore[attr-defined]
        found.append(Alert(agreement, "end", end, (end - today).days))
    obligations = Obligation.objects.filter(done_on__isnull=True, due_on__lte=horizon).exclude(
        agreement__step__in=FINISHED
    )
    for obligation in obligations.select_related("agreement"):
        due = obligation.due_on
        found.append(
            Alert(obligation.agreement, obligation.description, due, (due - today).days, obligation)
        )
    return sorted(found, key=lambda alert: alert.due)


def filter_proposals(
    proposals: QuerySet[Proposal], q: str = "", status: str = "", late: bool = False,
    today: date | None = None,
) -> QuerySet[Proposal]:  # fmt: skip
    for word in fold(q).split():
        proposals = proposals.filter(
            Q(title__icontains=word) | Q(organisation__name__icontains=word)
            | Q(organisation__acronym__iexact=word)
        )  # fmt: skip
    if status:
        proposals = proposals.filter(status=status)
    if late:
        proposals = proposals.exclude(status=ProposalStatus.ISSUED).filter(
            due_on__lt=today or timezone.localdate()
        )
    return proposals.select_related("organisation", "concept")


# --- grounds for approving a portfolio project (registered with the portfolio's lifecycle) ---


def has_linked_agreement(activity: Activity) -> bool:
    """A signed agreement, convention or MoU (signed, in force or extended) names the project."""
    return Agreement.objects.filter(
        activities=activity, step__in=[Step.SIGNATURE, *RUNNING]
    ).exists()


def has_favourable_concept(activity: Activity) -> bool:
    """The project came from a proposal whose issued concept found it viable (with or without
    conditions)."""
    return Proposal.objects.filter(
        activity=activity,
        concept__issued_at__isnull=False,
        concept__decision__in=[Decision.VIABLE, Decision.CONDITIONAL],
    ).exists()
