"""The coordination picture: gap table, dashboard, exports with HXL, overlaps, Governor's PDF."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from puente.coordination.models import Need, OverlapDecision, ReportingPeriod, Service
from puente.coordination.services import approve, open_report, replace_rows, submit
from puente.coordination.spreadsheet import RowInput
from puente.portfolio.tests.factories import ActivityFactory
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import client_for

from .factories import partner

pytestmark = pytest.mark.django_db


def approved(organisation, by, staff, rows: list[dict]) -> None:  # noqa: ANN001
    report = open_report(organisation, ReportingPeriod.month_of(timezone.localdate()), by)
    inputs = []
    for line, values in enumerate(rows, start=2):
        reached = values.get("reached", 10)
        counts = {"targeted": reached, "female": reached, "male": 0, "other_sex": 0,
                  "age_0_17": reached, "age_18_59": 0, "age_60_plus": 0}  # fmt: skip
        inputs.append(RowInput(line, values.get("name", "Atención en salud"), values.get("sector", "12220"),
                               Municipality.objects.get(code=values.get("place", "54001")).pk, "",
                               TargetPopulation.objects.first().pk, "venezuelan", counts, None, "COP"))  # fmt: skip
    replace_rows(report, inputs, by)
    submit(report, by)
    approve(report, staff)


def need(place: str, service: str, affected: int) -> Need:
    return Need.objects.create(
        municipality=Municipality.objects.get(code=place), service=Service.objects.get(name_es=service),
        population=TargetPopulation.objects.first(), people_affected=affected, severity=3,
        source="Mesa", evidence_date=timezone.localdate(),
    )  # fmt: skip


def test_the_gap_table_shows_uncovered_partial_and_overlap(staff_client, staff_user):
    need("54001", "Salud", 100)  # Cúcuta health: two partners, 60 reached -> partial, several
    need("54810", "Educación", 50)  # Tibú education: nobody -> uncovered
    org_a, reporter_a = partner("Socio A", "r.a")
    org_b, reporter_b = partner("Socio B", "r.b")
    approved(org_a, reporter_a, staff_user, [{"reached": 40}])
    approved(
        org_b,
        reporter_b,
        staff_user,
        [{"reached": 20, "name": "Brigadas de salud", "sector": "121"}],
    )
    response = staff_client.get("/staff/coordination/gaps/")
    cells = {(c.municipality.code, c.service.name_es): c for c in response.context["cells"]}
    health = cells[("54001", "Salud")]
    assert (health.status, health.reached, health.partners, health.overlapping) == (
        "partial",
        60,
        2,
        True,
    )
    assert cells[("54810", "Educación")].status == "uncovered"
    exported = list(csv.reader(io.StringIO(b"".join(staff_client.get("/staff/coordination/gaps/?format=csv")
                                                    .streaming_content).decode())))  # fmt: skip
    assert exported[1][:3] == ["#adm2+code", "#adm2+name", "#sector+service"]
    assert exported[[r[:3] for r in exported].index(["54810", "Tibú", "Educación"])][:3] == [
        "54810",
        "Tibú",
        "Educación",
    ]


def test_the_gap_map_looks_at_one_service_when_asked(staff_client, staff_user):
    need("54001", "Salud", 100)  # Cúcuta: health uncovered
    need("54810", "Educación", 50)  # Tibú: education uncovered
    health = Service.objects.get(name_es="Salud")
    response = staff_client.get("/staff/coordination/gaps/", {"service": health.pk})
    assert {(c.municipality.code, c.service.name_es) for c in response.context["cells"]} == {
        ("54001", "Salud")
    }
    areas = {a.code: a for a in response.context["areas"]}
    assert areas["54001"].fill == "#a4161a"  # uncovered health
    assert areas["54810"].label == "Tibú: sin necesidades registradas"  # its need is education
    assert areas["54001"].label == (
        "Cúcuta: necesidades sin cubrir 1, cubiertas en parte 0, socios presentes 0"
    )
    page = response.content.decode()
    assert "Municipios según sus necesidades de “Salud” sin cubrir" in page
    everything = staff_client.get("/staff/coordination/gaps/").context["areas"]
    assert {a.code: a for a in everything}["54810"].fill == "#a4161a"


def test_portfolio_activities_under_way_count_as_coverage(staff_user, staff_client):
    need("54810", "Educación", 50)
    activity = ActivityFactory(planned_start=timezone.localdate() - datetime.timedelta(days=30),
                               planned_end=timezone.localdate() + datetime.timedelta(days=30))  # fmt: skip
    activity.locations.create(municipality=Municipality.objects.get(code="54810"))
    activity.sectors.create(sector_id="11220")
    cells = {(c.municipality.code, c.service.name_es): c
             for c in staff_client.get("/staff/coordination/gaps/").context["cells"]}  # fmt: skip
    assert cells[("54810", "Educación")].portfolio_activities == 1
    assert cells[("54810", "Educación")].status == "partial"


def test_the_dashboard_counts_approved_rows_only_and_exports_the_5w_with_hxl(
    staff_client, staff_user
):
    org_a, reporter_a = partner("Socio A", "r.a")
    approved(org_a, reporter_a, staff_user, [{"reached": 40}, {"reached": 5, "place": "54810"}])
    org_b, reporter_b = partner("Socio B", "r.b")
    draft = open_report(org_b, ReportingPeriod.month_of(timezone.localdate()), reporter_b)
    assert draft.status == "draft"
    figures = staff_client.get("/staff/coordination/").context["figures"]
    assert (figures.partners, figures.activities, figures.reached) == (1, 1, 45)
    assert [name for _pk, name, _n in figures.by_municipality] == ["Cúcuta", "Tibú"]
    # A partner sees the territory's picture too.
    assert client_for(reporter_b).get("/staff/coordination/").status_code == 200
    body = b"".join(
        staff_client.get("/staff/coordination/5w/?format=csv").streaming_content
    ).decode()
    lines = list(csv.reader(io.StringIO(body)))
    assert lines[1][0] == "#org+name" and len(lines) == 4 and lines[2][0] == "Socio A"


def test_overlaps_are_proposed_ranked_and_not_again_once_decided(staff_client, staff_user):
    org_a, reporter_a = partner("Socio A", "r.a")
    org_b, reporter_b = partner("Socio B", "r.b")
    approved(org_a, reporter_a, staff_user, [{"name": "Atención primaria en salud a migrantes"}])
    approved(org_b, reporter_b, staff_user, [{"name": "Atencion primaria de salud para migrantes"},
                                             {"name": "Kits escolares", "sector": "11220"}])  # fmt: skip
    page = staff_client.get("/staff/coordination/overlaps/")
    (candidate,) = page.context["page"].object_list
    assert {candidate.first.organisation, candidate.second.organisation} == {"Socio A", "Socio B"}
    response = staff_client.post("/staff/coordination/overlaps/decide/", {
        "first": candidate.keys[0], "second": candidate.keys[1], "verdict": "complementary"})  # fmt: skip
    assert response.status_code == 302
    assert OverlapDecision.objects.get().decided_by == staff_user
    assert list(staff_client.get("/staff/coordination/overlaps/").context["page"].object_list) == []


def test_the_governor_report_is_a_pdf_with_the_figures(staff_client, staff_user):
    need("54810", "Educación", 50)
    org_a, reporter_a = partner("Socio A", "r.a")
    approved(org_a, reporter_a, staff_user, [{"reached": 40}])
    response = staff_client.get("/staff/coordination/governor-report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "1 socios" in text or "1 partners" in text
    assert "Tibú" in text and "Cúcuta" in text


def test_the_governor_report_carries_the_plans_results_as_their_pages_add_them_up(staff_client):
    from puente.portfolio.models import Activity, Level, SharedIndicator
    from puente.portfolio.tests.factories import ActivityFactory, project_measuring

    plan = ActivityFactory(title_es="Plan de frontera", level=Level.PLAN)
    programme = ActivityFactory(title_es="Programa", level=Level.PROGRAMME, parent=plan)
    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    project_measuring(shared, programme, "Cúcuta", [(2026, 1200, 900, {})])
    project_measuring(shared, programme, "Tibú", [(2026, 800, 600, {})])
    assert Activity.objects.filter(parent=programme).count() == 2
    response = staff_client.get("/staff/coordination/governor-report.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Resultados de los planes" in text and "Plan de frontera" in text
    assert "Personas orientadas (personas)" in text
    assert "1.500 / 2.000" in text or "1 500 / 2 000" in text  # actual / target, both projects
