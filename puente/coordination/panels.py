"""The coordination part of "My work": 5W reports waiting for review, or for their partner."""

from datetime import date

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import account_organisation_id, is_secretariat
from puente.lib.work import LIMIT, WorkItem

from .models import Report, ReportStatus


def _item(report: Report, clock: str, on: date) -> WorkItem:
    return WorkItem(
        title=f"{report.organisation.short_name} · {report.period}",
        url=reverse("coordination:report", args=[report.pk]),
        clock=clock,
        due=on,
    )


def reports_work(user: User, today: date) -> list[WorkItem]:
    reports = Report.objects.select_related("organisation", "period")
    if is_secretariat(user):
        submitted = reports.filter(status=ReportStatus.SUBMITTED).order_by("submitted_at")
        return [
            _item(
                r, _("submitted for review on"), timezone.localdate(r.submitted_at or r.updated_at)
            )
            for r in submitted[:LIMIT]
        ]
    organisation = account_organisation_id(user)
    if organisation is None:
        return []
    ours = reports.filter(
        organisation_id=organisation, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED]
    ).order_by("period__start")
    return [_partner_item(r, today) for r in ours[:LIMIT]]


def _partner_item(report: Report, today: date) -> WorkItem:
    if report.status == ReportStatus.RETURNED and report.reviewed_at:
        return _item(report, _("returned with comments on"), timezone.localdate(report.reviewed_at))
    if report.period.end < today:
        return _item(report, _("draft, not submitted yet; the period ended on"), report.period.end)
    return _item(report, _("draft, not submitted yet; the period ends on"), report.period.end)
