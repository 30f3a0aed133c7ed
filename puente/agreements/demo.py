"""Demo agreements (marked DEMO in their reference): a treaty on its way, a convention in force
ending soon with an obligation due, a memorandum in legal review; and proposals whose concepts
stand in every state (titles marked DEMO)."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from puente.directory.models import Organisation
from puente.lib.workdays import add_working_days, received_on
from puente.territory.models import Municipality, Sector, TargetPopulation

from .defaults import ensure_default_criteria
from .models import (
    Agreement,
    Concept,
    Criterion,
    CriterionScore,
    Decision,
    Obligation,
    Party,
    PartyRole,
    Proposal,
    ProposalStatus,
)
from .services import issue_concept
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


# (proposer, title, objective, municipality, sector, populations, people, budget COP, days ago
# filed, decision: None = not assessed yet, "" = assessment begun, else the concept issued)
PROPOSALS = [
    ("Alcaldía de Villa del Rosario", "DEMO · Comedor comunitario para familias caminantes",
     "Dar dos comidas diarias a familias que cruzan a pie por el puente internacional.",
     "54874", "52010", ["migrants", "families"], 1800, "420000000", 2, None),
    ("Alcaldía de San José de Cúcuta", "DEMO · Centro de orientación para población retornada",
     "Orientar a colombianos retornados sobre documentos, salud, empleo y vivienda.",
     "54001", "15190", ["returnees"], 3200, "650000000", 9, ""),
    ("Universidad Francisco de Paula Santander", "DEMO · Escuelas de frontera con conectividad",
     "Llevar conectividad y formación docente a sedes rurales de Tibú y El Tarra.",
     "54810", "11220", ["children", "youth"], 2400, "980000000", 40, Decision.VIABLE),
    ("Diócesis de Cúcuta – Pastoral Social", "DEMO · Casas de paso en la vía a Pamplona",
     "Abrir dos casas de paso con atención básica para caminantes en ruta al interior.",
     "54518", "72010", ["migrants"], 5000, "1500000000", 60, Decision.NOT_VIABLE),
]  # fmt: skip


def create_demo_concepts(staff: User | None) -> int:
    """Four proposals: one just filed, one being assessed, one viable (with its portfolio
    project still to create) and one not viable, both issued with their PDF."""
    if staff is None or Proposal.objects.filter(title__startswith="DEMO").exists():
        return 0
    ensure_default_criteria()
    for row in PROPOSALS:
        proposer, title, objective, place, sector, pops, people, budget, ago, decision = row
        organisation = Organisation.objects.filter(name=proposer).first()
        if organisation is None:
            continue  # the demo organisations were not made
        filed = timezone.now() - timedelta(days=ago)
        proposal = Proposal.objects.create(
            organisation=organisation, submitted_by=staff, title=title, objective=objective,
            people=people, budget=Decimal(budget), cofinancing=Decimal(budget) / 10,
            received_on=received_on(filed), status=ProposalStatus.SUBMITTED,
            due_on=add_working_days(received_on(filed), settings.PUENTE_CONCEPT_WORKING_DAYS),
        )  # fmt: skip
        Proposal.objects.filter(pk=proposal.pk).update(submitted_at=filed)
        proposal.municipalities.set(Municipality.objects.filter(code=place))
        proposal.sectors.set(Sector.objects.filter(code=sector))
        proposal.populations.set(TargetPopulation.objects.filter(code__in=pops))
        if decision is not None:
            _assess(proposal, decision, staff)
    return len(PROPOSALS)


def _assess(proposal: Proposal, decision: str, staff: User) -> None:
    summaries: dict[str, str] = {
        Decision.VIABLE: "Demostración: objetivo claro, presupuesto coherente y cofinanciación asegurada.",
        Decision.NOT_VIABLE: "Demostración: el presupuesto no cubre las actividades y no hay cofinanciación ni plan de sostenibilidad.",
    }  # fmt: skip
    concept = Concept.objects.create(
        proposal=proposal, decision=decision, summary=summaries.get(decision, "")
    )
    criteria = list(Criterion.objects.filter(active=True))
    scored = criteria if decision else criteria[:3]  # an assessment begun scores a few criteria
    score = 2 if decision == Decision.NOT_VIABLE else 4
    CriterionScore.objects.bulk_create(
        CriterionScore(concept=concept, criterion=c, score=score, rationale="Demostración.")
        for c in scored
    )
    proposal.status = ProposalStatus.ASSESSING
    proposal.save(update_fields=["status"])
    if decision:
        issue_concept(concept, staff)  # issued today: the PDF and the page say the same date
