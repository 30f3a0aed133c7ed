"""A plan's or programme's results: its projects' figures for each shared indicator, added up
by year, with each project's contribution and the disaggregations summed by category."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
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
    # The actuals given against a target: the share achieved counts only these, never one
    # project's actual against another's target.
    paired_actual: Decimal | None = None

    @classmethod
    def of(cls, target: Decimal | None, actual: Decimal | None) -> "Figures":
        return cls(target, actual, actual if target is not None else None)

    def add(self, other: "Figures") -> None:
        """Counts: another period's or project's figures added to these."""
        self.target = add_present([self.target, other.target])
        self.actual = add_present([self.actual, other.actual])
        self.paired_actual = add_present([self.paired_actual, other.paired_actual])

    def replace(self, other: "Figures") -> None:
        """Shares: a later period's figures stand, each where it gives one."""
        self.target = self.target if other.target is None else other.target
        self.actual = self.actual if other.actual is None else other.actual
        if other.paired_actual is not None:
            self.paired_actual = other.paired_actual

    @property
    def achieved(self) -> Decimal | None:
        """The actuals given against a target, as a share of every target, in percent: a
        target still without its actual counts as not yet reached, and an actual without a
        target is not counted against another's target."""
        if self.target in (None, 0) or self.paired_actual is None:
            return None
        return (self.paired_actual / self.target * 100).quantize(Decimal("0.1"))  # type: ignore[operator]

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

    indicator_id: int
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
        """Life of the programme: counts added over the years; a share averaged over each
        project's latest figures, as the years are (a project silent in the last year counts)."""
        if self.shared.measure != Measure.PERCENTAGE:
            return life_of(self.years, Measure.UNIT)
        return _average_of([c.total for c in self.contributions], self.contributions)

    def breakdown_by_dimension(self) -> list[tuple[str, list[tuple[str, Figures]]]]:
        """[(dimension, [(category, figures over every year)])], for the small tables."""
        table: dict[str, dict[str, Figures]] = defaultdict(dict)
        for (_year, dimension, category), figures in sorted(self.breakdown.items()):
            table[dimension].setdefault(category, Figures()).add(figures)
        return [(d, sorted(rows.items())) for d, rows in sorted(table.items())]


def life_of(years: dict[int, Figures], measure: str) -> Figures:
    """Figures over every year: counts added, a share as its latest figures stand."""
    total = Figures()
    for _year, figures in sorted(years.items()):
        if measure == Measure.PERCENTAGE:
            total.replace(figures)
        else:
            total.add(figures)
    return total


