"""Runs an IATI ruleset (the IATI-Rulesets JSON format) over a parsed file: no Django here.

Each rule kind is implemented from the ruleset specification and proven against its
conformance table (tests/test_rules.py). A rule that fails yields one Finding, with the
line of the element it was checked on, the rule's id and severity from its `ruleInfo`.
"""

import datetime
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone
from lxml import etree

STANDARD_RULESET = Path(__file__).parent / "standard" / "ruleset-standard.json"

Case = dict[str, Any]


@dataclass(frozen=True)
class Finding:
    line: int
    rule: str  # the ruleset's id ("11.1.2"), or the rule kind where the case has none
    severity: str  # "error" or "warning"
    message: str  # the ruleset's own English message
    kind: str  # the rule kind ("date_order", ...)


@cache
def standard_ruleset() -> dict[str, dict[str, Any]]:
    return load_ruleset(STANDARD_RULESET)


def load_ruleset(path: Path) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _xpath(expression: str) -> etree.XPath:
    # Compiled once: the same few hundred expressions run on every activity of a big file.
    return etree.XPath(expression)


def _select(node: etree._Element, expression: str) -> list[Any]:
    found = _xpath(expression)(node)
    return found if isinstance(found, list) else [found]


def _true(node: etree._Element, expression: str) -> bool:
    return bool(_xpath(f"boolean({expression})")(node))


def _text(item: Any) -> str:
    """An element's text content (its descendants' too) or an attribute's or text node's value."""
    if isinstance(item, etree._Element):
        return "".join(item.itertext())
    return str(item)


def _texts(node: etree._Element, paths: list[str]) -> list[str]:
    return [_text(item) for path in paths for item in _select(node, path)]


def _date(text: str) -> datetime.date | None:
    """The day a date or date-time falls on where Puente runs: "2026-12-08T00:07:00Z" is still
    7 December in Bogotá, and must not count as a day in the future there."""
    text = text.strip()
    if len(text) > 10:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            pass  # an unusual time part: the date in front still counts
        else:
            return timezone.localtime(moment).date() if moment.tzinfo else moment.date()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _dates(node: etree._Element, path: str) -> list[datetime.date]:
    return [d for d in (_date(t) for t in _texts(node, [path])) if d is not None]


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip())
    except (InvalidOperation, ValueError):
        return None


def _numbers(node: etree._Element, paths: list[str]) -> list[Decimal]:
    return [n for n in (_number(t) for t in _texts(node, paths)) if n is not None and n.is_finite()]


# --- the rule kinds: each says whether one case holds on one element ---------------------


