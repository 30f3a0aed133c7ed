"""Office hours that know Colombian holidays: is the office open now, and if not, when."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

BOGOTA = ZoneInfo("America/Bogota")
# Monday to Friday, 7:30 to 12:00 and 14:00 to 18:00 (the Secretariat's published hours).
SHIFTS: tuple[tuple[time, time], ...] = ((time(7, 30), time(12, 0)), (time(14, 0), time(18, 0)))


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("CO", years=year, language="es")


def holiday_name(day: date) -> str | None:
    return _holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


@dataclass(frozen=True)
class OfficeStatus:
    open: bool
    closes_at: datetime | None = None
    opens_at: datetime | None = None
    holiday: str | None = None


def office_status(now: datetime) -> OfficeStatus:
    """Open now (and until when), or closed (and when it opens next, and why if a holiday)."""
    local = now.astimezone(BOGOTA)
    today = local.date()
    if is_working_day(today):
        for start, end in SHIFTS:
            opens, closes = _at(today, start), _at(today, end)
            if opens <= local < closes:
                return OfficeStatus(open=True, closes_at=closes)
            if local < opens:
                return OfficeStatus(open=False, opens_at=opens)
    day = today + timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return OfficeStatus(open=False, opens_at=_at(day, SHIFTS[0][0]), holiday=holiday_name(today))


def _at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, tzinfo=BOGOTA)
