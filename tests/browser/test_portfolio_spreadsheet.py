"""The portfolio spreadsheet in a browser: staff reach it from the menu, upload a file with one
bad cell and are told which cell (nothing saved), then keep the clean rows; keyboard and axe."""

import pytest
from playwright.sync_api import Page, expect

from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import Activity
from puente.portfolio.tests.test_spreadsheet import new_project, workbook

from .conftest import assert_accessible, go_to, screenshot

pytestmark = pytest.mark.browser


def test_staff_are_told_the_bad_cell_then_keep_the_clean_rows(staff_page: Page, tmp_path):
    page = staff_page
    OrganisationFactory(name="Alto Comisionado de las Naciones Unidas para los Refugiados",
                        acronym="ACNUR")  # fmt: skip
    OrganisationFactory(name="Agencia Española de Cooperación", acronym="AECID")
    sheet = tmp_path / "cartera.xlsx"
    sheet.write_bytes(
        workbook(
            [new_project(), new_project(title_es="Vías en Ábrego", planned_start="30/02/2026")]
        )
    )
    go_to(page, "Portafolio", "Hoja de cálculo de la cartera")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hoja de cálculo de la cartera")
    assert_accessible(page)
    page.get_by_label("Plantilla de cartera diligenciada (.xlsx)").set_input_files(sheet)
    page.get_by_role("button", name="Cargar y revisar").focus()
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    expect(alert).to_have_text("No se guardó nada: 1 problema por corregir")
    problem = page.locator("#upload-errors tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("Cartera")
    expect(problem).to_contain_text("Inicio previsto / Planned start")
    expect(problem).to_contain_text("«30/02/2026» no es una fecha")
    assert Activity.objects.filter(title_es="Agua segura para Tibú").count() == 0
    screenshot(page, "portfolio-spreadsheet-errors")
    assert_accessible(page)

    page.get_by_label("Plantilla de cartera diligenciada (.xlsx)").set_input_files(sheet)
    page.get_by_label("Si algunas filas tienen errores").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Cargar y revisar").click()
    outcome = page.locator("#outcome")
    expect(outcome.get_by_role("status")).to_have_text("Se cargó «cartera.xlsx»")
    expect(outcome.locator(".facts")).to_contain_text("Actividades creadas1")
    expect(outcome.locator(".facts")).to_contain_text("Filas que quedaron por fuera1")
    expect(outcome.get_by_role("link", name="Agua segura para Tibú")).to_be_visible()
    expect(outcome.locator("tbody tr")).to_contain_text("«30/02/2026» no es una fecha")
    screenshot(page, "portfolio-spreadsheet-outcome")
    assert Activity.objects.filter(title_es="Agua segura para Tibú").count() == 1
    assert not Activity.objects.filter(title_es="Vías en Ábrego").exists()
    assert_accessible(page)
