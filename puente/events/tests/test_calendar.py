"""Public lists, month view and iCalendar files that calendar applications can read."""

from datetime import datetime, timedelta

import ics
import pytest
from django.test import Client
from django.utils import timezone

from puente.lib.workdays import BOGOTA

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_ics_of_an_event_reads_back_in_a_calendar_parser(client: Client) -> None:
    start = datetime(2026, 12, 3, 9, 0, tzinfo=BOGOTA)
    event = EventFactory(
        starts_at=start, ends_at=start + timedelta(hours=2), venue="Biblioteca Julio Pérez Ferrero"
    )
    response = client.get(f"/es/eventos/{event.pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = ics.Calendar(response.content.decode())
    (entry,) = calendar.events
    assert entry.name == "Taller de formulación de proyectos"
    assert entry.begin.datetime == start and entry.end.datetime == start + timedelta(hours=2)
    assert "Biblioteca Julio Pérez Ferrero" in entry.location
    assert entry.url.endswith(event.get_absolute_url())
    english = ics.Calendar(client.get(f"/en/events/{event.pk}.ics").content.decode())
    assert next(iter(english.events)).name == "Project design workshop"


def test_the_feed_holds_published_events_only(client: Client) -> None:
    EventFactory(title_es="Público")
    EventFactory(title_es="Borrador", is_published=False)
    calendar = ics.Calendar(client.get("/es/eventos/calendario.ics").content.decode())
    assert {e.name for e in calendar.events} == {"Público"}


def test_the_list_shows_upcoming_events_and_past_ones_on_request(client: Client) -> None:
    EventFactory(title_es="Foro futuro")
    past = timezone.now() - timedelta(days=30)
    EventFactory(title_es="Encuentro anterior", starts_at=past, ends_at=past + timedelta(hours=1))
    upcoming = client.get("/es/eventos/").content.decode()
    assert "Foro futuro" in upcoming and "Encuentro anterior" not in upcoming
    earlier = client.get("/es/eventos/", {"when": "past"}).content.decode()
    assert "Encuentro anterior" in earlier and "Foro futuro" not in earlier
    assert "Ningún evento coincide" in client.get("/es/eventos/", {"q": "zzz"}).content.decode()


def test_the_month_view_puts_each_event_on_its_days(client: Client) -> None:
    start = datetime(2026, 12, 3, 9, 0, tzinfo=BOGOTA)
    EventFactory(title_es="Foro binacional", starts_at=start, ends_at=start + timedelta(days=1))
    response = client.get("/es/eventos/mes/2026/12/")
    days = {
        day.date.day: [e.title_es for e in day.events]
        for week in response.context["weeks"]
        for day in week
        if day.in_month
    }
    assert days[3] == ["Foro binacional"] and days[4] == ["Foro binacional"] and days[5] == []
    assert (
        "Diciembre 2026" in response.content.decode()
        or "diciembre de 2026" in response.content.decode().lower()
    )
    assert client.get("/es/eventos/mes/2026/13/").status_code == 404


def test_the_home_page_announces_the_next_events(client: Client) -> None:
    EventFactory(title_es="Mesa binacional de salud")
    EventFactory(title_es="Borrador interno", is_published=False)
    page = client.get("/es/").content.decode()
    assert "Próximos eventos" in page and "Mesa binacional de salud" in page
    assert "Borrador interno" not in page
