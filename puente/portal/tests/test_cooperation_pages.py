"""The public list, detail and map of cooperation: only what is public, filters, counts."""

import pytest

from puente.portfolio.tests.factories import ActivityFactory, LocationFactory
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


def test_the_map_page_carries_the_same_figures_as_a_table(client):
    LocationFactory(municipality=Municipality.objects.get(code="54810"))
    page = client.get("/es/cooperacion/mapa/").content.decode()
    assert (
        '<td><a href="/es/cooperacion/proyectos/?municipality=54810">Tibú</a></td><td class="num">1</td>'
        in page
    )
    assert (
        "/static/leaflet/leaflet.js" in page and "unpkg" not in page and "cdn" not in page.lower()
    )


def test_the_public_cannot_ask_for_drafts(client):
    ActivityFactory(title_es="Borrador interno", is_public=False)
    page = client.get("/es/cooperacion/proyectos/", {"public": "no"}).content.decode()
    assert "Borrador interno" not in page and 'name="public"' not in page
