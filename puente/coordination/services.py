"""Writes of 5W reporting: open a period's report, replace its rows, submit, review, correct."""

import hashlib
from enum import StrEnum

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django_stubs_ext import StrOrPromise

from puente.directory.models import Organisation
from puente.lib.audit import attribute

from . import cycle
from .models import (
    EDITABLE,
    OPEN,
    QueuedWrite,
    Report,
    ReportingPeriod,
    ReportRow,
    ReportStatus,
    category_code,
)
from .spreadsheet import RowInput


@transaction.atomic
def open_report(organisation: Organisation, period: ReportingPeriod, by: User) -> Report:
    """The version of the period being worked on, or a new one; never for a future period."""
    if period.is_future:
        raise ValidationError(
            _("%(period)s has not started yet: report it once it has.") % {"period": period}
        )
    current = Report.objects.filter(
        organisation=organisation, period=period, status__in=OPEN
    ).first()
    if current:
        return current
    if Report.objects.filter(
        organisation=organisation, period=period, status=ReportStatus.APPROVED
    ).exists():
        raise ValidationError(
            _("The report for %(period)s is approved; open a correction from it.")
            % {"period": period}
        )
    report = Report(organisation=organisation, period=period)
    attribute(report, by, pgettext_lazy("history", "Report opened"))
    report.save()
    return report


def _require(report: Report, allowed: tuple[str, ...], message: str) -> None:
    if report.status not in allowed:
        raise ValidationError(message)


