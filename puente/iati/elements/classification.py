"""Sectors, recipient countries and regions, policy markers, humanitarian scopes, tags."""

from decimal import Decimal

from ..data import Activity, CountryShare, Marker, RegionShare, SectorShare
from .common import Element, ElementError, add_narratives, narratives, parse_decimal, sub

# IATI 1.x sector vocabularies by name.
SECTOR_VOCABULARIES = {"DAC": "1", "DAC-3": "2", "RO": "99"}


def _percentage(element: Element) -> Decimal | None:
    value = parse_decimal(element, element.get("percentage"), "percentage")
    if value is not None and not 0 <= value <= 100:
        raise ElementError(element, f"percentage {value} is not between 0 and 100")
    return value


def read_sector(element: Element, activity: Activity) -> None:
    vocabulary = (element.get("vocabulary") or "1").strip()
    code = (element.get("code") or "").strip()
    names = narratives(element, activity.default_lang)
    if not code and not names:
        raise ElementError(element, "the sector has neither a code nor a name")
    activity.sectors.append(
        SectorShare(
            code=code,
            vocabulary=SECTOR_VOCABULARIES.get(vocabulary, vocabulary),
            percentage=_percentage(element),
            names=names,
        )
    )


def read_recipient_country(element: Element, activity: Activity) -> None:
    code = (element.get("code") or "").strip().upper()
    if len(code) != 2:
        raise ElementError(element, f"“{code}” is not an ISO 3166-1 country code")
    activity.countries.append(CountryShare(code, _percentage(element)))


def read_recipient_region(element: Element, activity: Activity) -> None:
    activity.regions.append(
        RegionShare(
            code=(element.get("code") or "").strip(),
            vocabulary=(element.get("vocabulary") or "1").strip(),
            percentage=_percentage(element),
        )
    )


def _marker(element: Element, activity: Activity, value_attribute: str = "") -> Marker:
    vocabulary = (element.get("vocabulary") or "").strip()
    return Marker(
        code=(element.get("code") or "").strip(),
        vocabulary=SECTOR_VOCABULARIES.get(vocabulary, vocabulary),  # 1.x "DAC" -> "1"
        value=(element.get(value_attribute) or "").strip() if value_attribute else "",
        names=narratives(element, activity.default_lang),
    )


def read_policy_marker(element: Element, activity: Activity) -> None:
    marker = _marker(element, activity, "significance")
    marker.vocabulary = marker.vocabulary or "1"
    activity.policy_markers.append(marker)


def read_humanitarian_scope(element: Element, activity: Activity) -> None:
    activity.humanitarian_scopes.append(_marker(element, activity, "type"))


def read_tag(element: Element, activity: Activity) -> None:
    activity.tags.append(_marker(element, activity))


def write_countries_and_regions(activity: Activity, parent: Element) -> None:
    for country in activity.countries:
        sub(parent, "recipient-country", code=country.code, percentage=country.percentage)
    for region in activity.regions:
        sub(
            parent,
            "recipient-region",
            code=region.code,
            vocabulary=region.vocabulary,
            percentage=region.percentage,
        )


def write_sectors_and_tags(activity: Activity, parent: Element) -> None:
    for sector in activity.sectors:
        element = sub(
            parent,
            "sector",
            vocabulary=sector.vocabulary,
            code=sector.code,
            percentage=sector.percentage,
        )
        add_narratives(element, sector.names, activity.default_lang)
    for tag in activity.tags:
        add_narratives(
            sub(parent, "tag", vocabulary=tag.vocabulary, code=tag.code),
            tag.names,
            activity.default_lang,
        )


def write_scopes_and_markers(activity: Activity, parent: Element) -> None:
    for scope in activity.humanitarian_scopes:
        element = sub(
            parent,
            "humanitarian-scope",
            type=scope.value,
            vocabulary=scope.vocabulary,
            code=scope.code,
        )
        add_narratives(element, scope.names, activity.default_lang)
    for marker in activity.policy_markers:
        element = sub(
            parent,
            "policy-marker",
            vocabulary=marker.vocabulary,
            code=marker.code,
            significance=marker.value,
        )
        add_narratives(element, marker.names, activity.default_lang)
