"""Results, their indicators, baselines and periods with targets, actuals and dimensions."""

from decimal import Decimal
from functools import partial

from ..data import Activity, Dimension, Indicator, Narrative, Period, Result
from .common import (
    Element,
    ElementError,
    add_narratives,
    children,
    date_of,
    first_text,
    iso,
    left_out_if_bad,
    parse_decimal,
    sub,
)

RESULT_TYPES = {"1", "2", "3", "9"}


def _side(
    period: Element, tag: str, activity: Activity
) -> tuple[Decimal | None, str, list[Dimension]]:
    """A period's targets or actuals. IATI 2.03 allows several: one without dimensions holds
    the total; each one with dimensions holds the value of that disaggregation. One with a
    value that is not a number is left out alone."""
    total, comment, dimensions = None, "", []
    elements = list(period.iterchildren(tag))
    for element in elements:
        value = left_out_if_bad(
            activity, partial(parse_decimal, element, element.get("value"), tag)
        )
        if value is None and (element.get("value") or "").strip():
            continue
        found = [
            Dimension((d.get("name") or "").strip(), (d.get("value") or "").strip())
            for d in element.iterchildren("dimension")
        ]
        if not found or len(elements) == 1:
            total = value
            comment = comment or first_text(children(element).get("comment"), "")
        for d in found:
            d.amount = value if len(elements) > 1 else None
        dimensions.extend(found)
    return total, comment, dimensions


def _period(element: Element, activity: Activity) -> Period:
    found = children(element)
    start, end = date_of(found.get("period-start")), date_of(found.get("period-end"))
    if start is None or end is None:
        raise ElementError(element, "the period needs a start and an end")
    target, target_comment, target_dimensions = _side(element, "target", activity)
    actual, actual_comment, actual_dimensions = _side(element, "actual", activity)
    return Period(
        start=start,
        end=end,
        target=target,
        actual=actual,
        target_comment=target_comment,
        actual_comment=actual_comment,
        target_dimensions=target_dimensions,
        actual_dimensions=actual_dimensions,
    )


def _baseline(baseline: Element) -> tuple[int | None, Decimal | None]:
    year = baseline.get("year")
    if year and not year.strip().isdigit():
        raise ElementError(baseline, f"baseline year “{year}” is not a year")
    return int(year) if year else None, parse_decimal(baseline, baseline.get("value"), "baseline")


def _indicator(element: Element, activity: Activity) -> Indicator:
    lang = activity.default_lang
    found = children(element)
    baseline = found.get("baseline")
    year, value = (
        left_out_if_bad(activity, partial(_baseline, baseline)) or (None, None)
        if baseline is not None
        else (None, None)
    )
    periods = (
        left_out_if_bad(activity, partial(_period, p, activity))
        for p in element.iterchildren("period")
    )
    return Indicator(
        title=first_text(found.get("title"), lang) or "—",
        measure=(element.get("measure") or "1").strip(),
        ascending=(element.get("ascending") or "1").strip() not in ("0", "false"),
        baseline_year=year,
        baseline_value=value,
        baseline_comment=(
            first_text(children(baseline).get("comment"), lang) if baseline is not None else ""
        ),
        periods=[p for p in periods if p is not None],
    )


def read_result(element: Element, activity: Activity) -> None:
    kind = (element.get("type") or "").strip()
    if kind not in RESULT_TYPES:
        raise ElementError(element, f"result type “{kind}” is not an IATI ResultType")
    lang = activity.default_lang
    found = children(element)
    activity.results.append(
        Result(
            kind=kind,
            title=first_text(found.get("title"), lang) or "—",
            description=first_text(found.get("description"), lang),
            indicators=[_indicator(i, activity) for i in element.iterchildren("indicator")],
        )
    )


def _comment(parent: Element, text: str, lang: str) -> None:
    if text:
        add_narratives(sub(parent, "comment"), [Narrative(text, lang)], lang)


def write_results(activity: Activity, parent: Element) -> None:
    lang = activity.default_lang
    for result in activity.results:
        element = sub(parent, "result", type=result.kind)
        add_narratives(sub(element, "title"), [Narrative(result.title, lang)], lang)
        if result.description:
            add_narratives(sub(element, "description"), [Narrative(result.description, lang)], lang)
        for indicator in result.indicators:
            ind = sub(
                element,
                "indicator",
                measure=indicator.measure,
                ascending="1" if indicator.ascending else "0",
            )
            add_narratives(sub(ind, "title"), [Narrative(indicator.title, lang)], lang)
            if indicator.baseline_year is not None:
                baseline = sub(
                    ind,
                    "baseline",
                    year=indicator.baseline_year,
                    iso_date=f"{indicator.baseline_year}-12-31",
                    value=indicator.baseline_value,
                )
                _comment(baseline, indicator.baseline_comment, lang)
            for period in indicator.periods:
                p = sub(ind, "period")
                sub(p, "period-start", iso_date=iso(period.start))
                sub(p, "period-end", iso_date=iso(period.end))
                for side, value, comment, dimensions in (
                    ("target", period.target, period.target_comment, period.target_dimensions),
                    ("actual", period.actual, period.actual_comment, period.actual_dimensions),
                ):
                    if value is None and not dimensions:
                        continue
                    total = sub(p, side, value=value)
                    _comment(total, comment, lang)
                    for d in dimensions:
                        if d.amount is None:
                            sub(total, "dimension", name=d.name, value=d.value)
                        else:  # a disaggregated value: its own element, as IATI 2.03 allows
                            sub(
                                sub(p, side, value=d.amount),
                                "dimension",
                                name=d.name,
                                value=d.value,
                            )
