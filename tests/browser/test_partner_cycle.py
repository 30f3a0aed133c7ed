"""The 5W cycle's notices and review in a browser: reports come in, the bell counts them, staff
decide on three at once by keyboard, and the partner whose report came back reads why."""

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from puente.coordination import services
from puente.coordination.models import ReportingPeriod, ReportStatus
from puente.coordination.tests.factories import partner

from .conftest import assert_accessible, screenshot
from .test_coordination import PARTNER_PASSWORD, sign_in

pytestmark = pytest.mark.browser
NAMES = ["Fundación Frontera Viva", "Corporación Nuevo Arco", "Pastoral Social Tibú"]


def partner_with_report(name: str, username: str, month: int):  # noqa: ANN201
    """A partner whose reporter signs in with PARTNER_PASSWORD, and its report for `month` 2026."""
    organisation, reporter = partner(name, username)
    reporter.set_password(PARTNER_PASSWORD)
    reporter.save()
    period = ReportingPeriod.month_of(datetime.date(2026, month, 1))
    return organisation, reporter, services.open_report(organisation, period, reporter)


def submitted_reports() -> list:  # type: ignore[type-arg]
    from puente.coordination.tests.test_cycle_notices import _row_fields

    period = ReportingPeriod.month_of(datetime.date(2026, 11, 1))
    reports = []
    for n, name in enumerate(NAMES):
        organisation, reporter = partner(name, f"reporter{n}")
        reporter.set_password(PARTNER_PASSWORD)
        reporter.save()
        report = services.open_report(organisation, period, reporter)
        report.rows.create(**_row_fields())
        services.submit(report, reporter)
        reports.append(report)
    return reports


def test_staff_review_three_reports_at_once_and_the_partner_reads_why(
    staff_page: Page, browser: Browser, live_server
) -> None:
    first, second, third = submitted_reports()
    staff = staff_page
    staff.reload()
    bell = staff.get_by_role("link", name="Avisos 3 sin leer")
    expect(bell).to_be_visible()
    bell.click()
    expect(staff.get_by_role("heading", name="Avisos")).to_be_visible()
    expect(
        staff.get_by_text("Pastoral Social Tibú envió su reporte 5W de Noviembre 2026")
    ).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "notices")

    staff.goto("/staff/coordination/reports/")
    staff.get_by_role("link", name="Revisar los 3 reportes enviados").click()
    expect(staff.get_by_text("3 reportes esperan revisión.")).to_be_visible()
    assert_accessible(staff)
    # By keyboard: a radio is chosen with the space bar, the form sent with Enter.
    for name, decision in zip(NAMES, ("Aprobar", "Aprobar", "Devolver"), strict=True):
        group = staff.get_by_role(
            "group", name=f"Decisión sobre el reporte de {name} de Noviembre 2026"
        )
        group.get_by_role("radio", name=decision).focus()
        staff.keyboard.press("Space")
    staff.get_by_role("button", name="Aplicar estas decisiones").press("Enter")
    expect(
        staff.get_by_role("alert").filter(has_text="Indique qué debe corregir el socio.")
    ).to_be_visible()
    assert_accessible(staff)
    screenshot(staff, "review-many-error")
    assert {r.status for r in type(first).objects.all()} == {ReportStatus.SUBMITTED}  # nothing done

    staff.get_by_label(f"Comentarios para {NAMES[2]}, Noviembre 2026").fill(
        "Falta el municipio de cada fila."
    )
    staff.get_by_role("button", name="Aplicar estas decisiones").press("Enter")
    expect(staff.get_by_text("2 reportes aprobados; sus cifras ya cuentan.")).to_be_visible()
    expect(
        staff.get_by_text("1 reporte devuelto a su socio con sus observaciones.")
    ).to_be_visible()
    expect(staff.get_by_text("No hay reportes que esperen revisión.")).to_be_visible()

    reporter = sign_in(browser, live_server.url, "reporter2", PARTNER_PASSWORD)
    reporter.get_by_role("link", name="Avisos 1 sin leer").click()
    reporter.get_by_role(
        "link", name="Su reporte 5W de Noviembre 2026 fue devuelto con observaciones"
    ).click()
    expect(reporter).to_have_url(f"{live_server.url}/staff/coordination/reports/{third.pk}/")
    expect(reporter.get_by_text("Falta el municipio de cada fila.").first).to_be_visible()
    expect(
        reporter.get_by_role("link", name="Avisos", exact=True)
    ).to_be_visible()  # read: no count


def test_a_partner_starts_november_from_october_and_confirms_by_keyboard(
    browser: Browser, live_server, reference_data
) -> None:
    from puente.coordination.tests.test_cycle_notices import _row_fields

    _organisation, reporter, october = partner_with_report(
        "Fundación Frontera Viva", "frontera", 10
    )
    october.rows.create(line=1, **_row_fields())
    services.submit(october, reporter)
    services.approve(october, reporter)

    page = sign_in(browser, live_server.url, "frontera", PARTNER_PASSWORD)
    page.goto("/staff/coordination/reports/")
    page.get_by_label("Mes que reporta").select_option("2026-11")
    expect(
        page.get_by_label(
            "Copiar las filas de mi último reporte aprobado; yo ingreso las cifras de este mes"
        )
    ).to_be_checked()
    page.get_by_label("Copiar las filas de mi último reporte aprobado con sus cifras").check()
    assert_accessible(page)
    page.get_by_role("button", name="Abrir el reporte").click()
    expect(page.get_by_text("1 fila copiada de Octubre 2026.")).to_be_visible()
    expect(page.get_by_text("Por confirmar")).to_have_count(1)
    assert_accessible(page)
    screenshot(page, "report-filled-in")

    page.get_by_role("button", name="Enviar a la Secretaría").click()
    expect(page.get_by_text("1 fila llenada espera su confirmación")).to_be_visible()
    page.get_by_role("button", name="Confirmar las filas llenadas tal como están").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 fila confirmada.")).to_be_visible()
    expect(page.get_by_text("Por confirmar")).to_have_count(0)
    page.get_by_role("button", name="Enviar a la Secretaría").press("Enter")
    expect(page.get_by_text("El reporte se envió a la Secretaría para revisión.")).to_be_visible()
