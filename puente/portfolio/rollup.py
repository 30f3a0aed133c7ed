"""A plan's or programme's results: its projects' figures for each shared indicator, added up
by year, with each project's contribution and the disaggregations summed by category."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext as _

from .models import (
    Activity,
    Beneficiaries,
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

    activity: Activity
    indicator: Indicator
    unit: str
    baseline: Decimal | None
    people: int  # whom the project targets: the weight of its percentages
    years: dict[int, Figures] = field(default_factory=dict)

    @property
    def total(self) -> Figures:
        return life_of(self.years, self.indicator.measure)


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
    """The projects below a plan or programme (a plan's through its programmes too)."""
    ids: set[int] = set()
    frontier = [activity.pk]
    for _depth in range(3):  # plan > programme > project, and a project directly under a plan
        children = list(readable.filter(parent_id__in=frontier).values_list("pk", "level"))
        ids.update(pk for pk, _level in children)
        frontier = [pk for pk, level in children if level != Level.PROJECT]
        if not frontier:
            break
    return readable.filter(pk__in=ids, level=Level.PROJECT)


def rollups(activity: Activity, readable: QuerySet[Activity]) -> list[Rollup]:
    """One roll-up per shared indicator that the projects under `activity` measure."""
    projects = projects_under(activity, readable)
    indicators = (
        Indicator.objects.filter(result__activity__in=projects, shared__isnull=False)
        .select_related("shared", "result__activity")
        .order_by("shared__name_es", "result__activity__title_es", "pk")
    )
    by_shared: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        by_shared[indicator.shared_id].append(indicator)  # type: ignore[index]
    if not by_shared:
        return []
    periods = _periods_by_indicator([i.pk for group in by_shared.values() for i in group])
    people = _people_by_activity({i.result.activity_id for g in by_shared.values() for i in g})
    found = []
    for group in by_shared.values():
        shared = group[0].shared
        assert shared is not None
        contributions = [
            _contribution(i, periods.get(i.pk, []), people.get(i.result.activity_id, 0))
            for i in group
        ]
        found.append(_roll(shared, contributions, periods))
    return found


def _periods_by_indicator(ids: list[int]) -> dict[int, list[IndicatorPeriod]]:
    found: dict[int, list[IndicatorPeriod]] = defaultdict(list)
    periods = IndicatorPeriod.objects.filter(indicator_id__in=ids).prefetch_related(
        "disaggregations"
    )
    for period in periods.order_by("period_end", "pk"):
        found[period.indicator_id].append(period)
    return found


def _people_by_activity(ids: set[int]) -> dict[int, int]:
    rows = (
        Beneficiaries.objects.filter(activity_id__in=ids)
        .values("activity_id")
        .annotate(n=Sum("count"))
        .values_list("activity_id", "n")
    )
    return {activity_id: n or 0 for activity_id, n in rows}


def _contribution(
    indicator: Indicator, periods: list[IndicatorPeriod], people: int
) -> Contribution:
    shared = indicator.shared
    assert shared is not None
    contribution = Contribution(
        activity=indicator.result.activity,
        indicator=indicator,
        unit=indicator.unit or shared.unit,
        baseline=indicator.baseline_value,
        people=people,
    )
    percentage = indicator.measure == Measure.PERCENTAGE
    for period in periods:
        year = period.period_end.year
        figures = contribution.years.setdefault(year, Figures())
        if percentage:  # a share is not added over a year's periods: the latest one stands
            figures.target = period.target if period.target is not None else figures.target
            figures.actual = period.actual if period.actual is not None else figures.actual
        else:
            figures.target = add_present([figures.target, period.target])
            figures.actual = add_present([figures.actual, period.actual])
    return contribution


def _roll(
    shared: SharedIndicator,
    contributions: list[Contribution],
    periods: dict[int, list[IndicatorPeriod]],
) -> Rollup:
    rollup = Rollup(shared, contributions)
    for c in contributions:
        if c.indicator.measure != shared.measure:
            rollup.refused.append(
                _("“%(project)s” measures it as %(theirs)s, the shared indicator as %(ours)s.")
                % {
                    "project": c.activity.title,
                    "theirs": c.indicator.get_measure_display(),
                    "ours": shared.get_measure_display(),
                }
            )
        elif not same_unit(c.unit, shared.unit):
            rollup.refused.append(
                _("“%(project)s” counts it in “%(theirs)s”, the shared indicator in “%(ours)s”.")
                % {"project": c.activity.title, "theirs": c.unit, "ours": shared.unit}
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
        _sum_breakdown(rollup, contributions, periods)
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


def _sum_breakdown(
    rollup: Rollup, contributions: list[Contribution], periods: dict[int, list[IndicatorPeriod]]
) -> None:
    for c in contributions:
        for period in periods.get(c.indicator.pk, []):
            for row in period.disaggregations.all():
                key = (period.period_end.year, row.get_dimension_display(), row.category)
                figures = rollup.breakdown.setdefault(key, Figures())
                if row.side == Disaggregation.Side.TARGET:
                    figures.target = add_present([figures.target, row.value])
                else:
                    figures.actual = add_present([figures.actual, row.value])
