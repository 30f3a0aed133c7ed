"""Access helpers for 5W reports: each returns the report the user may use, or raises."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from puente.accounts.roles import (
    AnyUser,
    AuthedRequest,
    Role,
    account_organisation_id,
    has_role,
    is_secretariat,
)

from .models import Report
from .selectors import visible_reports


def is_partner_reporter(user: AnyUser) -> bool:
    return has_role(user, Role.REPORTER) and account_organisation_id(user) is not None


def get_report_for_reader(request: AuthedRequest, pk: int) -> Report:
    report = get_object_or_404(Report.objects.select_related("organisation", "period"), pk=pk)
    if not visible_reports(request.user).filter(pk=pk).exists():
        raise PermissionDenied  # another partner's report
    return report


def can_write(user: AnyUser, report: Report) -> bool:
    """The Secretariat, or a reporter of the report's own organisation."""
    return is_secretariat(user) or (
        is_partner_reporter(user) and account_organisation_id(user) == report.organisation_id
    )


def get_report_for_writer(request: AuthedRequest, pk: int) -> Report:
    report = get_report_for_reader(request, pk)
    if not can_write(request.user, report):
        raise PermissionDenied
    return report
