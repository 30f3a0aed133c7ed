"""Reads of the funding app: calls by deadline, calls matched to viable proposals and to registered
needs, resources mobilised by source and year."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.agreements.models import Decision, Proposal
from puente.coordination.models import Need
from puente.lib.charts import shares
from puente.portfolio.selectors import RateTable
from puente.territory.models import Sector

from .models import Application, ApplicationStatus, Call


def filter_calls(q: str = "", status: str = "open", theme: str = "", today: date | None = None
                 ) -> QuerySet[Call]:  # fmt: skip
    today = today or timezone.localdate()
    calls = Call.objects.select_related("source")
    if status == "open":
        calls = calls.filter(opens_on__lte=today, closes_on__gte=today)
    elif status == "upcoming":
        calls = calls.filter(opens_on__gt=today)
    elif status == "closed":
        calls = calls.filter(closes_on__lt=today).order_by("-closes_on")
    for word in q.split():
        calls = calls.filter(Q(title__icontains=word) | Q(source__name__icontains=word))
    if theme:
        calls = calls.filter(Q(themes__code=theme) | Q(themes__category_id=theme)).distinct()
    return calls


def _categories(sectors: Iterable[Sector]) -> set[str]:
    """DAC sectors compared by their 3-digit category, so 12220 and 12240 meet under 122."""
    return {s.category_id or s.code for s in sectors}


@dataclass
class Match:
    proposal: Proposal
    call: Call
    reasons: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return len(self.reasons)


def _match(proposal: Proposal, call: Call) -> Match:
    """Theme, population and place in common; a call that names none of one accepts any."""
    found = Match(proposal, call)
    themes = _categories(call.themes.all())
    shared = themes & _categories(proposal.sectors.all())
    if shared:
        found.reasons.append(_("theme %s") % ", ".join(sorted(shared)))
    elif not themes:
        found.reasons.append(_("any theme"))
    populations = set(call.populations.all())
    if populations & set(proposal.populations.all()) or not populations:
        found.reasons.append(_("population"))
    places = set(call.municipalities.all())
    if places & set(proposal.municipalities.all()) or not places:
        found.reasons.append(_("place"))
    return found


def favourable_proposals() -> QuerySet[Proposal]:
    return Proposal.objects.filter(
        concept__issued_at__isnull=False,
        concept__decision__in=[Decision.VIABLE, Decision.CONDITIONAL],
    ).prefetch_related("sectors", "populations", "municipalities")


def matches_for_call(call: Call) -> list[Match]:
    """Viable proposals not yet sent to this call, best first; all three must fit to be listed."""
    applied = set(call.applications.values_list("proposal_id", flat=True))
    found = [_match(p, call) for p in favourable_proposals() if p.pk not in applied]
    return sorted((m for m in found if m.score == 3), key=lambda m: m.proposal.due_on)


def needs_for_call(call: Call) -> list[Need]:
    """Unmet needs the call could address: by theme, place and population, when it names them."""
    needs = Need.objects.filter(is_open=True).select_related(
        "municipality", "service", "population"
    )
    places = list(call.municipalities.all())
    if places:
        needs = needs.filter(municipality__in=places)
    populations = list(call.populations.all())
    if populations:
        needs = needs.filter(population__in=populations)
    themes = _categories(call.themes.all())
    return [need for need in needs if not themes or need.service.categories & themes]


def calls_for_proposal(proposal: Proposal, today: date) -> list[Match]:
    open_calls = filter_calls(today=today).prefetch_related(
        "themes", "populations", "municipalities"
    )
    found = [_match(proposal, call) for call in open_calls]
    return [m for m in found if m.score == 3]


def mobilised() -> list[tuple[str, int, Decimal, float]]:
    """Awarded amounts in pesos by source and year of the decision (dated exchange rates), each
    with its bar's length (a share of the largest)."""
    rates = RateTable()
    totals: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    awarded = Application.objects.filter(
        status=ApplicationStatus.AWARDED, amount_awarded__isnull=False, decided_on__isnull=False
    )
    for amount, currency, decided, source in awarded.values_list(
        "amount_awarded", "currency_id", "decided_on", "call__source__name"
    ):
        cop = rates.to_cop(amount, currency, decided) if decided else None
        if decided and cop is not None:
            totals[(source, decided.year)] += cop
    rows = sorted(((s, y, v) for (s, y), v in totals.items()), key=lambda row: (-row[1], -row[2]))
    return [
        (*row, share) for row, share in zip(rows, shares([v for _s, _y, v in rows]), strict=True)
    ]
