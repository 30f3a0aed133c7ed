"""5W reporting end to end on the server: invitation, upload, review, versions, who sees what."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from puente.coordination.models import Report, ReportRow, ReportStatus
from puente.directory.tests.factories import OrganisationFactory
from puente.tests.world import client_for

from .factories import filled_template, partner, row

pytestmark = pytest.mark.django_db


def upload(client: Client, report: Report, data: bytes, **extra):  # noqa: ANN201
    file = SimpleUploadedFile("5w.xlsx", data)
    return client.post(f"/staff/coordination/reports/{report.pk}/upload/", {"file": file, **extra})


def start(client: Client, month: str | None = None) -> Report:
    month = month or timezone.localdate().strftime("%Y-%m")
    response = client.post("/staff/coordination/reports/start/", {"month": month})
    assert response.status_code == 302
    return Report.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def test_staff_invite_a_reporter_who_sets_a_strong_password_and_signs_in(staff_client):
    organisation = OrganisationFactory(name="Fundación Frontera Viva")
    response = staff_client.post(f"/staff/directory/{organisation.pk}/invite/",
                                 {"email": "Reporta@Frontera.org", "name": "Luz Pérez"})  # fmt: skip
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["reporta@frontera.org"] and "Fundación Frontera Viva" in message.body
    site = re.escape(settings.PUENTE_SITE_URL.rstrip("/"))
    link = re.search(site + r"(/staff/invitation/\S+)", message.body).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert (
        "Choose your password" in form_page.content.decode()
        or "Elija" in form_page.content.decode()
    )
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert (
        weak.status_code == 200
        and authenticate(username="reporta@frontera.org", password="12345678") is None
    )
    strong = "puente de la frontera 2026"
    assert (
        client.post(set_url, {"new_password1": strong, "new_password2": strong}).status_code == 302
    )
    assert authenticate(username="reporta@frontera.org", password=strong) is not None
    assert Client().get(link).context["validlink"] is False  # the link works once


def test_a_partner_uploads_with_errors_nothing_is_kept_then_a_clean_file_replaces(db):
    organisation, reporter = partner("Socio Uno", "r.uno")
    client = client_for(reporter)
    report = start(client)
    bad = upload(client, report, filled_template([row(), row(municipality="Cucutá")]))
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Cucutá" in page and "Cúcuta" in page and "Municipio / Municipality" in page
    assert ReportRow.objects.count() == 0
    clean = filled_template([row(), row(activity_name="Kits escolares", sector="111")])
    assert upload(client, report, clean).status_code == 302
    assert upload(client, report, clean).status_code == 302  # the same file again
    assert list(report.rows.values_list("activity_name", flat=True)) == [
        "Atención primaria en salud para familias migrantes",
        "Kits escolares",
    ]
    assert report.rows.get(line=2).reached == 150


def test_clean_rows_only_when_the_partner_asks(db):
    _organisation, reporter = partner("Socio Dos", "r.dos")
    client = client_for(reporter)
    report = start(client)
    response = upload(client, report, filled_template([row(), row(female=-1)]), clean_only="on")
    assert response.status_code == 302
    assert report.rows.count() == 1


@pytest.fixture
def submitted() -> tuple[Client, Report]:
    """A partner's report with one row, submitted for review."""
    _organisation, reporter = partner("Socio Tres", "r.tres")
    client = client_for(reporter)
    report = start(client)
    upload(client, report, filled_template([row()]))
    assert client.post(f"/staff/coordination/reports/{report.pk}/submit/").status_code == 302
    return client, report


def review(staff_client: Client, report: Report, decision: str, comment: str = ""):  # noqa: ANN201
    data = {"decision": decision, **({"comment": comment} if decision == "return" else {})}
    return staff_client.post(f"/staff/coordination/reports/{report.pk}/review/", data)


@pytest.fixture
def approved(submitted, staff_client) -> tuple[Client, Report]:  # noqa: ANN001
    review(staff_client, submitted[1], "approve")
    submitted[1].refresh_from_db()
    return submitted


def test_a_submitted_report_is_out_of_the_partners_hands(submitted):
    client, report = submitted
    assert upload(client, report, filled_template([row(), row()])).status_code == 302
    assert report.rows.count() == 1


def test_a_report_is_returned_only_with_a_reason(submitted, staff_client):
    assert review(staff_client, submitted[1], "return", "").status_code == 400


