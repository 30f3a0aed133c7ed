"""The ruleset engine: every rule kind judged as the IATI-Rulesets conformance table says, and
the standard ruleset catching what the schema lets through."""

import datetime
import re
from pathlib import Path

import pytest
from lxml import etree

from puente.iati.rules import KINDS, check, load_ruleset, standard_ruleset

RULESETS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "iati" / "rulesets"
TODAY = datetime.date(2026, 12, 3)


def _table() -> list[tuple[str, str, bool]]:
    if not (RULESETS / "meta_tests.sh.txt").exists():
        return []
    rows = re.findall(
        r"^test (\S+) (\S+) (True|False)$", (RULESETS / "meta_tests.sh.txt").read_text(), re.M
    )
    return [(ruleset, xml, verdict == "True") for ruleset, xml, verdict in rows]


needs_shared = pytest.mark.skipif(not RULESETS.exists(), reason="../shared/ is not here")


@needs_shared
@pytest.mark.parametrize(("ruleset", "xml", "passes"), _table())
def test_the_conformance_table(ruleset, xml, passes):
    folder = RULESETS / "meta_tests"
    tree = etree.parse(str(folder / f"{xml}.xml"))
    findings = check(tree, load_ruleset(folder / f"{ruleset}.json"), today=TODAY)
    assert (not findings) is passes, findings


@needs_shared
@pytest.mark.parametrize(
    ("ruleset", "xml", "passes"),
    [
        # Files of the table's folder that its script does not list.
        ("forloop", "forloop_good", True),
        ("forloop", "forloop_bad", False),
        ("sector_percentage_sum", "sector_percentage_sum_good", True),
        ("sector_percentage_sum", "sector_percentage_sum_bad", False),
        ("recipient_country", "recipient_country_good", True),
        ("recipient_country", "recipient_country_bad", False),
    ],
)
def test_the_files_the_table_leaves_out(ruleset, xml, passes):
    folder = RULESETS / "meta_tests"
    findings = check(
        etree.parse(str(folder / f"{xml}.xml")), load_ruleset(folder / f"{ruleset}.json")
    )
    assert (not findings) is passes, findings


def test_every_kind_the_standard_ruleset_uses_is_implemented():
    used = {kind for rules in standard_ruleset().values() for kind in rules}
    assert used - {"loop"} <= set(KINDS)


def activity(
    body: str, attributes: str = 'xml:lang="en" default-currency="USD"'
) -> etree._ElementTree:
    return etree.ElementTree(
        etree.fromstring(
            f'<iati-activities version="2.03"><iati-activity {attributes}>'
            f"<iati-identifier>XM-DAC-41122-CO-1</iati-identifier>"
            f'<reporting-org ref="XM-DAC-41122" type="40"/>{body}'
            "</iati-activity></iati-activities>"
        )
    )


def rules_broken(tree) -> set[str]:
    return {f.rule for f in check(tree, today=TODAY) if f.severity == "error"}


def test_a_start_after_the_end_is_an_error():
    dates = '<activity-date type="1" iso-date="2026-06-01"/><activity-date type="3" iso-date="2025-01-01"/>'
    assert "11.1.2" in rules_broken(activity(dates))
    fine = '<activity-date type="1" iso-date="2025-06-01"/><activity-date type="3" iso-date="2026-01-01"/>'
    assert "11.1.2" not in rules_broken(activity(fine))


def test_an_update_stamped_in_utc_after_midnight_is_not_in_the_future_in_bogota():
    dates = '<activity-date type="2" iso-date="2025-06-01"/>'
    evening = 'xml:lang="en" default-currency="USD" last-updated-datetime="2026-12-04T00:07:00Z"'
    assert "11.1.1" not in rules_broken(activity(dates, evening))  # 19:07 on the 3rd in Bogotá
    tomorrow = 'xml:lang="en" default-currency="USD" last-updated-datetime="2026-12-04T12:00:00Z"'
    assert "11.1.1" in rules_broken(activity(dates, tomorrow))


def test_sectors_adding_to_150_percent_are_an_error():
    sectors = '<sector code="11220" percentage="100"/><sector code="12220" percentage="50"/>'
    dates = '<activity-date type="2" iso-date="2025-06-01"/>'
    assert "2.1.2" in rules_broken(activity(dates + sectors))
    halves = '<sector code="11220" percentage="50"/><sector code="12220" percentage="50"/>'
    assert "2.1.2" not in rules_broken(activity(dates + halves))


def test_each_finding_names_its_line_rule_and_severity():
    tree = etree.parse(
        __import__("io").BytesIO(
            b'<iati-activities version="2.03">\n<iati-activity xml:lang="en">\n'
            b"<iati-identifier>X-1</iati-identifier>\n</iati-activity>\n</iati-activities>"
        )
    )
    finding = next(f for f in check(tree, today=TODAY) if f.rule == "6.11.1")
    assert (finding.line, finding.severity, finding.kind) == (2, "error", "atleast_one")
    assert "start date" in finding.message
