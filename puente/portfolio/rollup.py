"""A plan's or programme's results: its projects' figures for each shared indicator, added up
by year, with each project's contribution and the disaggregations summed by category."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import (
    Activity,
    Beneficiaries,
    Dimension,
    Disaggregation,
    Indicator,
    IndicatorPeriod,
    Level,
    Measure,
    SharedIndicator,
    same_unit,
)

# Measures whose figures can be added up (counts) or averaged (percentages); the others
# (nominal, ordinal, qualitative) have no sum.
ADDABLE = {Measure.UNIT, Measure.PERCENTAGE}
# Thresholds of the IPTT's standing, in percent of the target (said on the page).
ON_TRACK, FAR_BEHIND, OVERSHOOT = 90, 60, 125


@dataclass
class Figures:
    target: Decimal | None = None
    actual: Decimal | None = None

    @property
    def achieved(self) -> Decimal | None:
        """The actual as a share of the target, in percent."""
        if self.target in (None, 0) or self.actual is None:
            return None
        return (self.actual / self.target * 100).quantize(Decimal("0.1"))  # type: ignore[operator]

    def standing(self, ascending: bool = True) -> str:
        """ "on", "behind" or "far" (behind), or "" without both figures: the IPTT's colours.
        Higher is better: on from 90 % of the target, far below 60 %. Lower is better: on at
        or below the target, far above 125 % of it."""
        achieved = self.achieved
        if achieved is None:
            return ""
        if ascending:
            return "on" if achieved >= ON_TRACK else "behind" if achieved >= FAR_BEHIND else "far"
        return "on" if achieved <= 100 else "behind" if achieved <= OVERSHOOT else "far"


@dataclass
class Contribution:
    """One project's indicator linked to the shared one, with its figures by year."""

    activity_id: int
    activity_title: str
    indicator_title: str
    measure: str
    unit: str
    baseline: Decimal | None
    people: int  # whom the project targets: the weight of its percentages
    years: dict[int, Figures] = field(default_factory=dict)

    @property
    def total(self) -> Figures:
        return life_of(self.years, self.measure)


@dataclass
class Rollup:
    shared: SharedIndicator
    contributions: list[Contribution]
    years: dict[int, Figures] = field(default_factory=dict)
    baseline: Decimal | None = None
    # (year, dimension, category) -> figures, for counts only
    breakdown: dict[tuple[int, str, str], Figures] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # why nothing was added up
    method: str = ""

    @property
    def total(self) -> Figures:
        """Life of the programme: counts added over the years, percentages as of the last."""
        return life_of(self.years, self.shared.measure)

    def breakdown_by_dimension(self) -> list[tuple[str, list[tuple[str, Figures]]]]:
        """[(dimension, [(category, figures over every year)])], for the small tables."""
        table: dict[str, dict[str, Figures]] = defaultdict(dict)
        for (_year, dimension, category), figures in sorted(self.breakdown.items()):
            total = table[dimension].setdefault(category, Figures())
            total.target = add_present([total.target, figures.target])
            total.actual = add_present([total.actual, figures.actual])
        return [(d, sorted(rows.items())) for d, rows in sorted(table.items())]


def life_of(years: dict[int, Figures], measure: str) -> Figures:
    """Figures over every year: counts added, a percentage as of its last year."""
    if not years:
        return Figures()
    if measure == Measure.PERCENTAGE:
        return years[max(years)]
    return Figures(
        add_present(f.target for f in years.values()), add_present(f.actual for f in years.values())
    )


