""" "My work": what waits for the signed-in person, across modules, on the staff home and by email."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from puente.accounts.digest import send_digests
from puente.accounts.models import Preferences
from puente.accounts.roles import Role
from puente.agreements.tests.factories import ProposalFactory
from puente.coordination.models import Report, ReportingPeriod, ReportStatus
from puente.directory.tests.factories import OrganisationFactory
from puente.iati.models import ImportRun
from puente.requests.tests.factories import filed
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db

HOME = reverse("staff-home")


def _waiting(client) -> str:  # noqa: ANN001
    page = client.get(HOME, follow=True).content.decode()
    start = page.find('id="my-work-h"')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


@pytest.fixture
def office():  # noqa: ANN201
    """Two officials, and work for each of them or for nobody in particular."""
    ana = make_user("ana.staff", Role.STAFF)
    ana.email = "ana@example.gov.co"
    ana.save()
    other = make_user("luis.staff", Role.STAFF)
    mine, _code = filed(title="Agua en Puerto Santander")
    theirs, _code = filed(title="Certificado para Luis")
    nobodys, _code = filed(title="Petición sin asignar")
    mine.assigned_to, theirs.assigned_to = ana, other
    mine.save()
    theirs.save()
    ProposalFactory(title="Concepto para salud rural")
    partner = OrganisationFactory(name="Socio Norte", acronym="SNORTE")
    period = ReportingPeriod.month_of(datetime.date(2026, 10, 1))
    Report.objects.create(organisation=partner, period=period, status=ReportStatus.SUBMITTED,
                          submitted_at=timezone.now())  # fmt: skip
    ImportRun.objects.create(source="dfid.xml", label="dfid.xml", status=ImportRun.Status.FAILED,
                             created_by=ana, finished_at=timezone.now())  # fmt: skip
    return ana, other, partner, nobodys


def test_the_staff_home_lists_what_waits_for_this_official(office):
    ana, _other, _partner, _nobodys = office
    waiting = _waiting(client_for(ana))
    for expected in ("Agua en Puerto Santander", "Petición sin asignar",
                     "Concepto para salud rural", "SNORTE", "dfid.xml"):  # fmt: skip
        assert expected in waiting, expected
    assert "Certificado para Luis" not in waiting  # assigned to someone else
    # Each item links to where the work is done.
    assert reverse("pqrsd-staff:detail", args=[_nobodys.pk]) in waiting


def test_a_partner_sees_its_returned_report_and_a_viewer_sees_no_list(office):
    _ana, _other, partner, _nobodys = office
    period = ReportingPeriod.month_of(datetime.date(2026, 9, 1))
    Report.objects.create(organisation=partner, period=period, status=ReportStatus.RETURNED,
                          reviewed_at=timezone.now(), review_comment="Faltan municipios")  # fmt: skip
    reporter = client_for(make_user("r.norte", Role.REPORTER, organisation=partner))
    waiting = _waiting(reporter)
    assert "devuelto con observaciones el" in waiting
    assert "Agua en Puerto Santander" not in waiting and "Concepto para salud" not in waiting
    assert _waiting(client_for(make_user("v.viewer", Role.VIEWER))) == ""


def test_the_daily_digest_goes_to_those_with_work_who_did_not_opt_out(office, settings):
    settings.PUENTE_SITE_URL = "https://puente.example.gov.co"
    ana, other, _partner, nobodys = office
    other.email = "luis@example.gov.co"
    other.save()
    Preferences.objects.create(user=other, daily_digest=False)
    assert send_digests(timezone.localdate()) == 1
    [message] = mail.outbox
    assert message.to == ["ana@example.gov.co"]
    assert "Agua en Puerto Santander" in message.body
    assert f"https://puente.example.gov.co{reverse('pqrsd-staff:detail', args=[nobodys.pk])}" in (
        message.body
    )


def test_a_person_switches_the_digest_off_and_on_from_their_account_page(office):
    ana, *_rest = office
    client = client_for(ana)
    assert 'name="daily_digest"' in client.get(reverse("account-security")).content.decode()
    client.post(reverse("account-digest"), {})
    assert send_digests(timezone.localdate()) == 0
    client.post(reverse("account-digest"), {"daily_digest": "on"})
    assert send_digests(timezone.localdate()) == 1


def test_an_administrator_made_with_createsuperuser_gets_the_digest_too(office):
    from django.contrib.auth import get_user_model

    _ana, _other, _partner, nobodys = office
    root = get_user_model().objects.create_superuser("root", "root@example.gov.co", "x" * 16)
    nobodys.assigned_to = root
    nobodys.save()
    send_digests(timezone.localdate())
    assert "Petición sin asignar" in next(m.body for m in mail.outbox if m.to == [root.email])


def test_a_passed_deadline_reads_right_beside_a_feminine_word(office):
    from puente.requests.models import Request

    ana, _other, _partner, nobodys = office
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Request.objects.filter(pk=nobodys.pk).update(due_on=yesterday)
    assert "plazo vencido" in _waiting(client_for(ana))  # "respuesta … · vencido" read wrong
