"""The staff export carries money and people, as numbers and dates a spreadsheet can total."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from puente.portfolio.models import Beneficiaries, ExchangeRate, Nationality, Sex
from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory, TransactionFactory
from puente.territory.models import TargetPopulation

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded():  # noqa: ANN201
    """A euro project: a budget in euros, one in francs (no rate), a disbursement in dollars."""
    ExchangeRate.objects.all().delete()
    for currency, pesos in (("USD", "4000"), ("EUR", "4400")):
        ExchangeRate.objects.create(
            currency_id=currency, valid_from=datetime.date(2024, 1, 1), cop_per_unit=pesos
        )
    activity = ActivityFactory(
        title_es="Agua segura en Tibú",
        currency_id="EUR",
        planned_start=datetime.date(2025, 2, 1),
    )
    BudgetFactory(
        activity=activity,
        amount=Decimal("1000"),
        currency_id="EUR",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    BudgetFactory(
        activity=activity,
        amount=Decimal("50"),
        currency_id="CHF",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    TransactionFactory(activity=activity, kind="3", amount=Decimal("1100"), currency_id="USD",
                       date=datetime.date(2025, 3, 1))  # fmt: skip
    population = TargetPopulation.objects.first()
    for sex, nationality, count in (
        (Sex.FEMALE, Nationality.VENEZUELAN, 12),
        (Sex.MALE, Nationality.COLOMBIAN, 5),
    ):
        Beneficiaries.objects.create(activity=activity, population=population, sex=sex,
                                     nationality=nationality, count=count)  # fmt: skip
    return activity, population


def _csv(client) -> list[dict[str, str]]:  # noqa: ANN001
    response = client.get(reverse("portfolio:export", args=["csv"]), {"q": "Tibú"})
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_carries_money_in_three_currencies_and_people(staff_client, funded):
    _activity, population = funded
    [row] = _csv(staff_client)
    # 1,000 EUR budgeted (the 50 CHF have no rate: left out, and said so).
    assert (row["budget"], row["budget_cop"], row["budget_usd"]) == (
        "1000.00", "4400000.00", "1100.00"
    )  # fmt: skip
    assert row["amounts_without_rate"] == "CHF"
    # 1,100 USD disbursed = 4,400,000 COP = 1,000 EUR.
    assert (row["disbursed"], row["disbursed_cop"], row["disbursed_usd"]) == (
        "1000.00", "4400000.00", "1100.00"
    )  # fmt: skip
    assert row["committed"] == row["spent"] == ""  # nothing recorded is not zero
    assert (row["people"], row["people_female"], row["people_venezuelan"]) == ("17", "12", "12")
    assert row["people_by_population"] == f"{population}: 17"
    assert row["stage"] == "Idea" and row["currency"] == "EUR"


def test_the_xlsx_holds_numbers_as_numbers_and_dates_as_dates(staff_client, funded):
    response = staff_client.get(reverse("portfolio:export", args=["xlsx"]), {"q": "Tibú"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, sheet[2], strict=True))
    assert values["budget_cop"].value == 4_400_000 and values["budget_cop"].data_type == "n"
    assert values["people"].value == 17
    assert values["planned_start"].is_date
    assert values["planned_start"].value.date() == datetime.date(2025, 2, 1)
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}2"
    assert sheet.freeze_panes == "A2"


def test_a_revised_budget_replaces_its_original_and_nothing_convertible_is_left_empty(
    staff_client, funded
):
    activity, _population = funded
    BudgetFactory(
        activity=activity,
        kind="2",
        amount=Decimal("1200"),
        currency_id="EUR",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    only_francs = ActivityFactory(title_es="Francos en Tibú", currency_id="CHF")
    TransactionFactory(activity=only_francs, kind="4", amount=Decimal("10"), currency_id="CHF")
    rows = {row["title_es"]: row for row in _csv(staff_client)}
    # Original 1,000 EUR and 50 CHF, revised to 1,200 EUR for the same year: the revision counts.
    assert rows["Agua segura en Tibú"]["budget"] == "1200.00"
    # Ten francs with no rate: no total in any currency, rather than a misleading 0.
    francs = rows["Francos en Tibú"]
    assert (francs["spent"], francs["spent_cop"], francs["spent_usd"]) == ("10.00", "", "")
    assert francs["amounts_without_rate"] == "CHF"
