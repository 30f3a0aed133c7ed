"""Factories for portfolio tests."""

from datetime import date
from decimal import Decimal

import factory

from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.forms import INLINES
from puente.portfolio.models import (
    Activity,
    ActivitySector,
    Beneficiaries,
    Budget,
    Disaggregation,
    Indicator,
    IndicatorPeriod,
    Level,
    Location,
    Measure,
    OrganisationRole,
    Participation,
    Result,
    Transaction,
)
from puente.territory.models import Municipality, TargetPopulation


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


def activity_form_data(**overrides: object) -> dict[str, object]:
    """A complete, valid POST for the activity form with one row in each inline section."""
    data = {
        "title_es": "Atención primaria en salud para migrantes en Cúcuta",
        "title_en": "Primary health care for migrants in Cúcuta",
        "level": "project",
        "planned_start": "2026-01-01",
        "planned_end": "2026-12-31",
        "currency": "COP",
        "revision": "0",
    }
    for prefix, _title, _cls in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(
        {
            "sectors-0-sector": "12220",
            "sectors-0-percentage": "100",
            "locations-0-municipality": str(Municipality.objects.get(code="54001").pk),
            "budgets-0-kind": "1",
            "budgets-0-period_start": "2026-01-01",
            "budgets-0-period_end": "2026-12-31",
            "budgets-0-amount": "250000000",
            "budgets-0-currency": "COP",
            "transactions-0-kind": "3",
            "transactions-0-date": "2026-02-15",
            "transactions-0-amount": "50000.50",
            "transactions-0-currency": "USD",
            # What a browser sends for the untouched row of people: the selects' defaults.
            "beneficiaries-0-sex": "unspecified",
            "beneficiaries-0-age_group": "unspecified",
            "beneficiaries-0-nationality": "unspecified",
            "sdg_goals-0-goal": "3",
            "sdg_goals-0-target": "3.1",
        }
    )
    data.update(overrides)
    return data


def project_measuring(shared, parent, title, periods, unit="", measure=Measure.UNIT, people=0):
    """A project under `parent` whose indicator is linked to `shared`, with (year, target,
    actual, {category: (target, actual)} by sex) periods."""
    project = ActivityFactory(title_es=title, level=Level.PROJECT, parent=parent)
    result = Result.objects.create(activity=project, title="Orientación")
    indicator = Indicator.objects.create(
        result=result, title=f"Personas orientadas en {title}", shared=shared, unit=unit,
        measure=measure, baseline_value=Decimal(10),
    )  # fmt: skip
    for year, target, actual, by_sex in periods:
        period = IndicatorPeriod.objects.create(
            indicator=indicator, period_start=date(year, 1, 1), period_end=date(year, 12, 31),
            target=target, actual=actual,
        )  # fmt: skip
        for category, (sex_target, sex_actual) in by_sex.items():
            for side, value in (("target", sex_target), ("actual", sex_actual)):
                Disaggregation.objects.create(
                    period=period, side=side, dimension="sex", category=category, value=value
                )
    if people:
        Beneficiaries.objects.create(
            activity=project, population=TargetPopulation.objects.first(), count=people
        )
    return project
