"""A month that starts filled in: rows from the partner's last approved report and from its
activities in the portfolio, each confirmed or corrected by the partner before it counts."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from puente.coordination import services
from puente.coordination.models import Report, ReportingPeriod, ReportRow, ReportStatus
from puente.portfolio.lifecycle import IatiStatus
from puente.portfolio.tests.factories import (
    ActivityFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import client_for

from .factories import partner
from .test_cycle_notices import _row_fields

pytestmark = pytest.mark.django_db
START = "/staff/coordination/reports/start/"


@pytest.fixture
def reporter_with_october():  # noqa: ANN201
    """A partner whose October report, two rows, was approved."""
    organisation, reporter = partner("Pastoral Social Tibú", "pastoral")
    report = services.open_report(organisation, _month(10), reporter)
    fields = _row_fields()
    report.rows.create(line=1, **fields)
    report.rows.create(
        line=2, **{**fields, "activity_name": "Agua segura", "municipality_id": _tibu().pk}
    )
    services.submit(report, reporter)
    services.approve(report, reporter)
    return organisation, reporter


def _month(number: int) -> ReportingPeriod:
    return ReportingPeriod.month_of(datetime.date(2026, number, 1))


def _tibu() -> Municipality:
    return Municipality.objects.get(code="54810")


def _under_way(organisation, title: str, place: Municipality, status=IatiStatus.IMPLEMENTATION):  # noqa: ANN001, ANN202
    activity = ActivityFactory(title_es=title, iati_status=status)
    ParticipationFactory(activity=activity, organisation=organisation)
    LocationFactory(activity=activity, municipality=place, name="Vereda Campo Dos")
    SectorFactory(activity=activity, sector_id="14030")
    return activity


def _start(client: Client, **choices: str) -> tuple[Report, list[str]]:
    response = client.post(START, {"month": "2026-11", **choices}, follow=True)
    report = response.context["report"]
    return report, [str(m) for m in response.context["messages"]]


def test_november_starts_from_october_and_the_portfolio_and_waits_for_confirmation(
    reporter_with_october,
):
    organisation, reporter = reporter_with_october
    activity = _under_way(organisation, "Saneamiento rural en el Catatumbo", _tibu())
    _under_way(organisation, "Proyecto cerrado", _tibu(), status=IatiStatus.CLOSED)
    _under_way(partner("Otro socio", "otro")[0], "Obra de otro socio", _tibu())
    venezuela = Municipality.objects.exclude(department__code="54").first()
    _under_way(organisation, "Trabajo en Táchira", venezuela)
    client = client_for(reporter)

    report, said = _start(client, carry="figures", portfolio="on")

    assert said == [
        "2 filas copiadas de Octubre 2026 y 1 fila de sus actividades en el portafolio. "
        "Revise cada una y guárdela, o confírmelas todas tal como están."
    ]
    rows = list(report.rows.order_by("line"))
    assert [(r.activity_name, r.municipality.name, r.reached, r.targeted) for r in rows] == [
        ("Atención primaria", "Cúcuta", 10, 10),
        ("Agua segura", "Tibú", 10, 10),
        ("Saneamiento rural en el Catatumbo", "Tibú", 0, 0),
    ]
    assert all(r.to_confirm for r in rows)
    assert (rows[2].activity, rows[2].sector_id, rows[2].population, rows[2].locality) == (
        activity, "14030", None, "Vereda Campo Dos"
    )  # fmt: skip
    page = client.get(report.get_absolute_url()).content.decode()
    assert "3 filas se llenaron a partir del trabajo anterior" in page
    assert page.count("Por confirmar") == 3

    response = client.post(f"/staff/coordination/reports/{report.pk}/submit/", follow=True)
    assert "3 filas llenadas esperan su confirmación" in response.content.decode()
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DRAFT

    response = client.post(f"/staff/coordination/reports/{report.pk}/rows/confirm/", follow=True)
    said = [str(m) for m in response.context["messages"]]
    assert said == [
        "2 filas confirmadas.",
        "1 fila aún no tiene sus cifras, población o nacionalidad: ábrala y complétela.",
    ]
    population = TargetPopulation.objects.first()
    edit = f"/staff/coordination/reports/{report.pk}/rows/{rows[2].pk}/"
    assert "Esta fila se llenó a partir del trabajo anterior" in client.get(edit).content.decode()
    answer = client.post(
        edit,
        {
            "activity_name": rows[2].activity_name, "sector": "14030",
            "municipality": _tibu().pk, "locality": "Vereda Campo Dos",
            "population": population.pk, "nationality": "colombian", "targeted": 40,
            "female": 12, "male": 10, "other_sex": 0, "age_0_17": 8, "age_18_59": 12,
            "age_60_plus": 2, "amount": "", "currency": "COP",
        },
    )  # fmt: skip
    assert answer.status_code == 302
    assert not report.rows.filter(to_confirm=True).exists()
    client.post(f"/staff/coordination/reports/{report.pk}/submit/")
    assert Report.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED
    history = [h.history_change_reason for h in report.history.all()]
    assert "Filas llenadas para que el socio las confirme: 3" in history


def test_rows_copied_without_figures_are_never_confirmed_in_bulk(reporter_with_october):
    """Their figures are this month's to enter: a zero row is confirmed by hand or not at all."""
    _organisation, reporter = reporter_with_october
    client = client_for(reporter)
    report, _said = _start(client, carry="places")
    assert sorted((r.targeted, r.reached) for r in report.rows.all()) == [(0, 0), (0, 0)]
    response = client.post(f"/staff/coordination/reports/{report.pk}/rows/confirm/", follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "2 filas aún no tienen sus cifras, población o nacionalidad: abra cada una y complétela."
    ]
    assert report.rows.filter(to_confirm=True).count() == 2


