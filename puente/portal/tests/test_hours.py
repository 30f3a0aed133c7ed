"""The "open now / opens at" line: office hours, lunch, weekends and Colombian holidays."""

from datetime import datetime

import pytest

from puente.portal.hours import BOGOTA, office_status


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BOGOTA)


@pytest.mark.parametrize(
    ("now", "is_open", "closes", "opens"),
    [
        ("2026-11-24 09:00", True, "2026-11-24 12:00", None),  # a Tuesday morning
        ("2026-11-24 12:30", False, None, "2026-11-24 14:00"),  # lunch
        ("2026-11-24 07:29", False, None, "2026-11-24 07:30"),
        ("2026-11-24 18:00", False, None, "2026-11-25 07:30"),  # closed at six sharp
        ("2026-11-27 19:00", False, None, "2026-11-30 07:30"),  # Friday night to Monday
        (
            "2026-03-22 10:00",
            False,
            None,
            "2026-03-24 07:30",
        ),  # Sunday, then San José moved to Monday
        ("2026-04-01 17:59", True, "2026-04-01 18:00", None),  # Holy Wednesday is a working day
        ("2026-04-02 10:00", False, None, "2026-04-06 07:30"),  # Holy Thursday and Good Friday
        ("2026-12-31 19:00", False, None, "2027-01-04 07:30"),  # New Year, then the weekend
    ],
)
def test_open_and_next_opening(now, is_open, closes, opens):
    status = office_status(at(now))
    assert status.open is is_open
    assert status.closes_at == (at(closes) if closes else None)
    assert status.opens_at == (at(opens) if opens else None)


def test_a_holiday_is_named():
    assert office_status(at("2026-07-20 10:00")).holiday == "Día de la Independencia"


def test_a_time_in_another_zone_is_read_in_bogota():
    from datetime import UTC

    # 14:30 UTC is 9:30 in Bogotá.
    assert office_status(datetime(2026, 11, 24, 14, 30, tzinfo=UTC)).open
