"""Background work of the PQRSD app: emails to requesters and deadline reminders to staff."""

from django.tasks import task

from . import emails
from .models import Request


@task
def notify_requester(request_id: int, what: str, code: str = "") -> None:
    emails.to_requester(Request.objects.get(pk=request_id), what, code)


@task
def send_deadline_reminders() -> int:
    """Run daily (e.g. `puente pqrsd remind` from cron); returns how many emails went out."""
    return emails.deadline_reminders()
