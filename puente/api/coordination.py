"""The write API of 5W reporting, for partners' own systems: personal tokens, the same checks
and the same messages as the form and the spreadsheet, retries made safe by a client key."""

import calendar
import datetime
import hashlib
from collections.abc import Callable
from typing import Annotated, Any, cast

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Header, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle
from pydantic import BeforeValidator

from puente.accounts import tokens
from puente.accounts.models import ApiToken
from puente.accounts.roles import account_organisation_id, is_secretariat
from puente.coordination import services
from puente.coordination.access import can_write
from puente.coordination.analysis import gap_table
from puente.coordination.models import Report, ReportingPeriod, ReportStatus
from puente.coordination.selectors import approved_rows, visible_reports, vocabulary
from puente.coordination.spreadsheet import MAX_ROWS, Refused, read_records
from puente.directory.models import Organisation

from .models import ClientWrite


class TokenAuth(HttpBearer):
    """`Authorization: Bearer pte_…`: a live personal token, acting as its person. A session
    cookie is not enough here, so a page on another site cannot write through a signed-in
    browser."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = tokens.check(token)
        if found is None or not tokens.may_hold(found.user):
            return None  # a person who no longer reports (role or organisation gone) writes nothing
        request.user = found.user
        return found


router = Router(
    tags=["5W reporting"],
    auth=TokenAuth(),
    throttle=[AuthRateThrottle(settings.PUENTE_API_TOKEN_RATE)],
)
MONTH = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"  # a year a report can be for


def _number_not_text(value: object) -> object:
    # A JSON integer may be written 7 or 7.0 (JSON Schema counts both), never "7" or true.
    if isinstance(value, str | bool):
        raise ValueError("must be a number")  # noqa: TRY004 - pydantic wants ValueError
    return value


JsonId = Annotated[int, Field(ge=1, le=2**62), BeforeValidator(_number_not_text)]
ReportId = Annotated[int, Path(ge=1, le=2**62)]
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=100)]


class PeriodOut(Schema):
    id: int
    start: datetime.date
    end: datetime.date
    name: str


class ReportOut(Schema):
    id: int
    organisation_id: int
    organisation: str
    period_start: datetime.date
    version: int
    status: str
    rows: int
    submitted_at: datetime.datetime | None
    review_comment: str


class RowIn(Schema):
    """A 5W row: the spreadsheet's columns, by name; texts as the template's lists give them."""

    activity_name: str | None = None
    sector: str | int | None = Field(None, description="DAC code, e.g. 12220, or its list label")
    municipality: str | int | None = Field(None, description="DIVIPOLA code or name")
    locality: str | None = None
    population: str | None = None
    nationality: str | None = Field(
        None, description="Colombiana, Venezolana or Colombiana retornada"
    )
    targeted: int | str | None = None
    female: int | str | None = None
    male: int | str | None = None
    other_sex: int | str | None = None
    age_0_17: int | str | None = None
    age_18_59: int | str | None = None
    age_60_plus: int | str | None = None
    amount: float | str | None = None
    currency: str | None = Field(None, description="ISO 4217 code; COP when empty")


class RowsIn(Schema):
    rows: list[RowIn] = Field(..., max_length=MAX_ROWS)


class OpenIn(Schema):
    period: str = Field(..., pattern=MONTH, description="the month, YYYY-MM")
    organisation_id: JsonId | None = Field(None, description="Secretariat tokens only")


class Problems(Schema):
    detail: str


class CellProblem(Schema):
    """One refused cell, in the API's shape for every 422 (django-ninja's `loc`, `msg`, `type`)
    with the row (from 1), the field and the template's column header beside it."""

    type: str
    loc: list[str | int]
    msg: str
    row: int | None = None
    field: str | None = None
    column: str | None = None


class Invalid(Schema):
    detail: list[CellProblem]


