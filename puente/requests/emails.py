"""The emails of the PQRSD app, each written in the language of whoever receives it."""

from collections import defaultdict
from datetime import date

from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import Role, users_with_role
from puente.lib.links import site_url
from puente.lib.workdays import add_working_days

from .models import DUE_SOON_DAYS, Request, Step

SUBJECTS = {
    "filed": lambda r: _("Your request %(number)s was filed") % {"number": r.filing_number},
    "extended": lambda r: (
        _("The term to answer %(number)s was extended") % {"number": r.filing_number}
    ),
    "transferred": lambda r: (
        _("Your request %(number)s was sent to the competent entity") % {"number": r.filing_number}
    ),
    "answered": lambda r: (
        _("Your request %(number)s has been answered") % {"number": r.filing_number}
    ),
}


def to_requester(request: Request, what: str, code: str = "") -> None:
    if not request.email:
        return
    with translation.override(request.language):
        context = {
            "r": request,
            "code": code,
            "tracking_url": site_url(reverse("pqrsd:track")),
        }
        send_mail(
            SUBJECTS[what](request),
            render_to_string(f"requests/email/{what}.txt", context),
            None,
            [request.email],
        )


def deadline_reminders(today: date | None = None) -> int:
    """One email per official: their requests due soon or overdue; unassigned ones to all staff.

    A request is reminded at most once a day, so running the command twice sends nothing new.
    """
    today = today or timezone.localdate()
    horizon = add_working_days(today, DUE_SOON_DAYS)
    with transaction.atomic():
        due = list(
            Request.objects.open()
            .filter(due_on__lte=horizon)
            .exclude(reminded_on=today)
            .select_for_update(of=("self",))
            .select_related("assigned_to")
        )
        staff = list(users_with_role(Role.STAFF, Role.ADMINISTRATOR).exclude(email=""))
        per_person: dict[User, list[Request]] = defaultdict(list)
        for request in due:
            for person in [request.assigned_to] if request.assigned_to else staff:
                if person.email:
                    per_person[person].append(request)
        for request in due:
            request.reminded_on = today
        Request.objects.bulk_update(due, ["reminded_on"])
        Step.objects.bulk_create(
            Step(request=r, action=Step.Action.REMINDED, text=str(r.due_on)) for r in due
        )
    for person, requests in per_person.items():
        send_mail(
            ngettext(
                "PQRSD: %(n)d request needs an answer soon",
                "PQRSD: %(n)d requests need an answer soon",
                len(requests),
            )
            % {"n": len(requests)},
            render_to_string(
                "requests/email/reminder.txt",
                {
                    "person": person,
                    "requests": sorted(requests, key=lambda r: r.due_on),
                    "today": today,
                    "inbox_url": site_url(reverse("pqrsd-staff:inbox")),
                },
            ),
            None,
            [person.email],
        )
    return len(per_person)
