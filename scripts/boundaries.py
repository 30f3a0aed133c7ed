"""Builds puente/territory/boundaries/ from DANE's 2018 boundaries and Natural Earth (run by hand).

    node -e "..."  (see puente/territory/boundaries/README.md: world-atlas -> GeoJSON)
    scripts/uvrun python scripts/boundaries.py ../shared/data/geo /tmp/ve-co-10m.geojson

Keeps Norte de Santander's municipalities whole, every department lightly simplified, and
Venezuela's part of the map window with the international border line, so that the map and the
point-in-polygon matching need nothing outside Puente.
"""

import json
import sys
from pathlib import Path

from shapely import box, set_precision
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parents[1] / "puente" / "territory" / "boundaries"
# The map's window around Norte de Santander (west, south, east, north), in degrees.
WINDOW = (-74.3, 6.7, -71.4, 9.4)
GRID = 0.00001  # coordinates kept to 5 decimals (about a metre)


def feature(geometry, **properties) -> dict:  # noqa: ANN001
    return {"type": "Feature", "properties": properties, "geometry": mapping(geometry)}


def write(name: str, features: list[dict]) -> None:
    path = OUT / name
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                   separators=(",", ":")),
        encoding="utf-8",
    )  # fmt: skip
    print(f"{path.name}: {len(features)} features, {path.stat().st_size:,} bytes")


def main(dane: Path, natural_earth: Path) -> None:
    municipalities = json.loads(
        (dane / "norte-de-santander-municipalities-2018.geojson").read_text()
    )
    write(
        "norte-de-santander-municipalities.geojson",
        [
            feature(
                set_precision(shape(f["geometry"]), GRID),
                code=f["properties"]["MPIO_CCNCT"],
                name=f["properties"]["MPIO_CNMBR"],
            )
            for f in municipalities["features"]
        ],
    )
    departments = json.loads((dane / "co-departments-2018.geojson").read_text())["features"]
    shapes = {f["properties"]["DPTO_CCDGO"]: shape(f["geometry"]) for f in departments}
    write(
        "departments.geojson",
        [
            feature(
                set_precision(geometry.simplify(0.002, preserve_topology=True), GRID),
                code=code,
                name=next(
                    f["properties"]["DPTO_CNMBR"]
                    for f in departments
                    if f["properties"]["DPTO_CCDGO"] == code
                ),
            )  # fmt: skip
            for code, geometry in sorted(shapes.items())
        ],
    )
    colombia = unary_union(list(shapes.values())).buffer(0)
    world = json.loads(natural_earth.read_text())["features"]
    venezuela = shape(next(f for f in world if f["properties"]["name"] == "Venezuela")["geometry"])
    window = box(*WINDOW)
    # Venezuela's side of the window, cut along DANE's border so the two never overlap.
    side = venezuela.intersection(window).difference(colombia)
    side = side.buffer(0.004).buffer(-0.004)  # closes slivers between the two sources
    border = colombia.boundary.intersection(venezuela.buffer(0.05)).intersection(window)
    write(
        "venezuela-near-norte-de-santander.geojson",
        [
            feature(set_precision(side.difference(colombia), GRID), kind="country", code="VE",
                    name="Venezuela"),
            feature(set_precision(border, GRID), kind="border", code="CO-VE",
                    name="Colombia–Venezuela"),
        ],
    )  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
