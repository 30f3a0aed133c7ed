"""Imported activities keep every element, attribute and narrative, and are re-published so.

Real publishers' files (IATI 1.0x and 2.01) are imported whole, every activity accounted for."""

import io
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from puente.accounts.roles import Role
from puente.iati.exporter import export_records, imported_public_activities
from puente.iati.models import ActivitySource, ImportRun
from puente.iati.services import run_import
from puente.iati.upgrade import is_1x, upgrade_activity
from puente.iati.validator import errors, validate
from puente.iati.writer import write_activities
from puente.portfolio.models import Activity
from puente.portfolio.tests.factories import ActivityFactory
from puente.tests.world import make_user

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "iati"
REAL_FILES = sorted(SHARED.glob("*.xml")) if SHARED.is_dir() else []
NOW = datetime(2026, 12, 3, tzinfo=UTC)

WITH_EXTRAS = b"""<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" xmlns:acme="http://acme.example/ns">
 <iati-activity xml:lang="nl" default-currency="EUR" last-updated-datetime="2026-01-01T00:00:00Z">
  <iati-identifier>NL-1-PPR-1</iati-identifier>
  <reporting-org ref="NL-1" type="10"><narrative>Ministerie van Buitenlandse Zaken</narrative>
   </reporting-org>
  <title><narrative>Water in Tibu</narrative></title>
  <description><narrative>Drinkwater.</narrative></description>
  <participating-org role="1" ref="NL-1" type="10"><narrative>Ministerie</narrative>
   </participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="2026-01-01"/>
  <contact-info type="1"><organisation><narrative>Ambassade Bogota</narrative></organisation>
   <email>bog@example.org</email></contact-info>
  <collaboration-type code="1"/>
  <conditions attached="1"><condition type="1"><narrative>Co-financing</narrative></condition>
   </conditions>
  <acme:note acme:level="2">Kept as published</acme:note>
 </iati-activity>
</iati-activities>
"""


def facts(activity: etree._Element) -> Counter:
    """Every element of an activity as (path, attributes, text): what a reader could notice."""
    found: Counter = Counter()
    for element in activity.iter(tag=etree.Element):
        path, node = [], element
        while node is not activity:
            path.append(etree.QName(node).text)
            node = node.getparent()
        text = " ".join((element.text or "").split())
        found["/".join(reversed(path)), tuple(sorted(element.attrib.items())), text] += 1
    return found


def published(path: Path) -> dict[str, etree._Element]:
    """A file's activities by identifier, in 2.03 form; identifiers given twice left out."""
    root = etree.parse(str(path)).getroot()
    by_id: dict[str, list] = {}
    for activity in root.iterchildren("iati-activity"):
        if is_1x(activity.get("version") or root.get("version") or ""):
            upgrade_activity(activity)
        activity.attrib.pop("version", None)
        by_id.setdefault(activity.findtext("iati-identifier", "").strip(), []).append(activity)
    return {k: v[0] for k, v in by_id.items() if len(v) == 1}


def export_imported() -> bytes:
    out = io.BytesIO()
    write_activities(export_records(imported_public_activities()), out, NOW)
    return out.getvalue()