def test_opening_a_month_already_open_says_nothing_was_copied(reporter_with_october):
    _organisation, reporter = reporter_with_october
    client = client_for(reporter)
    _start(client, carry="places")
    _report, said = _start(client, carry="figures")
    assert said == ["El reporte de Noviembre 2026 ya estaba abierto: no se copió nada en él."]


def test_a_blank_month_when_the_partner_wants_one(reporter_with_october):
    organisation, reporter = reporter_with_october
    _under_way(organisation, "Saneamiento", _tibu())
    report, said = _start(client_for(reporter), carry="nothing")
    assert not report.rows.exists()
    assert said == []


def test_a_portfolio_activity_already_carried_is_not_added_twice(reporter_with_october):
    organisation, reporter = reporter_with_october
    activity = _under_way(organisation, "Agua segura", _tibu())
    ReportRow.objects.filter(activity_name="Agua segura").update(activity=activity)
    report, _said = _start(client_for(reporter), carry="places", portfolio="on")
    assert report.rows.filter(activity=activity).count() == 1


def test_starting_a_month_again_adds_nothing_to_its_draft(reporter_with_october):
    _organisation, reporter = reporter_with_october
    client = client_for(reporter)
    first, _said = _start(client, carry="places")
    again, _said = _start(client, carry="figures")
    assert again == first
    assert again.rows.count() == 2


def test_a_partner_without_an_approved_report_is_told_there_is_nothing_to_copy(db):
    _organisation, reporter = partner("Socio Nuevo", "nuevo")
    report, said = _start(client_for(reporter), carry="places")
    assert said == ["No hay un reporte aprobado antes de este mes del cual copiar."]
    assert not report.rows.exists()


def test_a_confirmed_row_must_say_whom_it_serves(reporter_with_october):
    organisation, reporter = reporter_with_october
    report = services.open_report(
        organisation, ReportingPeriod.month_of(datetime.date(2026, 11, 1)), reporter
    )
    fields = {**_row_fields(), "population": None, "nationality": ""}
    report.rows.create(to_confirm=True, **fields)  # waiting for the partner: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        report.rows.create(**fields)


def test_the_secretariat_reads_the_choices_said_of_the_partner(staff_client):
    page = staff_client.get("/staff/coordination/reports/").content.decode()
    assert "Copiar las filas de su último reporte aprobado con sus cifras" in page
    assert "mi último reporte" not in page


def test_asking_to_copy_with_nothing_to_copy_is_a_warning_not_a_success():
    _organisation, reporter = partner("Socio nuevo", "nuevo")
    page = client_for(reporter).post(START, {"month": "2026-11", "carry": "figures"}, follow=True)
    (message,) = list(page.context["messages"])
    assert message.level_tag == "warning"
    assert str(message) == "No hay un reporte aprobado antes de este mes del cual copiar."
    assert '<p class="message warning">' in page.content.decode()
