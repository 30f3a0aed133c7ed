"""Legal terms of Ley 1755 de 2015 in Colombian working days: receipt, due date, extension."""

from datetime import date

from puente.lib.workdays import add_working_days, received_on

from .models import TERM_DAYS

__all__ = ["due_on", "latest_extension", "received_on"]


def due_on(received: date, kind: str) -> date:
    """The term runs from the working day after receipt."""
    return add_working_days(received, TERM_DAYS[kind])


def latest_extension(received: date, kind: str) -> date:
    """An extension may not go beyond twice the original term (art. 14, parágrafo)."""
    return add_working_days(received, 2 * TERM_DAYS[kind])
