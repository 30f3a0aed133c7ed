"""Helpers every element reader uses: narratives, dates, numbers, and the error they raise."""

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from lxml import etree

from ..data import Activity, Narrative, OrgRef

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
type Element = etree._Element


class ElementError(ValueError):
    """One element of an activity cannot be read; the activity is skipped, the file goes on."""

    def __init__(self, element: Element, message: str) -> None:
        self.tag = str(element.tag)
        self.line = element.sourceline or 0
        super().__init__(f"<{self.tag}> (line {self.line}): {message}")


def left_out_if_bad[T](activity: Activity, read: Callable[[], T]) -> T | None:
    """Reads one optional part of an element; a bad value leaves out only that part (a
    period, a target, a point), with a warning naming its line, and the rest is kept."""
    try:
        return read()
    except ElementError as error:
        activity.warnings.append(f"{error}; left out")
        return None


def children(element: Element) -> dict[object, Element]:
    """An element's children by tag, the first of each. One pass over them costs about what a
    single find() does, and a transaction asks for six."""
    return {child.tag: child for child in reversed(element)}


def text_of(element: Element | None) -> str:
    if element is None or element.text is None:
        return ""
    return " ".join(element.text.split())


def narratives(element: Element | None, default_lang: str) -> list[Narrative]:
    """The <narrative> children (IATI 2.x) or, for IATI 1.x, the element's own text."""
    if element is None:
        return []
    found = []
    # Runs for every name and title of a file: each text is read and cleaned once, inline.
    for n in element.iterchildren("narrative"):
        if (raw := n.text) and (text := " ".join(raw.split())):
            found.append(Narrative(text, n.get(XML_LANG) or default_lang))
    if not found and (text := text_of(element)):
        found = [Narrative(text, element.get(XML_LANG) or default_lang)]
    return found


def first_text(element: Element | None, default_lang: str) -> str:
    found = narratives(element, default_lang)
    return found[0].text if found else ""


def parse_date(element: Element, value: str | None) -> date:
    if not value:
        raise ElementError(element, "a date is missing")
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as error:
        raise ElementError(element, f"“{value}” is not a date (YYYY-MM-DD)") from error


def date_of(element: Element | None) -> date | None:
    """The iso-date attribute (2.x) or the text (1.x) of a date element, if any."""
    if element is None:
        return None
    value = element.get("iso-date") or text_of(element)
    return parse_date(element, value) if value else None


def parse_datetime(element: Element, value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ElementError(element, f"“{value}” is not a date and time") from error
    # IATI asks for a time zone; a timestamp without one is read as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_decimal(element: Element, value: str | None, what: str = "value") -> Decimal | None:
    if value is None or not value.strip():
        return None
    try:
        number = Decimal(value.strip().replace(" ", ""))
    except InvalidOperation as error:
        raise ElementError(element, f"{what} “{value.strip()}” is not a number") from error
    if not number.is_finite():
        raise ElementError(element, f"{what} “{value.strip()}” is not a finite number")
    return number


def org_ref(element: Element | None, default_lang: str) -> OrgRef | None:
    if element is None:
        return None
    org = OrgRef(
        ref=(element.get("ref") or "").strip(),
        type=(element.get("type") or "").strip(),
        names=narratives(element, default_lang),
    )
    return org if org.ref or org.names else None


# --- writing ---------------------------------------------------------------------------------


# Characters XML 1.0 cannot hold (control characters pasted from word processors): left out of
# what is written rather than failing the whole file.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def sub(parent: Element, tag: str, text: str | None = None, **attributes: object) -> Element:
    """Adds a child; attributes with None or "" values are left out, underscores become dashes."""
    child = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None and value != "":
            child.set(name.rstrip("_").replace("_", "-"), xml_safe(str(value)))
    if text is not None:
        child.text = xml_safe(text)
    return child


def add_narratives(parent: Element, found: list[Narrative], activity_lang: str) -> None:
    for n in found:
        narrative = sub(parent, "narrative", n.text)
        if n.lang and n.lang != activity_lang:
            narrative.set(XML_LANG, n.lang)


def add_org(parent: Element, tag: str, org: OrgRef | None, lang: str, **extra: str) -> None:
    if org is None:
        return
    element = sub(parent, tag, ref=org.ref, type=org.type, **extra)
    add_narratives(element, org.names, lang)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
