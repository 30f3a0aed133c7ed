"""Reads of the events app: filtered lists, the month grid, and who attended by group."""

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from puente.portfolio.models import AgeGroup, Nationality, Sex
from puente.territory.models import TargetPopulation

from .models import Event, EventQuerySet, Kind, Registration


def filter_events(
    events: EventQuerySet, now: datetime | None = None, **filters: Any
) -> EventQuerySet:
    now = now or timezone.now()
    when = filters.get("when") or "upcoming"
    if when == "upcoming":
        events = events.filter(ends_at__gte=now).order_by("starts_at")
    elif when == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at")
    else:
        events = events.order_by("-starts_at")
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("municipality"):
        events = events.filter(municipality=filters["municipality"])
    if q := (filters.get("q") or "").strip():
        events = events.filter(
            Q(title_es__icontains=q) | Q(title_en__icontains=q) | Q(description_es__icontains=q)
            | Q(venue__icontains=q)
        )  # fmt: skip
    return events.select_related("municipality").annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


@dataclass(frozen=True)
class Day:
    date: date
    in_month: bool
    events: list[Event]


def month_grid(events: EventQuerySet, year: int, month: int) -> list[list[Day]]:
    """Weeks from Monday to Sunday covering the month, each day with the events that touch it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day: dict[date, list[Event]] = {}
    touching = (
        events.filter(starts_at__date__lte=last, ends_at__date__gte=first)
        .select_related("municipality")
        .order_by("starts_at")
    )
    for event in touching:
        start = max(timezone.localdate(event.starts_at), first)
        end = min(timezone.localdate(event.ends_at), last)
        day = start
        while day <= end:
            by_day.setdefault(day, []).append(event)
            day = date.fromordinal(day.toordinal() + 1)
    return [[Day(d, d.month == month, by_day.get(d, [])) for d in week] for week in weeks]


def seats(event: Event) -> dict[str, int | None]:
    counts = Counter(event.registrations.values_list("status", flat=True))
    confirmed = counts.get(Registration.Status.CONFIRMED, 0)
    return {
        "confirmed": confirmed,
        "waiting": counts.get(Registration.Status.WAITING, 0),
        "left": None if event.capacity is None else max(event.capacity - confirmed, 0),
    }


def attendance_figures(start: date, end: date) -> dict[str, Any]:
    """People who attended events held in the period, by population group, sex, age and kind."""
    attended = Registration.objects.filter(
        attended=True, event__starts_at__date__gte=start, event__starts_at__date__lte=end
    )

    def by(field: str) -> dict[str, int]:
        return dict(attended.values_list(field).annotate(n=Count("pk")).order_by())

    per_code = by("population")
    names = {p.pk: p.name for p in TargetPopulation.objects.filter(pk__in=per_code)}
    return {
        "total": attended.count(),
        "events": attended.values("event").distinct().count(),
        "by_kind": [(Kind(k).label, n) for k, n in sorted(by("event__kind").items())],
        "by_sex": [(Sex(k).label, n) for k, n in by("sex").items()],
        "by_age": [(AgeGroup(k).label, n) for k, n in sorted(by("age_group").items())],
        "by_nationality": [(Nationality(k).label, n) for k, n in by("nationality").items()],
        "by_population": sorted(
            ((names.get(code, "—"), n) for code, n in per_code.items()), key=lambda x: -x[1]
        ),
    }
