"""Totals in COP and USD with dated exchange rates; indicator progress and disaggregation."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from puente.portfolio.models import (
    Disaggregation,
    ExchangeRate,
    Indicator,
    IndicatorPeriod,
    Result,
)
from puente.portfolio.selectors import RateTable, activity_finance
from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory, TransactionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates():
    ExchangeRate.objects.create(
        currency_id="USD", valid_from=date(2024, 1, 1), cop_per_unit=Decimal("4000")
    )
    ExchangeRate.objects.create(
        currency_id="USD", valid_from=date(2025, 1, 1), cop_per_unit=Decimal("4400")
    )
    ExchangeRate.objects.create(
        currency_id="EUR", valid_from=date(2024, 1, 1), cop_per_unit=Decimal("4800")
    )


def test_the_rate_in_force_on_the_date_is_used(rates):
    table = RateTable()
    assert table.to_cop(Decimal("10"), "USD", date(2024, 6, 30)) == Decimal("40000.00")
    assert table.to_cop(Decimal("10"), "USD", date(2025, 1, 1)) == Decimal("44000.00")
    assert table.to_usd(Decimal("10"), "EUR", date(2025, 3, 1)) == Decimal("10.91")
    assert table.to_cop(Decimal("10"), "COP", date(2025, 3, 1)) == Decimal("10")
    assert table.to_cop(Decimal("10"), "JPY", date(2025, 3, 1)) is None


def test_activity_totals_are_exact_decimals_and_name_missing_rates(rates):
    activity = ActivityFactory()
    BudgetFactory(
        activity=activity,
        amount=Decimal("100000.10"),
        currency_id="USD",
        period_start=date(2025, 1, 1),
    )
    BudgetFactory(activity=activity, amount=Decimal("1000"), currency_id="JPY")
    TransactionFactory(
        activity=activity,
        kind="3",
        amount=Decimal("0.10"),
        currency_id="USD",
        date=date(2025, 2, 1),
    )
    TransactionFactory(
        activity=activity,
        kind="3",
        amount=Decimal("0.20"),
        currency_id="USD",
        date=date(2025, 2, 2),
    )
    finance = activity_finance(activity)
    assert finance["budget"].cop == Decimal("440000440.00")
    assert finance["budget"].missing_rates == {"JPY"}
    assert finance["3"].usd == Decimal("0.30")  # a float would give 0.30000000000000004


def _indicator(activity, baseline="10"):
    result = Result.objects.create(activity=activity, title="Personas atendidas")
    return Indicator.objects.create(
        result=result, title="Consultas de salud", baseline_value=Decimal(baseline)
    )


def test_progress_is_measured_from_the_baseline_towards_the_target():
    indicator = _indicator(ActivityFactory())
    period = IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        target=Decimal("110"),
        actual=Decimal("60"),
    )
    assert period.progress == Decimal("50.0")


def test_staff_add_a_period_with_disaggregation_and_see_it_on_the_activity(staff_client):
    activity = ActivityFactory()
    indicator = _indicator(activity, baseline="0")
    response = staff_client.post(
        reverse("portfolio:period_add", args=[activity.pk, indicator.pk]),
        {
            "period_start": "2025-01-01",
            "period_end": "2025-12-31",
            "target": "200",
            "actual": "150",
            "dim-TOTAL_FORMS": "2",
            "dim-INITIAL_FORMS": "0",
            "dim-0-side": "actual",
            "dim-0-dimension": "sex",
            "dim-0-category": "female",
            "dim-0-value": "90",
            "dim-1-side": "actual",
            "dim-1-dimension": "nationality",
            "dim-1-category": "venezuelan",
            "dim-1-value": "100",
        },
    )
    assert response.status_code == 302
    assert Disaggregation.objects.filter(period__indicator=indicator).count() == 2
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "75 %" in page
    assert "female: 90" in page and "venezuelan: 100" in page


def test_a_period_that_ends_before_it_starts_is_refused(staff_client):
    activity = ActivityFactory()
    indicator = _indicator(activity)
    response = staff_client.post(
        reverse("portfolio:period_add", args=[activity.pk, indicator.pk]),
        {
            "period_start": "2025-12-01",
            "period_end": "2025-01-01",
            "dim-TOTAL_FORMS": "0",
            "dim-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert not IndicatorPeriod.objects.exists()
