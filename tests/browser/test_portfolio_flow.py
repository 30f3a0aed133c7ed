"""A staff member runs a project through Puente in a real browser, keyboard and axe included."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, go_to, screenshot

pytestmark = pytest.mark.browser


def test_staff_create_a_project_move_it_find_it_and_export_it(staff_page: Page):
    page = staff_page
    assert_accessible(page)

    # Create a project with a sector, a location, a budget and a transaction.
    go_to(page, "Portafolio", "Actividades")
    page.get_by_role("main").get_by_role("link", name="Nueva actividad").click()
    page.get_by_label("título (español)").fill("Salud materna para caminantes en Villa del Rosario")
    page.get_by_label("título (inglés)").fill("Maternal health for walkers in Villa del Rosario")
    page.get_by_label("inicio previsto").fill("2026-02-01")
    page.get_by_label("fin previsto").fill("2026-12-31")
    sectors = page.locator("#set-sectors")
    sectors.get_by_label("sector").select_option("13020")
    sectors.get_by_label("porcentaje").fill("100")
    page.locator("#set-locations").get_by_label("municipio").select_option(
        label="Villa del Rosario (Norte de Santander)"
    )
    budget = page.locator("#set-budgets")
    budget.get_by_label("inicio del periodo").fill("2026-02-01")
    budget.get_by_label("fin del periodo").fill("2027-01-31")
    budget.get_by_label("monto").fill("380000000")
    budget.get_by_label("moneda").select_option("COP")
    transaction = page.locator("#set-transactions")
    transaction.get_by_label("tipo").select_option("3")
    transaction.get_by_label("fecha").fill("2026-03-10")
    transaction.get_by_label("monto").fill("45000")
    transaction.get_by_label("moneda").select_option("USD")
    screenshot(page, "activity-form")
    page.get_by_role("button", name="Guardar").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Salud materna para caminantes en Villa del Rosario"
    )
    expect(page.get_by_text("La actividad quedó guardada.")).to_be_visible()
    expect(page.get_by_text("Villa del Rosario (Norte de Santander)")).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile(r"^45\D000,00 USD$"))).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(r"^Presupuesto 380\D000\D000"))).to_be_visible()

    # A result with an indicator.
    page.get_by_role("link", name="Agregar un resultado").click()
    page.get_by_label("tipo").select_option(label="Producto")  # chosen, never assumed
    page.get_by_label("título").fill("Mujeres gestantes atendidas")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_role("link", name="Agregar un indicador").click()
    page.get_by_label("título").fill("Controles prenatales realizados")
    page.get_by_label("Línea base", exact=True).fill("0")
    page.get_by_role("button", name="Guardar").click()
    expect(page.get_by_role("heading", name="Controles prenatales realizados")).to_be_visible()

    # Two lifecycle steps, the second one by keyboard only.
    page.get_by_label("Pasar a").select_option("formulation")
    page.get_by_label("Motivo").fill("El hospital aportó el diagnóstico")
    page.get_by_role("button", name="Cambiar de etapa").click()
    expect(page.get_by_text("La etapa cambió a “Formulación”.")).to_be_visible()
    page.get_by_label("Pasar a").focus()
    page.keyboard.press("Home")  # the first allowed step: technical concept
    page.keyboard.press("Tab")
    page.keyboard.type("Listo para concepto técnico")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("La etapa cambió a “Concepto técnico”.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "activity-detail")

    # Find it by search and by filter, then export the filtered list.
    go_to(page, "Portafolio", "Actividades")
    page.get_by_label("Buscar", exact=True).fill("caminantes rosario")
    page.get_by_label("Etapa").select_option("technical-concept")
    page.get_by_role("button", name="Aplicar").click()
    expect(page.get_by_role("status")).to_contain_text("1 actividad encontrada")
    expect(page.get_by_role("link", name="Salud materna para caminantes")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "activity-list")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[3] for r in rows[1:]] == ["Salud materna para caminantes en Villa del Rosario"]
    assert rows[1][5] == "Concepto técnico"  # the stage by its label, in the page's language


def test_the_skip_link_is_the_first_stop_of_the_keyboard(page: Page):
    page.goto("/es/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Saltar al contenido principal")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert_accessible(page)


def test_the_api_documentation_renders_from_local_assets(page: Page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/docs")
    expect(page.get_by_text("Puente API").first).to_be_visible()
    expect(page.get_by_text("/api/activities").first).to_be_visible()
    outside = [url for url in requests if not url.startswith(page.url.split("/api/")[0])]
    assert outside == []
