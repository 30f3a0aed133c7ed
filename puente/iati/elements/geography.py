"""Locations: names, administrative codes and points (IATI 2.x), coordinates (IATI 1.x)."""

from decimal import Decimal
from functools import partial

from ..data import Activity, AdminCode, Place
from .common import (
    Element,
    ElementError,
    add_narratives,
    children,
    left_out_if_bad,
    narratives,
    parse_decimal,
    sub,
)


def read_location(element: Element, activity: Activity) -> None:
    found = children(element)
    place = Place(
        ref=(element.get("ref") or "").strip(),
        names=narratives(found.get("name"), activity.default_lang),
        line=element.sourceline or 0,
    )
    for admin in element.iterchildren("administrative"):
        code = (admin.get("code") or "").strip()
        if code:
            place.administratives.append(
                AdminCode(code, (admin.get("vocabulary") or "").strip(), admin.get("level") or "")
            )
        # IATI 1.x: <administrative country="CO" adm1="...">name</administrative>
        for level in ("adm1", "adm2"):
            if admin.get(level):
                place.administratives.append(AdminCode(admin.get(level) or "", "", level[-1]))
    # A point that cannot be read leaves out the point alone: the name and codes still place it.
    point = left_out_if_bad(activity, partial(_point, element, found))
    place.latitude, place.longitude = point or (None, None)
    activity.places.append(place)


def _point(element: Element, found: dict[object, Element]) -> tuple[Decimal | None, Decimal | None]:
    """The place's point (IATI 2.x <point><pos>, or 1.x <coordinates>), checked for range."""
    latitude = longitude = None
    point = found.get("point")
    pos = children(point).get("pos") if point is not None else None
    if pos is not None and (pos.text or "").strip():
        parts = (pos.text or "").split()
        if len(parts) != 2:
            raise ElementError(pos, f"“{pos.text}” is not “latitude longitude”")
        latitude = parse_decimal(pos, parts[0], "latitude")
        longitude = parse_decimal(pos, parts[1], "longitude")
    coordinates = found.get("coordinates")
    if coordinates is not None:
        latitude = parse_decimal(coordinates, coordinates.get("latitude"), "latitude")
        longitude = parse_decimal(coordinates, coordinates.get("longitude"), "longitude")
    if latitude is not None and not -90 <= latitude <= 90:
        raise ElementError(element, f"latitude {latitude} is out of range")
    if longitude is not None and not -180 <= longitude <= 180:
        raise ElementError(element, f"longitude {longitude} is out of range")
    return latitude, longitude


def write_locations(activity: Activity, parent: Element) -> None:
    for place in activity.places:
        element = sub(parent, "location", ref=place.ref)
        if place.names:
            add_narratives(sub(element, "name"), place.names, activity.default_lang)
        for admin in place.administratives:
            sub(
                element,
                "administrative",
                vocabulary=admin.vocabulary,
                level=admin.level,
                code=admin.code,
            )
        if place.latitude is not None and place.longitude is not None:
            point = sub(element, "point", srsName="http://www.opengis.net/def/crs/EPSG/0/4326")
            sub(point, "pos", f"{place.latitude} {place.longitude}")
