"""The IATI Datastore as a source: a country's or a publisher's activities, page by page.

The Datastore (https://api.iatistandard.org/datastore) indexes every file on the IATI Registry
and answers Solr queries; each activity comes with its XML as published. Pages are written
as ordinary IATI activity files, which the import then reads like any other file, so a pull
keeps every fact, is judged like a file and re-imports nothing that did not change.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from lxml import etree

from puente.lib.fetching import open_url

SCHEME = "datastore:"
ROWS = 500  # activities per page: the Datastore's own examples use up to 1000
MAX_PAGE = 64 * 2**20  # a page larger than this is not a Datastore answer
# Publishers' timestamps, not the Datastore's: a file updated last week may be indexed today.
# Asking a week further back costs little, since unchanged activities are recognised and skipped.
OVERLAP = timedelta(days=7)
COUNTRY = re.compile(r"[A-Z]{2}")
PUBLISHER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,149}")
VERSION = re.compile(r"[12]\.\d{1,2}")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class DatastoreError(ValueError):
    """The Datastore refused or garbled an answer; the message says which page and why."""


@dataclass(frozen=True)
class Query:
    country: str = ""
    publisher: str = ""
    since: datetime | None = None

    def solr(self) -> str:
        terms = []
        if self.country:
            terms.append(f"recipient_country_code:{self.country.upper()}")
        if self.publisher:
            terms.append(f'reporting_org_ref:"{self.publisher}"')
        if self.since:
            stamp = self.since.strftime("%Y-%m-%dT%H:%M:%SZ")
            # Activities that say no date of update are asked for every time (IATI allows it;
            # unchanged ones are recognised by their fingerprint and cost little).
            terms.append(
                f"(last_updated_datetime:[{stamp} TO *] OR (*:* -last_updated_datetime:[* TO *]))"
            )
        return " AND ".join(terms) or "*:*"

    def check(self) -> None:
        """Refuses a country or publisher that is not a code, before it reaches the query."""
        if self.country and not COUNTRY.fullmatch(self.country):
            raise DatastoreError(f"“{self.country}” is not a two-letter country code")
        if self.publisher and not PUBLISHER.fullmatch(self.publisher):
            raise DatastoreError(
                f"“{self.publisher}” is not an IATI organisation identifier "
                "(letters, digits, dots, hyphens and underscores)"
            )

    @property
    def label(self) -> str:
        """What the pull is of, the same from one pull to the next: how the last one is found."""
        said = " · ".join(filter(None, [self.country.upper(), self.publisher]))
        return f"IATI Datastore: {said or 'all'}"

    @property
    def source(self) -> str:
        return SCHEME + self.solr()


def query_of(source: str) -> str:
    return source.removeprefix(SCHEME)


Note = Callable[[str, str], None]  # (activity identifier, what is wrong with it)


def fetch_pages(
    solr: str, folder: Path, note: Note, alive: Callable[[], object] = lambda: None
) -> list[Path]:
    """Writes the activities matching `solr` into IATI files in `folder`, one per page and
    version (the Datastore says each activity's file version); returns them in order. An
    activity whose XML cannot be read is told to `note`, with its identifier; `alive` is
    called after each page (the run's heartbeat)."""
    written: list[Path] = []
    cursor = "*"
    for number in range(1, 10**6):
        answer = _page(solr, cursor, number)
        docs = answer["response"]["docs"]
        written += _write_page(docs, folder, number, note)
        alive()
        following = answer.get("nextCursorMark", cursor)
        if not docs or following == cursor:
            break
        cursor = following
    return written


def _page(solr: str, cursor: str, number: int) -> dict:
    url = f"{settings.PUENTE_IATI_DATASTORE_URL.rstrip('/')}/activity/select?" + urlencode(
        {
            "q": solr,
            "fl": "iati_identifier,iati_xml,dataset_iati_version",
            "sort": "id asc",
            "rows": ROWS,
            "cursorMark": cursor,
            "wt": "json",
        }
    )
    headers = {"Ocp-Apim-Subscription-Key": settings.PUENTE_IATI_DATASTORE_KEY}
    with open_url(url, headers=headers if headers["Ocp-Apim-Subscription-Key"] else {}) as reply:
        body = reply.read(MAX_PAGE + 1)
    if len(body) > MAX_PAGE:
        raise DatastoreError(f"page {number}: the answer is larger than {MAX_PAGE // 2**20} MiB")
    try:
        answer = json.loads(body)
    except ValueError as error:
        raise DatastoreError(f"page {number}: the answer is not JSON ({error})") from error
    response = answer.get("response") if isinstance(answer, dict) else None
    docs = response.get("docs") if isinstance(response, dict) else None
    if not isinstance(docs, list) or not all(isinstance(doc, dict) for doc in docs):
        raise DatastoreError(f"page {number}: the answer holds no list of activities")
    if not isinstance(answer.get("nextCursorMark", cursor), str):
        raise DatastoreError(f"page {number}: the answer's next cursor is not text")
    return answer


def _write_page(docs: list[dict], folder: Path, number: int, note: Note) -> list[Path]:
    by_version: dict[str, list[etree._Element]] = {}
    for doc in docs:
        xml = doc.get("iati_xml")
        if isinstance(xml, list):  # Solr may hand a stored field back as a list of one
            xml = xml[0] if xml else ""
        identifier = str(doc.get("iati_identifier") or "")
        try:
            element = etree.fromstring(str(xml or "").encode(), _PARSER)
        except etree.XMLSyntaxError as error:
            note(identifier, f"page {number}: the Datastore's XML is malformed ({error.msg})")
            continue
        if element.tag != "iati-activity" or element.getroottree().docinfo.doctype:
            note(identifier, f"page {number}: the Datastore's answer is not an <iati-activity>")
            continue
        said = str(doc.get("dataset_iati_version") or "")
        version = said if VERSION.fullmatch(said) else ""  # the reader then says it is unknown
        by_version.setdefault(version, []).append(element)
    written = []
    for version, activities in sorted(by_version.items()):
        path = folder / f"page-{number:05d}-{version or 'unknown'}.xml"
        root = (
            etree.Element("iati-activities", version=version)
            if version
            else etree.Element("iati-activities")
        )
        root.extend(activities)
        path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
        written.append(path)
    return written


def last_pulled(query: Query) -> datetime | None:
    """When the last complete pull of the same query started, less the overlap."""
    from .models import ImportRun

    last = (
        ImportRun.objects.filter(label=query.label, status=ImportRun.Status.DONE)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    return last - OVERLAP if last else None
