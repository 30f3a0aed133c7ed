"""Staff invite a partner; the partner sets a password, downloads the 5W template, uploads a file
with errors, reads them by row, uploads it corrected and submits; staff approve; the dashboard and
the gap analysis change; another partner cannot see the report."""

import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from puente.accounts.roles import Role
from puente.coordination.models import Need, Service
from puente.directory.tests.factories import OrganisationFactory
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import make_user

from .conftest import assert_accessible, go_to, screenshot

pytestmark = pytest.mark.browser
PARTNER_PASSWORD = "reportes de la frontera 2026"


def sign_in(browser: Browser, base_url: str, username: str, password: str) -> Page:
    page = browser.new_context(base_url=base_url, locale="es-CO").new_page()
    page.goto("/staff/login/")
    page.get_by_label("Nombre de usuario").fill(username)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_load_state()
    return page


def fill(template: bytes, rows: list[list[object]]) -> bytes:
    book = load_workbook(io.BytesIO(template))
    for values in rows:
        book["5W"].append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_partner_reports_its_5w_and_the_gap_map_changes(
    staff_page: Page, browser: Browser, live_server, tmp_path
) -> None:
    population = TargetPopulation.objects.first()
    Need.objects.create(
        municipality=Municipality.objects.get(code="54001"), service=Service.objects.get(name_es="Salud"),
        population=population, people_affected=100, severity=3, source="Mesa de salud",
        evidence_date=timezone.localdate(),
    )  # fmt: skip
    organisation = OrganisationFactory(name="Fundación Salud sin Fronteras")
    staff = staff_page

    staff.goto("/staff/coordination/gaps/")
    expect(staff.locator('tr[data-municipality="Cúcuta"][data-service="Salud"]')).to_have_attribute(
        "data-status", "uncovered"
    )
    staff.goto(f"/staff/directory/{organisation.pk}/")
    staff.get_by_label("Correo de la persona que reportará").fill("luz@saludsinfronteras.org")
    staff.get_by_label("Su nombre").fill("Luz Pérez")
    staff.get_by_role("button", name="Enviar la invitación").click()
    expect(staff.get_by_text("La invitación se envió a luz@saludsinfronteras.org")).to_be_visible()
    link = re.search(r"https?://[^/]+(/staff/invitation/\S+)", mail.outbox[-1].body).group(1)

    partner = browser.new_context(base_url=live_server.url, locale="es-CO").new_page()
    partner.goto(link)
    partner.locator("#id_new_password1").fill(PARTNER_PASSWORD)
    partner.locator("#id_new_password2").fill(PARTNER_PASSWORD)
    partner.get_by_role("button", name="Guardar mi contraseña").click()
    expect(partner.get_by_text("Su contraseña quedó registrada")).to_be_visible()
    partner.get_by_label("Nombre de usuario").fill("luz@saludsinfronteras.org")
    partner.get_by_label("Contraseña").fill(PARTNER_PASSWORD)
    partner.get_by_role("button", name="Ingresar").click()
    go_to(partner, "Coordinación (5W)", "Tablero de coordinación")
    partner.get_by_role("navigation", name="Coordinación").get_by_role(
        "link", name="Reportes 5W"
    ).click()
    with partner.expect_download() as download:
        partner.get_by_role(
            "link", name="Descargar la plantilla de hoja de cálculo (.xlsx)"
        ).click()
    template = Path(download.value.path()).read_bytes()
    partner.get_by_role("button", name="Abrir el reporte").click()
    expect(partner.get_by_role("heading", level=1)).to_contain_text("Fundación Salud sin Fronteras")

    good = ["Brigadas de atención primaria", "122 – Salud básica", "Cúcuta", "La Parada",
            population.name_es, "Venezolana", 80, 40, 30, 0, 20, 45, 5, 12000000, "COP"]  # fmt: skip
    wrong_place = [*good[:2], "Cucutá", *good[3:]]
    wrong_counts = [*good[:7], 41, *good[8:]]
    with_errors = tmp_path / "5w-errores.xlsx"
    with_errors.write_bytes(fill(template, [good, wrong_place, wrong_counts]))
    partner.get_by_label("Plantilla 5W diligenciada (.xlsx)").set_input_files(str(with_errors))
    partner.get_by_role("button", name="Cargar y revisar").click()
    errors = partner.locator("#upload-errors")
    expect(errors.get_by_role("alert")).to_contain_text("2 problemas por corregir")
    expect(errors.locator("tr", has_text="«Cucutá» no es un municipio")).to_contain_text("3")
    expect(errors.locator("tr", has_text="¿Quiso decir «Cúcuta»?")).to_be_visible()
    expect(errors.locator("tr", has_text="Por sexo la fila suma 71")).to_contain_text("4")
    expect(partner.get_by_text("Aún no hay filas.")).to_be_visible()  # nothing kept
    assert_accessible(partner)
    screenshot(partner, "coordination-upload-errors")

    corrected = tmp_path / "5w.xlsx"
    corrected.write_bytes(fill(template, [good, [*good[:2], "Cúcuta", *good[3:]]]))
    partner.get_by_label("Plantilla 5W diligenciada (.xlsx)").set_input_files(str(corrected))
    partner.get_by_role("button", name="Cargar y revisar").click()
    expect(partner.get_by_text("Se guardaron 2 filas de 5w.xlsx.")).to_be_visible()
    partner.get_by_role("button", name="Enviar a la Secretaría").click()
    expect(partner.get_by_text("Enviado a revisión").first).to_be_visible()
    report_url = partner.url

    staff.goto(report_url)
    staff.get_by_label("Aprobar").focus()
    staff.keyboard.press("Space")
    staff.get_by_role("button", name="Registrar la decisión").focus()
    staff.keyboard.press("Enter")
    expect(staff.get_by_text("El reporte fue aprobado")).to_be_visible()

    staff.goto("/staff/coordination/")
    expect(staff.locator('[data-figure="reached"]')).to_have_text("140")
    # The map says the same as the figure: Cúcuta shaded, its link naming the people reached.
    expect(staff.get_by_role("link", name="Cúcuta: 140 personas alcanzadas")).to_have_count(1)
    assert_accessible(staff)
    screenshot(staff, "coordination-dashboard")
    staff.goto("/staff/coordination/gaps/")
    row = staff.locator('tr[data-municipality="Cúcuta"][data-service="Salud"]')
    expect(row).to_have_attribute("data-status", "covered")
    cucuta = staff.get_by_role(
        "link", name="Cúcuta: necesidades sin cubrir 0, cubiertas en parte 0, socios presentes 1"
    )
    expect(cucuta.locator("path")).to_have_attribute("fill", "#9bd0a7")  # covered
    assert_accessible(staff)
    screenshot(staff, "coordination-gaps")

    other_org = OrganisationFactory(name="Otra ONG")
    other = make_user("otra.ong", Role.REPORTER, organisation=other_org)
    other.set_password(PARTNER_PASSWORD)
    other.save()
    intruder = sign_in(browser, live_server.url, "otra.ong", PARTNER_PASSWORD)
    response = intruder.goto(report_url)
    assert response is not None and response.status == 403
    intruder.goto("/staff/coordination/reports/")
    expect(intruder.get_by_text("Aún no hay reportes.")).to_be_visible()
