"""IATI 1.0x activities in 2.03 form: narratives, codes, dates and points; 2.x left alone."""

import copy
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from puente.iati.elements.finance import TRANSACTION_LETTERS
from puente.iati.upgrade import (
    GAZETTEERS,
    POLICY_VOCABULARIES,
    REGION_VOCABULARIES,
    SECTOR_VOCABULARIES,
    upgrade_activity,
)

LANG = "{http://www.w3.org/XML/1998/namespace}lang"

OLD = b"""<iati-activity xml:lang="en" default-currency="GBP" version="1.01">
  <participating-org ref="GB-1" type="10" role="Funding">DFID</participating-org>
  <iati-identifier>GB-1-105838</iati-identifier>
  <reporting-org ref="GB-1" type="10">Department for International Development</reporting-org>
  <other-identifier owner-ref="GB-1" owner-name="DFID">105838</other-identifier>
  <title xml:lang="fr">Appui au processus</title>
  <activity-date type="start-actual">2009-04-01</activity-date>
  <activity-date type="end-planned" iso-date="2010-12-31">end of 2010</activity-date>
  <activity-status code="2">Implementation</activity-status>
  <sector code="15110" vocabulary="DAC" percentage="60">Public sector policy</sector>
  <location>
    <name>Kinshasa</name>
    <coordinates latitude="-4.32" longitude="15.31" precision="3"/>
    <location-type code="PPLC"/>
    <gazetteer-entry gazetteer-ref="GEO">2314302</gazetteer-entry>
  </location>
  <transaction ref="T-1">
    <value value-date="2009-05-01">1000</value>
    <transaction-type code="D">Disbursement</transaction-type>
    <provider-org ref="GB-1">DFID</provider-org>
    <transaction-date iso-date="2009-05-01"/>
  </transaction>
  <document-link url="http://example.org/a.pdf" format="application/pdf" language="en">
    <category code="A01">Pre- and post-project impact appraisal</category>
    <title>Appraisal</title>
  </document-link>
</iati-activity>"""


def upgraded() -> etree._Element:
    return upgrade_activity(etree.fromstring(OLD))


def test_texts_become_narratives_keeping_their_language():
    activity = upgraded()
    title = activity.find("title/narrative")
    assert title.text == "Appui au processus" and title.get(LANG) == "fr"
    assert activity.find("title").get(LANG) is None
    assert activity.find("participating-org/narrative").text == "DFID"
    assert activity.find("sector/narrative").text == "Public sector policy"
    assert activity.find("location/name/narrative").text == "Kinshasa"
    assert activity.find("document-link/title/narrative").text == "Appraisal"


def test_names_of_codes_become_the_2x_codes_and_code_names_are_dropped():
    activity = upgraded()
    assert activity.find("participating-org").get("role") == "1"
    assert activity.find("transaction/transaction-type").get("code") == "3"
    assert activity.find("transaction/transaction-type").text is None
    assert activity.find("sector").get("vocabulary") == "1"
    assert activity.find("activity-status").text is None
    assert activity.get("version") is None


def test_dates_move_into_iso_date_and_other_wording_stays_as_a_narrative():
    dates = {d.get("type"): d for d in upgraded().findall("activity-date")}
    assert dates["2"].get("iso-date") == "2009-04-01" and dates["2"].text is None
    assert dates["3"].get("iso-date") == "2010-12-31"
    assert dates["3"].find("narrative").text == "end of 2010"


def test_places_other_identifiers_and_document_languages_take_their_2x_shape():
    activity = upgraded()
    point = activity.find("location/point")
    assert point.find("pos").text == "-4.32 15.31"
    assert point.get("srsName").endswith("4326")
    assert activity.find("location/exactness").get("code") == "2"
    assert activity.find("location/feature-designation").get("code") == "PPLC"
    assert activity.find("location/location-id").attrib == {"vocabulary": "G1", "code": "2314302"}
    other = activity.find("other-identifier")
    assert other.get("ref") == "105838" and other.text is None
    assert other.find("owner-org").get("ref") == "GB-1"
    assert other.find("owner-org/narrative").text == "DFID"
    assert activity.find("document-link/language").get("code") == "en"


def test_children_take_the_order_the_2_03_schema_requires():
    activity = upgraded()
    assert [c.tag for c in activity][:5] == [
        "iati-identifier",
        "reporting-org",
        "title",
        "participating-org",
        "other-identifier",
    ]
    assert [c.tag for c in activity.find("transaction")] == [
        "transaction-type",
        "transaction-date",
        "value",
        "provider-org",
    ]
    assert [c.tag for c in activity.find("document-link")] == ["title", "category", "language"]
    assert [c.tag for c in activity.find("location")] == [
        "location-id",
        "name",
        "point",
        "exactness",
        "feature-designation",
    ]


def test_what_1x_never_said_is_not_invented():
    activity = upgraded()
    assert activity.find("other-identifier").get("type") is None
    value = activity.find("transaction/value")
    assert value.get("currency") is None and value.text == "1000"
    assert activity.find("budget") is None


SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "iati"
OLD_FILES = (
    [p for p in sorted(SHARED.glob("*.xml")) if not p.name.startswith("2.")]
    if SHARED.is_dir()
    else []
)


def texts_of(activity: etree._Element) -> Counter:
    """Every text and attribute value of an activity: the facts an upgrade must carry over."""
    found: Counter = Counter()
    for element in activity.iter(tag=etree.Element):
        if text := " ".join((element.text or "").split()):
            found[text] += 1
        for value in element.attrib.values():
            found[value.strip()] += 1
    return found


@pytest.mark.skipif(not OLD_FILES, reason="the shared IATI files are not beside this checkout")
@pytest.mark.parametrize("path", OLD_FILES, ids=lambda p: p.name)
def test_the_upgrade_of_a_real_1x_file_loses_no_text_but_the_names_of_codes(path):
    for activity in etree.parse(str(path)).getroot().iterchildren("iati-activity"):
        before = texts_of(activity)
        named_codes = Counter(
            " ".join((e.text or "").split())
            for e in activity.iter(tag=etree.Element)
            if e.get("code") and e.text and e.text.strip() and len(e) == 0
        )
        after = texts_of(upgrade_activity(copy.deepcopy(activity)))
        lost = before - after - named_codes
        # Dates written twice (text and iso-date) are one fact; roles and codes change spelling.
        lost = Counter({t: n for t, n in lost.items() if not _respelt(t)})
        assert not lost, (activity.findtext("iati-identifier"), lost)


def _respelt(text: str) -> bool:
    words = {"funding", "accountable", "extending", "implementing", "start-planned",
             "start-actual", "end-planned", "end-actual", "original", "revised",
             "1.01", "1.0", "1.00", "1.02", "1.03"}  # fmt: skip
    for names in (SECTOR_VOCABULARIES, POLICY_VOCABULARIES, REGION_VOCABULARIES, GAZETTEERS):
        words |= {name.lower() for name in names}
    return text.lower() in words or text in TRANSACTION_LETTERS or _is_date(text)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True
