"""Shading for a choropleth: values into a few classes by quantiles, each with its colour, and
the areas a map template draws (see templates/includes/choropleth.html)."""

import math
from dataclasses import dataclass
from decimal import Decimal

# Sequential blues, light to dark (ColorBrewer "Blues", 5 classes): readable with black labels
# on the three lightest and white on the two darkest.
PALETTE = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
INK = ["#000", "#000", "#000", "#fff", "#fff"]
EMPTY = "#f4f4f4"  # nothing there: a pale grey, told apart from the lightest blue by the legend


@dataclass(frozen=True)
class Shade:
    index: int  # -1: nothing; else the class
    fill: str
    ink: str


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    fill: str


def bands(values: list[float], count: int = len(PALETTE)) -> list[Band]:
    """Up to `count` classes over the non-zero values, each holding about as many places."""
    found = sorted(v for v in values if v > 0)
    if not found:
        return []
    edges: list[float] = []
    for k in range(1, count + 1):
        edge = found[max(0, math.ceil(k * len(found) / count) - 1)]
        if not edges or edge > edges[-1]:
            edges.append(edge)
    colours = PALETTE[len(PALETTE) - len(edges) :] if len(edges) < 3 else PALETTE[: len(edges)]
    lows = [found[0], *edges[:-1]]
    return [Band(low, high, colour) for low, high, colour in zip(lows, edges, colours, strict=True)]


def shade(value: float | Decimal, classes: list[Band]) -> Shade:
    if not value or not classes:
        return Shade(-1, EMPTY, "#000")
    for index, band in enumerate(classes):
        if float(value) <= band.high:
            return Shade(index, band.fill, INK[PALETTE.index(band.fill)])
    last = classes[-1]
    return Shade(len(classes) - 1, last.fill, INK[PALETTE.index(last.fill)])


@dataclass(frozen=True)
class Area:
    """One shape of a drawn map, as includes/choropleth.html draws it."""

    code: str
    name: str
    d: str  # SVG path data
    x: float  # label position
    y: float
    fill: str
    ink: str  # the label's colour on that fill
    href: str
    label: str  # what a screen reader hears on the link
    current: bool = False
