"""Background work of the accounts app: the emails that carry notices."""

import logging
from smtplib import SMTPException

from django.core.mail import send_mail
from django.tasks import task

from puente.lib.links import site_url

from .models import Notice

logger = logging.getLogger(__name__)


@task
def email_notice(notice_id: int) -> None:
    notice = Notice.objects.select_related("recipient").get(pk=notice_id)
    text = f"{notice.body}\n\n{site_url(notice.url)}" if notice.body else site_url(notice.url)
    try:
        send_mail(notice.title, text, None, [notice.recipient.email])
    except (SMTPException, OSError):
        # The notice stays under the bell; one refused address must not stop the others.
        logger.exception("The email of notice %s was not sent", notice_id)
        return
    Notice.objects.filter(pk=notice_id).update(emailed=True)
