"""Results, their indicators, baselines and periods with targets, actuals and dimensions."""

from ..data import Activity, Dimension, Indicator, Period, Result
from .common import Element, ElementError, date_of, first_text, parse_decimal

RESULT_TYPES = {"1", "2", "3", "9"}


def _dimensions(element: Element | None) -> list[Dimension]:
    if element is None:
        return []
    return [
        Dimension(
            name=(d.get("name") or "").strip(),
            value=(d.get("value") or "").strip(),
        )
        for d in element.iterchildren("dimension")
    ]


def _period(element: Element, lang: str) -> Period:
    start, end = date_of(element.find("period-start")), date_of(element.find("period-end"))
    if start is None or end is None:
        raise ElementError(element, "the period needs a start and an end")
    target, actual = element.find("target"), element.find("actual")
    return Period(
        start=start,
        end=end,
        target=parse_decimal(target, target.get("value"), "target") if target is not None else None,
        actual=parse_decimal(actual, actual.get("value"), "actual") if actual is not None else None,
        target_comment=first_text(target.find("comment"), lang) if target is not None else "",
        actual_comment=first_text(actual.find("comment"), lang) if actual is not None else "",
        target_dimensions=_dimensions(target),
        actual_dimensions=_dimensions(actual),
    )


def _indicator(element: Element, lang: str) -> Indicator:
    baseline = element.find("baseline")
    year = baseline.get("year") if baseline is not None else None
    if year and not year.strip().isdigit():
        raise ElementError(baseline, f"baseline year “{year}” is not a year")  # type: ignore[arg-type]
    return Indicator(
        title=first_text(element.find("title"), lang) or "—",
        measure=(element.get("measure") or "1").strip(),
        ascending=(element.get("ascending") or "1").strip() not in ("0", "false"),
        baseline_year=int(year) if year else None,
        baseline_value=(
            parse_decimal(baseline, baseline.get("value"), "baseline")
            if baseline is not None
            else None
        ),
        baseline_comment=first_text(baseline.find("comment"), lang) if baseline is not None else "",
        periods=[_period(p, lang) for p in element.iterchildren("period")],
    )


def read_result(element: Element, activity: Activity) -> None:
    kind = (element.get("type") or "").strip()
    if kind not in RESULT_TYPES:
        raise ElementError(element, f"result type “{kind}” is not an IATI ResultType")
    lang = activity.default_lang
    activity.results.append(
        Result(
            kind=kind,
            title=first_text(element.find("title"), lang) or "—",
            description=first_text(element.find("description"), lang),
            indicators=[_indicator(i, lang) for i in element.iterchildren("indicator")],
        )
    )
