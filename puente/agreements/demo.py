"""Demo agreements (marked DEMO in their reference): a treaty on its way, a convention in force
ending soon with an obligation due, a memorandum in legal review."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from puente.directory.models import Organisation

from .models import Agreement, Obligation, Party, PartyRole
from .workflow import Kind, Step


def create_demo_agreements(staff: User | None) -> int:
    if Agreement.objects.filter(reference__startswith="DEMO-").exists():
        return 0
    today = timezone.localdate()
    by_acronym = {o.acronym: o for o in Organisation.objects.exclude(acronym="")}
    rows = [
        ("DEMO-001", Kind.TREATY, Step.CONGRESS, "Acuerdo binacional de salud en la zona de frontera",
         "Atención en salud a ambos lados del límite para la población que cruza a diario.",
         None, None, ["OPS"]),
        ("DEMO-002", Kind.CONVENTION, Step.IN_FORCE, "Convenio de protección de la niñez migrante",
         "Rutas de protección para niñas, niños y adolescentes migrantes en Cúcuta y Villa del Rosario.",
         today - timedelta(days=340), today + timedelta(days=25), ["UNICEF"]),
        ("DEMO-003", Kind.MOU, Step.LEGAL_REVIEW, "Memorando de entendimiento con la academia",
         "Estudios conjuntos sobre integración fronteriza y movilidad humana.",
         None, None, []),
    ]  # fmt: skip
    for reference, kind, step, title, purpose, starts, ends, partners in rows:
        agreement = Agreement.objects.create(
            reference=reference, kind=kind, step=step, title=title, purpose=purpose,
            starts_on=starts, signed_on=starts, ends_on=ends, responsible=staff,
            value=Decimal("850000000") if ends else None,
        )  # fmt: skip
        for acronym in partners:
            if acronym in by_acronym:
                Party.objects.create(agreement=agreement, organisation=by_acronym[acronym],
                                     role=PartyRole.PARTNER, cash=Decimal("600000000"))  # fmt: skip
        if ends:
            Obligation.objects.create(agreement=agreement, description="Informe técnico trimestral",
                                      responsible="Secretaría de Fronteras", due_on=today + timedelta(days=12))  # fmt: skip
    return len(rows)
