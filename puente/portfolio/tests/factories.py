"""Factories for portfolio tests."""

from datetime import date
from decimal import Decimal

import factory

from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import (
    Activity,
    ActivitySector,
    Budget,
    Location,
    OrganisationRole,
    Participation,
    Transaction,
)
from puente.territory.models import Municipality


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    title_es = factory.Sequence(lambda n: f"Proyecto de prueba {n}")
    title_en = factory.Sequence(lambda n: f"Test project {n}")
    planned_start = date(2025, 1, 1)
    planned_end = date(2025, 12, 31)
    is_public = True


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    activity = factory.SubFactory(ActivityFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationRole.IMPLEMENTING


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    activity = factory.SubFactory(ActivityFactory)
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="54001"))


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivitySector

    activity = factory.SubFactory(ActivityFactory)
    sector_id = "12220"
    percentage = Decimal("100")


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    activity = factory.SubFactory(ActivityFactory)
    period_start = date(2025, 1, 1)
    period_end = date(2025, 12, 31)
    amount = Decimal("100000.00")
    currency_id = "USD"


class TransactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transaction

    activity = factory.SubFactory(ActivityFactory)
    kind = "3"
    date = date(2025, 3, 1)
    amount = Decimal("25000.00")
    currency_id = "USD"
