"""The reader: every element it maps, IATI 1.x names, hostile XML refused with a clear message."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from puente.iati.data import Activity
from puente.iati.reader import FileRefused, read_activities

FILES = Path(__file__).parent / "files"


def read(xml: str | bytes) -> list:
    raw = xml.encode() if isinstance(xml, str) else xml
    return list(read_activities(io.BytesIO(raw)))


@pytest.fixture(scope="module")
def cucuta() -> Activity:
    first = next(iter(read_activities(FILES / "cucuta-2.03.xml")))
    assert isinstance(first, Activity)
    return first


def test_identity_texts_status_and_dates(cucuta):
    assert cucuta.identifier == "XM-DAC-47066-CO-CUC-001"
    assert cucuta.reporting_org.ref == "XM-DAC-47066"
    assert [(n.lang, n.text) for n in cucuta.titles] == [
        ("es", "Atención a caminantes en Cúcuta"),
        ("en", "Assistance to walkers in Cúcuta"),
        ("fr", "Assistance aux marcheurs à Cúcuta"),
    ]
    assert set(cucuta.descriptions) == {"1", "3"}
    assert cucuta.status == "2"
    assert (cucuta.planned_start, cucuta.actual_start, cucuta.planned_end) == (
        date(2026, 1, 1),
        date(2026, 1, 15),
        date(2026, 12, 31),
    )
    assert cucuta.humanitarian and cucuta.hierarchy == "2" and cucuta.default_currency == "USD"


def test_organisations_classifications_and_places(cucuta):
    assert [(p.org.ref, p.role) for p in cucuta.participants] == [
        ("US-GOV-1", "1"),
        ("XM-DAC-47066", "4"),
        ("", "4"),
    ]
    assert [(s.vocabulary, s.code, s.percentage) for s in cucuta.sectors] == [
        ("1", "72010", Decimal("70")),
        ("1", "14030", Decimal("30")),
        ("10", "Shelter", Decimal("100")),
    ]
    assert [(c.code, c.percentage) for c in cucuta.countries] == [("CO", Decimal("100"))]
    assert cucuta.regions[0].code == "489"
    assert [(m.code, m.value) for m in cucuta.policy_markers] == [("1", "1"), ("7", "2")]
    assert cucuta.humanitarian_scopes[0].code == "FL-2026-000123-COL"
    assert cucuta.tags[0].code == "migrantes"
    first = cucuta.places[0]
    assert first.administratives[0].code == "54001"
    assert (first.latitude, first.longitude) == (Decimal("7.8147"), Decimal("-72.4600"))


def test_money_results_documents_and_relations(cucuta):
    assert cucuta.budgets[0].value.amount == Decimal("750000.50")
    assert cucuta.planned_disbursements[0].provider.ref == "US-GOV-1"
    commitment, expenditure = cucuta.transactions
    assert (commitment.kind, commitment.receiver.ref) == ("11", "XM-DAC-47066")
    assert (expenditure.value.amount, expenditure.value.currency) == (Decimal("-1250.25"), "USD")
    indicator = cucuta.results[0].indicators[0]
    assert (indicator.baseline_year, indicator.baseline_value) == (2025, Decimal("0"))
    period = indicator.periods[0]
    assert (period.target, period.actual) == (Decimal("5000"), Decimal("3100"))
    assert [(d.name, d.value) for d in period.target_dimensions] == [
        ("sexo", "mujeres"),
        ("sexo", "hombres"),
    ]
    assert cucuta.documents[0].categories == ["A08"]
    assert cucuta.related[0].ref == "XM-DAC-47066-CO-PLAN"


def test_a_bad_activity_is_skipped_with_its_line_and_element_and_the_rest_are_read():
    items = list(read_activities(FILES / "cucuta-2.03.xml"))
    assert [type(i).__name__ for i in items] == ["Activity", "Skipped", "Activity"]
    skipped = items[1]
    assert (skipped.identifier, skipped.element, skipped.line) == (
        "XM-DAC-47066-CO-BAD",
        "value",
        91,
    )
    assert "“mucho dinero” is not a number" in skipped.message


def test_a_bad_optional_element_is_left_out_with_a_warning():
    (activity,) = read(
        '<iati-activities version="2.03"><iati-activity><iati-identifier>A-1</iati-identifier>'
        '<document-link url="ftp:/x"/></iati-activity></iati-activities>'
    )
    assert isinstance(activity, Activity)
    assert activity.documents == [] and "is not a web address" in activity.warnings[0]


def test_a_bad_value_leaves_out_only_the_smallest_part_that_holds_it():
    (activity,) = read(
        """<iati-activities version="2.03"><iati-activity default-currency="USD">
        <iati-identifier>A-1</iati-identifier>
        <location><name><narrative>Tibú</narrative></name>
          <point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>8,64 -72,73</pos></point>
        </location>
        <budget type="1" status="1"><period-start iso-date="2026-01-01"/>
          <period-end iso-date="2026-12-31"/><value value-date="31/12/2026">1000</value></budget>
        <result type="1"><title><narrative>Familias atendidas</narrative></title>
          <indicator measure="1"><title><narrative>Familias</narrative></title>
            <baseline year="dos mil" value="0"/>
            <period><period-start iso-date="2026-01-01"/><period-end iso-date="2026-06-30"/>
              <target value="50,000"/><actual value="3100"/></period>
            <period><period-start iso-date="2026-07-01"/><period-end iso-date="2026-12-31"/>
              <target value="6000"/></period>
          </indicator>
        </result></iati-activity></iati-activities>"""
    )
    assert isinstance(activity, Activity)
    (place,) = activity.places
    assert place.names[0].text == "Tibú" and place.latitude is None
    (budget,) = activity.budgets
    assert budget.value.amount == Decimal("1000") and budget.value.value_date is None
    (indicator,) = activity.results[0].indicators
    assert indicator.baseline_year is None
    first, second = indicator.periods
    assert (first.target, first.actual) == (None, Decimal("3100"))
    assert second.target == Decimal("6000")
    said = "\n".join(activity.warnings)
    for where in (
        "<pos> (line 4)",
        "<value> (line 7)",
        "<baseline> (line 10)",
        "<target> (line 12)",
    ):
        assert where in said
    assert "“50,000” is not a number" in said


def test_iati_1_names_are_read_as_2_codes():
    (activity,) = read(
        """<iati-activities version="1.03"><iati-activity default-currency="GBP">
        <iati-identifier>GB-1-1</iati-identifier><title>Old style</title>
        <participating-org role="Funding" ref="GB">UK</participating-org>
        <activity-date type="start-planned" iso-date="2010-01-01"/>
        <activity-date type="end-actual">2011-12-31</activity-date>
        <transaction><transaction-type code="D"/><transaction-date iso-date="2010-05-01"/><value>10</value></transaction>
        <budget type="Revised"><period-start iso-date="2010-01-01"/><period-end iso-date="2010-12-31"/><value>5</value></budget>
        <location><name>Cucuta</name><coordinates latitude="7.89" longitude="-72.5"/></location>
        </iati-activity></iati-activities>"""
    )
    assert activity.titles[0].text == "Old style"
    assert activity.participants[0].role == "1"
    assert (activity.planned_start, activity.actual_end) == (date(2010, 1, 1), date(2011, 12, 31))
    assert (activity.transactions[0].kind, activity.transactions[0].value.currency) == ("3", "GBP")
    assert activity.budgets[0].kind == "2"
    assert activity.places[0].latitude == Decimal("7.89")


HOSTILE = {
    "external entity (XXE)": (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<iati-activities><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>",
        "DOCTYPE",
    ),
    "entity expansion (billion laughs)": (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]><iati-activities><iati-activity><iati-identifier>&i;</iati-identifier></iati-activity></iati-activities>",
        "DOCTYPE",
    ),
    "network DTD": (
        '<?xml version="1.0"?><!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:9/x.dtd">'
        "<iati-activities/>",
        "DOCTYPE",
    ),
    "deep nesting": (
        "<iati-activities><iati-activity>"
        + "<x>" * 300_000
        + "</x>" * 300_000
        + "</iati-activity></iati-activities>",
        "malformed",
    ),
    "huge attribute": (
        '<iati-activities><iati-activity><iati-identifier a="'
        + "A" * 12_000_000
        + '">X</iati-identifier>'
        "</iati-activity></iati-activities>",
        "malformed",
    ),
    "wrong encoding": (
        b'<?xml version="1.0" encoding="UTF-8"?><iati-activities><iati-activity><iati-identifier>'
        + "Cúcuta".encode("latin-1")
        + b"</iati-identifier></iati-activity></iati-activities>",
        "malformed",
    ),
    "not IATI": ("<html><body/></html>", "not <iati-activities>"),
    "IATI inside another root": (
        "<feed><iati-activities><iati-activity><iati-identifier>A</iati-identifier>"
        "</iati-activity></iati-activities></feed>",
        "the root element is <feed>",
    ),
    "cut short": ('<iati-activities version="2.03"><iati-activity><iati-identifier>A', "malformed"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_or_broken_xml_is_refused_with_a_clear_message(name):
    xml, expected = HOSTILE[name]
    with pytest.raises(FileRefused) as refused:
        read(xml)
    assert expected in str(refused.value)


def test_a_refusal_says_the_line():
    with pytest.raises(FileRefused) as refused:
        read(
            "<iati-activities>\n<iati-activity>\n<iati-identifier>A</iati-activity>\n</iati-activities>"
        )
    assert str(refused.value).startswith("line 3:")
