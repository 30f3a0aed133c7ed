"""Date alerts at 30, 15 and 5 days (dashboard and email, once each); the agreement pages and who
may use them."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from puente.accounts.roles import Role
from puente.agreements.models import Agreement, Extension, Obligation
from puente.agreements.reminders import send_reminders
from puente.agreements.selectors import alerts
from puente.agreements.workflow import Step
from puente.directory.tests.factories import OrganisationFactory
from puente.tests.world import client_for, make_user

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 2)


def test_alerts_take_extensions_into_account_and_grade_by_threshold():
    soon = AgreementFactory(step=Step.IN_FORCE, ends_on=TODAY + timedelta(days=4))
    extended = AgreementFactory(step=Step.EXTENDED, ends_on=TODAY + timedelta(days=10))
    Extension.objects.create(agreement=extended, new_end=TODAY + timedelta(days=200), reason="x")
    draft = AgreementFactory(step=Step.DRAFT, ends_on=TODAY + timedelta(days=3))  # not running
    Obligation.objects.create(agreement=soon, description="Informe técnico", responsible="IDS",
                              due_on=TODAY - timedelta(days=1))  # fmt: skip
    Obligation.objects.create(agreement=soon, description="Informe final", responsible="IDS",
                              due_on=TODAY + timedelta(days=12), done_on=TODAY)  # fmt: skip
    found = alerts(TODAY)
    assert [(a.agreement, a.what, a.level) for a in found] == [
        (soon, "Informe técnico", "overdue"),
        (soon, "end", "5"),
    ]
    assert draft not in [a.agreement for a in found] and extended not in [
        a.agreement for a in found
    ]


def test_reminders_go_to_the_responsible_official_once_per_threshold(staff_user):
    official = make_user("jefe.juridica", Role.STAFF)
    official.email = "juridica@example.gov.co"
    official.save()
    agreement = AgreementFactory(step=Step.IN_FORCE, ends_on=TODAY + timedelta(days=15),
                               responsible=official)  # fmt: skip
    Obligation.objects.create(agreement=agreement, description="Aporte de contrapartida",
                              responsible="Gobernación", due_on=TODAY + timedelta(days=30))  # fmt: skip
    assert send_reminders(TODAY) == 2
    assert send_reminders(TODAY) == 0  # the cron job ran twice: nothing twice
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "Convenio que termina en 15 días: Convenio de agua potable para Tibú",
        "Obligación que vence en 30 días: Convenio de agua potable para Tibú",
    ]
    assert all(m.to == ["juridica@example.gov.co"] for m in mail.outbox)
    assert send_reminders(TODAY + timedelta(days=1)) == 0  # 14 and 29 days: no threshold
    assert send_reminders(TODAY + timedelta(days=10)) == 1  # 5 days before the end


def test_the_dashboard_shows_what_falls_due(staff_client):
    today = timezone.localdate()
    agreement = AgreementFactory(step=Step.IN_FORCE, ends_on=today + timedelta(days=12))
    page = staff_client.get("/staff/portfolio/").content.decode()
    assert "Convenios: fechas próximas" in page and agreement.title in page
    assert "12 días" in page


def test_staff_write_an_agreement_with_its_parties_and_obligations(staff_client):
    unicef = OrganisationFactory(name="UNICEF")
    response = staff_client.post("/staff/agreements/new/", {
        "kind": "convention", "title": "Convenio de protección de la niñez migrante",
        "purpose": "Rutas de protección en Villa del Rosario.", "currency": "COP",
        "starts_on": "2026-03-01", "ends_on": "2027-02-28",
        "parties-TOTAL_FORMS": "1", "parties-INITIAL_FORMS": "0",
        "parties-0-organisation": unicef.pk, "parties-0-role": "partner",
        "parties-0-cash": "250000000", "parties-0-in_kind": "0", "parties-0-currency": "COP",
        "obligations-TOTAL_FORMS": "1", "obligations-INITIAL_FORMS": "0",
        "obligations-0-kind": "milestone", "obligations-0-description": "Primer desembolso",
        "obligations-0-due_on": "2026-04-15", "obligations-0-responsible": "UNICEF",
    })  # fmt: skip
    agreement = Agreement.objects.get()
    assert response["Location"] == agreement.get_absolute_url()
    assert agreement.parties.get().cash == 250000000
    assert agreement.obligations.get().description == "Primer desembolso"
    page = staff_client.get(agreement.get_absolute_url()).content.decode()
    assert "UNICEF" in page and "Revisión jurídica" in page  # the next step offered


def test_an_end_before_the_start_saves_nothing(staff_client):
    response = staff_client.post("/staff/agreements/new/", {
        "kind": "mou", "title": "Memorando", "purpose": "x", "currency": "COP",
        "starts_on": "2026-03-01", "ends_on": "2026-01-01",
        "parties-TOTAL_FORMS": "0", "parties-INITIAL_FORMS": "0",
        "obligations-TOTAL_FORMS": "0", "obligations-INITIAL_FORMS": "0",
    })  # fmt: skip
    assert response.status_code == 400
    assert "La fecha final es anterior a la inicial." in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_list_filters_and_exports(staff_client):
    today = timezone.localdate()
    ending = AgreementFactory(step=Step.IN_FORCE, ends_on=today + timedelta(days=20),
                            title="Convenio que termina pronto")  # fmt: skip
    AgreementFactory(title="Memorando con la academia", kind="mou")
    page = staff_client.get("/staff/agreements/", {"expiring": "on"}).content.decode()
    assert ending.title in page and "Memorando con la academia" not in page
    page = staff_client.get("/staff/agreements/", {"q": "academia"}).content.decode()
    assert "Memorando con la academia" in page and ending.title not in page
    export = staff_client.get("/staff/agreements/", {"format": "csv", "kind": "mou"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][:4] == ["id", "reference", "kind", "title"] and len(rows) == 2


def test_viewers_read_but_do_not_write_partners_and_the_public_see_nothing(viewer_client):
    agreement = AgreementFactory()
    assert viewer_client.get(agreement.get_absolute_url()).status_code == 200
    assert (
        "Registrar el paso" not in viewer_client.get(agreement.get_absolute_url()).content.decode()
    )
    assert viewer_client.post(f"/staff/agreements/{agreement.pk}/step/",
                              {"target": "legal-review"}).status_code == 403  # fmt: skip
    assert viewer_client.get("/staff/agreements/new/").status_code == 403
    reporter = make_user("reporte.acnur", Role.REPORTER, organisation=OrganisationFactory())
    assert client_for(reporter).get("/staff/agreements/").status_code == 403
    assert Client().get(agreement.get_absolute_url()).status_code == 302
    assert Agreement.objects.get().step == Step.DRAFT


def test_staff_attach_checked_documents_and_viewers_download_them(staff_client, viewer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agreement = AgreementFactory(signing_papers=False)
    url = f"/staff/agreements/{agreement.pk}/documents/"
    fake = SimpleUploadedFile("convenio.pdf", b"MZ\x90\x00 an executable", "application/pdf")
    refused = staff_client.post(url, {"title": "Texto firmado", "file": fake}, follow=True)
    assert "no se acepta" in refused.content.decode().lower() and not agreement.documents.exists()
    signed = SimpleUploadedFile("convenio.pdf", b"%PDF-1.4 firmado", "application/pdf")
    staff_client.post(url, {"title": "Texto firmado", "file": signed})
    document = agreement.documents.get()
    assert (document.content_type, document.extension) == ("application/pdf", "PDF")
    download = viewer_client.get(f"{url}{document.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert viewer_client.post(url, {"title": "x"}).status_code == 403
