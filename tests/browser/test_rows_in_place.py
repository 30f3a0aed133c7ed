"""A project with three partners, two places, four transactions and two indicators: one submit."""

import pytest
from playwright.sync_api import Page, expect

from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import Activity

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser

PARTNERS = ["ACNUR Colombia", "Cruz Roja Colombiana", "Alcaldía de Tibú"]


def _row(page: Page, section: str, index: int, field: str):  # noqa: ANN202
    return page.locator(f'[name="{section}-{index}-{field}"]')


def test_rows_are_added_and_removed_in_place_and_saved_in_one_submit(staff_page: Page):
    for name in PARTNERS:
        OrganisationFactory(name=name)
    page = staff_page
    page.goto("/staff/portfolio/activities/new/")
    page.get_by_label("título (español)").fill("Atención integral en Tibú y El Tarra")
    # One empty row per section once the script has run (three without it).
    expect(page.locator("#set-participations [data-row]")).to_have_count(1)

    participations = page.locator("#set-participations")
    add_partner = participations.get_by_role("button", name="Agregar una fila")
    for index, name in enumerate(PARTNERS):
        if index:
            add_partner.focus()
            page.keyboard.press("Enter")  # by keyboard: focus lands in the new row
            expect(_row(page, "participations", index, "organisation")).to_be_focused()
            expect(page.locator("#formset-announcer")).to_have_text("Se agregó una fila.")
        _row(page, "participations", index, "organisation").select_option(
            label=next(o for o in _options(page, index) if o.endswith(name))
        )
        _row(page, "participations", index, "role").select_option("4")

    locations = page.locator("#set-locations")
    _row(page, "locations", 0, "municipality").select_option(label="Tibú (Norte de Santander)")
    locations.get_by_role("button", name="Agregar una fila").click()
    _row(page, "locations", 1, "municipality").select_option(label="El Tarra (Norte de Santander)")

    transactions = page.locator("#set-transactions")
    for index in range(5):
        if index:
            transactions.get_by_role("button", name="Agregar una fila").click()
        _row(page, "transactions", index, "kind").select_option("3")
        _row(page, "transactions", index, "date").fill(f"2026-0{index + 1}-15")
        _row(page, "transactions", index, "amount").fill(str(1000 * (index + 1)))
        _row(page, "transactions", index, "currency").select_option("USD")
    # The fifth was a mistake: removed before saving.
    transactions.locator("[data-row]").nth(4).get_by_role("button", name="Quitar esta fila").click()
    expect(transactions.locator("[data-row]").nth(4)).to_be_hidden()
    expect(page.locator("#formset-announcer")).to_have_text("Se quitó la fila.")
    # A result with two indicators, in the same submit.
    indicators = page.locator("#set-new_indicators")
    for index, title in enumerate(["Consultas de salud", "Vacunas aplicadas"]):
        if index:
            indicators.get_by_role("button", name="Agregar una fila").click()
        _row(page, "new_indicators", index, "result_kind").select_option(label="Efecto")
        _row(page, "new_indicators", index, "result_title").fill("Personas atendidas en Tibú")
        _row(page, "new_indicators", index, "title").fill(title)
    assert_accessible(page)
    screenshot(page, "activity-form-rows")

    page.get_by_role("button", name="Guardar").click()
    expect(page.get_by_text("La actividad quedó guardada.")).to_be_visible()
    activity = Activity.objects.get(title_es="Atención integral en Tibú y El Tarra")
    assert sorted(p.organisation.name for p in activity.participations.all()) == sorted(PARTNERS)
    assert sorted(loc.municipality.name for loc in activity.locations.all()) == ["El Tarra", "Tibú"]
    assert sorted(int(t.amount) for t in activity.transactions.all()) == [1000, 2000, 3000, 4000]
    (result,) = activity.results.all()
    assert result.title == "Personas atendidas en Tibú"
    assert [i.title for i in result.indicators.all()] == ["Consultas de salud", "Vacunas aplicadas"]


def _options(page: Page, index: int) -> list[str]:
    select = page.locator(f'[name="participations-{index}-organisation"]')
    return [text.strip() for text in select.locator("option").all_inner_texts()]
