"""Legal terms of Ley 1755 de 2015 in Colombian working days: receipt, due date, extension."""

from datetime import date, datetime

from puente.workdays import BOGOTA, CLOSING_TIME, add_working_days, is_working_day, next_working_day

from .models import TERM_DAYS


def received_on(filed_at: datetime) -> date:
    """The working day a filing counts as received: after hours or on a day off, the next one."""
    local = filed_at.astimezone(BOGOTA)
    day = local.date()
    if is_working_day(day) and local.time() < CLOSING_TIME:
        return day
    return next_working_day(day)


def due_on(received: date, kind: str) -> date:
    """The term runs from the working day after receipt."""
    return add_working_days(received, TERM_DAYS[kind])


def latest_extension(received: date, kind: str) -> date:
    """An extension may not go beyond twice the original term (art. 14, parágrafo)."""
    return add_working_days(received, 2 * TERM_DAYS[kind])
