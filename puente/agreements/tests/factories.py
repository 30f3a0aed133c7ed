"""Test data for agreements and proposals."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.utils import timezone

from puente.accounts.roles import Role
from puente.agreements.models import Agreement, AgreementDocument, Party, PartyRole, Proposal
from puente.agreements.workflow import Kind
from puente.directory.models import Organisation, OrganisationKind
from puente.directory.tests.factories import OrganisationFactory
from puente.lib.workdays import add_working_days, received_on
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import make_user


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True  # the papers are rows of their own

    kind = Kind.CONVENTION
    title = "Convenio de agua potable para Tibú"
    purpose = "Aunar esfuerzos para llevar agua potable a veredas de Tibú."
    signed_on = date(2026, 2, 1)
    starts_on = date(2026, 2, 15)
    ends_on = date(2026, 12, 31)
    value = Decimal("1500000000")

    # What signing asks for: two parties and the signed copy (`signing_papers=False`: an
    # agreement still being written, to test the refusal).
    @factory.post_generation
    def signing_papers(agreement: Agreement, create: bool, extracted: object, **kwargs: object):  # noqa: ANN201, N805
        if not create or extracted is False:
            return
        for role in (PartyRole.GOVERNORATE, PartyRole.PARTNER):
            Party.objects.create(agreement=agreement, organisation=OrganisationFactory(), role=role)
        AgreementDocument.objects.create(
            agreement=agreement,
            title="Texto firmado",
            file=ContentFile(b"%PDF-1.4 signed", name="firmado.pdf"),
            content_type="application/pdf",
            is_signed_copy=True,
        )


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


def _proposer_of(organisation: Organisation) -> User:
    account = organisation.reporters.first()
    return account.user if account else make_proposer(organisation=organisation)[0]


class ProposalFactory(factory.django.DjangoModelFactory):
    """A department office's proposal, filed now (due in 15 working days), in Tibú and Cúcuta."""

    class Meta:
        model = Proposal

    organisation = factory.LazyFunction(lambda: make_proposer()[1])
    submitted_by = factory.LazyAttribute(lambda p: _proposer_of(p.organisation))
    title = "Salud para la frontera"
    objective = "Brigadas de salud en veredas de frontera."
    budget = Decimal("800000000")
    cofinancing = Decimal("200000000")
    submitted_at = factory.LazyFunction(timezone.now)
    received_on = factory.LazyAttribute(lambda p: received_on(p.submitted_at))
    due_on = factory.LazyAttribute(lambda p: add_working_days(p.received_on, 15))
    people = 1200

    @factory.post_generation
    def places_and_people(self, create: bool, extracted: object, **kwargs: object) -> None:
        self.municipalities.set(Municipality.objects.filter(code__in=["54810", "54001"]))
        self.populations.set(TargetPopulation.objects.all()[:1])
