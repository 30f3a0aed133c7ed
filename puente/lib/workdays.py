"""Colombian working days: national holidays (Emiliani Mondays, Holy Week) and office shifts."""

from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

BOGOTA = ZoneInfo("America/Bogota")
# Monday to Friday, 7:30 to 12:00 and 14:00 to 18:00 (the Secretariat's published hours).
SHIFTS: tuple[tuple[time, time], ...] = ((time(7, 30), time(12, 0)), (time(14, 0), time(18, 0)))
CLOSING_TIME = SHIFTS[-1][1]


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("CO", years=year, language="es")


def holiday_name(day: date) -> str | None:
    return _holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def received_on(filed_at: datetime) -> date:
    """The working day a filing counts as received: after hours or on a day off, the next one."""
    local = filed_at.astimezone(BOGOTA)
    day = local.date()
    if is_working_day(day) and local.time() < CLOSING_TIME:
        return day
    return next_working_day(day)


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start` (the day after `start` is the first counted)."""
    day = start
    for _ in range(count):
        day = next_working_day(day)
    return day


@cache
def _running_counts(year: int) -> tuple[int, ...]:
    """Working days from 1 January to each day of `year`, inclusive (index: day of year - 1)."""
    counts, total, day = [], 0, date(year, 1, 1)
    while day.year == year:
        total += is_working_day(day)
        counts.append(total)
        day += timedelta(days=1)
    return tuple(counts)


def _up_to(day: date) -> int:
    return _running_counts(day.year)[day.timetuple().tm_yday - 1]


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when `end` comes first.

    Reports call this for tens of thousands of rows, so it reads per-year running counts
    instead of walking day by day.
    """
    if end < start:
        return -working_days_between(end, start)
    whole_years = sum(_running_counts(year)[-1] for year in range(start.year, end.year))
    return whole_years + _up_to(end) - _up_to(start)


def at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=BOGOTA)
