"""Locations: names, administrative codes and points (IATI 2.x), coordinates (IATI 1.x)."""

from ..data import Activity, AdminCode, Place
from .common import (
    Element,
    ElementError,
    add_narratives,
    children,
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
    point = found.get("point")
    pos = children(point).get("pos") if point is not None else None
    if pos is not None and (pos.text or "").strip():
        parts = (pos.text or "").split()
        if len(parts) != 2:
            raise ElementError(pos, f"“{pos.text}” is not “latitude longitude”")
        place.latitude = parse_decimal(pos, parts[0], "latitude")
        place.longitude = parse_decimal(pos, parts[1], "longitude")
    coordinates = found.get("coordinates")
    if coordinates is not None:
        place.latitude = parse_decimal(coordinates, coordinates.get("latitude"), "latitude")
        place.longitude = parse_decimal(coordinates, coordinates.get("longitude"), "longitude")
    if place.latitude is not None and not -90 <= place.latitude <= 90:
        raise ElementError(element, f"latitude {place.latitude} is out of range")
    if place.longitude is not None and not -180 <= place.longitude <= 180:
        raise ElementError(element, f"longitude {place.longitude} is out of range")
    activity.places.append(place)


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
