"""Demo funding sources and calls (titles say DEMO): one open, one closing soon, one upcoming;
and the demo proposals' applications to them, in each state."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from puente.agreements.models import Proposal
from puente.territory.models import Sector

from .models import Application, ApplicationStatus, Call, Source, SourceKind


def create_demo_funding() -> int:
    if Call.objects.filter(title__startswith="DEMO").exists():
        return 0
    today = timezone.localdate()
    swiss, _ = Source.objects.get_or_create(
        name="COSUDE (Agencia Suiza para el Desarrollo y la Cooperación)",
        defaults={"kind": SourceKind.BILATERAL, "eligible_applicants": "Entidades públicas y ONG"},
    )
    eu, _ = Source.objects.get_or_create(
        name="Unión Europea", defaults={"kind": SourceKind.MULTILATERAL}
    )
    calls = [
        (swiss, "DEMO · Agua y saneamiento en zonas rurales de frontera", -20, 45, "140"),
        (eu, "DEMO · Integración socioeconómica de población migrante", -40, 12, "160"),
        (eu, "DEMO · Salud pública en municipios fronterizos", 15, 90, "122"),
    ]
    for source, title, opens, closes, theme in calls:
        call = Call.objects.create(
            source=source, title=title, opens_on=today + timedelta(days=opens),
            closes_on=today + timedelta(days=closes), max_per_project=Decimal("300000"),
            total_amount=Decimal("3000000"), currency_id="EUR" if source == eu else "USD",
        )  # fmt: skip
        call.themes.set(Sector.objects.filter(code=theme))
    _create_demo_applications(today)
    return len(calls)


# (start of the proposal's title, call's title, status, requested, awarded, days ago sent)
APPLICATIONS = [
    ("DEMO · Escuelas", "DEMO · Integración", ApplicationStatus.AWARDED, "250000", "180000", 30),
    ("DEMO · Comedor", "DEMO · Integración", ApplicationStatus.SUBMITTED, "120000", None, 6),
    ("DEMO · Centro", "DEMO · Integración", ApplicationStatus.DRAFTING, "150000", None, None),
]


def _create_demo_applications(today: date) -> None:
    """Applications of the demo proposals, when the concepts' demo made them."""
    for proposal_title, call_title, status, requested, awarded, sent in APPLICATIONS:
        proposal = Proposal.objects.filter(title__startswith=proposal_title).first()
        call = Call.objects.filter(title__startswith=call_title).first()
        if proposal is None or call is None:
            continue
        Application.objects.create(
            proposal=proposal, call=call, status=status, currency_id=call.currency_id,
            amount_requested=Decimal(requested),
            amount_awarded=Decimal(awarded) if awarded else None,
            submitted_on=today - timedelta(days=sent) if sent else None,
            decided_on=today - timedelta(days=5) if awarded else None,
        )  # fmt: skip
