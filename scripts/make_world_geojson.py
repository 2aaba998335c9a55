"""Convert world-atlas' Natural Earth 110m TopoJSON to the GeoJSON the web map ships.

Run once by hand when the geometry is updated; the result is committed under
``src/coalition/web/static/geo/``. Inputs come from ``npm pack`` tarballs, unpacked:

    npm pack world-atlas@2.0.2 world-countries@5.1.0
    python scripts/make_world_geojson.py world-atlas/package/countries-110m.json \
        world-countries/package/countries.json src/coalition/web/static/geo/countries-110m.geojson

world-atlas ids are ISO 3166-1 numeric codes; world-countries maps them to alpha-3, which is
what claims use. Three shapes have no numeric code and are named by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Natural Earth shapes without an ISO numeric id: Kosovo has the user-assigned XKX; the other
# two are not states the claims can name, so they get a placeholder that never matches.
UNCODED = {"Kosovo": "XKX", "N. Cyprus": "-99", "Somaliland": "-99"}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring from arc indices; a negative index is the reversed arc ``~i``."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return [list(p) for p in points]


def convert(topology: dict[str, Any], numeric_to_alpha3: dict[str, str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with ``ISO_A3`` and ``name`` properties."""
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = numeric_to_alpha3.get(geometry.get("id", ""), UNCODED.get(name, "-99"))
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
        features.append({
            "type": "Feature",
            "properties": {"ISO_A3": code, "name": name},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features}


def main(atlas: str, countries: str, out: str) -> None:
    topology = json.loads(Path(atlas).read_text(encoding="utf-8"))
    records = json.loads(Path(countries).read_text(encoding="utf-8"))
    codes = {c["ccn3"]: c["cca3"] for c in records if c["ccn3"]}
    geojson = convert(topology, codes)
    Path(out).write_text(json.dumps(geojson, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
