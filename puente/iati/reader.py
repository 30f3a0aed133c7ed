"""Streams IATI activity files into dataclasses: flat memory, no entities, no network.

Hostile XML is refused with a clear message: a DOCTYPE (the door to XXE and entity
expansion; IATI files never need one), excessive depth or huge text nodes (libxml2's own
limits, kept on), and bytes that are not in the declared encoding.
"""

import hashlib
from collections.abc import Container, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from .data import Activity
from .elements import OPTIONAL, READERS
from .elements.common import XML_LANG, Element, ElementError, parse_datetime


class FileRefused(ValueError):
    """The whole file cannot be read (malformed, hostile, not IATI); nothing of it is used."""


@dataclass
class Skipped:
    """An activity that could not be read, and why, so the report can say which and where."""

    identifier: str
    line: int
    element: str
    message: str


@dataclass(slots=True)
class Unchanged:
    """An activity whose published XML is already stored, byte for byte: nothing to read."""

    fingerprint: str
    identifier: str
    line: int


def read_activities(
    source: str | Path | BinaryIO, known: Container[str] = frozenset()
) -> Iterator[Activity | Skipped | Unchanged]:
    """Yields each activity of an IATI activity file in order, or a Skipped for a bad one,
    or an Unchanged for one whose fingerprint is in `known` (a re-import maps only what changed).

    Raises FileRefused (possibly after some activities were yielded, for a file cut short).
    """
    # Only the root's start (checked before any content is read) and each activity's end
    # reach Python: the parser walks every other element in C (an event per element cost a
    # quarter of the reader's time).
    parser = etree.iterparse(
        source if not isinstance(source, Path) else str(source),
        events=("start", "end"),
        tag=("iati-activities", "iati-activity"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root: Element | None = None
    version = ""
    try:
        for event, element in parser:
            parent = element.getparent()
            if event == "start":
                if root is None and parent is None:
                    root, version = element, _check_root(element)
                continue
            if root is None:  # the root is not <iati-activities>: _check_root says so
                root = element.getroottree().getroot()
                version = _check_root(root)
            if parent is not root:
                continue  # an <iati-activity> nested in another one is not an activity
            yield read_activity(element, version, known)
            # Free what has been read: memory stays flat whatever the file's size.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del root[0]
    except etree.XMLSyntaxError as error:
        line = error.lineno or 0
        raise FileRefused(f"line {line}: the XML is malformed: {error.msg}") from error
    if root is None:  # no activity at all: the root still has to be one
        _check_root(parser.root)


def _check_root(root: Element) -> str:
    if root.getroottree().docinfo.doctype:
        raise FileRefused(
            "the file declares a DOCTYPE; IATI files have none and it is refused for safety"
        )
    if root.tag != "iati-activities":
        raise FileRefused(f"the root element is <{root.tag}>, not <iati-activities>")
    return (root.get("version") or "").strip()


def read_activity(
    element: Element, version: str = "", known: Container[str] = frozenset()
) -> Activity | Skipped | Unchanged:
    published = etree.tostring(element, method="c14n")
    fingerprint = hashlib.sha256(published).hexdigest()
    if fingerprint in known:
        return Unchanged(fingerprint, _peek_identifier(element), element.sourceline or 0)
    activity = Activity(
        identifier="",
        line=element.sourceline or 0,
        fingerprint=fingerprint,
        published=published,
        version=version,
        default_lang=(element.get(XML_LANG) or "en").strip().lower()[:10],
        default_currency=(element.get("default-currency") or "").strip().upper(),
        hierarchy=(element.get("hierarchy") or "").strip(),
        humanitarian=(element.get("humanitarian") or "").strip() in ("1", "true"),
    )
    try:
        activity.last_updated = parse_datetime(element, element.get("last-updated-datetime"))
        for child in element.iterchildren(tag=etree.Element):
            reader = READERS.get(str(child.tag))
            if reader is None:
                continue
            try:
                reader(child, activity)
            except ElementError as error:
                if error.tag not in OPTIONAL:
                    raise
                activity.warnings.append(f"{error}; left out")
    except ElementError as error:
        return Skipped(
            identifier=activity.identifier or _peek_identifier(element),
            line=error.line,
            element=error.tag,
            message=str(error),
        )
    if not activity.identifier:
        return Skipped("", activity.line, "iati-identifier", "the activity has no identifier")
    return activity


def _peek_identifier(element: Element) -> str:
    found = element.find("iati-identifier")
    return (found.text or "").strip() if found is not None else ""
