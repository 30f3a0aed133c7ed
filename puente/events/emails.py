"""The emails a registrant receives, in the language they registered in, with a cancel link."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from puente.lib.links import site_url

from .models import Registration

SUBJECTS = {
    "registered": lambda r: (
        _("You are registered: %(event)s")
        if r.status == Registration.Status.CONFIRMED
        else _("You are on the waiting list: %(event)s")
    ),
    "promoted": lambda r: _("A seat opened up for you: %(event)s"),
}


def to_registrant(registration: Registration, what: str, token: str = "") -> None:
    if not registration.email:
        return
    with translation.override(registration.language):
        event = registration.event
        context = {
            "r": registration,
            "event": event,
            "cancel_url": site_url(reverse("events:cancel", args=[token])) if token else "",
            "event_url": site_url(event.get_absolute_url()),
        }
        send_mail(
            SUBJECTS[what](registration) % {"event": event.title},
            render_to_string(f"events/email/{what}.txt", context),
            None,
            [registration.email],
        )