def test_the_partner_reads_why_its_report_was_returned(submitted, staff_client):
    client, report = submitted
    review(staff_client, report, "return", "Falta la población en Tibú")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    assert "Falta la población en Tibú" in client.get(report.get_absolute_url()).content.decode()


def test_a_returned_report_submitted_again_can_be_approved(submitted, staff_client):
    client, report = submitted
    review(staff_client, report, "return", "Falta la población en Tibú")
    client.post(f"/staff/coordination/reports/{report.pk}/submit/")
    review(staff_client, report, "approve")
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


def test_an_approved_report_takes_no_new_rows(approved):
    client, report = approved
    assert report.status == ReportStatus.APPROVED
    assert client.get(f"/staff/coordination/reports/{report.pk}/rows/new/").status_code == 302


def test_a_correction_is_a_new_draft_version_with_the_rows_of_the_approved_one(approved):
    client, report = approved
    correction_response = client.post(f"/staff/coordination/reports/{report.pk}/correct/")
    correction = Report.objects.get(version=2)
    assert correction_response["Location"].endswith(f"/{correction.pk}/")
    assert correction.rows.count() == 1 and correction.status == ReportStatus.DRAFT


def test_an_approved_correction_supersedes_the_original_and_its_figures_count(
    approved, staff_client
):  # noqa: ANN001
    client, report = approved
    client.post(f"/staff/coordination/reports/{report.pk}/correct/")
    correction = Report.objects.get(version=2)
    upload(client, correction, filled_template([row(female=100, age_0_17=60)]))
    client.post(f"/staff/coordination/reports/{correction.pk}/submit/")
    review(staff_client, correction, "approve")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUPERSEDED
    assert ReportRow.objects.filter(report__status=ReportStatus.APPROVED).get().reached == 160


def test_another_partner_cannot_see_or_touch_a_report(db):
    _a, reporter_a = partner("Socio A", "r.a")
    _b, reporter_b = partner("Socio B", "r.b")
    report = start(client_for(reporter_a))
    other = client_for(reporter_b)
    assert other.get(report.get_absolute_url()).status_code == 403
    assert upload(other, report, filled_template([row()])).status_code == 403
    assert other.post(f"/staff/coordination/reports/{report.pk}/submit/").status_code == 403
    assert report.rows.count() == 0
    assert (
        report.get_absolute_url() not in other.get("/staff/coordination/reports/").content.decode()
    )


def test_a_month_that_has_not_started_is_refused(db):
    _organisation, reporter = partner("Socio Futuro", "r.futuro")
    next_year = timezone.localdate().year + 1
    response = client_for(reporter).post(
        "/staff/coordination/reports/start/", {"month": f"{next_year}-01"}
    )
    assert response.status_code == 302 and Report.objects.count() == 0


def test_a_row_by_hand_must_add_up_by_sex_and_by_age(db):
    from puente.territory.models import Municipality, TargetPopulation

    _organisation, reporter = partner("Socio Form", "r.form")
    client = client_for(reporter)
    report = start(client)
    data = {"activity_name": "Ferias de empleo", "sector": "16020", "population": TargetPopulation.objects.first().pk,
            "municipality": Municipality.objects.get(code="54001").pk, "nationality": "returnee",
            "targeted": "40", "female": "10", "male": "10", "other_sex": "0", "age_0_17": "0",
            "age_18_59": "15", "age_60_plus": "0", "currency": "COP"}  # fmt: skip
    url = f"/staff/coordination/reports/{report.pk}/rows/new/"
    refused = client.post(url, data)
    assert refused.status_code == 400 and "por edad 15" in refused.content.decode()
    assert client.post(url, {**data, "age_18_59": "20"}).status_code == 302
    saved = report.rows.get()
    assert (saved.reached, saved.category_id) == (20, "160")


@override_settings(ALLOWED_HOSTS=["testserver", "evil.example"])  # a host the proxy let through
def test_the_invitation_link_is_on_the_sites_address_not_the_requests_host(staff_client):
    """A forged Host header must not put a stranger's address in the partner's email."""
    organisation = OrganisationFactory(name="Fundación Frontera Viva")
    staff_client.post(f"/staff/directory/{organisation.pk}/invite/",
                      {"email": "reporta@frontera.org", "name": "Luz Pérez"},
                      HTTP_HOST="evil.example")  # fmt: skip
    (message,) = mail.outbox
    assert "evil.example" not in message.body
    assert settings.PUENTE_SITE_URL.rstrip("/") + "/staff/invitation/" in message.body
