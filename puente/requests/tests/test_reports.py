"""The PQRSD report: figures by period, published frozen on the portal, downloadable."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from puente.requests import reports, services
from puente.requests.models import Kind, PublishedReport, Request

from .factories import bogota, filed

pytestmark = pytest.mark.django_db


def _answer_on(request: Request, when) -> None:  # noqa: ANN001
    Request.objects.filter(pk=request.pk).update(status="answered", answered_at=when)


def test_figures_count_answers_on_time_and_late_by_type_and_subject(staff_user) -> None:
    on_time = filed(bogota(2026, 3, 2, 9), kind=Kind.INFORMATION)[0]  # due 16 Mar
    late = filed(bogota(2026, 3, 3, 9), kind=Kind.INFORMATION)[0]  # due 17 Mar
    filed(bogota(2026, 3, 4, 9), kind=Kind.PETITION)  # still open, overdue in December
    transferred = filed(bogota(2026, 3, 5, 9))[0]
    services.transfer(transferred, "Migración Colombia", "Competencia", staff_user)
    filed(bogota(2026, 4, 1, 9))  # another month
    _answer_on(on_time, bogota(2026, 3, 10, 10))
    _answer_on(late, bogota(2026, 3, 20, 10))

    data = reports.figures(2026, 3, today=bogota(2026, 12, 1).date())
    assert data["received"] == 4
    assert (data["answered_on_time"], data["answered_late"]) == (1, 1)
    assert (data["transferred"], data["pending"], data["pending_overdue"]) == (1, 1, 1)
    assert data["by_kind"]["information"] == 2 and data["by_kind"]["petition"] == 2
    # 2 Mar → 10 Mar is 6 working days; 3 Mar → 20 Mar is 13.
    assert data["average_answer_days"] == 9.5
    assert reports.figures(2026, None, today=bogota(2026, 12, 1).date())["received"] == 5
    # The report's chart: what became of the four, end to end, as shares of those received.
    bar = reports.outcome_bar(data)
    assert [(s["n"], s["share"], s["start"]) for s in bar] == [
        (1, 25.0, 0.0), (1, 25.0, 25.0), (1, 25.0, 50.0), (1, 25.0, 75.0),
    ]  # fmt: skip


def test_the_report_page_draws_what_became_of_the_requests(staff_client: Client) -> None:
    today = timezone.localdate()
    filed()
    page = staff_client.get(
        "/staff/pqrsd/reports/", {"year": today.year, "month": today.month}
    ).content.decode()
    assert "Qué pasó con las solicitudes recibidas" in page
    assert "Aún en trámite: 1 (100 %)" in page
    assert '<rect x="0.00" width="100.00" height="8" fill="#f2c46d"/>' in page


def test_published_figures_are_frozen_until_published_again(staff_client: Client) -> None:
    today = timezone.localdate()
    filed()
    response = staff_client.post(
        "/staff/pqrsd/reports/publish/", {"year": today.year, "month": today.month}
    )
    assert response.status_code == 302
    filed()  # arrives after publication
    url = f"/es/pqrsd/informes/{today.year}/{today.month}/"
    public = Client()
    assert public.get(url).context["report"].figures["received"] == 1
    staff_client.post("/staff/pqrsd/reports/publish/", {"year": today.year, "month": today.month})
    assert public.get(url).context["report"].figures["received"] == 2
    assert PublishedReport.objects.count() == 1
    listing = public.get("/es/pqrsd/informes/").content.decode()
    assert f"{today.year}-{today.month:02d}" in listing
    csv = b"".join(public.get(url, {"format": "csv"}).streaming_content).decode()
    assert "Solicitudes recibidas,2" in csv


def test_an_unpublished_period_is_not_on_the_portal(staff_client: Client) -> None:
    assert Client().get("/es/pqrsd/informes/2020/").status_code == 404
    page = staff_client.get("/staff/pqrsd/reports/", {"year": 2020}).content.decode()
    assert "Publicar en el portal" in page


def test_a_bad_period_is_refused_with_a_message(staff_client: Client) -> None:
    response = staff_client.get("/staff/pqrsd/reports/", {"year": "20x6", "month": 13})
    assert response.status_code == 400
    assert (
        "año" in response.content.decode().lower() or "número entero" in response.content.decode()
    )


def test_reports_count_business_days_not_calendar_days() -> None:
    request = filed(bogota(2026, 12, 17, 9), kind=Kind.INFORMATION)[0]
    _answer_on(request, bogota(2027, 1, 4, 9))
    assert reports.figures(2026, 12, today=bogota(2027, 2, 1).date())["average_answer_days"] == 10
    assert request.due_on == bogota(2027, 1, 4).date()
    assert timedelta(days=18) == bogota(2027, 1, 4) - bogota(2026, 12, 17)
