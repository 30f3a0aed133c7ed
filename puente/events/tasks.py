"""Background work of the events app: the emails registrants receive."""

from django.tasks import task

from . import emails
from .models import Registration


@task
def send_registration_email(registration_id: int, what: str, token: str = "") -> None:
    emails.to_registrant(
        Registration.objects.select_related("event").get(pk=registration_id), what, token
    )
