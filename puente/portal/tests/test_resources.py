"""Resources mobilised: public budgets in pesos by funder, sector and year, on a page and at home."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from puente.directory.tests.factories import OrganisationFactory
from puente.portal.selectors import public_resources
from puente.portfolio.models import ExchangeRate, OrganisationRole
from puente.portfolio.tests.factories import (
    ActivityFactory,
    BudgetFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio():
    ExchangeRate.objects.create(currency_id="USD", valid_from=date(2024, 1, 1), cop_per_unit=4000)
    unicef = OrganisationFactory(
        name="Fondo de las Naciones Unidas para la Infancia", acronym="UNICEF"
    )
    usaid = OrganisationFactory(name="Agencia de los Estados Unidos", acronym="USAID")
    shared = ActivityFactory()  # two funders, two sectors
    for funder in (unicef, usaid):
        ParticipationFactory(activity=shared, organisation=funder, role=OrganisationRole.FUNDING)
    SectorFactory(activity=shared, sector_id="12220", percentage=Decimal("75"))  # health (122)
    SectorFactory(activity=shared, sector_id="11220", percentage=Decimal("25"))  # education (112)
    BudgetFactory(activity=shared, amount=Decimal("1000"), currency_id="USD")  # 4,000,000 COP
    alone = ActivityFactory()
    ParticipationFactory(activity=alone, organisation=unicef, role=OrganisationRole.FUNDING)
    BudgetFactory(activity=alone, amount=Decimal("2000000"), currency_id="COP",
                  period_start=date(2026, 2, 1), period_end=date(2026, 12, 31))  # fmt: skip
    BudgetFactory(activity=alone, amount=Decimal("10"), currency_id="EUR")  # no rate for euros
    hidden = ActivityFactory(is_public=False)
    BudgetFactory(activity=hidden, amount=Decimal("999999999"), currency_id="COP")
    return unicef, usaid


def test_every_chart_adds_up_to_the_public_total(portfolio):
    unicef, usaid = portfolio
    figures = public_resources()
    assert figures.total == Decimal("6000000.00")
    assert dict(figures.by_source) == {unicef.pk: Decimal("4000000"), usaid.pk: Decimal("2000000")}
    assert dict(figures.by_sector) == {
        "122": Decimal("3000000"),
        "112": Decimal("1000000"),
        None: Decimal("2000000"),
    }
    assert figures.by_year == [(2025, Decimal("4000000.00")), (2026, Decimal("2000000.00"))]
    assert figures.missing_rates == ["EUR"]


def test_the_resources_page_shows_each_chart_as_a_table(portfolio):
    page = Client().get("/es/cooperacion/recursos/").content.decode()
    assert "suman 6\xa0000\xa0000 pesos colombianos" in page
    assert "UNICEF" in page and "USAID" in page and "Sin sector indicado" in page
    assert "EUR" in page  # said, not silently dropped
    assert page.count('<svg aria-hidden="true"') == 2 + 3 + 2


def test_with_no_budget_the_page_says_so():
    page = Client().get("/en/cooperation/resources/").content.decode()
    assert "No public activity has a budget yet." in page


def test_the_home_page_counts_municipalities_reached_and_resources():
    LocationFactory()  # one municipality
    BudgetFactory(activity=LocationFactory().activity, amount=Decimal("2500000"), currency_id="COP")
    page = Client().get("/es/").content.decode()
    assert "de los 40 municipios con actividades" in page
    assert "2,5 millones" in page


def test_partners_are_filtered_by_the_theme_of_their_public_activities(portfolio):
    unicef, usaid = portfolio
    education = Client().get("/es/socios/", {"theme": "112"}).content.decode()
    assert "UNICEF" in education and "USAID" in education
    health_only = ActivityFactory()
    SectorFactory(activity=health_only, sector_id="12220")
    ngo = ParticipationFactory(activity=health_only).organisation
    education = Client().get("/es/socios/", {"theme": "112"}).content.decode()
    assert ngo.name not in education
    assert ngo.name in Client().get("/es/socios/", {"theme": "122"}).content.decode()
    # Each count links to that partner's public activities.
    assert f"/es/cooperacion/proyectos/?organisation={unicef.pk}" in education


def test_the_open_data_resources_add_up_to_the_total_in_every_dimension(portfolio, settings):
    """Many funders, some activities with none: every peso is in a row, typed as a number."""
    import io

    from openpyxl import load_workbook

    for n in range(15):  # more funders than the chart shows
        activity = ActivityFactory()
        funder = OrganisationFactory(name=f"Donante {n}")
        ParticipationFactory(activity=activity, organisation=funder, role=OrganisationRole.FUNDING)
        BudgetFactory(activity=activity, amount=Decimal(1000 + n), currency_id="COP")
    BudgetFactory(activity=ActivityFactory(), amount=Decimal("500"), currency_id="COP")  # no funder
    total = public_resources().total
    response = Client().get("/es/datos-abiertos/resources.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    for dimension in ("source", "sector", "year"):
        amounts = [row[3] for row in rows if row[0] == dimension]
        assert all(isinstance(amount, (int, float)) for amount in amounts), dimension
        assert abs(sum(amounts) - float(total)) < 0.05, dimension
    assert ["source", None, "Sin financiador indicado"] in [row[:3] for row in rows]


def test_the_chart_gathers_the_smaller_sources_in_one_bar(portfolio):
    for n in range(15):
        activity = ActivityFactory()
        ParticipationFactory(
            activity=activity,
            organisation=OrganisationFactory(name=f"Donante {n}", acronym=f"D{n}"),
            role=OrganisationRole.FUNDING,
        )
        BudgetFactory(activity=activity, amount=Decimal(1000 + n), currency_id="COP")
    page = Client().get("/es/cooperacion/recursos/").content.decode()
    assert "5 fuentes más" in page


def test_a_budget_and_its_revision_for_one_period_count_once():
    from puente.portfolio.models import Budget

    activity = ActivityFactory(is_public=True)
    original = BudgetFactory(activity=activity, amount=Decimal("1000000"), currency_id="COP")
    BudgetFactory(
        activity=activity, amount=Decimal("1500000"), currency_id="COP", kind=Budget.Kind.REVISED,
        period_start=original.period_start, period_end=original.period_end,
    )  # fmt: skip
    assert public_resources().total == Decimal("1500000")


def test_small_maps_shade_each_sector_by_municipality_on_one_scale(portfolio):
    from puente.portal.selectors import resources_by_category_and_place
    from puente.portfolio.models import Activity
    from puente.territory.models import Municipality

    shared = Activity.objects.get(sectors__sector_id="12220")
    tibu = Municipality.objects.get(code="54810")
    cucuta = Municipality.objects.get(code="54001")
    LocationFactory(activity=shared, municipality=tibu)
    LocationFactory(activity=shared, municipality=cucuta)
    # 4,000,000 pesos shared by two municipalities, then 75 % health and 25 % education.
    places = resources_by_category_and_place()
    assert places["122"] == {"54810": Decimal("1500000"), "54001": Decimal("1500000")}
    assert places["112"] == {"54810": Decimal("500000"), "54001": Decimal("500000")}
    assert None not in places and "" not in places  # the activity without sector or place

    page = Client().get("/es/cooperacion/recursos/").content.decode()
    assert page.count('class="choropleth-map small"') == 2
    assert 'role="img" aria-labelledby="sector-map-122-title"' in page
    # The same figures as a table, a row per municipality and a column per map.
    row = page.split('<th scope="row">Tibú</th>')[1].split("</tr>")[0]
    assert ">1\xa0500\xa0000<" in row and ">500\xa0000<" in row  # health, education
    assert "?figure=resources&amp;sector=122" in page
