"""The coordination picture: need against coverage by municipality × service, and 5W figures.

Each figure is one grouped query (the database does the counting); Python only joins the few
hundred resulting cells. `bench/coordination.py` times these against hand-written SQL.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import CharField, Count, F, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from puente.portfolio.models import Activity
from puente.territory.models import Municipality

from .models import Need, ReportRow, Service
from .selectors import DEPARTMENT

# An activity is one partner's name for its work: the same name in two months is one activity.
ACTIVITY_KEY = Concat(
    Cast("report__organisation_id", CharField()),
    Value(":"),
    "activity_name",
    output_field=CharField(),
)


STATUS_LABELS = {
    "uncovered": _("Uncovered"),
    "partial": _("Partly covered"),
    "covered": _("Covered"),
    "unassessed": _("No need recorded"),
}


@dataclass
class GapCell:
    municipality: Municipality
    service: Service
    needs: int = 0
    people_affected: int = 0
    people_excluded: int = 0
    severity: int = 0
    reported_activities: int = 0
    partners: int = 0
    reached: int = 0
    portfolio_activities: int = 0

    @property
    def activities(self) -> int:
        return self.reported_activities + self.portfolio_activities

    @property
    def status(self) -> str:
        """uncovered, partial, covered, or unassessed (coverage with no need recorded)."""
        if not self.needs:
            return "unassessed"
        if not self.activities:
            return "uncovered"
        return "covered" if self.reached >= self.people_affected else "partial"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def overlapping(self) -> bool:
        return self.partners >= 2

    @property
    def coverage_share(self) -> int:
        if not self.people_affected:
            return 0
        return min(100, round(100 * self.reached / self.people_affected))


def gap_table(
    start: datetime.date,
    end: datetime.date,
    rows: QuerySet[ReportRow],
    activities: QuerySet[Activity] | None = None,
) -> list[GapCell]:
    """`rows` are the approved 5W rows already narrowed to [start, end] (and any filters);
    `activities` the portfolio the reader may see (all of it when not given)."""
    municipalities = {m.pk: m for m in Municipality.objects.of_department(DEPARTMENT)}  # type: ignore[attr-defined]
    services = {s.pk: s for s in Service.objects.all()}
    cells: dict[tuple[int, int], GapCell] = {}

    def cell(municipality_id: int, service_id: int) -> GapCell | None:
        if municipality_id not in municipalities or service_id not in services:
            return None
        key = (municipality_id, service_id)
        if key not in cells:
            cells[key] = GapCell(municipalities[municipality_id], services[service_id])
        return cells[key]

    for need in (
        Need.objects.filter(is_open=True)
        .values("municipality_id", "service_id")
        .annotate(
            n=Count("id"),
            affected=Sum("people_affected"),
            excluded=Sum("people_excluded"),
            worst=Max("severity"),
        )
    ):
        if found := cell(need["municipality_id"], need["service_id"]):
            found.needs, found.people_affected = need["n"], need["affected"]
            found.people_excluded, found.severity = need["excluded"], need["worst"]
    for row in coverage_by_service(rows):
        if found := cell(row["municipality_id"], row["service"]):
            found.reported_activities, found.partners = row["activities"], row["partners"]
            found.reached = row["reached"]
    for key, count in portfolio_coverage(start, end, activities).items():
        if found := cell(*key):
            found.portfolio_activities = count
    return sorted(
        cells.values(), key=lambda c: (c.municipality.name, c.service.order, c.service.name_es)
    )


def coverage_by_service(rows: QuerySet[ReportRow]) -> QuerySet:  # type: ignore[type-arg]
    """One grouped query: activities, partners and people reached per municipality × service."""
    return (
        rows.filter(category__service_links__isnull=False)
        .values("municipality_id", service=F("category__service_links__service_id"))
        .annotate(
            activities=Count(ACTIVITY_KEY, distinct=True),
            partners=Count("report__organisation_id", distinct=True),
            reached=Sum("reached"),
        )
        .order_by()
    )


def portfolio_coverage(
    start: datetime.date, end: datetime.date, activities: QuerySet[Activity] | None = None
) -> dict[tuple[int, int], int]:
    """Portfolio and imported activities under way in [start, end], per municipality × service.

    A sector is a purpose code (its category answers the service) or a category itself: two
    paths, each counted by a grouped query, summed.
    """
    running = (
        (Activity.objects.all() if activities is None else activities)
        .annotate(
            began=Coalesce("actual_start", "planned_start"),
            ends=Coalesce("actual_end", "planned_end"),
        )
        .filter(
            Q(began__lte=end),
            Q(ends__isnull=True) | Q(ends__gte=start),
            locations__municipality__isnull=False,
        )
    )
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for path in (
        "sectors__sector__category__service_links__service",
        "sectors__sector__service_links__service",
    ):
        grouped = (
            running.filter(**{f"{path}__isnull": False})
            .values(municipality=F("locations__municipality_id"), service=F(path))
            .annotate(n=Count("id", distinct=True))
            .order_by()
        )
        for row in grouped:
            counts[(row["municipality"], row["service"])] += row["n"]
    return dict(counts)


@dataclass
class MunicipalityGap:
    municipality: Municipality
    uncovered: int
    partial: int
    partners: int
    reached: int
    needs: int = 0  # needs recorded here: with none, coverage cannot be judged

    @property
    def status(self) -> str:
        if self.uncovered:
            return "uncovered"
        return "partial" if self.partial else "covered"


def gaps_by_municipality(cells: list[GapCell]) -> list[MunicipalityGap]:
    grouped: dict[int, list[GapCell]] = defaultdict(list)
    for c in cells:
        grouped[c.municipality.pk].append(c)
    return [
        MunicipalityGap(
            group[0].municipality,
            sum(c.status == "uncovered" for c in group),
            sum(c.status == "partial" for c in group),
            max(c.partners for c in group),
            sum(c.reached for c in group),
            sum(c.needs for c in group),
        )
        for group in grouped.values()
    ]


@dataclass
class Figures:
    partners: int
    activities: int
    reached: int
    by_sex: dict[str, int]
    by_age: dict[str, int]
    by_nationality: list[tuple[str, int]]
    by_sector: list[tuple[str, str, int]]  # code, name, reached
    by_municipality: list[tuple[int, str, int]]
    by_population: list[tuple[str, str, int]]
    by_month: list[tuple[datetime.date, int]]


def dashboard_figures(rows: QuerySet[ReportRow]) -> Figures:
    """The dashboard's totals and breakdowns: one grouped query each."""
    rows = rows.order_by()
    totals = rows.aggregate(
        partners=Count("report__organisation_id", distinct=True),
        activities=Count(ACTIVITY_KEY, distinct=True),
        reached=Coalesce(Sum("reached"), 0),
        female=Coalesce(Sum("female"), 0),
        male=Coalesce(Sum("male"), 0),
        other_sex=Coalesce(Sum("other_sex"), 0),
        age_0_17=Coalesce(Sum("age_0_17"), 0),
        age_18_59=Coalesce(Sum("age_18_59"), 0),
        age_60_plus=Coalesce(Sum("age_60_plus"), 0),
    )

    def grouped(*fields: str) -> list[tuple]:  # type: ignore[type-arg]
        query = rows.values(*fields).annotate(people=Sum("reached")).order_by("-people", *fields)
        return [tuple(r[f] for f in fields) + (r["people"],) for r in query]

    return Figures(
        partners=totals["partners"],
        activities=totals["activities"],
        reached=totals["reached"],
        by_sex={k: totals[k] for k in ("female", "male", "other_sex")},
        by_age={k: totals[k] for k in ("age_0_17", "age_18_59", "age_60_plus")},
        by_nationality=grouped("nationality"),  # type: ignore[arg-type]
        by_sector=grouped("category_id", "category__name_es"),  # type: ignore[arg-type]
        by_municipality=grouped("municipality_id", "municipality__name"),  # type: ignore[arg-type]
        by_population=grouped("population_id", "population__name_es"),  # type: ignore[arg-type]
        by_month=sorted(grouped("report__period__start")),  # type: ignore[arg-type]
    )