@transaction.atomic
def replace_rows(
    report: Report,
    rows: list[RowInput],
    by: User,
    source_name: str = "",
    data: bytes = b"",
    via: str = "",
) -> int:
    """The report's rows become exactly `rows`: a second upload replaces, never adds. `via`
    names the channel in the history when it is not a file ("API")."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require(report, EDITABLE, _("This report is not open for changes."))
    report.rows.all().delete()
    ReportRow.objects.bulk_create(
        ReportRow(
            report=report,
            line=row.line,
            activity_name=row.activity_name,
            sector_id=row.sector,
            category_id=category_code(row.sector),
            municipality_id=row.municipality_id,
            locality=row.locality,
            population_id=row.population,
            nationality=row.nationality,
            reached=sum(row.counts[f] for f in ("female", "male", "other_sex")),
            amount=row.amount,
            currency_id=row.currency,
            **row.counts,
        )
        for row in rows
    )
    report.source_file = source_name[:200]
    report.source_sha256 = hashlib.sha256(data).hexdigest() if data else ""
    if source_name:
        attribute(
            report,
            by,
            pgettext_lazy("history", "%(n)s rows from %(file)s"),
            n=len(rows),
            file=source_name,
        )
    elif via:
        attribute(report, by, pgettext_lazy("history", "%(n)s rows through the %(via)s"),
                  n=len(rows), via=via)  # fmt: skip
    else:
        attribute(report, by, pgettext_lazy("history", "%(n)s rows"), n=len(rows))
    report.save()
    return len(rows)


@transaction.atomic
def submit(report: Report, by: User) -> None:
    # Read afresh under a lock: rows filled in or sent from a device meanwhile are counted.
    Report.objects.select_for_update().filter(pk=report.pk).exists()
    report.refresh_from_db()
    _require(report, EDITABLE, _("Only a draft or a returned report can be submitted."))
    if not report.rows.exists():
        raise ValidationError(_("The report has no rows yet: add rows or upload the spreadsheet."))
    waiting = report.rows.filter(to_confirm=True).count()
    if waiting:
        raise ValidationError(
            ngettext(
                "%(n)s filled-in row waits for your confirmation: open it, check it and save it, "
                "or delete it.",
                "%(n)s filled-in rows wait for your confirmation: open each, check it and save "
                "it, or delete it.",
                waiting,
            )
            % {"n": waiting}
        )
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = timezone.now()
    attribute(report, by, pgettext_lazy("history", "Submitted"))
    report.save()
    cycle.report_submitted(report, by)


@transaction.atomic
def return_report(report: Report, by: User, comment: str) -> None:
    _require(report, (ReportStatus.SUBMITTED,), _("Only a submitted report can be returned."))
    if not comment.strip():
        raise ValidationError(_("Say what the partner should correct."))
    report.status = ReportStatus.RETURNED
    report.review_comment = comment.strip()
    _reviewed(report, by, pgettext_lazy("history", "Returned with comments"))
    cycle.report_returned(report)


@transaction.atomic
def approve(report: Report, by: User, comment: str = "") -> None:
    _require(report, (ReportStatus.SUBMITTED,), _("Only a submitted report can be approved."))
    # The version it corrects stops counting first: one approved version per period.
    for older in Report.objects.filter(
        organisation=report.organisation_id, period=report.period_id, status=ReportStatus.APPROVED
    ):
        older.status = ReportStatus.SUPERSEDED
        attribute(
            older, by, pgettext_lazy("history", "Superseded by version %(n)s"), n=report.version
        )
        older.save()
    report.status = ReportStatus.APPROVED
    report.review_comment = comment.strip()
    _reviewed(report, by, pgettext_lazy("history", "Approved"))
    cycle.report_approved(report)


def review(
    report_id: int, by: User, decision: str, comment: str, seen: str | None = None
) -> Report:
    """A reviewer's decision ("approve" or "return") on a submitted report, read afresh under a
    lock: another reviewer may have decided on it since the page was drawn. `seen` is the
    submission the reviewer read (`submission_seen`); a report returned and sent again since is
    another, refused until it is read again."""
    with transaction.atomic():
        report = (
            Report.objects.select_for_update(of=("self",))
            .select_related("organisation", "period")
            .get(pk=report_id)
        )
        if seen is not None and seen != submission_seen(report):
            raise ValidationError(  # said after the report's name
                _("sent again since this page was drawn: read it again before deciding.")
            )
        if decision == "approve":
            approve(report, by, comment)
        else:
            return_report(report, by, comment)
    return report


def submission_seen(report: Report) -> str:
    """Which submission of a report a page shows (the time it was sent), as the page carries it."""
    return report.submitted_at.isoformat() if report.submitted_at else ""


def _reviewed(report: Report, by: User, reason: StrOrPromise) -> None:
    report.reviewed_by = by
    report.reviewed_at = timezone.now()
    attribute(report, by, reason)
    report.save()


@transaction.atomic
def start_correction(report: Report, by: User) -> Report:
    """A new draft version with the approved rows; the approved one counts until it is replaced."""
    _require(report, (ReportStatus.APPROVED,), _("Only an approved report can be corrected."))
    if Report.objects.filter(
        organisation=report.organisation_id, period=report.period_id, status__in=OPEN
    ).exists():
        raise ValidationError(_("A correction of this period is already open."))
    last = Report.objects.filter(
        organisation=report.organisation_id, period=report.period_id
    ).aggregate(v=Max("version"))["v"]
    correction = Report(
        organisation=report.organisation,
        period=report.period,
        version=last + 1,
        source_file=report.source_file,
    )
    attribute(
        correction, by, pgettext_lazy("history", "Correction of version %(n)s"), n=report.version
    )
    correction.save()
    ReportRow.objects.bulk_create(row.copy_to(correction) for row in report.rows.all())
    return correction


def save_row(form: ModelForm, by: User, seen: int | None = None) -> ReportRow:  # type: ignore[type-arg]
    """One row written by hand; the report must still be in the partner's hands. `seen` is the
    revision the page was drawn from: a row someone saved since is never overwritten unseen.
    Refused, the form shows the person's version with the new revision, so that saving again
    keeps it on purpose."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=form.instance.report_id)
        _require(report, EDITABLE, _("This report is not open for changes."))
        try:
            _check_revision(report, form.instance, seen)
        except Conflict as conflict:
            if conflict.current is not None:
                form.instance.revision = conflict.current.revision
            raise ValidationError(
                _("Someone saved this row since you opened it. The form shows your version: save "
                  "again to keep it, or cancel to keep theirs (the report's history shows who).")
                if conflict.reason == ConflictReason.CHANGED
                else conflict.message
            ) from conflict  # fmt: skip
        return _write_row(report, form, by, pgettext_lazy("history", "Row %(name)s saved"))


