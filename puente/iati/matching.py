"""Ties an imported place to a municipality: by the polygon its point falls in, by
administrative code, by name, or by the nearest municipal seat on the same side of the border.

Pure functions over a list of candidate municipalities and their shapes, so they are tested
without a database. Each match carries the method and a confidence the staff see beside it.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz, process

from puente.lib.names import fold
from puente.territory.shapes import Shapes

from .data import Place


@dataclass(frozen=True)
class Candidate:
    id: int
    code: str
    name: str
    department_code: str
    latitude: float | None
    longitude: float | None
    country_code: str = ""


@dataclass(frozen=True)
class Match:
    municipality_id: int | None
    method: str  # inside, edge, code, name, point or none
    confidence: int


NO_MATCH = Match(None, "none", 0)


class Matcher:
    def __init__(
        self, candidates: list[Candidate], shapes: Shapes | None = None, max_km: float = 30.0
    ) -> None:
        self.candidates = candidates
        self.shapes = shapes
        self.by_code = {c.code: c for c in candidates}
        self.by_folded = {fold(c.name): c for c in candidates}
        self.max_km = max_km

    def match(self, place: Place) -> Match:
        inside, coded = self.by_polygon(place), self.by_code_match(place)
        if inside and coded and inside.municipality_id != coded.municipality_id:
            # A point and a DIVIPOLA code that disagree: the code was written on purpose, the
            # point is often approximate (a department's capital for "somewhere in it").
            return coded
        return inside or coded or self.by_name(place) or self.by_point(place) or NO_MATCH

    def by_polygon(self, place: Place) -> Match | None:
        if self.shapes is None or place.latitude is None or place.longitude is None:
            return None
        inside = self.shapes.municipality_at(float(place.latitude), float(place.longitude))
        if inside is None:
            return None
        # Near a boundary the simplified polygon may put the point on the wrong side of it.
        if inside.near_edge:
            return Match(inside.municipality_id, "edge", 80)
        return Match(inside.municipality_id, "inside", 100)

    def by_code_match(self, place: Place) -> Match | None:
        for admin in place.administratives:
            # DIVIPOLA codes appear bare ("54001") or prefixed ("CO-54001", "CO.54.001").
            digits = "".join(ch for ch in admin.code if ch.isdigit())
            found = self.by_code.get(digits[-5:]) if len(digits) >= 5 else None
            if found:
                return Match(found.id, "code", 100)
        return None

    def by_name(self, place: Place) -> Match | None:
        for narrative in place.names:
            name = fold(narrative.text)
            if not name:
                continue
            if name in self.by_folded:
                return Match(self.by_folded[name].id, "name", 95)
            # "San José de Cúcuta", "Municipio de Tibú": a municipality named inside the text.
            words = f" {name} "
            inside = [c for key, c in self.by_folded.items() if f" {key} " in words]
            if len(inside) == 1:
                return Match(inside[0].id, "name", 85)
            best = process.extractOne(name, list(self.by_folded), scorer=fuzz.ratio)
            if best and best[1] >= 88:
                return Match(self.by_folded[best[0]].id, "name", int(best[1] * 0.9))
        return None

    def by_point(self, place: Place) -> Match | None:
        if place.latitude is None or place.longitude is None:
            return None
        # A point inside Colombia is never tied to a seat across the border, nor one outside to
        # a Colombian seat: the nearest seat is looked for on the point's own side.
        in_colombia = (
            self.shapes.in_colombia(float(place.latitude), float(place.longitude))
            if self.shapes
            else None
        )
        nearest, distance = None, math.inf
        for c in self.candidates:
            if c.latitude is None or c.longitude is None:
                continue
            if (
                in_colombia is not None
                and c.country_code
                and (c.country_code == "CO") != in_colombia
            ):
                continue
            d = _km(place.latitude, place.longitude, c.latitude, c.longitude)
            if d < distance:
                nearest, distance = c, d
        if nearest is None or distance > self.max_km:
            return None
        # Without municipal boundaries the nearest seat is a guess that weakens with distance.
        return Match(nearest.id, "point", 70 if distance <= 10 else 50)


def _km(lat1: Decimal | float, lon1: Decimal | float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(float(lat1)), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - float(lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
