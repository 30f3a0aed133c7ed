"""Results that add up, in a browser: staff narrow the tracking table to a programme, split it
by nationality, export it, and the workbook holds the page's figures; the programme's page adds
its projects up; a project's public page shows its results."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from puente.portfolio.models import (
    Disaggregation,
    Indicator,
    IndicatorPeriod,
    Level,
    Result,
    SharedIndicator,
)
from puente.portfolio.tests.factories import ActivityFactory

from .conftest import assert_accessible, go_to, screenshot

pytestmark = pytest.mark.browser


def _project(programme, shared, place, target, actual, venezuelan):  # noqa: ANN001, ANN202
    project = ActivityFactory(title_es=f"Orientación en {place}", parent=programme)
    result = Result.objects.create(activity=project, title="Personas orientadas")
    indicator = Indicator.objects.create(
        result=result, title=f"Personas orientadas en {place}", shared=shared
    )
    period = IndicatorPeriod.objects.create(
        indicator=indicator, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
        target=Decimal(target), actual=Decimal(actual),
    )  # fmt: skip
    for category, value in (("Venezolana", venezuelan), ("Colombiana", actual - venezuelan)):
        Disaggregation.objects.create(
            period=period, side="actual", dimension="nationality", category=category,
            value=Decimal(value),
        )  # fmt: skip
    return project


def test_staff_track_a_programme_by_nationality_and_export_the_same_figures(staff_page: Page):
    page = staff_page
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    programme = ActivityFactory(title_es="Programa de orientación", level=Level.PROGRAMME)
    cucuta = _project(programme, shared, "Cúcuta", 400, 300, 180)
    _project(programme, shared, "Tibú", 100, 90, 60)

    go_to(page, "Portafolio", "Seguimiento de indicadores")
    page.get_by_label("Plan o programa").select_option(label="Programa: Programa de orientación")
    page.get_by_label("Desagregar por").select_option(label="Nacionalidad")
    page.get_by_role("button", name="Aplicar").click()
    table = page.locator("table.iptt")
    expect(table.locator("tr", has_text="Personas orientadas en Cúcuta")).to_contain_text("300")
    expect(table.get_by_role("rowheader", name="Venezolana").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "iptt-programme-nationality")
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    # Playwright keeps the download under a name without its extension, which openpyxl refuses.
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    totals = list(book["Totales"].iter_rows(values_only=True))
    by_title = {row[2]: row for row in totals[1:]}
    assert by_title["Personas orientadas en Cúcuta"][4:6] == (400, 300)
    nationality = {
        (r[2], r[4]): r for r in list(book["Nacionalidad"].iter_rows(values_only=True))[1:]
    }
    assert nationality[("Personas orientadas en Cúcuta", "Venezolana")][6] == 180

    page.goto(f"/staff/portfolio/activities/{programme.pk}/")
    results = page.get_by_role("region", name="Resultados de sus proyectos")
    expect(results).to_contain_text("500")  # 400 + 100 targeted
    expect(results).to_contain_text("390")  # 300 + 90 reached
    expect(results.get_by_role("rowheader", name="Venezolana")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/es/cooperacion/proyectos/{cucuta.pk}/")
    expect(page.get_by_role("heading", name="Resultados")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Nacionalidad: Venezolana")).to_be_visible()
    assert_accessible(page)