def add_present(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def projects_under(activity: Activity, readable: QuerySet[Activity]) -> QuerySet[Activity]:
    """The projects below a plan or programme: its own, and its programmes' (plan > programme
    > project at most), as one query that others can nest."""
    below = Q(parent=activity) | Q(parent__parent=activity) | Q(parent__parent__parent=activity)
    return readable.filter(below, level=Level.PROJECT)


def rollups(activity: Activity, readable: QuerySet[Activity]) -> list[Rollup]:
    """One roll-up per shared indicator that the projects under `activity` measure.

    Counts are added up by the database, a year per indicator; only percentages, whose year
    is their last period's, are read period by period (bench/results.py: a programme of 5,000
    projects)."""
    projects = projects_under(activity, readable)
    linked = Indicator.objects.filter(result__activity__in=projects, shared__isnull=False)
    english = (get_language() or "es").startswith("en")
    rows = linked.order_by("shared__name_es", "result__activity__title_es", "pk").values_list(
        "pk", "shared_id", "result__activity_id", "result__activity__title_es",
        "result__activity__title_en", "title", "unit", "measure", "baseline_value",
    )  # fmt: skip
    if not rows:
        return []
    people = _people_by_activity(projects)
    by_year = _sums_by_year(linked)
    shares = _percentages_by_year(linked.filter(measure=Measure.PERCENTAGE))
    shared_of = SharedIndicator.objects.in_bulk({row[1] for row in rows})
    groups: dict[int, list[Contribution]] = defaultdict(list)
    for pk, shared_id, activity_id, title_es, title_en, title, unit, measure, baseline in rows:
        groups[shared_id].append(
            Contribution(
                activity_id=activity_id,
                activity_title=(title_en if english and title_en else title_es or title_en),
                indicator_title=title,
                measure=measure,
                unit=unit or shared_of[shared_id].unit,
                baseline=baseline,
                people=people.get(activity_id, 0),
                years=shares.get(pk, {}) if measure == Measure.PERCENTAGE else by_year.get(pk, {}),
            )
        )
    return [_roll(shared_of[pk], contributions, linked) for pk, contributions in groups.items()]


def _sums_by_year(indicators: QuerySet[Indicator]) -> dict[int, dict[int, Figures]]:
    """indicator -> year -> its periods' targets and actuals added (None when none is given)."""
    found: dict[int, dict[int, Figures]] = defaultdict(dict)
    rows = (
        IndicatorPeriod.objects.filter(indicator__in=indicators)
        .annotate(year=ExtractYear("period_end"))
        .values("indicator_id", "year")
        .annotate(target=Sum("target"), actual=Sum("actual"))
        .values_list("indicator_id", "year", "target", "actual")
        .order_by()
    )
    for indicator_id, year, target, actual in rows:
        found[indicator_id][year] = Figures(target, actual)
    return found


def _percentages_by_year(indicators: QuerySet[Indicator]) -> dict[int, dict[int, Figures]]:
    """indicator -> year -> its last period's figures: a share is not added over a year."""
    found: dict[int, dict[int, Figures]] = defaultdict(dict)
    periods = IndicatorPeriod.objects.filter(indicator__in=indicators).order_by("period_end", "pk")
    for indicator_id, end, target, actual in periods.values_list(
        "indicator_id", "period_end", "target", "actual"
    ):
        figures = found[indicator_id].setdefault(end.year, Figures())
        figures.target = figures.target if target is None else target
        figures.actual = figures.actual if actual is None else actual
    return found


def _people_by_activity(projects: QuerySet[Activity]) -> dict[int, int]:
    rows = (
        Beneficiaries.objects.filter(activity__in=projects)
        .values("activity_id")
        .annotate(n=Sum("count"))
        .values_list("activity_id", "n")
        .order_by()
    )
    return {activity_id: n or 0 for activity_id, n in rows}


def _roll(
    shared: SharedIndicator, contributions: list[Contribution], linked: QuerySet[Indicator]
) -> Rollup:
    rollup = Rollup(shared, contributions)
    for c in contributions:
        if c.measure != shared.measure:
            rollup.refused.append(
                _("“%(project)s” measures it as %(theirs)s, the shared indicator as %(ours)s.")
                % {
                    "project": c.activity_title,
                    "theirs": Measure(c.measure).label,
                    "ours": shared.get_measure_display(),
                }
            )
        elif not same_unit(c.unit, shared.unit):
            rollup.refused.append(
                _("“%(project)s” counts it in “%(theirs)s”, the shared indicator in “%(ours)s”.")
                % {"project": c.activity_title, "theirs": c.unit, "ours": shared.unit}
            )
    if shared.measure not in ADDABLE:
        rollup.refused.append(_("Its measure (%s) has no sum.") % shared.get_measure_display())
    if rollup.refused:
        return rollup  # mixed figures are never added: a partial sum would read as the whole
    years = sorted({year for c in contributions for year in c.years})
    if shared.measure == Measure.PERCENTAGE:
        _weighted(rollup, years)
    else:
        rollup.method = _("Sum of the projects' figures; periods grouped by the year they end.")
        rollup.baseline = add_present(c.baseline for c in contributions)
        for year in years:
            rollup.years[year] = Figures(
                add_present(c.years[year].target for c in contributions if year in c.years),
                add_present(c.years[year].actual for c in contributions if year in c.years),
            )
        _sum_breakdown(rollup, linked.filter(shared=shared))
    return rollup


def _weighted(rollup: Rollup, years: list[int]) -> None:
    contributions = rollup.contributions
    weighted = all(c.people > 0 for c in contributions)
    if weighted:
        rollup.method = _(
            "Average of the projects' percentages, each weighted by the people the project "
            "targets; a year's figure is its last period's."
        )
    else:
        rollup.method = _(
            "Simple average of the projects' percentages (not every project records the people "
            "it targets, so none is weighted); a year's figure is its last period's."
        )

    def average(pairs: Iterable[tuple[Decimal | None, int]]) -> Decimal | None:
        present = [
            (value, weight if weighted else 1) for value, weight in pairs if value is not None
        ]
        if not present:
            return None
        total = sum((value * weight for value, weight in present), Decimal(0))
        return (total / sum(weight for _v, weight in present)).quantize(Decimal("0.01"))

    rollup.baseline = average((c.baseline, c.people) for c in contributions)
    for year in years:
        present = [c for c in contributions if year in c.years]
        rollup.years[year] = Figures(
            average((c.years[year].target, c.people) for c in present),
            average((c.years[year].actual, c.people) for c in present),
        )


def _sum_breakdown(rollup: Rollup, indicators: QuerySet[Indicator]) -> None:
    """The disaggregations of the shared indicator's periods, added by the database per year,
    dimension, category and side."""
    rows = (
        Disaggregation.objects.filter(period__indicator__in=indicators)
        .annotate(year=ExtractYear("period__period_end"))
        .values("year", "dimension", "category", "side")
        .annotate(total=Sum("value"))
        .values_list("year", "dimension", "category", "side", "total")
        .order_by()
    )
    for year, dimension, category, side, total in rows:
        label = str(Dimension(dimension).label) if dimension in Dimension.values else dimension
        figures = rollup.breakdown.setdefault((year, label, category), Figures())
        if side == Disaggregation.Side.TARGET:
            figures.target = add_present([figures.target, total])
        else:
            figures.actual = add_present([figures.actual, total])
