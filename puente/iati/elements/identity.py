"""Identity of an activity: identifier, reporting org, titles, descriptions, status, dates."""

from ..data import Activity
from .common import (
    Element,
    ElementError,
    add_narratives,
    add_org,
    date_of,
    iso,
    narratives,
    org_ref,
    sub,
    text_of,
)

# IATI 1.x named the date types; 2.x numbers them.
DATE_TYPES = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
DATE_FIELDS = {"1": "planned_start", "2": "actual_start", "3": "planned_end", "4": "actual_end"}


def read_identifier(element: Element, activity: Activity) -> None:
    activity.identifier = text_of(element)


def read_reporting_org(element: Element, activity: Activity) -> None:
    activity.reporting_org = org_ref(element, activity.default_lang)


def read_title(element: Element, activity: Activity) -> None:
    activity.titles.extend(narratives(element, activity.default_lang))


def read_description(element: Element, activity: Activity) -> None:
    kind = element.get("type") or "1"
    activity.descriptions.setdefault(kind, []).extend(narratives(element, activity.default_lang))


def read_status(element: Element, activity: Activity) -> None:
    code = (element.get("code") or "").strip()
    if code not in {"1", "2", "3", "4", "5", "6"}:
        raise ElementError(element, f"activity status “{code}” is not an IATI ActivityStatus code")
    activity.status = code


def read_date(element: Element, activity: Activity) -> None:
    kind = element.get("type") or ""
    kind = DATE_TYPES.get(kind, kind)
    if kind not in DATE_FIELDS:
        raise ElementError(element, f"date type “{element.get('type')}” is unknown")
    setattr(activity, DATE_FIELDS[kind], date_of(element))


def write_identity(activity: Activity, parent: Element) -> None:
    lang = activity.default_lang
    sub(parent, "iati-identifier", activity.identifier)
    add_org(parent, "reporting-org", activity.reporting_org, lang)
    add_narratives(sub(parent, "title"), activity.titles, lang)
    for kind, found in activity.descriptions.items():
        add_narratives(sub(parent, "description", type=kind), found, lang)


def write_status_and_dates(activity: Activity, parent: Element) -> None:
    sub(parent, "activity-status", code=activity.status or "2")
    for kind, name in DATE_FIELDS.items():
        value = getattr(activity, name)
        if value:
            sub(parent, "activity-date", type=kind, iso_date=iso(value))
