"""The portal's emails: a contact message passed on to the office."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import ContactMessage


def contact_message_to_office(message: ContactMessage, office_email: str) -> None:
    # Staff read Spanish; the reply goes straight to the sender.
    with translation.override("es"):
        link = settings.PUENTE_SITE_URL.rstrip("/") + reverse("content:messages")
        body = _(
            "%(name)s <%(email)s> wrote through the contact form:\n\n%(message)s\n\n"
            "All messages: %(link)s"
        ) % {"name": message.name, "email": message.email, "message": message.message, "link": link}
        EmailMessage(
            _("Contact form: %(subject)s") % {"subject": message.subject},
            body,
            to=[office_email],
            reply_to=[message.email],
        ).send()