def add_present(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def projects_under(activity: Activity, readable: QuerySet[Activity]) -> QuerySet[Activity]:
    """The projects below a plan or programme: its own, and its programmes' (plan > programme
    > project at most). The few containers are looked up first, so that the projects are one
    indexed `parent IN (...)` that other queries nest."""
    containers, frontier = [activity.pk], [activity.pk]
    for _depth in range(2):
        frontier = list(
            readable.filter(parent_id__in=frontier)
            .exclude(level=Level.PROJECT)
            .values_list("pk", flat=True)
        )
        containers += frontier
        if not frontier:
            break
    return readable.filter(parent_id__in=containers, level=Level.PROJECT)


def rollups(activity: Activity, readable: QuerySet[Activity]) -> list[Rollup]:
    """One roll-up per shared indicator that the projects under `activity` measure.

    Counts are added up by the database; only percentages, whose year is their last period's,
    are read period by period (bench/results.py: a programme of 5,000 projects)."""
    projects = projects_under(activity, readable)
    linked = Indicator.objects.filter(result__activity__in=projects, shared__isnull=False)
    english = (get_language() or "es").startswith("en")
    rows = linked.order_by("shared__name_es", "result__activity__title_es", "pk").values_list(
        "pk", "shared_id", "result__activity_id", "result__activity__title_es",
        "result__activity__title_en", "title", "unit", "measure", "baseline_value",
    )  # fmt: skip
    if not rows:
        return []
    # People weigh percentages only, and only percentages are read period by period: a
    # programme that counts skips both reads (bench/results.py: 5,000 projects).
    any_share = any(row[7] == Measure.PERCENTAGE for row in rows)
    people = _people_by_activity(projects) if any_share else {}
    shares = _percentages_by_year(linked.filter(measure=Measure.PERCENTAGE)) if any_share else {}
    shared_of = SharedIndicator.objects.in_bulk({row[1] for row in rows})
    groups: dict[int, list[Contribution]] = defaultdict(list)
    for pk, shared_id, activity_id, title_es, title_en, title, unit, measure, baseline in rows:
        contribution = Contribution(
            indicator_id=pk,
            activity_id=activity_id,
            activity_title=(title_en if english and title_en else title_es or title_en),
            indicator_title=title,
            measure=measure,
            unit=unit or shared_of[shared_id].unit,
            baseline=baseline,
            people=people.get(activity_id, 0),
            years=shares.get(pk, {}),
        )
        groups[shared_id].append(contribution)
    # A count's yearly figures per project only for the contributions a page lists; the
    # totals are added up by the database over all of them.
    listed = [c for group in groups.values() for c in group[:SHOWN] if c.measure == Measure.UNIT]
    by_year = _sums_by_year(Indicator.objects.filter(pk__in=[c.indicator_id for c in listed]))
    for c in listed:
        c.years = by_year.get(c.indicator_id, {})
    totals = _sums_by_year(linked.filter(measure=Measure.UNIT), by="indicator__shared_id")
    found = [_roll(shared_of[pk], group, totals.get(pk, {})) for pk, group in groups.items()]
    _sum_breakdowns([r for r in found if r.years and r.shared.measure == Measure.UNIT], linked)
    return found


# How many contributions a roll-up lists with their own figures.
SHOWN = 100
# A period's figures added up, and its actuals given against a target (Figures.paired_actual).
PAIRED_SUMS = {  # named apart from the fields they add up (Django refuses a clash)
    "sum_target": Sum("target"),
    "sum_actual": Sum("actual"),
    "sum_paired_actual": Sum("actual", filter=Q(target__isnull=False)),
}


def _sums_by_year(
    indicators: QuerySet[Indicator], by: str = "indicator_id"
) -> dict[int, dict[int, Figures]]:
    """`by` (an indicator, or "indicator__shared_id") -> year -> the periods' targets and
    actuals added (None when none is given). Grouped by end date in the database and by year
    here: SQLite's year extraction is a Python function called on every row."""
    found: dict[int, dict[int, Figures]] = defaultdict(dict)
    rows = (
        IndicatorPeriod.objects.filter(indicator__in=indicators)
        .values(by, "period_end")
        .annotate(**PAIRED_SUMS)
        .values_list(by, "period_end", *PAIRED_SUMS)
        .order_by()
    )
    for key, end, *sums in rows:
        found[key].setdefault(end.year, Figures()).add(Figures(*sums))
    return found


def _percentages_by_year(indicators: QuerySet[Indicator]) -> dict[int, dict[int, Figures]]:
    """indicator -> year -> its last period's figures: a share is not added over a year."""
    found: dict[int, dict[int, Figures]] = defaultdict(dict)
    periods = IndicatorPeriod.objects.filter(indicator__in=indicators).order_by("period_end", "pk")
    for indicator_id, end, target, actual in periods.values_list(
        "indicator_id", "period_end", "target", "actual"
    ):
        found[indicator_id].setdefault(end.year, Figures()).replace(Figures.of(target, actual))
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
    shared: SharedIndicator, contributions: list[Contribution], sums: dict[int, Figures]
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
    if shared.measure == Measure.PERCENTAGE:
        _weighted(rollup, sorted({year for c in contributions for year in c.years}))
    else:
        rollup.method = _("Sum of the projects' figures; periods grouped by the year they end.")
        rollup.baseline = add_present(c.baseline for c in contributions)
        rollup.years = dict(sorted(sums.items()))
    return rollup


def _is_weighted(contributions: list[Contribution]) -> bool:
    return all(c.people > 0 for c in contributions)


def _average_of(figures: list[Figures], contributions: list[Contribution]) -> Figures:
    """Each side averaged over the projects that give it, weighted by the people each project
    targets when every project records them; the share achieved over projects giving both."""
    weighted = _is_weighted(contributions)

    def average(values: Iterable[tuple[Decimal | None, int]]) -> Decimal | None:
        present = [(v, w if weighted else 1) for v, w in values if v is not None]
        if not present:
            return None
        total = sum((v * w for v, w in present), Decimal(0))
        return (total / sum(w for _v, w in present)).quantize(Decimal("0.01"))

    people = [c.people for c in contributions]
    return Figures(
        average(zip((f.target for f in figures), people, strict=True)),
        average(zip((f.actual for f in figures), people, strict=True)),
        average(zip((f.paired_actual for f in figures), people, strict=True)),
    )


def _weighted(rollup: Rollup, years: list[int]) -> None:
    contributions = rollup.contributions
    if _is_weighted(contributions):
        rollup.method = _(
            "Average of the projects' percentages, each weighted by the people the project "
            "targets; a year's figure is its last period's."
        )
    else:
        rollup.method = _(
            "Simple average of the projects' percentages (not every project records the people "
            "it targets, so none is weighted); a year's figure is its last period's."
        )
    baselines = [Figures(c.baseline) for c in contributions]
    rollup.baseline = _average_of(baselines, contributions).target
    for year in years:
        cells = [c.years.get(year, Figures()) for c in contributions]
        rollup.years[year] = _average_of(cells, contributions)


def _sum_breakdowns(found: list[Rollup], linked: QuerySet[Indicator]) -> None:
    """The disaggregations of the counted roll-ups' periods, added by the database per shared
    indicator, end date, dimension, category and side, in one query."""
    by_shared = {rollup.shared.pk: rollup for rollup in found}
    if not by_shared:
        return
    # Every linked indicator's, the others skipped below: naming the shared indicators in the
    # query led SQLite to walk all their indicators portfolio-wide (118 ms against 40 ms on
    # bench/results.py's programme) instead of starting from the programme's projects.
    rows = (
        Disaggregation.objects.filter(period__indicator__in=linked)
        .values(
            "period__indicator__shared_id", "period__period_end", "dimension", "category", "side"
        )
        .annotate(total=Sum("value"))
        .values_list(
            "period__indicator__shared_id", "period__period_end", "dimension", "category", "side",
            "total",
        )
        .order_by()
    )  # fmt: skip
    for shared_id, end, dimension, category, side, total in rows:
        if shared_id not in by_shared:
            continue
        label = str(Dimension(dimension).label) if dimension in Dimension.values else dimension
        key = (end.year, label, category)
        figures = by_shared[shared_id].breakdown.setdefault(key, Figures())
        if side == Disaggregation.Side.TARGET:
            figures.add(Figures(target=total))
        else:
            figures.add(Figures(actual=total))
