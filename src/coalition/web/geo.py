"""The world map: Natural Earth shapes projected to SVG paths, and the colour class of a value.

The projection is equirectangular, cropped to the inhabited latitudes; it is computed once per
app (the caller keeps the result) from the GeoJSON shipped in ``static/geo/``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

WIDTH = 960.0
NORTH, SOUTH = 84.0, -57.0
SCALE = WIDTH / 360.0
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)
SKIP = {"ATA"}  # Antarctica: large, empty of states, and mostly outside the crop
SHADES = 4


@dataclass(frozen=True, slots=True)
class Shape:
    """One country: its ISO alpha-3 code, its Natural Earth name and its SVG path."""

    code: str
    name: str
    path: str


def load_shapes(geojson: Path) -> list[Shape]:
    """Project every country of a GeoJSON FeatureCollection (with ``ISO_A3``) to an SVG path."""
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    shapes = []
    for feature in features:
        code = feature["properties"]["ISO_A3"]
        if code in SKIP:
            continue
        rings = [ring for polygon in feature["geometry"]["coordinates"] for ring in polygon]
        path = "".join(_ring_path(ring) for ring in rings)
        shapes.append(Shape(code, feature["properties"]["name"], path))
    return shapes


def _ring_path(ring: list[list[float]]) -> str:
    points = [_project(lon, lat) for lon, lat in _unwrap(ring)]
    head, *rest = points
    return f"M{head[0]},{head[1]}" + "".join(f"L{x},{y}" for x, y in rest) + "Z"


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    # A ring that crosses the antimeridian (Russia's Chukotka, Fiji) jumps from +180 to -180;
    # drawn as is it would streak across the whole map. Shifted east it stays whole, and the
    # sliver past +180 falls outside the picture.
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:], strict=False))
    return [[lon + 360 if crosses and lon < 0 else lon, lat] for lon, lat in ring]


def _project(lon: float, lat: float) -> tuple[float, float]:
    lat = min(max(lat, SOUTH), NORTH)
    return round((lon + 180.0) * SCALE, 1), round((NORTH - lat) * SCALE, 1)


def shade(side: str | None, net: float = 0.0) -> str:
    """CSS class of a state's lean: its side and a step 1..4 from the size of its net lean
    (``support3``, ``refuse1``, ``oppose4``), ``mixed``, or ``nodata`` without claims.

    Args:
        side: ``support``, ``refuse``, ``oppose`` or ``mixed``; ``None`` without claims.
        net: the lean in -1..1, which grows with the number of stories.
    """
    if side is None:
        return "nodata"
    if side == "mixed":
        return "mixed"
    step = max(1, min(SHADES, math.ceil(abs(net) * SHADES)))
    return f"{side}{step}"
