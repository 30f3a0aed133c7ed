"""Staff decide on several submitted 5W reports at once, each attributed, versioned and told."""

import pytest
from django.test import TestCase

from puente.accounts.models import Notice
from puente.coordination import services
from puente.coordination.models import Report, ReportingPeriod, ReportStatus
from puente.tests.world import client_for

from .factories import partner
from .test_cycle_notices import PERIOD_START, _row_fields

pytestmark = pytest.mark.django_db

URL = "/staff/coordination/reports/review/"


def seen(*reports: Report) -> dict[str, str]:
    """What the page carries for each report: the submission the reviewer read."""
    fresh = Report.objects.filter(pk__in=[r.pk for r in reports])
    return {f"seen-{r.pk}": r.submitted_at.isoformat() for r in fresh}


@pytest.fixture
def submitted(db) -> list[Report]:  # noqa: ANN001
    """Three partners' November reports, submitted."""
    period = ReportingPeriod.month_of(PERIOD_START)
    reports = []
    for n, name in enumerate(
        ["Fundación Frontera Viva", "Corporación Nuevo Arco", "Pastoral Social"]
    ):
        organisation, reporter = partner(name, f"reporter{n}")
        report = services.open_report(organisation, period, reporter)
        report.rows.create(**_row_fields())
        services.submit(report, reporter)
        reports.append(report)
    return reports


def test_the_page_lists_the_waiting_reports_oldest_first(staff_client, submitted) -> None:
    page = staff_client.get(URL)
    text = page.content.decode()
    assert "3 reportes esperan revisión." in text
    names = ["Fundación Frontera Viva", "Corporación Nuevo Arco", "Pastoral Social"]
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    assert (
        "Revisar los 3 reportes enviados" in staff_client.get("/staff/coordination/reports/").text
    )


def test_approve_two_and_return_one_with_its_reason(staff_client, staff_user, submitted) -> None:
    first, second, third = submitted
    data = {f"decision-{first.pk}": "approve", f"decision-{second.pk}": "approve",
            f"decision-{third.pk}": "return", f"reason-{third.pk}": "Falta el municipio de Tibú.",
            **seen(first, second, third)}  # fmt: skip
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = staff_client.post(URL, data, follow=True)
    assert "2 reportes aprobados" in response.text
    assert "1 reporte devuelto a su socio con sus observaciones." in response.text
    statuses = {r.pk: r.status for r in Report.objects.all()}
    assert statuses == {first.pk: ReportStatus.APPROVED, second.pk: ReportStatus.APPROVED,
                        third.pk: ReportStatus.RETURNED}  # fmt: skip
    third.refresh_from_db()
    assert third.review_comment == "Falta el municipio de Tibú." and third.reviewed_by == staff_user
    assert first.history.first().history_user == staff_user  # each one attributed in its history
    returned = Notice.objects.get(recipient__username="reporter2")
    assert "devuelto" in returned.title and "Falta el municipio de Tibú." in returned.body
    assert "No hay reportes que esperen revisión." in response.text


def test_a_return_without_a_reason_changes_nothing_and_says_where(staff_client, submitted) -> None:
    first, second, _third = submitted
    data = {f"decision-{first.pk}": "approve", f"decision-{second.pk}": "return",
            **seen(first, second)}  # fmt: skip
    response = staff_client.post(URL, data)
    assert response.status_code == 400
    assert "Indique qué debe corregir el socio." in response.content.decode()
    assert Report.objects.filter(status=ReportStatus.SUBMITTED).count() == 3


def test_nothing_chosen_is_said(staff_client, submitted) -> None:
    response = staff_client.post(URL, {})
    assert "Elija aprobar o devolver al menos un reporte." in response.content.decode()


def test_a_report_decided_meanwhile_by_another_reviewer_is_said_and_the_rest_go_through(
    staff_client, staff_user, submitted
) -> None:
    first, second, _third = submitted
    page = staff_client.get(URL)  # drawn with all three
    assert page.status_code == 200
    services.approve(Report.objects.get(pk=first.pk), staff_user)  # someone else, meanwhile
    data = {f"decision-{first.pk}": "return", f"reason-{first.pk}": "Revisar.",
            f"decision-{second.pk}": "approve", **seen(first, second)}  # fmt: skip
    response = staff_client.post(URL, data, follow=True)
    assert "1 decisión no se tomó: otro revisor decidió primero sobre ese reporte." in response.text
    # The first is no longer waiting: it is not on the form any more, and stays approved.
    assert Report.objects.get(pk=first.pk).status == ReportStatus.APPROVED
    assert Report.objects.get(pk=second.pk).status == ReportStatus.APPROVED
    assert "1 reporte aprobado" in response.text


def test_partners_may_not_review(submitted) -> None:
    reporter = submitted[0].history.last().history_user
    response = client_for(reporter).post(URL, {f"decision-{submitted[1].pk}": "approve"})
    assert response.status_code == 403
    assert Report.objects.get(pk=submitted[1].pk).status == ReportStatus.SUBMITTED


def test_a_report_sent_again_since_the_page_was_drawn_is_not_decided_unread(
    staff_client, staff_user, submitted
) -> None:
    first, second, _third = submitted
    drawn = seen(first, second)
    services.return_report(Report.objects.get(pk=first.pk), staff_user, "Revisar Tibú.")
    services.submit(Report.objects.get(pk=first.pk), first.history.last().history_user)
    data = {f"decision-{first.pk}": "approve", f"decision-{second.pk}": "approve", **drawn}
    response = staff_client.post(URL, data, follow=True)
    assert "se envió de nuevo después de que se dibujó esta página" in response.text
    assert Report.objects.get(pk=first.pk).status == ReportStatus.SUBMITTED
    assert Report.objects.get(pk=second.pk).status == ReportStatus.APPROVED
