"""Office hours that know Colombian holidays: is the office open now, and if not, when."""

from dataclasses import dataclass
from datetime import datetime

from puente.lib.workdays import BOGOTA, SHIFTS, at, holiday_name, is_working_day, next_working_day

__all__ = ["BOGOTA", "SHIFTS", "OfficeStatus", "office_status"]


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
            opens, closes = at(today, start), at(today, end)
            if opens <= local < closes:
                return OfficeStatus(open=True, closes_at=closes)
            if local < opens:
                return OfficeStatus(open=False, opens_at=opens)
    day = next_working_day(today)
    return OfficeStatus(open=False, opens_at=at(day, SHIFTS[0][0]), holiday=holiday_name(today))
