"""The public list, detail and map of cooperation: only what is public, filters, counts."""

from decimal import Decimal

import pytest

from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory, LocationFactory
from puente.territory.models import Municipality

pytestmark = pytest.mark.django_db


def test_the_public_list_shows_only_public_activities_and_filters_by_place(client):
    tibu = Municipality.objects.get(code="54810")
    LocationFactory(municipality=tibu, activity__title_es="Agua para Tibú")
    LocationFactory(activity__title_es="Salud en Cúcuta")
    ActivityFactory(title_es="Borrador interno", is_public=False)
    page = client.get("/es/cooperacion/proyectos/").content.decode()
    assert "Agua para Tibú" in page and "Salud en Cúcuta" in page and "Borrador interno" not in page
    filtered = client.get("/es/cooperacion/proyectos/", {"municipality": "54810"}).content.decode()
    assert "Agua para Tibú" in filtered and "Salud en Cúcuta" not in filtered


def test_a_draft_has_no_public_page(client):
    draft = ActivityFactory(is_public=False)
    assert client.get(f"/es/cooperacion/proyectos/{draft.pk}/").status_code == 404
    public = ActivityFactory(title_es="Visible")
    assert "Visible" in client.get(f"/es/cooperacion/proyectos/{public.pk}/").content.decode()


def test_the_map_data_counts_public_activities_per_municipality(client, staff_client):
    tibu = Municipality.objects.get(code="54810")
    for _ in range(3):
        LocationFactory(municipality=tibu)
    LocationFactory(municipality=tibu, activity__is_public=False)
    rows = {r["code"]: r for r in client.get("/api/map/municipalities").json()}
    assert len(rows) == 40
    assert rows["54810"]["activities"] == 3 and rows["54001"]["activities"] == 0
    assert rows["54810"]["latitude"] == pytest.approx(8.6394)
    staff_rows = {r["code"]: r for r in staff_client.get("/api/map/municipalities").json()}
    assert staff_rows["54810"]["activities"] == 4


def test_the_map_page_carries_its_own_map_and_the_same_figures_as_a_table(client):
    LocationFactory(municipality=Municipality.objects.get(code="54810"), activity__is_public=True)
    response = client.get("/es/cooperacion/mapa/")
    page = response.content.decode()
    row = page[page.index('<tr id="fila-54810">') :]
    row = row[: row.index("</tr>")]
    assert '<a href="?&amp;municipio=54810#cifras">Tibú</a>' in row
    assert '<td class="num">1</td>' in row
    # The map is drawn in the page: 40 municipalities as links, the border, nothing from outside.
    assert page.count('class="municipality') == 80  # the map and its metropolitan enlargement
    assert 'aria-label="Tibú: 1 · Actividades"' in page and 'class="border"' in page
    assert "leaflet" not in page and "unpkg" not in page and "cdn" not in page.lower()
    assert len(response.content) < 400_000


def test_a_chosen_municipality_shows_its_figures_and_a_link_to_its_activities(client):
    LocationFactory(municipality=Municipality.objects.get(code="54810"), activity__is_public=True)
    page = client.get("/es/cooperacion/mapa/", {"municipio": "54810", "figure": "partners"})
    text = page.content.decode()
    assert '<h2 id="cifras-h">Tibú</h2>' in text
    assert 'href="/es/cooperacion/proyectos/?municipality=54810"' in text
    assert "Socios presentes" in text and 'aria-current="true"' in text
    # An unknown municipality or figure falls back quietly.
    other = client.get("/es/cooperacion/mapa/", {"municipio": "99999", "figure": "x"})
    assert other.status_code == 200 and "Las cifras de un municipio" in other.content.decode()


def test_money_on_the_map_is_told_in_millions_of_pesos(client):
    location = LocationFactory(
        municipality=Municipality.objects.get(code="54810"), activity__is_public=True
    )
    BudgetFactory(activity=location.activity, amount=Decimal("2500000"), currency_id="COP")
    page = client.get("/es/cooperacion/mapa/", {"figure": "resources"}).content.decode()
    assert '<p class="legend-title">Millones de pesos (COP)</p>' in page
    assert "sombreados según los recursos en pesos colombianos de las" in page  # not "(cop)"
    assert "</svg>2,5</li>" in page  # one band, 2.5 million; the table keeps whole pesos
    assert 'aria-label="Tibú: 2\xa0500\xa0000 · Recursos (COP)"' in page


def test_the_public_cannot_ask_for_drafts(client):
    ActivityFactory(title_es="Borrador interno", is_public=False)
    page = client.get("/es/cooperacion/proyectos/", {"public": "no"}).content.decode()
    assert "Borrador interno" not in page and 'name="public"' not in page


def test_the_map_counts_a_revised_budget_once_and_shares_it_with_places_outside(client):
    from decimal import Decimal

    from puente.portal.selectors import municipal_figures
    from puente.portfolio.models import Budget
    from puente.portfolio.selectors import ActivityFilter
    from puente.portfolio.tests.factories import BudgetFactory

    tibu = Municipality.objects.get(code="54810")
    abroad = Municipality.objects.filter(department__country="VE").first()
    activity = LocationFactory(municipality=tibu, activity__is_public=True).activity
    LocationFactory(activity=activity, municipality=abroad)
    original = BudgetFactory(activity=activity, amount=Decimal("1000"), currency_id="COP")
    BudgetFactory(
        activity=activity, amount=Decimal("3000"), currency_id="COP", kind=Budget.Kind.REVISED,
        period_start=original.period_start, period_end=original.period_end,
    )  # fmt: skip
    figures = municipal_figures(ActivityFilter(municipality="54810"))
    assert figures["54810"].resources == Decimal("1500")  # the revision, half of it in Tibú
    assert figures["54810"].activities == 1
