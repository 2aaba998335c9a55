"""The map's geometry and the network's layout: pure functions, checked on their own."""

from __future__ import annotations

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
    ("value", "expected"),
    [(None, "nodata"), (0.0, "mixed"), (0.1, "pos1"), (0.5, "pos2"), (1.0, "pos4"),
     (-0.3, "neg2"), (-1.0, "neg4")],
)
def test_shade_follows_the_net_stance(value: float | None, expected: str) -> None:
    assert geo.shade(value) == expected


def test_circle_layout_is_deterministic_and_puts_the_hub_in_the_centre() -> None:
    codes = ["IRN", "KAZ", "PRK", "RUS"]
    first, again = layout.circle(codes, "RUS"), layout.circle(codes, "RUS")
    assert first == again
    assert first["RUS"] == layout.Point(layout.SIZE / 2, layout.SIZE / 2)
    assert first["IRN"].y < first["RUS"].y  # the first ring node sits at the top
    assert len({(p.x, p.y) for p in first.values()}) == len(codes)
