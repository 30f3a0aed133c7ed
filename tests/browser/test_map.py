"""The public map: a visitor shades by people reached and reads Tibú's figures, by mouse and keyboard."""

import pytest
from playwright.sync_api import Page, expect

from puente.portfolio.models import Beneficiaries
from puente.portfolio.tests.factories import BudgetFactory, LocationFactory
from puente.territory.models import Municipality, TargetPopulation

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def two_activities_in_tibu(reference_data):  # noqa: ANN001, ANN201
    tibu, cucuta = (Municipality.objects.get(code=c) for c in ("54810", "54001"))
    migrants = TargetPopulation.objects.first()
    only_tibu = LocationFactory(municipality=tibu, activity__is_public=True).activity
    both = LocationFactory(municipality=tibu, activity__is_public=True).activity
    LocationFactory(activity=both, municipality=cucuta)
    Beneficiaries.objects.create(activity=only_tibu, population=migrants, count=1200)
    Beneficiaries.objects.create(activity=both, population=migrants, count=900)  # half in Tibú
    BudgetFactory(activity=only_tibu)


def tibu_people_in_the_table(page: Page) -> str:
    return page.locator("#fila-54810 td").nth(2).inner_text()


def test_a_visitor_shades_by_people_and_reads_tibus_figures(page: Page, two_activities_in_tibu):
    page.goto("/es/cooperacion/mapa/")
    page.get_by_label("Sombrear municipios por").select_option("people")
    page.get_by_role("button", name="Aplicar").click()
    expect(page.locator(".legend-title")).to_have_text("Personas alcanzadas")
    page.get_by_role("link", name="Tibú: 1\xa0650 · Personas alcanzadas").first.click()
    figures = page.locator("#cifras")
    expect(figures.get_by_role("heading", level=2)).to_have_text("Tibú")
    shown = (
        figures.locator("dt", has_text="Personas alcanzadas").locator("xpath=../dd").inner_text()
    )
    assert shown == tibu_people_in_the_table(page) == "1\xa0650"
    expect(figures.get_by_role("link", name="Las actividades en Tibú")).to_have_attribute(
        "href", "/es/cooperacion/proyectos/?sort=-updated&municipality=54810"
    )
    assert_accessible(page)
    screenshot(page, "map-people-tibu")

    # The same with the keyboard alone: Tab to Tibú on the map, Enter.
    page.goto("/es/cooperacion/mapa/?figure=people")
    for _ in range(80):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Tibú:"):
            break
    else:
        pytest.fail("Tibú was not reached with the Tab key")
    page.keyboard.press("Enter")
    expect(page.locator("#cifras h2")).to_have_text("Tibú")
    assert tibu_people_in_the_table(page) == "1\xa0650"

    page.goto("/accesibilidad/?contrast=high&next=/es/cooperacion/mapa/%3Ffigure%3Dpeople")
    expect(page.locator("body.contrast-high .choropleth-map").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "map-people-high-contrast")
