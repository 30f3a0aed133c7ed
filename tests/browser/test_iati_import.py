"""Staff import an IATI file in the browser, follow the run and find the activities."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import assert_accessible, go_to, screenshot

pytestmark = pytest.mark.browser
IATI_FILE = (
    Path(__file__).resolve().parents[2] / "puente" / "iati" / "tests" / "files" / "cucuta-2.03.xml"
)


def test_staff_upload_a_file_watch_the_run_and_find_the_activities(
    staff_page: Page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = staff_page
    go_to(page, "Portafolio", "Importaciones IATI")
    page.get_by_label("Archivo de actividades IATI (XML)").set_input_files(str(IATI_FILE))
    page.get_by_label("Conservar").select_option("department")
    page.get_by_role("button", name="Importar").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("cucuta-2.03.xml")
    expect(page.get_by_role("status")).to_contain_text("Terminada")
    expect(page.get_by_role("cell", name="XM-DAC-47066-CO-BAD")).to_be_visible()
    expect(page.get_by_role("cell", name="Campamento sin nombre conocido")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "iati-run")

    page.get_by_role("link", name="Ver las actividades").click()
    expect(page.get_by_role("link", name="Atención a caminantes en Cúcuta")).to_be_visible()
    page.get_by_role("link", name="Atención a caminantes en Cúcuta").click()
    expect(page.get_by_text("Cúcuta (Norte de Santander)")).to_be_visible()
    expect(page.get_by_text("Sin municipio asociado")).to_be_visible()
    screenshot(page, "iati-activity")

    # And on the public map: Cúcuta's circle counts the imported activity.
    page.goto("/es/cooperacion/mapa/")
    expect(page.locator("#map")).to_have_attribute("data-loaded", "40")
    expect(page.locator("path.leaflet-interactive")).to_have_count(40)
    expect(page.get_by_role("row", name="Cúcuta 1")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "map")
