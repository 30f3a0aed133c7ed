"""What would make one of the department's own activities invalid as IATI, in the staff's words.

The activity is written as the export writes it and judged as `puente iati validate` judges a
file (the 2.03 schema, the codelists, the IATI Standard ruleset); each problem is then said by
its rule and parameters in the staff's language, with the part of the record it concerns.
"""

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from puente.portfolio.models import Activity

from .exporter import export_activities
from .validator import ERROR, Problem, validate_tree
from .writer import write_activities

# The ruleset's rules that the department's own records can break, in the staff's words (the
# ruleset's English stays shown beside every message, for the IATI-minded).
RULES: dict[str, Promise] = {
    "1.1.3": gettext_lazy("The IATI identifier must not be the publisher's own identifier."),
    "1.1.21": gettext_lazy(
        "The IATI identifier should start with the department's IATI organisation identifier "
        "and a hyphen."
    ),
    "1.3.13": gettext_lazy("The IATI identifier must not contain /, &, | or ?."),
    "2.1.1": gettext_lazy("With several sectors, each needs its percentage."),
    "2.1.2": gettext_lazy("The sector percentages must add up to 100 %."),
    "2.1.4": gettext_lazy("A single sector takes 100 % or no percentage."),
    "3.1.1": gettext_lazy("With several recipient countries, each needs its percentage."),
    "3.1.2": gettext_lazy("The recipient country percentages must add up to 100 %."),
    "3.1.4": gettext_lazy("A single recipient country takes 100 % or no percentage."),
    "3.7.1": gettext_lazy("Say the recipient country or region, or give a location."),
    "4.3.1": gettext_lazy("The title needs a text."),
    "4.4.1": gettext_lazy("The description needs a text."),
    "6.2.2": gettext_lazy("Give at least one sector."),
    "6.10.1": gettext_lazy("Each participating organisation needs an IATI identifier or a name."),
    "6.9.1": gettext_lazy("A transaction's provider needs an IATI identifier or a name."),
    "6.9.2": gettext_lazy("A transaction's receiver needs an IATI identifier or a name."),
    "6.11.1": gettext_lazy("Give a planned or an actual start date."),
    "6.14.1": gettext_lazy("The gender marker needs its significance."),
    "7.5.3": gettext_lazy("A budget period may not pass one year: split the budget by year."),
    "8.6.1": gettext_lazy("An indicator period must start before it ends."),
    "8.6.3": gettext_lazy("A planned disbursement's period must start before it ends."),
    "8.8.1": gettext_lazy("The indicator's baseline needs a value."),
    "8.9.1": gettext_lazy("A period's target needs a value."),
    "8.10.1": gettext_lazy("A period's actual needs a value."),
    "11.1.1": gettext_lazy("The record's last update cannot be in the future."),
    "11.1.2": gettext_lazy("The planned start must come before the planned end."),
    "11.1.3": gettext_lazy("The actual start must come before the actual end."),
    "11.1.4": gettext_lazy("The actual start cannot be in the future: use the planned start."),
    "11.1.5": gettext_lazy("The actual end cannot be in the future: use the planned end."),
    "11.2.1": gettext_lazy("A transaction's date cannot be in the future."),
    "11.2.2": gettext_lazy("A transaction's value date cannot be in the future."),
    "12.1.1": gettext_lazy("Country and region percentages must be between 0 and 100."),
    "12.3.1": gettext_lazy("Sector percentages must be between 0 and 100."),
}  # fmt: skip

# The parts of an IATI record, as the activity form names them.
PARTS: dict[str, Promise] = {
    "iati-activity": gettext_lazy("the activity"),
    "iati-identifier": gettext_lazy("IATI identifier"),
    "reporting-org": gettext_lazy("reporting organisation"),
    "title": gettext_lazy("title"),
    "description": gettext_lazy("description"),
    "participating-org": gettext_lazy("participating organisation"),
    "activity-status": gettext_lazy("IATI status"),
    "activity-date": gettext_lazy("dates"),
    "recipient-country": gettext_lazy("recipient country"),
    "recipient-region": gettext_lazy("recipient region"),
    "location": gettext_lazy("location"),
    "sector": gettext_lazy("sector"),
    "policy-marker": gettext_lazy("policy marker"),
    "budget": gettext_lazy("budget"),
    "planned-disbursement": gettext_lazy("planned disbursement"),
    "transaction": gettext_lazy("transaction"),
    "document-link": gettext_lazy("document"),
    "related-activity": gettext_lazy("related activity"),
    "result": gettext_lazy("result"),
    "indicator": gettext_lazy("indicator"),
    "period": gettext_lazy("indicator period"),
    "value": gettext_lazy("amount"),
}

