"""Norte de Santander drawn as SVG paths: municipalities, neighbouring departments, the border.

Server-side drawing (no map library, no tiles): the page carries its own map, works without
JavaScript and under the strict CSP, and every municipality is a link a keyboard reaches.
Coordinates are projected once (equirectangular, corrected for latitude) and cached per process.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.geometry.base import BaseGeometry

from puente.lib.choropleth import Area
from puente.lib.names import fold

from .models import Department, Municipality
from .shapes import features

WIDTH = 640.0  # SVG user units across the department's map
# Label sizes in the map's units (puente.css: .labels text at department scale, and enlarged).
LABEL_SIZE, METRO_LABEL_SIZE = 8.5, 2.4
MARGIN = 0.08  # degrees of surroundings shown around the department
# Cúcuta's metropolitan area, too small at department scale: drawn again, enlarged.
METRO = (-72.62, 7.74, -72.40, 7.98)  # west, south, east, north


@dataclass(frozen=True)
class Drawn:
    code: str
    name: str
    d: str  # SVG path data
    x: float  # where its label goes
    y: float


@dataclass(frozen=True)
class BaseMap:
    width: float
    height: float
    municipalities: list[Drawn]
    neighbours: list[Drawn]  # the departments around
    venezuela: str
    border: str
    metro_box: tuple[float, float, float, float]  # x, y, width, height in the map's units
    # Labels of the enlarged metropolitan area: each municipality's part inside it.
    metro_labels: list[Drawn]
    # Municipalities labelled in the enlargement rather than on the department's map.
    metro_codes: frozenset[str]


class _Projection:
    def __init__(self, west: float, south: float, east: float, north: float) -> None:
        self.west, self.north = west, north
        self.kx = WIDTH / (east - west)
        self.ky = self.kx / math.cos(math.radians((south + north) / 2))
        self.height = (north - south) * self.ky

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return round((lon - self.west) * self.kx, 1), round((self.north - lat) * self.ky, 1)

    def path(self, geometry: BaseGeometry) -> str:
        parts = []
        polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
        for polygon in polygons:
            if not isinstance(polygon, Polygon) or polygon.is_empty:
                continue
            for ring in [polygon.exterior, *polygon.interiors]:
                points = [self.point(x, y) for x, y in ring.coords]
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        return "".join(parts)

    def line(self, geometry: BaseGeometry) -> str:
        lines = getattr(geometry, "geoms", [geometry])
        parts = []
        for line in lines:
            points = [self.point(x, y) for x, y in getattr(line, "coords", [])]
            if points:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points))
        return "".join(parts)


@cache
def base_map(department: str = "54") -> BaseMap | None:
    """The department's map; reference data, drawn once per process (load_reference_data
    forgets it). None until the boundaries are loaded: the pages then show their tables alone."""
    rows = [
        (m.code, m.name, shape(m.boundary))
        for m in Municipality.objects.of_department(department).exclude(boundary={})
    ]
    if not rows:
        return None
    whole = MultiPolygon(
        [p for _c, _n, g in rows for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon)]
    )
    west, south, east, north = whole.bounds
    west, south, east, north = west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN
    frame = _Projection(west, south, east, north)
    window = box(west, south, east, north)
    municipalities = []
    # In the order of their names (the Tab key's order): "Ábrego" among the A's.
    for code, name, geometry in sorted(rows, key=lambda row: fold(row[1])):
        label = geometry.representative_point()
        x, y = frame.point(label.x, label.y)
        municipalities.append(Drawn(code, name, frame.path(geometry), x, y))
    neighbours = []
    for other in Department.objects.exclude(code=department).exclude(boundary={}):
        clipped = shape(other.boundary).intersection(window)
        if not clipped.is_empty:
            label = clipped.representative_point()
            x, y = frame.point(label.x, label.y)
            neighbours.append(Drawn(other.code, other.name, frame.path(clipped), x, y))
    venezuela = border = ""
    for f in features("venezuela-near-norte-de-santander.geojson"):
        geometry = shape(f["geometry"]).intersection(window)
        if f["properties"]["kind"] == "country":
            venezuela = frame.path(geometry)
        else:
            border = frame.line(geometry)
    metro = box(*METRO)
    metro_labels = []
    for code, name, geometry in rows:
        part = geometry.intersection(metro)
        if part.area > 0.04 * metro.area or (not part.is_empty and part.area == geometry.area):
            label = part.representative_point()
            x, y = frame.point(label.x, label.y)
            metro_labels.append(Drawn(code, name, "", x, y))
    mx0, my0 = frame.point(METRO[0], METRO[3])
    mx1, my1 = frame.point(METRO[2], METRO[1])
    in_metro = frozenset(m.code for m in municipalities if mx0 <= m.x <= mx1 and my0 <= m.y <= my1)
    moved = {
        m.code: m for m in apart([m for m in municipalities if m.code not in in_metro], LABEL_SIZE)
    }
    return BaseMap(
        width=WIDTH,
        height=round(frame.height, 1),
        municipalities=[moved.get(m.code, m) for m in municipalities],
        neighbours=neighbours,
        venezuela=venezuela,
        border=border,
        metro_box=(mx0, my0, round(mx1 - mx0, 1), round(my1 - my0, 1)),
        metro_labels=apart(metro_labels, METRO_LABEL_SIZE),
        metro_codes=in_metro,
    )


def apart(labels: list[Drawn], size: float) -> list[Drawn]:
    """The labels, each moved down a line at a time (three at most) until it overlaps none
    placed before it: neighbours whose label points nearly meet ("Los Patios" and "Villa del
    Rosario") no longer print over each other. Widths are estimated from the name's length."""

    def clash(x: float, y: float, label: Drawn, other: Drawn) -> bool:
        reach = 0.3 * size * (len(label.name) + len(other.name))  # half widths, at ~0.6 em
        return abs(x - other.x) < reach and abs(y - other.y) < 1.1 * size

    placed: list[Drawn] = []
    for label in sorted(labels, key=lambda m: (m.y, m.x)):
        y = label.y
        for _line in range(3):
            if not any(clash(label.x, y, label, other) for other in placed):
                break
            y = round(y + 1.2 * size, 1)
        placed.append(replace(label, y=y))
    return placed


def areas_of(
    drawing: BaseMap | None,
    paint: Callable[[Drawn], tuple[str, str, str, str]],
    current: str = "",
) -> list[Area]:
    """The municipalities as areas to draw: `paint` gives each its (fill, ink, link, spoken
    label); `current` is the code of the one chosen."""
    found = []
    for m in drawing.municipalities if drawing else []:
        fill, ink, href, label = paint(m)
        found.append(Area(m.code, m.name, m.d, m.x, m.y, fill, ink, href, label, m.code == current))
    return found
