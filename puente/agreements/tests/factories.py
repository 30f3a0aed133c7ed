"""Test data for agreements and proposals."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from puente.accounts.roles import Role
from puente.agreements.models import Agreement, Proposal
from puente.agreements.workflow import Kind
from puente.directory.models import OrganisationKind
from puente.directory.tests.factories import OrganisationFactory
from puente.lib.workdays import add_working_days, received_on
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import make_user


def make_agreement(**fields: object) -> Agreement:
    values: dict[str, object] = {
        "kind": Kind.CONVENTION,
        "title": "Convenio de agua potable para Tibú",
        "purpose": "Aunar esfuerzos para llevar agua potable a veredas de Tibú.",
        "signed_on": date(2026, 2, 1),
        "starts_on": date(2026, 2, 15),
        "ends_on": date(2026, 12, 31),
        "value": Decimal("1500000000"),
    }
    values.update(fields)
    return Agreement.objects.create(**values)


def make_proposer(username: str = "oficina.salud", organisation=None):  # noqa: ANN001, ANN201
    organisation = organisation or OrganisationFactory(
        name="Instituto Departamental de Salud",
        acronym="IDS",
        kind=OrganisationKind.STATE_DEPARTMENTAL,
    )
    user = make_user(username, Role.PROPOSER, organisation=organisation)
    user.email = f"{username}@example.gov.co"
    user.save()
    return user, organisation


def make_proposal(organisation=None, submitted_by=None, at: datetime | None = None) -> Proposal:  # noqa: ANN001
    if submitted_by is None:
        submitted_by, organisation = make_proposer(organisation=organisation)
    at = at or timezone.now()
    received = received_on(at)
    proposal = Proposal.objects.create(
        organisation=organisation, submitted_by=submitted_by, title="Salud para la frontera",
        objective="Brigadas de salud en veredas de frontera.", budget=Decimal("800000000"),
        cofinancing=Decimal("200000000"), submitted_at=at, received_on=received,
        due_on=add_working_days(received, 15), people=1200,
    )  # fmt: skip
    proposal.municipalities.set(Municipality.objects.filter(code__in=["54810", "54001"]))
    proposal.populations.set(TargetPopulation.objects.all()[:1])
    return proposal