def _atleast_one(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    return any(_select(node, path) for path in case.get("paths", []))


def _no_more_than_one(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    return sum(len(_select(node, path)) for path in case.get("paths", [])) <= 1


def _dependent(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    present = [bool(_select(node, path)) for path in case.get("paths", [])]
    return all(present) or not any(present)


def _only_one_of(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    used = [path for path in case.get("paths", []) if _select(node, path)]
    if any(_select(node, path) for path in case.get("excluded", [])):
        return not used
    return len(used) == 1


def _one_or_all(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    if _select(node, case["one"]):
        return True
    everything = {
        # Where the element is not given at the top, every element it stands for must say it.
        "lang": (".//narrative", "@xml:lang"),
        "currency": (".//value | .//forecast | .//loan-status", "@currency"),
        "sector": ("transaction", "sector"),
    }
    scope, needed = everything.get(case["all"], (case["all"], "."))
    return all(_select(item, needed) for item in _select(node, scope))


def _sum(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    numbers = _numbers(node, case.get("paths", []))
    return not numbers or abs(float(sum(numbers)) - float(case["sum"])) < 1e-9


def _strict_sum(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    numbers = _numbers(node, case.get("paths", []))
    return not numbers or sum(numbers) == Decimal(str(case["sum"]))


def _range(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    low, high = case.get("min"), case.get("max")
    for number in _numbers(node, case.get("paths", [])):
        if (low is not None and number < Decimal(str(low))) or (
            high is not None and number > Decimal(str(high))
        ):
            return False
    return True


def _date_order(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    less, more = _dates(node, case["less"]), _dates(node, case["more"])
    return all(a <= b for a in less for b in more)


def _date_now(node: etree._Element, case: Case, today: datetime.date) -> bool:
    return all(d <= today for d in _dates(node, case["date"]))


def _time_limit(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    # "No longer than a year": 365 days at most, as the IATI Validator counts it.
    starts, ends = _dates(node, case["start"]), _dates(node, case["end"])
    return all((end - start).days <= 365 for start in starts for end in ends)


def _between_dates(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    starts, ends = _dates(node, case["start"]), _dates(node, case["end"])
    if not starts or not ends:
        return True
    return all(starts[0] <= d <= ends[0] for d in _dates(node, case["date"]))


def _regex_matches(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    pattern = re.compile(case["regex"])
    return all(pattern.search(text) for text in _texts(node, case.get("paths", [])))


def _regex_no_matches(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    pattern = re.compile(case["regex"])
    return not any(pattern.search(text) for text in _texts(node, case.get("paths", [])))


def _startswith(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    # The ruleset names the prefixes' XPaths `prefix`; its conformance table, `start`.
    sources = case.get("prefix") or ([case["start"]] if "start" in case else [])
    id_sets: dict[str, frozenset[str]] = case.get("_id_sets", {})
    prefixes: list[str] = []
    for source in sources:
        prefixes += list(id_sets[source]) if source in id_sets else _texts(node, [source])
    prefixes = [p.strip() for p in prefixes if p.strip()]
    if not prefixes:
        return True  # nothing to compare with: another rule says what is missing
    separator = case.get("separator", "")
    return all(
        any(text.strip().startswith(p + separator) for p in prefixes)
        for text in _texts(node, case.get("paths", []))
    )


def _unique(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    texts = _texts(node, case.get("paths", []))
    return len(texts) == len(set(texts))


def _if_then(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    return not _true(node, case["if"]) or _true(node, case["then"])


def _no_spaces(node: etree._Element, case: Case, _today: datetime.date) -> bool:
    return all(text == text.strip() for text in _texts(node, case.get("paths", [])))


KINDS: dict[str, Callable[[etree._Element, Case, datetime.date], bool]] = {
    "atleast_one": _atleast_one,
    "no_more_than_one": _no_more_than_one,
    "dependent": _dependent,
    "only_one_of": _only_one_of,
    "one_or_all": _one_or_all,
    "sum": _sum,
    "strict_sum": _strict_sum,
    "range": _range,
    "date_order": _date_order,
    "date_now": _date_now,
    "time_limit": _time_limit,
    "between_dates": _between_dates,
    "regex_matches": _regex_matches,
    "regex_no_matches": _regex_no_matches,
    "startswith": _startswith,
    "unique": _unique,
    "if_then": _if_then,
    "no_spaces": _no_spaces,
}

# Lists a case may name instead of XPaths: the caller gives them (check's id_sets); a case
# naming one the caller did not give is left unchecked rather than failed.
NAMED_LISTS = ("ORG-ID-PREFIX",)

# The ruleset spells some kinds in camel case too.
_ALIASES = {
    "atLeastOne": "atleast_one", "noMoreThanOne": "no_more_than_one", "onlyOneOf": "only_one_of",
    "oneOrAll": "one_or_all", "strictSum": "strict_sum", "dateOrder": "date_order",
    "dateNow": "date_now", "timeLimit": "time_limit", "betweenDates": "between_dates",
    "regexMatches": "regex_matches", "regexNoMatches": "regex_no_matches",
    "startsWith": "startswith", "ifThen": "if_then", "noSpaces": "no_spaces",
}  # fmt: skip


def _cases(kind: str, spec: dict[str, Any]) -> Iterator[tuple[str, Case]]:
    """(kind, case) pairs of one rule, with `loop` cases unrolled later, per element."""
    for case in spec.get("cases", []):
        yield _ALIASES.get(kind, kind), case


def _substitute(value: Any, text: str) -> Any:
    if isinstance(value, str):
        return value.replace("$1", text)
    if isinstance(value, list):
        return [_substitute(item, text) for item in value]
    return value


def _loop_cases(node: etree._Element, case: Case) -> Iterator[tuple[str, Case]]:
    """A loop's inner cases, once per distinct value `foreach` finds, with $1 replaced in the
    keys `subs` names (and in the condition, which the standard ruleset writes with $1 too)."""
    values = dict.fromkeys(t for t in _texts(node, [case["foreach"]]) if "'" not in t)
    inner = case.get("do", {})
    # `do` is an object of rules in the standard ruleset, a list of them in the specification.
    blocks = [inner] if isinstance(inner, dict) else inner
    rules = [(kind, spec) for block in blocks for kind, spec in block.items()]
    for value in values:
        for kind, spec in rules:
            for inner_kind, inner_case in _cases(kind, spec):
                replaced = dict(inner_case)
                for key in [*case.get("subs", []), "condition"]:
                    if key in replaced:
                        replaced[key] = _substitute(replaced[key], value)
                yield inner_kind, replaced


def _applies(node: etree._Element, case: Case) -> bool:
    condition = case.get("condition")
    return not condition or _true(node, condition)


def _finding(node: etree._Element, kind: str, case: Case) -> Finding:
    info = case.get("ruleInfo", {})
    return Finding(
        line=node.sourceline or 0,
        rule=str(info.get("id") or kind),
        severity=info.get("severity", "error"),
        message=info.get("message") or f"the rule “{kind}” does not hold",
        kind=kind,
    )


def _check_case(
    node: etree._Element,
    kind: str,
    case: Case,
    today: datetime.date,
    id_sets: dict[str, frozenset[str]],
) -> Iterator[Finding]:
    if kind == "loop":
        for inner_kind, inner_case in _loop_cases(node, case):
            yield from _check_case(node, inner_kind, inner_case, today, id_sets)
        return
    if not _applies(node, case):
        return
    named = [source for source in case.get("prefix", []) if source in NAMED_LISTS]
    if named:
        if any(name not in id_sets for name in named):
            return
        case = {**case, "_id_sets": id_sets}
    rule = KINDS.get(kind)
    if rule is None:
        raise ValueError(f"unknown rule kind “{kind}”")
    if not rule(node, case, today):
        yield _finding(node, kind, case)


def check(
    tree: etree._ElementTree | etree._Element,
    ruleset: dict[str, dict[str, Any]] | None = None,
    today: datetime.date | None = None,
    id_sets: dict[str, frozenset[str]] | None = None,
) -> list[Finding]:
    """Every case of every rule of `ruleset` (the standard one by default) that fails.

    `id_sets` are the named lists some cases check against ("ORG-ID-PREFIX": the registration
    agencies' prefixes). The Registry checks of `idCondition` need the IATI Registry, which is
    not asked: those cases run as if the identifier were not a registered publisher's.
    """
    ruleset = standard_ruleset() if ruleset is None else ruleset
    today = today or timezone.localdate()
    id_sets = id_sets or {}
    findings: list[Finding] = []
    for context, rules in ruleset.items():
        for node in _select(tree.getroot() if hasattr(tree, "getroot") else tree, context):  # type: ignore[arg-type]
            for kind, spec in rules.items():
                for case_kind, case in _cases(kind, spec):
                    findings.extend(_check_case(node, case_kind, case, today, id_sets))
    return findings