def _invalid(message: str, *problems: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return 422, {"detail": list(problems) or [{"type": "refused", "loc": ["body"], "msg": message}]}


class Written(Schema):
    report: ReportOut
    rows: int


def _report_out(report: Report, rows: int | None = None) -> dict[str, Any]:
    return {
        "id": report.pk,
        "organisation_id": report.organisation_id,
        "organisation": report.organisation.name,
        "period_start": report.period.start,
        "version": report.version,
        "status": report.status,
        "rows": report.rows.count() if rows is None else rows,
        "submitted_at": report.submitted_at,
        "review_comment": report.review_comment,
    }


def _writable(request: HttpRequest, pk: ReportId) -> Report:
    report = get_object_or_404(Report.objects.select_related("organisation", "period"), pk=pk)
    if not can_write(request.user, report):
        raise HttpError(403, "This token may not write this organisation's reports.")
    return report


def _person(request: HttpRequest) -> User:
    """The token's person: TokenAuth has put it on the request before any operation runs."""
    return cast(User, request.user)


def _once(
    request: HttpRequest, key: str | None, write: Callable[[], tuple[int, dict[str, Any]]]
) -> tuple[int, dict[str, Any]]:
    """Carries out `write` unless this person already sent this key: then the first answer
    again. Only writes that succeeded are kept, so a refused request may be corrected and sent
    again with the same key."""
    if not key:
        return write()
    fingerprint = hashlib.sha256(
        f"{request.method} {request.path}\n".encode() + request.body
    ).hexdigest()
    earlier = ClientWrite.objects.filter(user=_person(request), key=key).first()
    if earlier is None:
        with transaction.atomic():
            # The key is taken first, in the write's own transaction: the same key sent twice
            # at once waits here until the first is done, then finds its answer below.
            try:
                with transaction.atomic():
                    taken = ClientWrite.objects.create(user=_person(request), key=key,
                                                       fingerprint=fingerprint, status=0,
                                                       answer={})  # fmt: skip
            except IntegrityError:
                taken = None
            if taken is not None:
                status, answer = write()
                if status >= 300:  # refused: nothing kept, the key stays free for a correction
                    transaction.set_rollback(True)
                else:
                    taken.status, taken.answer = status, answer
                    taken.save(update_fields=["status", "answer"])
                return status, answer
        earlier = ClientWrite.objects.get(user=_person(request), key=key)
    if earlier.fingerprint != fingerprint:
        return 409, {"detail": "This Idempotency-Key was used for another request."}
    return earlier.status, earlier.answer


@router.get("/periods", response=list[PeriodOut], url_name="coordination-periods")
def periods(request: HttpRequest) -> list[dict[str, Any]]:
    """Reporting periods, the latest first."""
    return [
        {"id": p.pk, "start": p.start, "end": p.end, "name": str(p)}
        for p in ReportingPeriod.objects.all()[:120]
    ]


@router.get("/reports", response=list[ReportOut], url_name="coordination-reports")
def reports(
    request: HttpRequest,
    period: Annotated[str | None, Query(pattern=MONTH, description="YYYY-MM")] = None,
    status: Annotated[ReportStatus | None, Query(description="draft, submitted, ...")] = None,
) -> list[dict[str, Any]]:
    """The token's organisation's reports; a Secretariat token reads every partner's."""
    qs = visible_reports(request.user).select_related("organisation", "period")
    if period:
        qs = qs.filter(period__start=datetime.date.fromisoformat(f"{period}-01"))
    if status:
        qs = qs.filter(status=status)
    counted = qs.annotate(row_count=Count("rows"))[:500]  # one query, not one per report
    return [_report_out(r, r.row_count) for r in counted]


class GapOut(Schema):
    """One municipality × service of the gap table: open needs against approved 5W coverage and
    the portfolio's activities under way there."""

    municipality_code: str
    municipality: str
    service: str
    service_en: str
    needs: int
    people_affected: int
    people_excluded: int
    severity: int = Field(..., description="the worst open need's, 0 when none")
    reported_activities: int
    partners: int
    reached: int
    portfolio_activities: int


@router.get(
    "/gaps",
    response={200: list[GapOut], 403: Problems, 422: Invalid},
    url_name="coordination-gaps",
)
def gaps(
    request: HttpRequest,
    start: Annotated[str | None, Query(pattern=MONTH, description="first month, YYYY-MM")] = None,
    end: Annotated[str | None, Query(pattern=MONTH, description="last month, YYYY-MM")] = None,
) -> Status:
    """The whole coordination picture, for Secretariat tokens: every municipality and service with
    a need, a partner's approved work or a portfolio activity in the months asked (the last
    twelve when not said)."""
    if not is_secretariat(_person(request)):
        raise HttpError(403, "Only a Secretariat token reads the whole coordination picture.")
    today = timezone.localdate()
    last_month = datetime.date.fromisoformat(f"{end}-01") if end else today.replace(day=1)
    first = datetime.date.fromisoformat(f"{start}-01") if start else _months_before(last_month, 11)
    if first > last_month:
        problem = {"type": "value_error", "loc": ["query", "start"], "msg": "start is after end."}
        return Status(422, {"detail": [problem]})
    month_days = calendar.monthrange(last_month.year, last_month.month)[1]
    last = last_month.replace(day=month_days) if end else today
    cells = gap_table(first, last, approved_rows(first, last))
    return Status(200, [
        {"municipality_code": c.municipality.code, "municipality": c.municipality.name,
         "service": c.service.name_es, "service_en": c.service.name_en or c.service.name_es,
         "needs": c.needs, "people_affected": c.people_affected or 0,
         "people_excluded": c.people_excluded or 0, "severity": c.severity or 0,
         "reported_activities": c.reported_activities, "partners": c.partners,
         "reached": c.reached or 0, "portfolio_activities": c.portfolio_activities}
        for c in cells
    ])  # fmt: skip


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


@router.get(
    "/reports/{pk}",
    response={200: ReportOut, 403: Problems, 404: Problems},
    url_name="coordination-report",
)
def report(request: HttpRequest, pk: ReportId) -> dict[str, Any]:
    found = get_object_or_404(Report.objects.select_related("organisation", "period"), pk=pk)
    if not visible_reports(request.user).filter(pk=pk).exists():
        raise HttpError(403, "This token may not read this organisation's reports.")
    return _report_out(found)


@router.post(
    "/reports",
    response={200: ReportOut, 201: ReportOut, 403: Problems, 409: Problems, 422: Invalid},
    url_name="coordination-report-open",
)
def open_report(request: HttpRequest, body: OpenIn, key: IdempotencyKey = None) -> Any:
    """The month's report being worked on, or a new draft (201)."""
    start = datetime.date.fromisoformat(f"{body.period}-01")
    if is_secretariat(request.user) and body.organisation_id:
        organisation = get_object_or_404(Organisation, pk=body.organisation_id)
    elif account_organisation_id(request.user) is not None:
        organisation = get_object_or_404(Organisation, pk=account_organisation_id(request.user))
    else:
        return Status(*_invalid("organisation_id: say which organisation the report is for."))

    def write() -> tuple[int, dict[str, Any]]:
        existed = Report.objects.filter(organisation=organisation, period__start=start).exists()
        try:
            period = ReportingPeriod.month_of(start)
            found = services.open_report(organisation, period, _person(request))
        except ValidationError as error:
            return 409, {"detail": error.messages[0]}
        return (200 if existed else 201), _report_out(found)

    return Status(*_once(request, key, write))


@router.put(
    "/reports/{pk}/rows",
    response={200: Written, 403: Problems, 404: Problems, 409: Problems, 422: Invalid},
    url_name="coordination-report-rows",
)
def replace_rows(
    request: HttpRequest, pk: ReportId, body: RowsIn, key: IdempotencyKey = None
) -> Any:
    """The draft's rows become exactly these; every row is checked as the spreadsheet's are, and
    any error refuses the whole request (422, by row and field) and writes nothing."""
    report = _writable(request, pk)

    def write() -> tuple[int, dict[str, Any]]:
        try:
            parsed = read_records([row.model_dump() for row in body.rows], vocabulary())
        except Refused as refused:
            return _invalid(str(refused))
        if parsed.errors:
            return _invalid("", *(
                {"type": "cell", "loc": ["body", "rows", e.line - 1, e.key], "msg": e.message,
                 "row": e.line, "field": e.key, "column": e.column}
                for e in parsed.errors
            ))  # fmt: skip
        try:
            count = services.replace_rows(report, parsed.rows, _person(request), via="API")
        except ValidationError as error:
            return 409, {"detail": error.messages[0]}
        report.refresh_from_db()
        return 200, {"report": _report_out(report, count), "rows": count}

    return Status(*_once(request, key, write))


@router.post(
    "/reports/{pk}/submit",
    response={200: ReportOut, 403: Problems, 404: Problems, 409: Problems},
    url_name="coordination-report-submit",
)
def submit(request: HttpRequest, pk: ReportId, key: IdempotencyKey = None) -> Any:
    """Sends the draft to the Secretariat for review (its reviewers are told)."""
    report = _writable(request, pk)

    def write() -> tuple[int, dict[str, Any]]:
        try:
            services.submit(report, _person(request))
        except ValidationError as error:
            return 409, {"detail": error.messages[0]}
        return 200, _report_out(report)

    return Status(*_once(request, key, write))
