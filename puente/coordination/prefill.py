"""A new month's draft filled in from the partner's last approved report and its portfolio
activities in the department, every row left for the partner to confirm or correct."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute
from puente.portfolio.lifecycle import IatiStatus
from puente.portfolio.models import Activity

from .models import Report, ReportingPeriod, ReportRow, ReportStatus, category_code
from .selectors import DEPARTMENT

COUNT_FIELDS = ("targeted", "female", "male", "other_sex", "age_0_17", "age_18_59", "age_60_plus")


class Carry(TextChoices):
    NOTHING = "nothing", _("Start with no rows")
    PLACES = "places", _("Copy the rows of my last approved report; I enter this month's figures")
    FIGURES = "figures", _("Copy the rows of my last approved report with their figures")


@dataclass(frozen=True)
class Prefilled:
    carried: int
    carried_from: ReportingPeriod | None
    from_portfolio: int
    already_open: bool = False  # the report had rows, or was past its draft: nothing added


def last_approved(report: Report) -> Report | None:
    return (
        Report.objects.filter(
            organisation=report.organisation_id,
            status=ReportStatus.APPROVED,
            period__start__lt=report.period.start,
        )
        .select_related("period")
        .order_by("-period__start")
        .first()
    )


def _carried_rows(report: Report, source: Report, figures: bool) -> list[ReportRow]:
    rows = [row.copy_to(report) for row in source.rows.all()]
    for row in rows:
        row.to_confirm = True
        if not figures:
            for field in COUNT_FIELDS:
                setattr(row, field, 0)
            row.reached = 0
            row.amount = None
    return rows


def partner_activities(report: Report) -> QuerySet[Activity]:
    """The partner's activities under way whose places include a municipality of the department."""
    organisation = report.organisation_id
    return Activity.objects.filter(
        Q(participations__organisation=organisation) | Q(reporting_org=organisation),
        iati_status=IatiStatus.IMPLEMENTATION,
        locations__municipality__department__code=DEPARTMENT,
    ).distinct()


def partner_activity_titles(report: Report) -> list[str]:
    """The titles offered as the row's activity: the partner's portfolio activities under way."""
    return sorted(set(partner_activities(report).values_list("title_es", flat=True)))


def portfolio_activities(report: Report) -> list[Activity]:
    return list(
        partner_activities(report)
        .order_by("title_es", "pk")
        .prefetch_related("sectors", "locations__municipality__department", "beneficiaries")
    )


def _portfolio_rows(report: Report, known: set[tuple[int, int]]) -> list[ReportRow]:
    """One row per activity and municipality, unless a carried row already has that pair. The
    sector is the activity's largest; whom it serves only when the activity says so."""
    rows = []
    for activity in portfolio_activities(report):
        sectors = sorted(activity.sectors.all(), key=lambda s: -s.percentage)
        if not sectors:
            continue  # a 5W row needs a sector; the partner adds such an activity by hand
        served = sorted(activity.beneficiaries.all(), key=lambda b: -b.count)
        population = served[0].population_id if served else None
        nationality = served[0].nationality if served else ""
        if nationality not in ("colombian", "venezuelan", "returnee"):
            nationality = ""
        for location in activity.locations.all():
            place = location.municipality
            if place is None or place.department.code != DEPARTMENT:
                continue
            if (activity.pk, place.pk) in known:
                continue
            known.add((activity.pk, place.pk))
            rows.append(
                ReportRow(
                    report=report, activity=activity, activity_name=activity.title_es[:300],
                    sector_id=sectors[0].sector_id,
                    category_id=category_code(sectors[0].sector_id), municipality=place,
                    locality=location.name[:200], population_id=population,
                    nationality=nationality, targeted=0, currency_id=activity.currency_id,
                    to_confirm=True,
                )
            )  # fmt: skip
    return rows


@transaction.atomic
def prefill(report: Report, by: User, carry: str, portfolio: bool) -> Prefilled:
    """Fills an empty draft; a report that already has rows is left as it is."""
    # Under the report's lock: a double click on "open" fills the draft once.
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.rows.exists() or report.status != ReportStatus.DRAFT:
        return Prefilled(0, None, 0, already_open=True)
    source = last_approved(report) if carry != Carry.NOTHING else None
    carried = _carried_rows(report, source, carry == Carry.FIGURES) if source else []
    known = {(row.activity_id, row.municipality_id) for row in carried if row.activity_id}
    added = _portfolio_rows(report, known) if portfolio else []
    rows = carried + added
    for line, row in enumerate(rows, start=1):
        row.line = line
    ReportRow.objects.bulk_create(rows)
    if rows:
        attribute(
            report,
            by,
            pgettext_lazy("history", "Rows filled in for the partner to confirm: %(n)s"),
            n=len(rows),
        )
        report.save()
    return Prefilled(len(carried), source.period if source else None, len(added))
