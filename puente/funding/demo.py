"""Demo funding sources and calls (titles say DEMO): one open, one closing soon, one upcoming."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from puente.territory.models import Sector

from .models import Call, Source, SourceKind


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
    return len(calls)
