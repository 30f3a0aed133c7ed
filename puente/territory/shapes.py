"""Which municipality a point falls in, from DANE's 2018 polygons, and on which side of the border.

The polygons are simplified for maps: near a boundary a point may fall on the wrong side of the
simplified line, so a point closer to a boundary than TOLERANCE is reported as near the edge.
Built from plain GeoJSON geometries, so it is tested without a database.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from shapely import STRtree, prepare
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

FOLDER = Path(__file__).parent / "boundaries"
# How far (in degrees, about 1 km) the simplified lines may stray from DANE's surveyed ones.
TOLERANCE = 0.01


@dataclass(frozen=True)
class Inside:
    municipality_id: int
    near_edge: bool


class Shapes:
    def __init__(
        self, municipalities: list[tuple[int, dict]], colombia: list[dict] | None = None
    ) -> None:
        """`municipalities`: (id, GeoJSON geometry) pairs; `colombia`: the geometries whose
        union is the country (its departments), for telling which side of the border a point is."""
        self.ids = [pk for pk, geometry in municipalities if geometry]
        self.polygons: list[BaseGeometry] = [shape(g) for _pk, g in municipalities if g]
        for polygon in self.polygons:
            prepare(polygon)
        self.tree = STRtree(self.polygons)
        self.colombia = unary_union([shape(g) for g in colombia or [] if g]) if colombia else None
        if self.colombia is not None:
            prepare(self.colombia)

    def municipality_at(self, latitude: float, longitude: float) -> Inside | None:
        point = Point(float(longitude), float(latitude))
        for index in self.tree.query(point, predicate="intersects"):
            polygon = self.polygons[index]
            return Inside(self.ids[index], near_edge=polygon.boundary.distance(point) < TOLERANCE)
        return None

    def in_colombia(self, latitude: float, longitude: float) -> bool | None:
        """True inside Colombia, False outside, None when the country's outline is unknown."""
        if self.colombia is None:
            return None
        return bool(self.colombia.intersects(Point(float(longitude), float(latitude))))


def features(name: str) -> list[dict]:
    """The features of one of the GeoJSON files shipped in territory/boundaries."""
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))["features"]
