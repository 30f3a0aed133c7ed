"""The indicator performance tracking table: each indicator's target, actual and share achieved
by year and over the life of its project, optionally split by one disaggregation dimension."""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from .models import Dimension, Indicator, IndicatorPeriod, Measure
from .rollup import Figures, life_of


@dataclass
class IpttRow:
    indicator: Indicator
    unit: str
    years: dict[int, Figures]
    # dimension -> category -> figures by year, for the dimensions asked for
    parts: dict[str, dict[str, dict[int, Figures]]] = field(default_factory=dict)

    @property
    def total(self) -> Figures:
        return life_of(self.years, self.indicator.measure)

    @property
    def complete(self) -> bool:
        """The project has ended (its actual end, else its planned one, is past): only then is
        the life-of-project share a verdict rather than a figure to date."""
        activity = self.indicator.result.activity
        end = activity.actual_end or activity.planned_end
        return end is not None and end < localdate()

    def cells(self, years: Sequence[int]) -> list[Figures]:
        return [self.years.get(year, Figures()) for year in years]

    def part_rows(
        self, years: Sequence[int], dimension: str
    ) -> list[tuple[str, list[Figures], Figures]]:
        return [
            (category, [by_year.get(y, Figures()) for y in years], life_of(by_year, Measure.UNIT))
            for category, by_year in sorted(self.parts.get(dimension, {}).items())
        ]


def iptt_rows(
    indicators: QuerySet[Indicator], splits: Iterable[str] = ()
) -> tuple[list[int], list[IpttRow]]:
    """The rows of `indicators` (already filtered and paged), split by each of `splits`, and
    the years their periods end."""
    splits = set(splits)
    chosen = list(indicators.select_related("result__activity", "shared"))
    periods: dict[int, list[IndicatorPeriod]] = defaultdict(list)
    query = IndicatorPeriod.objects.filter(indicator__in=chosen).order_by("period_end", "pk")
    if splits:
        query = query.prefetch_related("disaggregations")
    for period in query:
        periods[period.indicator_id].append(period)
    rows = [_row(indicator, periods[indicator.pk], splits) for indicator in chosen]
    years = sorted({year for row in rows for year in row.years})
    return years, rows


def _row(indicator: Indicator, periods: list[IndicatorPeriod], splits: set[str]) -> IpttRow:
    percentage = indicator.measure == Measure.PERCENTAGE
    unit = indicator.unit or (indicator.shared.unit if indicator.shared else "")
    row = IpttRow(indicator, unit or ("%" if percentage else ""), {})
    for period in periods:
        year = period.period_end.year
        figures = row.years.setdefault(year, Figures())
        # Counts add over a year's periods; a share does not: the latest period's stands.
        step = figures.replace if percentage else figures.add
        step(Figures.of(period.target, period.actual))
        if splits and not percentage:
            sides: dict[tuple[str, str], dict[str, Decimal]] = defaultdict(dict)
            for part in period.disaggregations.all():
                if part.dimension in splits:
                    sides[(part.dimension, part.category)][part.side] = part.value
            for (dimension, category), values in sides.items():
                by_category = row.parts.setdefault(dimension, {})
                cell = by_category.setdefault(category, {}).setdefault(year, Figures())
                cell.add(Figures.of(values.get("target"), values.get("actual")))
    return row


def standing_label(standing: str) -> str:
    return {"on": _("on track"), "behind": _("behind"), "far": _("far behind")}.get(standing, "")


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# An export reads every indicator it holds; beyond this many, staff narrow the filters.
EXPORT_LIMIT = 5_000


def sheets(
    indicators: QuerySet[Indicator], split_dimensions: Sequence[str], batch: int = 1000
) -> list[tuple[str, list[str], list[list[object]]]]:
    """The IPTT as workbook sheets: one of totals, then one per dimension (rows by category).
    Every indicator is read once, with all its splits (bench/results.py times it)."""
    pks = list(indicators.values_list("pk", flat=True))
    rows: list[IpttRow] = []
    for first in range(0, len(pks), batch):
        chunk = pks[first : first + batch]
        found = {
            r.indicator.pk: r
            for r in iptt_rows(Indicator.objects.filter(pk__in=chunk), split_dimensions)[1]
        }
        rows += [found[pk] for pk in chunk]  # in the page's order
    years = sorted({year for row in rows for year in row.years})
    return [
        (
            str(Dimension(dimension).label) if dimension else _("Totals"),
            _header(years, dimension),
            [line for row in rows for line in _lines(row, years, dimension)],
        )
        for dimension in ["", *split_dimensions]
    ]


def _header(years: list[int], dimension: str) -> list[str]:
    header = [_("Activity"), _("IATI identifier"), _("Indicator"), _("Unit")]
    if dimension:
        header.append(str(Dimension(dimension).label))
    for year in years:
        header += [f"{year} {_('target')}", f"{year} {_('actual')}", f"{year} {_('% achieved')}"]
    return header + [_("Life of project target"), _("Life of project actual"), _("% achieved")]


def _lines(row: IpttRow, years: list[int], dimension: str) -> Iterator[list[object]]:
    activity = row.indicator.result.activity
    start: list[object] = [activity.title, activity.iati_identifier or "", row.indicator.title]
    start.append(row.unit)
    parts = row.part_rows(years, dimension) if dimension else [("", row.cells(years), row.total)]
    for category, cells, total in parts:
        line = [*start, category] if dimension else list(start)
        for figures in [*cells, total]:
            line += [_number(figures.target), _number(figures.actual)]
            line.append(_number(figures.achieved))
        yield line
