"""Rewrites an IATI 1.0x activity in IATI 2.03 form: same facts, 2.x codes and structure.

Only meanings the standard itself maps are changed (the upgrade notes of IATI 2.01): texts move
into <narrative>, role and date-type names become codes, transaction letters become numbers,
coordinates become a GML point, 1.x vocabularies their 2.x codes. What 1.x never said stays
unsaid (a missing value date, an other-identifier's type): the validator names it instead.
"""

from datetime import date

from lxml import etree

from .elements.common import XML_LANG, Element
from .elements.finance import BUDGET_TYPES, TRANSACTION_LETTERS
from .elements.identity import DATE_TYPES
from .elements.organisations import ROLE_NAMES

# The children of <iati-activity> in the order the 2.03 schema requires; other namespaces last.
ACTIVITY_ORDER = [
    "iati-identifier", "reporting-org", "title", "description", "participating-org",
    "other-identifier", "activity-status", "activity-date", "contact-info", "activity-scope",
    "recipient-country", "recipient-region", "location", "sector", "tag", "country-budget-items",
    "humanitarian-scope", "policy-marker", "collaboration-type", "default-flow-type",
    "default-finance-type", "default-aid-type", "default-tied-status", "budget",
    "planned-disbursement", "capital-spend", "transaction", "document-link", "related-activity",
    "legacy-data", "conditions", "result", "crs-add", "fss",
]  # fmt: skip

# Inner sequences 1.x left free and 2.03 fixes.
CHILD_ORDER = {
    "transaction": [
        "transaction-type", "transaction-date", "value", "description", "provider-org",
        "receiver-org", "disbursement-channel", "sector", "recipient-country",
        "recipient-region", "flow-type", "finance-type", "aid-type", "tied-status",
    ],
    "budget": ["period-start", "period-end", "value"],
    "planned-disbursement": ["period-start", "period-end", "value", "provider-org", "receiver-org"],
    "contact-info": [
        "organisation", "department", "person-name", "job-title", "telephone", "email",
        "website", "mailing-address",
    ],
    "location": [
        "location-reach", "location-id", "name", "description", "activity-description",
        "administrative", "point", "exactness", "location-class", "feature-designation",
    ],
    "document-link": ["title", "description", "category", "language", "document-date"],
}  # fmt: skip

# Elements whose 1.x text is, in 2.x, one or more <narrative> children (paths from the activity).
NARRATIVE_HOLDERS = frozenset(
    {
        "reporting-org", "title", "description", "participating-org", "recipient-country",
        "recipient-region", "sector", "policy-marker", "activity-date",
        "contact-info/organisation", "contact-info/department", "contact-info/person-name",
        "contact-info/job-title", "contact-info/mailing-address",
        "location/name", "location/description", "location/activity-description",
        "transaction/description", "transaction/provider-org", "transaction/receiver-org",
        "planned-disbursement/provider-org", "planned-disbursement/receiver-org",
        "document-link/title", "conditions/condition",
        "result/title", "result/description", "result/indicator/title",
        "result/indicator/description", "result/indicator/baseline/comment",
        "result/indicator/period/target/comment", "result/indicator/period/actual/comment",
        "country-budget-items/budget-item/description",
    }
)  # fmt: skip

# 1.x vocabulary names and their 2.x codes (SectorVocabulary, PolicyMarkerVocabulary,
# RegionVocabulary); names 2.x has no code for are kept as they were.
SECTOR_VOCABULARIES = {
    "DAC": "1", "DAC-3": "2", "COFOG": "3", "NACE": "4", "NTEE": "5", "ADT": "6",
    "RO": "99", "RO2": "98",
}  # fmt: skip
POLICY_VOCABULARIES = {"DAC": "1", "RO": "99"}
REGION_VOCABULARIES = {"DAC": "1", "UN": "2"}
GAZETTEERS = {"GEO": "G1", "OSM": "G2"}
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"


def is_1x(version: str) -> bool:
    return version.strip().startswith("1")


def upgrade_activity(activity: Element) -> Element:
    """Upgrades a 1.0x <iati-activity> in place and returns it."""
    activity.attrib.pop("version", None)  # 2.x says the version once, on the root
    for element in list(activity.iter(tag=etree.Element)):
        if element is activity or not isinstance(element.tag, str) or "}" in element.tag:
            continue
        path = _path(element, activity)
        _upgrade_attributes(element, path)
        if path == "other-identifier":
            _upgrade_other_identifier(element)
        elif path == "location/coordinates":
            _upgrade_coordinates(element)
        elif path == "location/location-type":
            element.tag = "feature-designation"
        elif path == "location/gazetteer-entry":
            _upgrade_gazetteer(element)
        elif path == "document-link" and element.get("language"):
            etree.SubElement(element, "language", code=element.attrib.pop("language"))
        if path == "activity-date":
            _upgrade_date_text(element)
        if path in NARRATIVE_HOLDERS:
            _text_to_narrative(element)
        elif path in CODE_NAMES and element.get("code"):
            element.text = None  # a code's name beside its code: 2.x has no room for it
    for parent, order in [(activity, ACTIVITY_ORDER)] + [
        (child, CHILD_ORDER[str(child.tag)])
        for child in activity
        if isinstance(child.tag, str) and child.tag in CHILD_ORDER
    ]:
        _reorder(parent, order)
    return activity