def _check_revision(report: Report, row: ReportRow, seen: int | None) -> None:
    """Under the report's lock: the row still there, and unchanged since the writer read it at
    revision `seen` (None: not checked). The save then counts from the latest revision."""
    if row.pk is None:
        return
    current = ReportRow.objects.filter(pk=row.pk, report=report).first()
    if current is None:
        raise Conflict(ConflictReason.DELETED, deleted_row_message())
    if seen is not None and current.revision != seen:
        raise Conflict(
            ConflictReason.CHANGED,
            _("Someone changed this row since you opened it. Compare, then keep their version "
              "or send yours over it."),
            current,
        )  # fmt: skip
    row.revision = current.revision


def _write_row(report: Report, form: ModelForm, by: User, note: StrOrPromise) -> ReportRow:  # type: ignore[type-arg]
    """Saves the form's row as checked by the partner's hand, and says so in the history."""
    row = form.save(commit=False)
    row.to_confirm = False
    row.save()
    attribute(report, by, note, name=row.activity_name[:60])
    report.save()
    return row


@transaction.atomic
def delete_row(row: ReportRow, by: User) -> None:
    report = Report.objects.select_for_update().get(pk=row.report_id)
    _require(report, EDITABLE, _("This report is not open for changes."))
    row.delete()
    attribute(
        report, by, pgettext_lazy("history", "Row %(name)s deleted"), name=row.activity_name[:60]
    )
    report.save()


@transaction.atomic
def confirm_rows(report: Report, by: User) -> tuple[int, int]:
    """Filled-in rows accepted as they are, except those that still lack whom they serve or any
    figure. Returns (confirmed, still waiting)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require(report, EDITABLE, _("This report is not open for changes."))
    waiting = report.rows.filter(to_confirm=True)
    # A row without figures (copied with them cleared, or from the portfolio) is this month's
    # work still to count: confirmed only by hand, never in bulk.
    confirmed = (
        waiting.filter(population__isnull=False)
        .exclude(nationality="")
        .exclude(targeted=0, reached=0)
        .update(to_confirm=False)
    )
    if confirmed:
        reason = pgettext_lazy("history", "Filled-in rows confirmed as they were: %(n)s")
        attribute(report, by, reason, n=confirmed)
        report.save()
    return confirmed, waiting.count()


def deleted_row_message() -> str:  # worded when asked, in the request's language
    return _("This row was deleted since you opened it.")


class ConflictReason(StrEnum):
    """Said to the device in the answer's `reason`: its script words the choices by it."""

    CLOSED = "closed"  # the report was sent or approved meanwhile
    DELETED = "deleted"  # the row is gone
    CHANGED = "changed"  # someone saved the row since the device read it


class Conflict(Exception):
    """A queued write that cannot apply as it was made: the report closed, or the row changed or
    went since the device read it. `current` is the row as it stands, if it still does."""

    def __init__(
        self, reason: ConflictReason, message: str, current: ReportRow | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.current = current


def save_queued_row(
    report: Report,
    form: ModelForm,
    by: User,
    key: str,
    revision: int | None,  # type: ignore[type-arg]
) -> tuple[int | None, int, bool]:
    """A row sent from a device's queue, once: (the row's id, its revision, whether this call
    wrote it). The form is bound to the row the device edited (or a new one) and already valid."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        done = QueuedWrite.objects.filter(report=report, key=key).first()
        if done is not None:
            return done.row_id, revision_of(done.row_id), False
        if not report.is_editable:
            raise Conflict(
                ConflictReason.CLOSED,
                _("The report was sent or approved since this row was entered: it is no longer "
                  "open for changes. The row stays on this device.")
            )  # fmt: skip
        _check_revision(report, form.instance, revision)
        row = _write_row(
            report, form, by, pgettext_lazy("history", "Row «%(name)s» sent from a device")
        )
        QueuedWrite.objects.create(report=report, key=key, row_id=row.pk)
    return row.pk, row.revision, True


def revision_of(row_id: int | None) -> int:
    """A row's revision as it stands; 0 for a row that is gone."""
    if row_id is None:
        return 0
    found = ReportRow.objects.filter(pk=row_id).values_list("revision", flat=True).first()
    return found or 0
