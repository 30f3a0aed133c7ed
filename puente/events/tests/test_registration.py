"""Registering for an event: seats, the waiting list, no duplicates, cancelling promotes."""

import re

import pytest
from django.test import Client

from puente.events import services
from puente.events.models import Registration

from .factories import EventFactory, registration_data

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _register(client: Client, event, name: str, email: str):  # noqa: ANN001, ANN202
    return client.post(event.get_absolute_url(), registration_data(name, email))


def test_seats_fill_up_then_the_waiting_list_takes_over(
    client: Client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        for n, email in enumerate(["ana@x.org", "beto@x.org", "carla@x.org"]):
            response = _register(Client(), event, f"Persona {n}", email)
            assert response.status_code == 302
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {
        "ana@x.org": "confirmed",
        "beto@x.org": "confirmed",
        "carla@x.org": "waiting",
    }
    assert [m.subject.split(":")[0] for m in mailoutbox] == [
        "Inscripción confirmada", "Inscripción confirmada", "Está en lista de espera",
    ]  # fmt: skip
    page = client.get(event.get_absolute_url()).content.decode()
    assert "quedan 0 de 2" in page and "1 persona en espera" in page


def test_the_same_email_cannot_register_twice(client: Client) -> None:
    event = EventFactory()
    assert _register(client, event, "Ana", "ana@x.org").status_code == 302
    again = _register(Client(), event, "Ana otra vez", "ANA@x.org ")
    assert again.status_code == 400
    assert "ana@x.org ya está inscrito en este evento" in again.content.decode()
    assert event.registrations.count() == 1


def test_cancelling_from_the_email_link_gives_the_seat_to_the_first_waiting(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        _register(Client(), event, "Ana", "ana@x.org")
        _register(Client(), event, "Beto", "beto@x.org")
        _register(Client(), event, "Carla", "carla@x.org")
    link = re.search(r"http://\S+/cancelar/\S+/", mailoutbox[0].body).group(0)
    path = link.split("8000", 1)[1]
    visitor = Client()
    assert "¿quiere cancelar su inscripción" in visitor.get(path).content.decode()
    assert (
        event.registrations.get(email="ana@x.org").status == Status.CONFIRMED
    )  # a GET changes nothing
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = visitor.post(path)
    assert "fue cancelada" in done.content.decode()
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses == {
        "ana@x.org": "cancelled",
        "beto@x.org": "confirmed",
        "carla@x.org": "waiting",
    }
    assert mailoutbox[0].to == ["beto@x.org"] and "Se liberó un cupo" in mailoutbox[0].subject
    assert "/cancelar/" in mailoutbox[0].body  # the promoted person can cancel too
    assert visitor.post(path).status_code == 404  # the link works once


def test_a_cancelled_person_may_register_again(client: Client) -> None:
    event = EventFactory()
    _register(client, event, "Ana", "ana@x.org")
    services.cancel(event.registrations.get())
    assert _register(Client(), event, "Ana", "ana@x.org").status_code == 302
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 1


def test_no_registration_without_consent_or_after_closing(client: Client) -> None:
    event = EventFactory()
    data = registration_data("Ana", "ana@x.org")
    del data["consent"]
    response = client.post(event.get_absolute_url(), data)
    assert response.status_code == 400
    assert "Solo podemos inscribirle si acepta" in response.content.decode()
    event.registration_open = False
    event.save()
    page = client.get(event.get_absolute_url()).content.decode()
    assert (
        "Las inscripciones para este evento están cerradas." in page and 'name="email"' not in page
    )
    assert _register(client, event, "Ana", "ana@x.org").status_code == 400
    assert not event.registrations.exists()


def test_unpublished_events_are_not_public(client: Client) -> None:
    event = EventFactory(is_published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"/es/eventos/{event.pk}.ics").status_code == 404
    assert event.title_es not in client.get("/es/eventos/").content.decode()


def test_a_wrong_slug_redirects_to_the_right_one(client: Client) -> None:
    event = EventFactory()
    response = client.get(f"/es/eventos/{event.pk}/otro-nombre/")
    assert response.status_code == 301 and response["Location"] == event.get_absolute_url()


def test_event_materials_download_from_the_public_page(client: Client, settings, tmp_path) -> None:
    from django.core.files.base import ContentFile

    from puente.events.models import Material

    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    material = Material(
        event=event, title="Presentación", content_type="application/pdf", extension="pdf"
    )
    material.file.save("p.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    page = client.get(event.get_absolute_url()).content.decode()
    url = f"/es/eventos/{event.pk}/materiales/{material.pk}/"
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    event.is_published = False
    event.save()
    assert client.get(url).status_code == 404
