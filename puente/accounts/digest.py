"""The daily digest: one email to each person with what waits for them ("My work")."""

import logging
from datetime import date
from smtplib import SMTPException

from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from puente.lib.links import site_url
from puente.lib.work import work_for

from .notices import languages_of
from .roles import Role, users_with_role

logger = logging.getLogger(__name__)


def recipients() -> list[User]:
    """Active staff, administrators (superusers too) and partner reporters with an address, who
    did not opt out."""
    people = users_with_role(Role.ADMINISTRATOR, Role.STAFF, Role.REPORTER, superusers=True)
    return list(people.exclude(email="").exclude(preferences__daily_digest=False))


def send_digests(today: date) -> int:
    """Sends each recipient their list, if it holds anything; returns how many were sent."""
    sent = 0
    people = recipients()
    languages = languages_of(people)
    for person in people:
        with translation.override(languages[person.pk]):
            work = work_for(person, today)
            if not work:
                continue
            body = render_to_string(
                "accounts/digest.txt",
                {"person": person, "work": work, "today": today, "site": site_url("")},
            )
            count = sum(len(items) for _area, items in work)
            subject = ngettext(
                "Puente: %(count)d thing waits for you",
                "Puente: %(count)d things wait for you",
                count,
            ) % {"count": count}
            link = site_url(reverse("portfolio:dashboard"))
            try:
                send_mail(subject, f"{body}\n{link}", None, [person.email])
            except (SMTPException, OSError):
                # One refused address must not keep the others from their list.
                logger.exception("The daily digest to user %s was not sent", person.pk)
                continue
            sent += 1
    return sent
