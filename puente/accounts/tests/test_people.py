"""Administrators manage people inside Puente: invite, roles, deactivation, second factor, deeds."""

from smtplib import SMTPException
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp import user_has_device

from puente.accounts.models import AccountEvent
from puente.accounts.roles import Role, has_role
from puente.accounts.tests.factories import enrolled
from puente.lib.audit import attribute
from puente.portfolio.tests.factories import ActivityFactory
from puente.tests.world import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return make_user("alba.admin", Role.ADMINISTRATOR)


@pytest.fixture
def admin_client(admin_user):
    return client_for(admin_user)


def invite(client, email="nuevo@nortedesantander.gov.co", role="secretariat-staff"):
    return client.post(
        reverse("person-invite"), {"email": email, "name": "Nuevo Funcionario", "role": role}
    )


def test_an_invited_staff_member_gets_a_link_on_the_site_address_and_the_staff_role(
    admin_client, settings
):
    settings.PUENTE_SITE_URL = "https://puente.example.gov.co"
    response = invite(admin_client)
    person = User.objects.get(username="nuevo@nortedesantander.gov.co")
    assert response.status_code == 302 and response["Location"].endswith(f"/people/{person.pk}/")
    assert has_role(person, Role.STAFF) and not person.has_usable_password()
    (sent,) = mail.outbox
    assert sent.to == ["nuevo@nortedesantander.gov.co"]
    assert "https://puente.example.gov.co/staff/invitation/" in sent.body
    event = AccountEvent.objects.get(user=person)
    assert (event.kind, event.by.username) == ("invited", "alba.admin")


def test_the_invited_person_chooses_a_password_and_signs_in_to_their_work(admin_client):
    invite(admin_client)
    link = next(w for w in mail.outbox[0].body.split() if "/staff/invitation/" in w)
    newcomer = User.objects.get(username="nuevo@nortedesantander.gov.co")
    client = Client()
    form_page = client.get(urlparse(link).path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": PASSWORD + " x", "new_password2": PASSWORD + " x"},
    )
    newcomer.refresh_from_db()
    assert newcomer.has_usable_password()
    assert client.login(username=newcomer.username, password=PASSWORD + " x")
    home = client.get(reverse("staff-home"), follow=True).content.decode()
    assert "Le espera" in home or "Waiting for you" in home


def test_an_email_that_already_has_an_account_is_refused_and_nothing_is_sent(admin_client):
    make_user("ya@ejemplo.org", Role.VIEWER)
    response = invite(admin_client, email="YA@ejemplo.org")
    assert response.status_code == 400
    assert "ya tiene una cuenta" in response.content.decode()
    assert mail.outbox == []


def test_when_the_email_cannot_leave_no_account_is_made_and_the_page_says_so(
    admin_client, monkeypatch
):
    def refuse(*args, **kwargs):
        raise SMTPException("connection refused")

    monkeypatch.setattr("puente.accounts.services.send_mail", refuse)
    response = invite(admin_client)
    assert response.status_code == 400
    page = response.content.decode()
    assert "no se pudo enviar" in page and "connection refused" in page
    assert not User.objects.filter(username="nuevo@nortedesantander.gov.co").exists()


def test_partner_reporters_are_not_invited_here(admin_client):
    response = invite(admin_client, role="partner-reporter")
    assert response.status_code == 400 and mail.outbox == []


def test_roles_are_changed_and_the_change_is_recorded_with_before_and_after(admin_client):
    person = make_user("rosa.staff", Role.STAFF)
    response = admin_client.post(reverse("person-roles", args=[person.pk]), {"roles": ["viewer"]})
    assert response.status_code == 302
    person = User.objects.get(pk=person.pk)
    assert has_role(person, Role.VIEWER) and not has_role(person, Role.STAFF)
    event = AccountEvent.objects.get(user=person, kind="roles")
    assert event.detail == "Personal de la Secretaría → observador"
    page = admin_client.get(reverse("person", args=[person.pk])).content.decode()
    assert "Personal de la Secretaría → observador" in page and "alba.admin" in page


def test_an_administrator_cannot_lock_themself_out(admin_client, admin_user):
    admin_client.post(reverse("person-roles", args=[admin_user.pk]), {"roles": ["viewer"]})
    admin_client.post(reverse("person-active", args=[admin_user.pk]), {"active": "0"})
    admin_user = User.objects.get(pk=admin_user.pk)
    assert has_role(admin_user, Role.ADMINISTRATOR) and admin_user.is_active
    page = admin_client.get(reverse("person", args=[admin_user.pk])).content.decode()
    assert "No puede desactivar su propia cuenta" in page


def test_a_deactivated_person_is_signed_out_at_their_next_request(admin_client):
    person = make_user("saul.staff", Role.STAFF)
    their_client = client_for(person)
    assert their_client.get(reverse("portfolio:list")).status_code == 200
    admin_client.post(reverse("person-active", args=[person.pk]), {"active": "0"})
    response = their_client.get(reverse("portfolio:list"))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
    assert AccountEvent.objects.filter(user=person, kind="deactivated").exists()


def test_a_lost_second_factor_is_reset_by_an_administrator(admin_client):
    person, _device = enrolled("tomas.2fa")
    assert user_has_device(person)
    admin_client.post(reverse("person-2fa-reset", args=[person.pk]))
    assert not user_has_device(person)
    assert AccountEvent.objects.get(user=person, kind="2fa-reset").by.username == "alba.admin"


def test_the_list_finds_people_by_role_and_by_name(admin_client):
    make_user("rosa.staff", Role.STAFF)
    make_user("victor.viewer", Role.VIEWER)
    by_role = admin_client.get(reverse("people"), {"role": "viewer"}).content.decode()
    assert "victor.viewer" in by_role and "rosa.staff" not in by_role
    by_name = admin_client.get(reverse("people"), {"q": "rosa"}).content.decode()
    assert "rosa.staff" in by_name and "victor.viewer" not in by_name


def test_the_person_page_lists_what_they_changed(admin_client):
    person = make_user("rosa.staff", Role.STAFF)
    activity = ActivityFactory(title_es="Agua para Tibú")
    activity.title_es = "Agua potable para Tibú"
    attribute(activity, person)
    activity.save()
    page = admin_client.get(reverse("person", args=[person.pk])).content.decode()
    assert "Agua potable para Tibú" in page and "Modificado" in page


def test_an_administrator_switches_their_own_second_factor_off_with_a_code_not_here(
    admin_user,
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=admin_user, name="app", confirmed=True)
    client = client_for(admin_user)
    client.post(reverse("person-2fa-reset", args=[admin_user.pk]))
    assert user_has_device(admin_user)
