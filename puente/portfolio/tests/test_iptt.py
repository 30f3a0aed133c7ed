"""The indicator performance tracking table: the figures of the projects' pages, by year and
over the life of the project, split by a dimension, filtered by programme, exported as XLSX."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from puente.portfolio.models import Level, SharedIndicator
from puente.portfolio.tests.factories import ActivityFactory, project_measuring

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio():
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    programme = ActivityFactory(title_es="Programa de migración", level=Level.PROGRAMME)
    project_measuring(shared, programme, "Cúcuta", [
        (2025, 100, 95, {"Mujeres": (60, 55), "Hombres": (40, 40)}),
        (2026, 200, 100, {"Mujeres": (120, 50), "Hombres": (80, 50)}),
    ])  # fmt: skip
    project_measuring(shared, None, "Ocaña, fuera del programa", [(2025, 10, 2, {})])
    return programme


def test_the_table_shows_each_indicator_by_year_and_over_the_life_of_its_project(
    staff_client, portfolio
):
    response = staff_client.get(reverse("portfolio:iptt"))
    rows = {row.indicator.title: row for row in response.context["rows"]}
    assert response.context["years"] == [2025, 2026]
    cucuta = rows["Personas orientadas en Cúcuta"]
    assert (cucuta.years[2025].target, cucuta.years[2025].actual) == (100, 95)
    assert (cucuta.total.target, cucuta.total.actual, cucuta.total.achieved) == (300, 195, 65)
    page = response.content.decode()
    # 95 % in 2025 is on track, 50 % in 2026 far behind, 65 % over the life behind: in words too
    assert "según lo previsto" in page and "muy atrasado" in page
    assert page.count("standing-behind") == 1 and page.count("standing-on") == 1
    # far behind: Cúcuta in 2026 (50 %), Ocaña in 2025 and over its life (20 %, complete)
    assert page.count("standing-far") == 3
    assert "a la fecha" not in page  # both projects ended in 2025


def test_a_programme_narrows_the_table_and_a_split_adds_its_categories(staff_client, portfolio):
    response = staff_client.get(
        reverse("portfolio:iptt"), {"programme": portfolio.pk, "split": "sex"}
    )
    (row,) = response.context["rows"]
    assert row.indicator.title == "Personas orientadas en Cúcuta"
    parts = {category: total for category, _cells, total in row.split_rows}
    assert (parts["Mujeres"].target, parts["Mujeres"].actual) == (180, 105)
    assert ">Hombres</th>" in response.content.decode()


def test_the_export_has_the_same_figures_as_numbers_and_a_sheet_per_dimension(
    staff_client, portfolio
):
    response = staff_client.get(reverse("portfolio:iptt_export"), {"programme": portfolio.pk})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Totales" and "Sexo" in book.sheetnames
    totals = list(book["Totales"].iter_rows(values_only=True))
    header, (row,) = totals[0], totals[1:]
    assert row[2] == "Personas orientadas en Cúcuta"
    assert row[header.index("2025 meta")] == 100 and row[header.index("2026 logro")] == 100
    assert row[header.index("Meta de toda la vida del proyecto")] == 300
    assert row[header.index("Logro de toda la vida del proyecto")] == 195
    by_sex = {r[4]: r for r in list(book["Sexo"].iter_rows(values_only=True))[1:]}
    assert by_sex["Mujeres"][5] == 60 and by_sex["Hombres"][6] == 40  # 2025 target, actual


def test_a_partner_reporter_reads_only_the_indicators_of_activities_it_may_read(client):
    from tests.security.world import build_world

    world = build_world()
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    hidden = project_measuring(shared, None, "Borrador de otra organización", [(2025, 9, 9, {})])
    hidden.is_public = False
    hidden.save()
    project_measuring(shared, None, "Público de otra organización", [(2025, 5, 5, {})])
    client.force_login(world.users["reporter A"])
    response = client.get(reverse("portfolio:iptt"))
    titles = {row.indicator.title for row in response.context["rows"]}
    assert "Personas orientadas en Público de otra organización" in titles
    assert "Personas orientadas en Borrador de otra organización" not in titles
    assert response.status_code == 200
    readable = {row.indicator.result.activity_id for row in response.context["rows"]}
    from puente.portfolio.selectors import visible_activities

    assert readable <= set(
        visible_activities(world.users["reporter A"]).values_list("pk", flat=True)
    )


def test_a_project_under_way_reads_to_date_over_its_life_not_far_behind(staff_client):
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    project = project_measuring(shared, None, "Tibú", [(2025, 100, 20, {})])
    project.planned_end = date(2030, 12, 31)  # 20 % so far, of a project with years to go
    project.save()
    page = staff_client.get(reverse("portfolio:iptt")).content.decode()
    assert "a la fecha" in page and page.count("standing-far") == 1  # 2025, not its life
    project.planned_end = date(2025, 12, 31)  # over: its life is judged
    project.save()
    page = staff_client.get(reverse("portfolio:iptt")).content.decode()
    assert "a la fecha" not in page and page.count("standing-far") == 2


def test_a_target_without_its_actual_counts_as_not_reached_over_a_finished_projects_life(
    staff_client,
):
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    project_measuring(shared, None, "Toledo", [(2025, 100, 95, {}), (2026, 200, None, {})])
    (row,) = staff_client.get(reverse("portfolio:iptt")).context["rows"]
    assert (row.total.target, row.total.actual) == (300, 95)
    assert row.total.achieved == Decimal("31.7")  # 95 of 300, as the figures beside it read
    assert row.years[2025].achieved == 95


def test_an_export_too_large_asks_to_narrow_the_filters_instead_of_outlasting_the_request(
    staff_client, portfolio, monkeypatch
):
    monkeypatch.setattr("puente.portfolio.views.iptt.EXPORT_LIMIT", 1)
    response = staff_client.get(reverse("portfolio:iptt_export"))
    assert response.status_code == 400
    assert "2 indicadores coinciden" in response.content.decode()
    assert (
        staff_client.get(reverse("portfolio:iptt_export"), {"programme": portfolio.pk}).status_code
        == 200
    )


def test_the_pdf_prints_the_pages_figures_with_the_standing_in_words(staff_client, portfolio):
    response = staff_client.get(
        reverse("portfolio:iptt_pdf"), {"programme": portfolio.pk, "split": "sex"}
    )
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    ).replace("\n", " ")
    assert "Seguimiento de indicadores" in text and "Programa de migración" in text
    assert "Personas orientadas en Cúcuta" in text and "Ocaña" not in text
    # 2025: 100 → 95, on track; 2026: 200 → 100, far behind; women over the life 180 → 105.
    assert "100 → 95" in text and "95 % · según lo previsto" in text
    assert "200 → 100" in text and "50 % · muy atrasado" in text
    assert "Mujeres" in text and "180 → 105" in text
    assert "· 1 indicador " in text and "Página 1" in text


def test_a_split_without_figures_is_said_in_the_pdf_as_on_the_page(staff_client, portfolio):
    response = staff_client.get(
        reverse("portfolio:iptt_pdf"), {"programme": portfolio.pk, "split": "nationality"}
    )
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text().replace("\n", " ")
    assert "Sin cifras para esta desagregación." in text


def test_a_pdf_too_large_asks_to_narrow_the_filters(staff_client, portfolio, monkeypatch):
    monkeypatch.setattr("puente.portfolio.views.iptt.PDF_LIMIT", 1)
    response = staff_client.get(reverse("portfolio:iptt_pdf"))
    assert response.status_code == 400 and "2 indicadores coinciden" in response.content.decode()


def test_the_pdf_lists_its_filters_in_spanish_as_the_page_names_them(client, portfolio):
    from puente.accounts.roles import Role
    from puente.tests.world import make_user

    client.force_login(make_user("en.staff", Role.STAFF))
    response = client.get(
        reverse("portfolio:iptt_pdf"),
        {"programme": portfolio.pk, "public": "yes", "sector": "ZZZ"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text().replace("\n", " ")
    assert "Publicación: Solo publicadas" in text, text
    assert "True" not in text
