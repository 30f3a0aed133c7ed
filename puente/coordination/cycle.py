"""The notices of the 5W cycle: a period opens or is about to close, a report is submitted,
returned or approved. Each reaches its people once (accounts.notices), in their language."""

import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.notices import notify
from puente.accounts.roles import Role, users_with_role

from .models import OPEN, Report, ReportingPeriod, ReportStatus

# A report in one of these states counts as sent for its period: no reminder for it.
SENT = (ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.SUPERSEDED)


def reviewers(leaving_out: User | None = None) -> QuerySet[User]:
    """Who reviews 5W reports: the Secretariat's staff and administrators."""
    people = users_with_role(Role.STAFF, Role.ADMINISTRATOR)
    return people.exclude(pk=leaving_out.pk) if leaving_out else people


def reporters_of(organisation_id: int) -> QuerySet[User]:
    return users_with_role(Role.REPORTER).filter(reporter_account__organisation_id=organisation_id)


def _stamp(moment: datetime.datetime | None) -> str:
    return moment.isoformat() if moment else ""


def report_submitted(report: Report, by: User) -> int:
    def compose() -> tuple[str, str]:
        title = _("%(organisation)s submitted its 5W report for %(period)s") % {
            "organisation": report.organisation.name,
            "period": report.period,
        }
        return title, _("It waits for your review: approve it or return it with your reasons.")

    key = f"5w-submitted:{report.pk}:{_stamp(report.submitted_at)}"
    return notify(reviewers(leaving_out=by), key, report.get_absolute_url(), compose)


def report_returned(report: Report) -> int:
    def compose() -> tuple[str, str]:
        title = _("Your 5W report for %(period)s was returned with comments") % {
            "period": report.period
        }
        body = _("The Secretariat asks you to correct it and submit it again:\n%(reasons)s") % {
            "reasons": report.review_comment
        }
        return title, body

    key = f"5w-returned:{report.pk}:{_stamp(report.reviewed_at)}"
    return notify(reporters_of(report.organisation_id), key, report.get_absolute_url(), compose)


def report_approved(report: Report) -> int:
    def compose() -> tuple[str, str]:
        title = _("Your 5W report for %(period)s was approved") % {"period": report.period}
        body = report.review_comment and _("The reviewer's comments:\n%(comments)s") % {
            "comments": report.review_comment
        }
        return title, body or ""

    key = f"5w-approved:{report.pk}"
    return notify(reporters_of(report.organisation_id), key, report.get_absolute_url(), compose)


def reminder_days() -> list[int]:
    """Days before a period ends when partners who have not submitted are reminded (5 and 1)."""
    return sorted(set(settings.PUENTE_REPORT_REMINDER_DAYS), reverse=True)


def remind(today: datetime.date) -> int:
    """The day's notices of the current period: it has opened, or it closes within a reminder's
    days and the partner has sent nothing. Run daily; a day missed is caught up the next, and
    each notice still goes once. Returns how many notices were given."""
    period = ReportingPeriod.month_of(today)
    reporting = (
        users_with_role(Role.REPORTER)
        .filter(reporter_account__isnull=False)
        .values_list("reporter_account__organisation_id", flat=True)
    )
    given = 0
    days_left = (period.end - today).days
    due = [n for n in reminder_days() if days_left <= n]
    for organisation_id in sorted(set(reporting)):
        people = reporters_of(organisation_id)
        url = _where_to_report(organisation_id, period)
        given += notify(people, f"5w-period-open:{period.pk}", url, lambda: _opened(period))
        sent = Report.objects.filter(
            organisation_id=organisation_id, period=period, status__in=SENT
        ).exists()
        if due and not sent:
            key = f"5w-period-closing:{period.pk}:{due[-1]}"
            given += notify(people, key, url, lambda: _closing(period, days_left))
    return given


def _where_to_report(organisation_id: int, period: ReportingPeriod) -> str:
    draft = Report.objects.filter(organisation_id=organisation_id, period=period, status__in=OPEN)
    found = draft.values_list("pk", flat=True).first()
    if found:
        return reverse("coordination:report", args=[found])
    return reverse("coordination:reports")


def _opened(period: ReportingPeriod) -> tuple[str, str]:
    title = _("The 5W reporting period %(period)s is open") % {"period": period}
    body = _("Report what your organisation does, where and for whom by %(end)s.") % {
        "end": date_format(period.end, "DATE_FORMAT")
    }
    return title, body


def _closing(period: ReportingPeriod, days_left: int) -> tuple[str, str]:
    title = ngettext(
        "The 5W reporting period %(period)s closes in %(days)d day",
        "The 5W reporting period %(period)s closes in %(days)d days",
        days_left,
    ) % {"period": period, "days": days_left}
    if days_left == 0:
        title = _("The 5W reporting period %(period)s closes today") % {"period": period}
    body = _("Your organisation has not submitted its report yet. Submit it by %(end)s.") % {
        "end": date_format(period.end, "DATE_FORMAT")
    }
    return title, body