# Elements whose 1.x text only names the code beside it ("Implementation" for code 2): 2.x
# keeps the code alone. Any other text stays where it was, even where 2.03 has no room for it
# (the validator then names it): a fact is never dropped on the way.
CODE_NAMES = frozenset(
    {
        "activity-status", "activity-scope", "collaboration-type", "default-flow-type",
        "default-finance-type", "default-aid-type", "default-tied-status",
        "transaction/transaction-type", "transaction/flow-type", "transaction/finance-type",
        "transaction/aid-type", "transaction/tied-status", "transaction/disbursement-channel",
        "document-link/category", "location/location-type", "location/location-reach",
        "location/exactness", "location/location-class", "location/feature-designation",
    }
)  # fmt: skip


def _path(element: Element, activity: Element) -> str:
    names = []
    while element is not activity and element is not None:
        names.append(str(element.tag))
        element = element.getparent()
    return "/".join(reversed(names))


def _own_text(element: Element) -> str:
    return (element.text or "").strip()


def _upgrade_attributes(element: Element, path: str) -> None:
    renames = {
        "participating-org": ("role", {k.title(): v for k, v in ROLE_NAMES.items()}),
        "activity-date": ("type", DATE_TYPES),
        "transaction/transaction-type": ("code", TRANSACTION_LETTERS),
        "budget": ("type", {k.title(): v for k, v in BUDGET_TYPES.items()}),
        "sector": ("vocabulary", SECTOR_VOCABULARIES),
        "transaction/sector": ("vocabulary", SECTOR_VOCABULARIES),
        "policy-marker": ("vocabulary", POLICY_VOCABULARIES),
        "recipient-region": ("vocabulary", REGION_VOCABULARIES),
    }
    if path not in renames:
        return
    attribute, codes = renames[path]
    value = (element.get(attribute) or "").strip()
    folded = {k.lower(): v for k, v in codes.items()}
    if value.lower() in folded:
        element.set(attribute, folded[value.lower()])


def _text_to_narrative(element: Element) -> None:
    text = _own_text(element)
    if not text or element.find("narrative") is not None:
        return
    element.text = None
    narrative = etree.Element("narrative")
    narrative.text = text
    if (lang := element.attrib.pop(XML_LANG, None)) is not None:
        narrative.set(XML_LANG, lang)
    element.insert(0, narrative)


def _upgrade_date_text(element: Element) -> None:
    """1.x wrote the date as text, often beside iso-date; 2.x keeps the date in iso-date and
    any other wording as a narrative."""
    text = _own_text(element)
    if not text:
        return
    try:
        said = date.fromisoformat(text[:10])
    except ValueError:
        return  # not a date: it stays, as a narrative
    if not element.get("iso-date"):
        element.set("iso-date", said.isoformat())
    if element.get("iso-date", "")[:10] == said.isoformat():
        element.text = None


def _upgrade_other_identifier(element: Element) -> None:
    owner_ref = element.attrib.pop("owner-ref", "")
    owner_name = element.attrib.pop("owner-name", "")
    if text := _own_text(element):
        element.set("ref", text)
        element.text = None
    if owner_ref or owner_name:
        owner = etree.SubElement(element, "owner-org")
        if owner_ref:
            owner.set("ref", owner_ref)
        if owner_name:
            etree.SubElement(owner, "narrative").text = owner_name


def _upgrade_coordinates(element: Element) -> None:
    latitude, longitude = element.get("latitude"), element.get("longitude")
    precision = element.get("precision")
    element.tag = "point"
    element.attrib.clear()
    element.text = None
    element.set("srsName", WGS84)
    etree.SubElement(element, "pos").text = f"{latitude} {longitude}"
    if precision:
        # 1.x precision 1 is "exact location"; every other level is an approximation.
        exactness = etree.Element("exactness", code="1" if precision.strip() == "1" else "2")
        element.addnext(exactness)


def _upgrade_gazetteer(element: Element) -> None:
    agency = (element.get("gazetteer-ref") or "").strip()
    if agency.upper() not in GAZETTEERS:
        return
    code = _own_text(element)
    element.tag = "location-id"
    element.attrib.clear()
    element.text = None
    element.set("vocabulary", GAZETTEERS[agency.upper()])
    element.set("code", code)


def _reorder(parent: Element, order: list[str]) -> None:
    rank = {name: position for position, name in enumerate(order)}
    last = len(order)
    kids = list(parent)
    ordered = sorted(kids, key=lambda child: rank.get(child.tag, last))  # stable
    if ordered != kids:
        for child in kids:
            parent.remove(child)
        parent.extend(ordered)
