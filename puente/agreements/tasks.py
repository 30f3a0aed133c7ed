"""Background work of the agreements app: the daily date reminders."""

from django.tasks import task
from django.utils import timezone

from .reminders import send_reminders


@task
def send_agreement_reminders() -> int:
    """Run daily (`puente agreements remind` from cron); returns how many alerts went out."""
    return send_reminders(timezone.localdate())