def exported_by_id(xml: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(xml)
    return {a.findtext("iati-identifier").strip(): a for a in root.iterchildren("iati-activity")}


def test_elements_the_portfolio_has_no_table_for_and_extensions_are_written_back(tmp_path):
    source = tmp_path / "nl.xml"
    source.write_bytes(WITH_EXTRAS)
    run = run_import(ImportRun.objects.create(source=str(source), publish=True))
    assert run.created == 1, run.problems
    activity = exported_by_id(export_imported())["NL-1-PPR-1"]
    assert facts(activity) == facts(published(source)["NL-1-PPR-1"])
    assert activity.find("contact-info/email").text == "bog@example.org"
    note = activity.find("{http://acme.example/ns}note")
    assert note.text == "Kept as published" and note.get("{http://acme.example/ns}level") == "2"
    assert activity.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"


def test_only_published_imports_are_re_published_and_the_own_activities_come_first(tmp_path):
    source = tmp_path / "nl.xml"
    source.write_bytes(WITH_EXTRAS)
    run_import(ImportRun.objects.create(source=str(source)))  # waits for review
    ActivityFactory(is_public=True, title_es="Propia", iati_identifier="CO-DEMO-54-1")
    output = tmp_path / "all.xml"
    call_command("iati", "export", "--output", str(output), "--include-imported")
    assert list(exported_by_id(output.read_bytes())) == ["CO-DEMO-54-1"]
    Activity.objects.filter(iati_identifier="NL-1-PPR-1").update(is_public=True)
    call_command("iati", "export", "--output", str(output), "--include-imported")
    assert list(exported_by_id(output.read_bytes())) == ["CO-DEMO-54-1", "NL-1-PPR-1"]
    call_command("iati", "export", "--output", str(output))
    assert list(exported_by_id(output.read_bytes())) == ["CO-DEMO-54-1"]


@pytest.mark.skipif(not REAL_FILES, reason="the shared IATI files are not beside this checkout")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_a_real_file_comes_back_with_every_fact_and_no_new_schema_error(path, tmp_path):
    run = run_import(ImportRun.objects.create(source=str(path), publish=True))
    assert run.status == "done", run.message
    assert run.read == run.created + run.updated + run.unchanged + run.filtered_out + run.skipped
    assert Activity.objects.count() == run.created
    source = published(path)
    xml = export_imported()
    exported = exported_by_id(xml)
    kept = [identifier for identifier in source if identifier in exported]
    # Every activity the import stored (all but refused ones) comes back whole.
    assert len(kept) >= run.created - run.skipped > 0
    lost = {i: facts(source[i]) - facts(exported[i]) for i in kept}
    assert not any(lost.values()), next((i, f) for i, f in lost.items() if f)
    # The export says nothing wrong that the publisher's own file (in 2.03 form) did not say.
    as_published = tmp_path / "published.xml"
    root = etree.Element("iati-activities", version="2.03")
    root.extend(source[i] for i in kept)
    as_published.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    written = tmp_path / "export.xml"
    written.write_bytes(xml)

    def said(file: Path) -> Counter:
        return Counter((p.rule, p.message) for p in errors(validate(file)))

    assert not said(written) - said(as_published)


def test_staff_see_every_element_of_the_record_and_can_download_it(client, tmp_path):
    source = tmp_path / "nl.xml"
    source.write_bytes(WITH_EXTRAS)
    run_import(ImportRun.objects.create(source=str(source)))
    activity = Activity.objects.get(iati_identifier="NL-1-PPR-1")
    client.force_login(make_user("r.staff", Role.STAFF))
    detail = client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    record_url = reverse("iati:record", args=[activity.pk])
    assert record_url in detail
    page = client.get(record_url).content.decode()
    for shown in (
        "contact-info",
        "bog@example.org",
        "Co-financing",
        "acme:note",
        "Kept as published",
    ):
        assert shown in page
    assert "default-currency" in page and "[nl]" in page  # the activity's own attributes
    download = client.get(reverse("iati:record-xml", args=[activity.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="NL-1-PPR-1.xml"'
    assert facts(etree.fromstring(download.content)[0]) == facts(published(source)["NL-1-PPR-1"])


def test_an_activity_of_the_secretariat_has_no_imported_record(client):
    activity = ActivityFactory()
    client.force_login(make_user("r.staff", Role.STAFF))
    assert client.get(reverse("iati:record", args=[activity.pk])).status_code == 404


def test_an_activity_imported_before_records_were_kept_gets_its_record_on_the_next_import(
    tmp_path,
):
    source = tmp_path / "nl.xml"
    source.write_bytes(WITH_EXTRAS)
    run_import(ImportRun.objects.create(source=str(source), publish=True))
    ActivitySource.objects.update(published_xml=b"", version="")  # as an older Puente left it
    again = run_import(ImportRun.objects.create(source=str(source)))
    assert again.updated == 1
    activity = exported_by_id(export_imported())["NL-1-PPR-1"]
    assert facts(activity) == facts(published(source)["NL-1-PPR-1"])
    assert run_import(ImportRun.objects.create(source=str(source))).unchanged == 1
