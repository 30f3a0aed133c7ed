"""Pages of 5W reporting: the reports list, one report (rows, upload, review), its rows."""

import datetime
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from puente.accounts.roles import (
    AuthedRequest,
    account_organisation_id,
    internal_view,
    is_secretariat,
    secretariat_view,
)
from puente.coordination import services
from puente.coordination.access import (
    can_write,
    get_report_for_reader,
    get_report_for_writer,
    is_partner_reporter,
)
from puente.coordination.forms import (
    ReportFilterForm,
    ReviewForm,
    RowForm,
    StartReportForm,
    UploadForm,
    month_start,
)
from puente.coordination.models import Report, ReportingPeriod, ReportRow, ReportStatus
from puente.coordination.prefill import Carry, Prefilled, partner_activity_titles, prefill
from puente.coordination.selectors import visible_reports, vocabulary
from puente.coordination.spreadsheet import Refused, build_template, read_upload
from puente.coordination.views.queue import queue_words
from puente.directory.models import Organisation
from puente.lib.audit import history_entries
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.tabular import XLSX


@internal_view
def report_list(request: AuthedRequest) -> HttpResponse:
    partner = is_partner_reporter(request.user)
    form = ReportFilterForm(request.GET or None)
    reports = visible_reports(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            reports = reports.filter(status=data["status"])
        if data["month"]:
            reports = reports.filter(period__start=month_start(data["month"]))
        if data["q"]:
            reports = reports.filter(
                Q(organisation__name__icontains=data["q"])
                | Q(organisation__acronym__icontains=data["q"])
            )
    page, query = page_of(request, reports)
    can_start = partner or is_secretariat(request.user)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "partner": partner,
        "start_form": StartReportForm(partner=partner, auto_id="start_%s") if can_start else None,
        "queue_words": queue_words() if can_start else None,
        "waiting": (
            Report.objects.filter(status=ReportStatus.SUBMITTED).count()
            if is_secretariat(request.user)
            else 0
        ),
    }
    return render(request, "coordination/reports.html", context)


