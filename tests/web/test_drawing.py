"""The map's geometry and the network's layout: pure functions, checked on their own."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from coalition.web import geo, layout

GEOJSON = Path(geo.__file__).parent / "static" / "geo" / "countries-110m.geojson"


@pytest.fixture(scope="module")
def shapes() -> dict[str, geo.Shape]:
    return {shape.code: shape for shape in geo.load_shapes(GEOJSON)}


def test_world_has_the_states_by_iso_alpha3(shapes: dict[str, geo.Shape]) -> None:
    assert len(shapes) > 170
    for code in ("RUS", "UKR", "IRN", "KAZ", "USA", "CHN", "XKX"):
        assert code in shapes
    assert all(re.fullmatch(r"[A-Z]{3}|-99", code) for code in shapes)
    assert "ATA" not in shapes


@pytest.mark.parametrize("code", ["RUS", "FJI", "USA"])
def test_no_ring_streaks_across_the_map(shapes: dict[str, geo.Shape], code: str) -> None:
    # A ring crossing the antimeridian drawn naively jumps by the map's whole width.
    for ring in shapes[code].path.split("M")[1:]:
        xs = [float(point.split(",")[0]) for point in re.split(r"[LZ]", ring) if point]
        assert all(abs(a - b) < geo.WIDTH / 2 for a, b in zip(xs, xs[1:], strict=False)), code


def test_every_point_is_inside_the_crop(shapes: dict[str, geo.Shape]) -> None:
    ys = [float(y) for shape in shapes.values() for y in re.findall(r",(-?[\d.]+)", shape.path)]
    assert min(ys) >= 0 and max(ys) <= geo.HEIGHT


@pytest.mark.parametrize(
    ("side", "net", "expected"),
    [(None, 0.0, "nodata"), ("mixed", 0.0, "mixed"), ("support", 0.1, "support1"),
     ("support", 0.25, "support1"), ("support", 5 / 8, "support3"), ("refuse", -0.3, "refuse2"),
     ("oppose", -1.0, "oppose4")],
)
def test_shade_is_the_side_stepped_by_the_lean(side: str | None, net: float,
                                               expected: str) -> None:
    assert geo.shade(side, net) == expected


def test_sectors_put_the_hub_in_the_centre_and_the_sides_apart() -> None:
    sides = {"RUS": "other", "BLR": "support", "IRN": "support", "KAZ": "refuse",
             "ARM": "refuse", "POL": "oppose", "UKR": "oppose", "CHN": "mixed"}
    first, again = layout.sectors(sides, "RUS"), layout.sectors(sides, "RUS")
    assert first == again
    centre = layout.SIZE / 2
    assert first["RUS"] == layout.Point(centre, centre)
    assert all(first[c].x < centre for c in ("BLR", "IRN"))  # supporters on the left
    assert all(first[c].x > centre for c in ("POL", "UKR"))  # opponents on the right
    assert all(first[c].y > centre for c in ("KAZ", "ARM"))  # refusers below
    assert first["CHN"].y < centre  # the mixed at the top


def test_forty_states_keep_their_nodes_apart() -> None:
    codes = [f"S{i:02d}" for i in range(40)]
    sides = {code: layout.SIDES[i % 4] for i, code in enumerate(codes)}
    places = layout.sectors({"HUB": "other", **sides}, "HUB")
    points = list(places.values())
    closest = min(math.dist((a.x, a.y), (b.x, b.y))
                  for i, a in enumerate(points) for b in points[i + 1:])
    assert closest > 2.5 * layout.NODE_RADIUS
    assert all(0 < p.x < layout.SIZE and 0 < p.y < layout.SIZE for p in points)
