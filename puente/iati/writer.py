"""Writes activities as an IATI 2.03 activity file, streaming, one element writer at a time."""

from collections.abc import Iterable
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from .data import Activity
from .elements import WRITERS
from .elements.common import XML_LANG

VERSION = "2.03"


def activity_element(activity: Activity) -> etree._Element:
    element = etree.Element("iati-activity")
    if activity.last_updated:
        element.set("last-updated-datetime", activity.last_updated.isoformat(timespec="seconds"))
    element.set(XML_LANG, activity.default_lang)
    if activity.default_currency:
        element.set("default-currency", activity.default_currency)
    if activity.hierarchy:
        element.set("hierarchy", activity.hierarchy)
    if activity.humanitarian:
        element.set("humanitarian", "1")
    for write in WRITERS:
        write(activity, element)
    return element


def write_activities(
    activities: Iterable[Activity | etree._Element], out: BinaryIO, generated: datetime
) -> int:
    """Writes the file to `out` without holding it in memory; returns how many were written.
    An activity is data to write, or an <iati-activity> element written as it is (a record
    kept as its publisher published it)."""
    count = 0
    with etree.xmlfile(out, encoding="utf-8") as xml:
        xml.write_declaration()
        attributes = {
            "version": VERSION,
            "generated-datetime": generated.isoformat(timespec="seconds"),
        }
        with xml.element("iati-activities", attributes):
            for activity in activities:
                if isinstance(activity, Activity):
                    activity = activity_element(activity)
                xml.write(activity, pretty_print=True)
                count += 1
    return count


def write_organisation_file(
    identifier: str, name: str, org_type: str, out: BinaryIO, generated: datetime
) -> None:
    """The department's IATI organisation file: who publishes the activity file."""
    stamp = generated.isoformat(timespec="seconds")
    root = etree.Element("iati-organisations", {"version": VERSION, "generated-datetime": stamp})
    organisation = etree.SubElement(
        root, "iati-organisation", {"last-updated-datetime": stamp, XML_LANG: "es"}
    )
    organisation.set("default-currency", "COP")
    etree.SubElement(organisation, "organisation-identifier").text = identifier
    etree.SubElement(etree.SubElement(organisation, "name"), "narrative").text = name
    reporting = etree.SubElement(
        organisation, "reporting-org", {"ref": identifier, "type": org_type}
    )
    etree.SubElement(reporting, "narrative").text = name
    out.write(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