@require_POST
@internal_view
def report_start(request: AuthedRequest) -> HttpResponse:
    partner = is_partner_reporter(request.user)
    if not partner and not is_secretariat(request.user):
        raise PermissionDenied
    form = StartReportForm(request.POST, partner=partner)
    if not form.is_valid():
        messages.error(request, _("Choose a month to report."))
        return redirect("coordination:reports")
    organisation = (
        get_object_or_404(Organisation, pk=account_organisation_id(request.user))
        if partner
        else form.cleaned_data["organisation"]
    )
    start: datetime.date = form.cleaned_data["month"]
    try:
        if start > timezone.localdate():
            raise ValidationError(_("That month has not started yet: report it once it has."))
        report = services.open_report(organisation, ReportingPeriod.month_of(start), request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("coordination:reports")
    data = form.cleaned_data
    filled = prefill(report, request.user, data["carry"], data["portfolio"])
    if filled.already_open:
        messages.info(
            request,
            _("The report for %(period)s was already open: nothing was copied into it.")
            % {"period": report.period},
        )
    elif filled.carried or filled.from_portfolio:
        messages.info(request, filled_message(filled))
    elif (
        data["carry"] != Carry.NOTHING and filled.carried_from is None and not report.rows.exists()
    ):
        # Asked to copy and nothing was: said apart from a success, the report stays open empty.
        messages.warning(request, _("There is no approved report before this month to copy from."))
    return redirect(report)


def filled_message(filled: Prefilled) -> str:
    parts = []
    if filled.carried:
        parts.append(
            ngettext(
                "%(n)s row copied from %(period)s",
                "%(n)s rows copied from %(period)s",
                filled.carried,
            )
            % {"n": filled.carried, "period": filled.carried_from}
        )
    if filled.from_portfolio:
        parts.append(
            ngettext(
                "%(n)s row from your activities in the portfolio",
                "%(n)s rows from your activities in the portfolio",
                filled.from_portfolio,
            )
            % {"n": filled.from_portfolio}
        )
    return _("%(rows)s. Check each one and save it, or confirm them all as they are.") % {
        "rows": _("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}
        if len(parts) == 2
        else parts[0]
    }


@require_POST
@internal_view
def rows_confirm(request: AuthedRequest, pk: int) -> HttpResponse:
    report = get_report_for_writer(request, pk)
    try:
        confirmed, waiting = services.confirm_rows(report, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(report)
    if confirmed:
        messages.success(
            request,
            ngettext("%(n)s row confirmed.", "%(n)s rows confirmed.", confirmed) % {"n": confirmed},
        )
    if waiting:
        messages.warning(
            request,
            ngettext(
                "%(n)s row still lacks its figures, population or nationality: open it and "
                "complete it.",
                "%(n)s rows still lack their figures, population or nationality: open each and "
                "complete it.",
                waiting,
            )
            % {"n": waiting},
        )
    return redirect(report)


def _detail(
    request: AuthedRequest, report: Report, status: int = 200, **extra: object
) -> HttpResponse:
    writer = can_write(request.user, report)
    page, query = page_of(
        request, report.rows.select_related("municipality", "population", "sector"), 100
    )
    versions = Report.objects.filter(organisation=report.organisation_id, period=report.period_id)
    context = {
        "report": report,
        "page": page,
        "query": query,
        "versions": versions.order_by("-version"),
        "can_edit": writer and report.is_editable,
        "can_review": is_secretariat(request.user) and report.status == ReportStatus.SUBMITTED,
        "can_correct": writer
        and report.status == ReportStatus.APPROVED
        and not versions.filter(
            status__in=(ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED)
        ).exists(),
        "to_confirm": report.rows.filter(to_confirm=True).count() if writer else 0,
        "queue_words": queue_words() if writer else None,
        "upload_form": UploadForm(),
        "review_form": ReviewForm(),
        "entries": history_entries(report.history.all()),  # type: ignore[attr-defined]
        **extra,
    }
    return render(request, "coordination/report.html", context, status=status)


@internal_view
def report_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, get_report_for_reader(request, pk))


@require_POST
@internal_view
def report_upload(request: AuthedRequest, pk: int) -> HttpResponse:
    report = get_report_for_writer(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not report.is_editable:
        messages.error(request, _("This report is not open for changes."))
        return redirect(report)
    if not form.is_valid():
        return _detail(request, report, 400, upload_form=form)
    upload = form.cleaned_data["file"]
    data = upload.read()
    try:
        parsed = read_upload(data, vocabulary())
    except Refused as refusal:
        form.add_error("file", str(refusal))
        return _detail(request, report, 400, upload_form=form)
    if parsed.errors and not form.cleaned_data["clean_only"]:
        return _detail(
            request,
            report,
            400,
            upload_form=form,
            errors=parsed.errors,
            clean_rows=len(parsed.rows),
        )
    count = services.replace_rows(report, parsed.rows, request.user, upload.name, data)
    if parsed.errors:
        messages.warning(
            request,
            _("%(count)s rows saved; %(skipped)s rows with errors were left out.")
            % {"count": count, "skipped": len(parsed.lines_with_errors)},
        )
    else:
        messages.success(
            request,
            _("%(count)s rows saved from %(name)s.") % {"count": count, "name": upload.name},
        )
    return redirect(report)


@internal_view
def template_download(request: AuthedRequest) -> HttpResponse:
    response = HttpResponse(build_template(vocabulary()), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="puente-5w-plantilla.xlsx"'
    return response


def seen_revision(request: AuthedRequest) -> int | None:
    """The revision the row's page was drawn from (sent back by the form); None on a new row.
    A revision that is not a number matches none, so the save is refused rather than unchecked."""
    seen = request.POST.get("revision", "")
    if not seen:
        return None
    return int(seen) if seen.isascii() and seen.isdecimal() and len(seen) < 10 else -1


@internal_view
def row_edit(request: AuthedRequest, pk: int, row_id: int | None = None) -> HttpResponseBase:
    report = get_report_for_writer(request, pk)
    if not report.is_editable:
        messages.error(request, _("This report is not open for changes."))
        return redirect(report)
    row = (
        get_object_or_404(ReportRow, pk=row_id, report=report)
        if row_id
        else ReportRow(report=report)
    )
    form = RowForm(request.POST or None, instance=row)
    return form_page(
        request,
        template="coordination/row_form.html",
        context={
            "form": form,
            "report": report,
            "row": row,
            "queue_words": queue_words(),
            # Called by the template, so only when the page is drawn, not on a save.
            "activity_titles": lambda: partner_activity_titles(report),
        },
        forms=[form],
        save=lambda: services.save_row(form, request.user, seen_revision(request)),
        success_message=_("The row was saved."),
        next_url=lambda saved: report.get_absolute_url(),
    )


@internal_view
def row_delete(request: AuthedRequest, pk: int, row_id: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes."""
    report = get_report_for_writer(request, pk)
    row = get_object_or_404(ReportRow, pk=row_id, report=report)
    if request.method != "POST":
        return render(request, "coordination/row_delete.html", {"report": report, "row": row})
    try:
        services.delete_row(row, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The row was deleted."))
    return redirect(report)


def _act(
    request: AuthedRequest, report: Report, action: Callable[[], object], done: str
) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(report)
    messages.success(request, done)
    return redirect(report)


@require_POST
@internal_view
def report_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    report = get_report_for_writer(request, pk)
    return _act(
        request,
        report,
        lambda: services.submit(report, request.user),
        _("The report was sent to the Secretariat for review."),
    )


@require_POST
@secretariat_view
def report_review(request: AuthedRequest, pk: int) -> HttpResponse:
    report = get_report_for_reader(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, 400, review_form=form)
    comment = form.cleaned_data["comment"]
    if form.cleaned_data["decision"] == "approve":
        return _act(
            request,
            report,
            lambda: services.approve(report, request.user, comment),
            _("The report was approved; its figures now count."),
        )
    return _act(
        request,
        report,
        lambda: services.return_report(report, request.user, comment),
        _("The report was returned to the partner with your comments."),
    )


@require_POST
@internal_view
def report_correct(request: AuthedRequest, pk: int) -> HttpResponse:
    report = get_report_for_writer(request, pk)
    try:
        correction = services.start_correction(report, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(report)
    messages.success(
        request,
        _("Version %(v)s opened: change it and submit it again.") % {"v": correction.version},
    )
    return redirect(correction)