_MISSING = re.compile(
    r"Element '(?P<element>[^']+)': Missing child element\(s\)\. "
    r"Expected is (?:one of )?\( (?P<expected>[^)]+?) \)"
)
_UNEXPECTED = re.compile(
    r"Element '(?P<element>[^']+)': This element is not expected\. "
    r"Expected is (?:one of )?\( (?P<expected>[^)]+?) \)"
)
_NOT_IN_CODELIST = re.compile(r"“(?P<value>.*)” is not in the IATI (?P<codelist>\w+) codelist")
_ATTRIBUTE = re.compile(r"Element '(?P<element>[^']+)', attribute '(?P<attribute>[^']+)'")


@dataclass(frozen=True)
class Said:
    """One problem as the activity page shows it."""

    severity: str
    message: str
    part: str
    rule: str
    original: str  # the validator's own words, for whoever knows IATI


def check_activity(activity: Activity) -> list[Said]:
    """Every problem of the activity's IATI record as Puente would publish it, errors first."""
    tree = _written(activity)
    by_line = {e.sourceline: e for e in tree.iter(tag=etree.Element)}
    said = [_say(p, by_line.get(p.line)) for p in validate_tree(tree, "2.03")]
    return sorted(said, key=lambda s: s.severity != ERROR)


def _written(activity: Activity) -> etree._ElementTree:
    """The record as the export writes it, parsed back so that each element has its line."""
    out = io.BytesIO()
    queryset = Activity.objects.filter(pk=activity.pk)
    write_activities(export_activities(queryset), out, datetime.now(UTC))
    return etree.ElementTree(etree.fromstring(out.getvalue()))


def _part(element: etree._Element | None) -> str:
    if element is None or not isinstance(element.tag, str):
        return ""
    tag = element.tag
    if tag in ("narrative", "value", "period-start", "period-end", "target", "actual", "baseline"):
        parent = element.getparent()
        tag = parent.tag if parent is not None and tag != "value" else tag
    return str(PARTS.get(tag, tag))


def _say(problem: Problem, element: etree._Element | None) -> Said:
    return Said(
        severity=problem.severity,
        message=_message(problem),
        part=_part(element),
        rule=problem.rule,
        original=problem.message,
    )


def _message(problem: Problem) -> str:
    if problem.rule in RULES:
        return str(RULES[problem.rule])
    if problem.rule == "codelist" and (found := _NOT_IN_CODELIST.fullmatch(problem.message)):
        return _("“%(value)s” is not a code of the IATI %(codelist)s list.") % found.groupdict()
    if problem.rule.startswith("schema"):
        if found := _MISSING.search(problem.message):
            return _("“%(element)s” lacks “%(expected)s”.") % _named(found.groupdict())
        if found := _UNEXPECTED.search(problem.message):
            return _("Something is missing before “%(element)s”: IATI expects “%(expected)s”.") % (
                _named(found.groupdict())
            )
        if found := _ATTRIBUTE.search(problem.message):
            return _("A value of “%(element)s” is not valid (%(attribute)s).") % _named(
                found.groupdict()
            )
        return _("The IATI schema refuses part of the record.")
    # A rule of the ruleset not listed above: its number, and its English words beside it.
    return _("IATI rule %(rule)s is not met.") % {"rule": problem.rule}


def _named(found: dict[str, str]) -> dict[str, str]:
    """Element names in a schema message, as the staff call them."""
    return {
        key: ", ".join(str(PARTS.get(name.strip(), name.strip())) for name in value.split(","))
        if key != "attribute"
        else value
        for key, value in found.items()
    }
