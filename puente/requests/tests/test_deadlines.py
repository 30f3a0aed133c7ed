"""Legal terms in Colombian working days: weekends, Emiliani Mondays, Holy Week, year end."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from puente.requests import deadlines, services
from puente.requests.models import Kind, Light, Step

from .factories import bogota, filed


@pytest.mark.parametrize(
    ("filed_at", "received"),
    [
        (bogota(2026, 11, 20, 17, 59), date(2026, 11, 20)),  # Friday, before closing
        (bogota(2026, 11, 20, 18, 0), date(2026, 11, 23)),  # Friday at closing: Monday
        (bogota(2026, 11, 21, 10, 0), date(2026, 11, 23)),  # Saturday: Monday
        (bogota(2026, 11, 13, 19, 30), date(2026, 11, 17)),  # Friday night; Monday 16 is a holiday
        (bogota(2026, 1, 12, 9, 0), date(2026, 1, 13)),  # Epiphany moved to Monday 12
        (bogota(2026, 1, 6, 9, 0), date(2026, 1, 6)),  # ... so Tuesday 6 January is a working day
        (bogota(2026, 4, 2, 9, 0), date(2026, 4, 6)),  # Holy Thursday: after Easter
    ],
)
def test_a_filing_counts_as_received_on_the_next_working_day_when_the_office_is_closed(
    filed_at, received
) -> None:
    assert deadlines.received_on(filed_at) == received


def test_an_instant_is_read_in_bogota_time_whatever_zone_it_comes_in() -> None:
    from datetime import UTC, datetime

    # 22:30 UTC on a Friday is 17:30 in Bogotá: still office hours.
    assert deadlines.received_on(datetime(2026, 11, 20, 22, 30, tzinfo=UTC)) == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("received", "kind", "due"),
    [
        # 15 days from Tue 17 Nov 2026, skipping weekends and Tue 8 Dec (Immaculate Conception).
        (date(2026, 11, 17), Kind.PETITION, date(2026, 12, 9)),
        # 10 days across Christmas and New Year (both on Fridays) ending on Mon 4 Jan 2027.
        (date(2026, 12, 17), Kind.INFORMATION, date(2027, 1, 4)),
        # 10 days across San José (Mon 22 Mar) and Holy Thursday/Friday 2027.
        (date(2027, 3, 19), Kind.INFORMATION, date(2027, 4, 7)),
        # 30 days for a consultation, skipping 8 and 25 December.
        (date(2026, 11, 17), Kind.CONSULTATION, date(2026, 12, 31)),
    ],
)
def test_the_term_runs_in_working_days_from_the_day_after_receipt(received, kind, due) -> None:
    assert deadlines.due_on(received, kind) == due


@pytest.mark.django_db
def test_a_request_filed_after_hours_gets_its_deadline_from_the_next_working_day() -> None:
    request, _code = filed(bogota(2026, 11, 13, 18, 30), kind=Kind.PETITION)
    assert request.received_on == date(2026, 11, 17)
    assert request.due_on == request.original_due_on == date(2026, 12, 9)
    # Not competent? It must be sent on within five working days (art. 21).
    assert request.transfer_due_on == date(2026, 11, 24)
    assert list(request.steps.values_list("action", flat=True)) == [Step.Action.FILED]


@pytest.mark.django_db
def test_an_extension_is_announced_before_the_term_ends_and_goes_at_most_to_twice_the_term(
    staff_user, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    request, _code = filed(bogota(2026, 11, 17, 9, 0), email="p@example.org")
    mailoutbox.clear()
    latest = deadlines.latest_extension(request.received_on, request.kind)
    assert latest == date(2026, 12, 31)  # 30 working days after 17 Nov 2026

    with pytest.raises(ValidationError, match="2026-12-09 .*2026-12-31"):
        services.extend(
            request, date(2027, 1, 4), "Falta información", staff_user, date(2026, 12, 1)
        )
    with pytest.raises(ValidationError, match="2026-12-09"):
        services.extend(request, date(2026, 12, 20), "Tarde", staff_user, date(2026, 12, 10))

    with django_capture_on_commit_callbacks(execute=True):
        services.extend(
            request,
            latest,
            "Debemos consultar a Migración Colombia.",
            staff_user,
            date(2026, 12, 9),
        )
    request.refresh_from_db()
    assert request.due_on == latest and request.original_due_on == date(2026, 12, 9)
    assert request.is_extended
    step = request.steps.get(action=Step.Action.EXTENDED)
    assert step.by == staff_user and "Migración Colombia" in step.text
    assert len(mailoutbox) == 1 and "Migración Colombia" in mailoutbox[0].body

    with pytest.raises(ValidationError, match="ya se amplió"):
        services.extend(request, latest, "Otra vez", staff_user, date(2026, 12, 20))


@pytest.mark.django_db
def test_the_traffic_light_turns_amber_three_working_days_before_and_red_after() -> None:
    request, _code = filed(bogota(2026, 11, 17, 9, 0))  # due Wed 9 Dec 2026
    assert request.light(date(2026, 12, 2)) == Light.ON_TIME  # Wed: 3, 4, 7, 9 left
    assert request.light(date(2026, 12, 3)) == Light.DUE_SOON  # Thu: 4, 7, 9 (8 is a holiday)
    assert request.light(date(2026, 12, 9)) == Light.DUE_SOON
    assert request.light(date(2026, 12, 10)) == Light.OVERDUE


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 12, 18), date(2027, 1, 15)),  # Christmas, New Year, Epiphany moved to Monday
        (date(2026, 3, 27), date(2026, 4, 10)),  # Holy Week
        (date(1998, 12, 20), date(2001, 1, 5)),  # several years, before 2000 too
        (date(2026, 11, 21), date(2026, 11, 21)),  # the same day
    ],
)
def test_working_days_between_counts_like_a_day_by_day_walk(start, end) -> None:
    from datetime import timedelta

    from puente.lib.workdays import is_working_day, working_days_between

    walked, day = 0, start
    while day < end:
        day += timedelta(days=1)
        walked += is_working_day(day)
    assert working_days_between(start, end) == walked
    assert working_days_between(end, start) == -walked
