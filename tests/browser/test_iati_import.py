"""Staff import an IATI file in the browser, follow the run and find the activities."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

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

    page.get_by_role("link", name="Revisarlas y publicarlas").click()
    expect(page.get_by_role("status")).to_contain_text("1 actividad espera publicación")
    page.get_by_role("link", name="Atención a caminantes en Cúcuta").click()
    expect(page.get_by_text("Cúcuta (Norte de Santander)")).to_be_visible()
    expect(page.get_by_text("Sin municipio asociado")).to_be_visible()
    screenshot(page, "iati-activity")

    # Every element as the publisher wrote it, reached from the activity with the keyboard.
    record = page.get_by_role("link", name="Registro IATI tal como se publicó")
    record.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Registro IATI tal como se publicó")
    expect(page.locator(".record")).to_contain_text("XM-DAC-47066-CO-CUC-001")
    assert_accessible(page)
    screenshot(page, "iati-record")


def three_activities(folder: Path) -> Path:
    """The test file with a third activity, a copy of the first under another name."""
    text = IATI_FILE.read_text(encoding="utf-8")
    start = text.index("<iati-activity ")
    first = text[start : text.index("</iati-activity>", start) + len("</iati-activity>")]
    copy = first.replace("XM-DAC-47066-CO-CUC-001", "XM-DAC-47066-CO-CUC-002").replace(
        "Atención a caminantes en Cúcuta", "Agua segura en Villa del Rosario"
    )
    path = folder / "tres.xml"
    path.write_text(text.replace(first, first + copy), encoding="utf-8")
    return path


def test_staff_review_an_import_and_publish_two_of_its_activities(
    staff_page: Page, browser: Browser, live_server, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = staff_page
    go_to(page, "Portafolio", "Importaciones IATI")
    page.get_by_label("Archivo de actividades IATI (XML)").set_input_files(
        str(three_activities(tmp_path))
    )
    page.get_by_label("Conservar").select_option("all")
    page.get_by_role("button", name="Importar").click()
    expect(page.get_by_role("status")).to_contain_text("Terminada")

    go_to(page, "Portafolio", "Actividades importadas por revisar")
    expect(page.get_by_role("status")).to_contain_text("3 actividades esperan publicación")
    # Nothing of the import shows to the public yet.
    visitor = browser.new_context(base_url=live_server.url, locale="es-CO")
    public = visitor.new_page()
    public.goto("/es/cooperacion/proyectos/")
    expect(public.get_by_role("heading", level=1)).to_be_visible()
    expect(public.get_by_text("Atención a caminantes en Cúcuta")).to_have_count(0)

    page.get_by_label("Publicar «Atención a caminantes en Cúcuta»").check()
    page.keyboard.press("Tab")
    page.get_by_label("Publicar «Water in Lima»").check()
    assert_accessible(page)
    screenshot(page, "iati-review")
    page.get_by_role("button", name="Publicar las actividades marcadas").click()
    expect(page.get_by_text("2 actividades quedaron publicadas en el portal.")).to_be_visible()
    expect(page.locator("p.count")).to_have_text("1 actividad espera publicación")
    expect(page.get_by_role("link", name="Agua segura en Villa del Rosario")).to_be_visible()

    public.goto("/es/cooperacion/proyectos/")
    expect(public.get_by_role("link", name="Atención a caminantes en Cúcuta")).to_be_visible()
    expect(public.get_by_role("link", name="Water in Lima")).to_be_visible()
    expect(public.get_by_text("Agua segura en Villa del Rosario")).to_have_count(0)
    # The department's IATI file re-publishes no one's activities (see exporter).
    body = public.request.get("/iati/activities.xml").text()
    assert "XM-DAC-47066-CO-CUC-002" not in body
    visitor.close()
