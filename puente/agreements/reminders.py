"""Emails to the responsible officials when an agreement's end or an obligation is 30, 15 or 5
days away; each one once (a daily cron job may run twice without sending twice)."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from puente.accounts.roles import Role, users_with_role

from . import emails
from .models import ReminderSent
from .selectors import THRESHOLDS, Alert, alerts


def _recipients(alert: Alert) -> list[str]:
    official = alert.agreement.responsible
    if official and official.email:
        return [official.email]
    # Nobody named: the Secretariat's staff hear of it rather than nobody.
    staff = users_with_role(Role.STAFF).exclude(email="")
    return list(staff.values_list("email", flat=True))


def send_reminders(today: date) -> int:
    sent = 0
    for alert in alerts(today):
        if alert.days_left not in THRESHOLDS:
            continue
        target = f"obligation:{alert.obligation.pk}" if alert.obligation else "end"
        key = f"{alert.agreement.pk}:{target}:{alert.due.isoformat()}:{alert.days_left}"
        try:
            with transaction.atomic():
                ReminderSent.objects.create(key=key)
        except IntegrityError:
            continue  # already sent for this date and threshold
        with translation.override("es"):
            if alert.obligation:
                subject = _("Obligation due in %(days)d days: %(what)s")
            else:
                subject = _("Agreement ends in %(days)d days: %(what)s")
            subject %= {"days": alert.days_left, "what": alert.agreement.title[:80]}
            body = _("%(agreement)s\n%(what)s: %(due)s") % {
                "agreement": alert.agreement.title,
                "what": alert.what if alert.obligation else _("End date"),
                "due": alert.due.isoformat(),
            }
        for address in _recipients(alert):
            emails.reminder(address, subject, body)
        sent += 1
    return sent
