"""The public writes to the Secretariat; bots and floods are refused; staff see and close messages."""

import pytest
from django.core import mail
from django.test import Client

from puente.lib.antispam import issued_token
from puente.portal.demo import create_demo_content
from puente.portal.models import ContactMessage, Office

pytestmark = pytest.mark.django_db
URL = "/es/contacto/escribir/"


@pytest.fixture(autouse=True)
def office():
    create_demo_content()
    Office.objects.update(email="cooperacion@example.gov.co")


def message(**extra) -> dict:
    return {
        "name": "Luisa Pérez",
        "email": "luisa@example.org",
        "subject": "Horario en diciembre",
        "message": "¿Atienden el 24 de diciembre?",
        "consent": "on",
        "issued": issued_token(seconds_ago=30),
        "website": "",
        **extra,
    }


def test_a_message_is_kept_and_passed_on_to_the_office(django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, message(), follow=True)
    assert "Su mensaje fue enviado" in response.content.decode()
    kept = ContactMessage.objects.get()
    assert (kept.name, kept.language, kept.handled_at) == ("Luisa Pérez", "es", None)
    (email,) = mail.outbox
    assert email.to == ["cooperacion@example.gov.co"] and email.reply_to == ["luisa@example.org"]
    assert "¿Atienden el 24 de diciembre?" in email.body


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({"website": "http://spam.example"}, "El formulario no pudo aceptarse"),
        ({"issued": "just now"}, "se envió demasiado rápido"),
        ({"issued": "forged"}, "había vencido o fue alterado"),
        ({"consent": ""}, "Este campo es obligatorio."),
        ({"email": "not-an-address"}, "dirección de correo electrónico válida"),
    ],
)
def test_bots_and_incomplete_forms_are_refused_and_nothing_is_kept(extra, says):
    if extra.get("issued") == "just now":  # signed here, not when the parameters were collected
        extra["issued"] = issued_token()
    response = Client().post(URL, message(**extra))
    assert response.status_code == 400
    page = response.content.decode()
    assert says in page and "El mensaje no se envió" in page
    assert "Luisa Pérez" in page  # what was typed stays in the form
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_a_line_break_in_the_subject_cannot_add_email_headers(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(URL, message(subject="Hola\r\nBcc: victim@example.org"))
    (email,) = mail.outbox
    assert email.subject == "Formulario de contacto: Hola Bcc: victim@example.org"
    assert email.bcc == []


def test_a_flood_from_one_address_is_slowed_down(settings):
    settings.PUENTE_CONTACT_RATE = "2/h"
    client = Client()
    codes = [client.post(URL, message(subject=f"Mensaje {n}")).status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert ContactMessage.objects.count() == 2


def test_staff_read_a_message_and_mark_it_handled(staff_client, staff_user):
    Client().post(URL, message())
    kept = ContactMessage.objects.get()
    inbox = staff_client.get("/staff/portal/messages/", {"status": "open"}).content.decode()
    assert "Horario en diciembre" in inbox
    detail = staff_client.get(f"/staff/portal/messages/{kept.pk}/").content.decode()
    assert "¿Atienden el 24 de diciembre?" in detail
    staff_client.post(f"/staff/portal/messages/{kept.pk}/")
    kept.refresh_from_db()
    assert kept.handled_by == staff_user and kept.handled_at is not None
    open_now = staff_client.get("/staff/portal/messages/", {"status": "open"}).content.decode()
    assert "Ningún mensaje coincide" in open_now


def test_the_public_never_reads_the_messages(viewer_client):
    Client().post(URL, message())
    pk = ContactMessage.objects.get().pk
    assert Client().get(f"/staff/portal/messages/{pk}/").status_code == 302
    assert viewer_client.get(f"/staff/portal/messages/{pk}/").status_code == 403
