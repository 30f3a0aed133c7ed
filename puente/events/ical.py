"""Events as iCalendar (RFC 5545): one event's .ics and the feed of upcoming public events."""

from collections.abc import Iterable

import icalendar
from django.http import HttpResponse
from django.utils import timezone

from puente.lib.links import site_url

from .models import Event

PRODID = "-//Gobernación de Norte de Santander//Puente//ES"


def _entry(event: Event) -> icalendar.Event:
    entry = icalendar.Event()
    # Stable across exports, so calendars update the event instead of adding a copy.
    entry.add("uid", f"event-{event.pk}@puente")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    entry.add("description", event.description)
    if event.place:
        entry.add("location", event.place)
    entry.add("url", site_url(event.get_absolute_url()))
    return entry


def calendar_response(events: Iterable[Event], filename: str, name: str) -> HttpResponse:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_entry(event))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
