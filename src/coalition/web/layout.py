"""A deterministic layout for the support network, drawn as SVG: sides apart around a hub.

The hub (the chosen target) sits in the centre; every other state sits on a ring in the arc of
its side toward the hub: supporters on the left, refusers at the bottom, opponents on the right,
the mixed and the unrelated at the top. Each side's arc grows with its number of states, and a
crowded arc puts every other state on an outer ring, so 40 states keep their labels apart. The
same data always gives the same picture; edges bend a little so that A->B and B->A stay apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

SIZE = 800.0
NODE_RADIUS = 20.0
RINGS = (255.0, 340.0)
# The order the sides follow clockwise round the circle, and where each would like the middle
# of its arc to point (angles run clockwise from the top): supporters west, the mixed
# north-west, the unrelated north, opponents east, refusers south.
SIDES = ("support", "mixed", "other", "oppose", "refuse")
_AIM = {"support": 1.5 * math.pi, "mixed": 1.75 * math.pi, "other": 0.0, "oppose": 0.5 * math.pi,
        "refuse": math.pi}
_GAP = 0.22  # radians between two sides' arcs
_CROWDED = 3.0 * NODE_RADIUS  # closer neighbours than this go on alternate rings


@dataclass(frozen=True, slots=True)
class Point:
    """A position on the SVG canvas."""

    x: float
    y: float


def sectors(sides: Mapping[str, str], hub: str | None = None) -> dict[str, Point]:
    """Each code's position: ``hub`` in the centre, the others in their side's arc.

    Args:
        sides: every node's side (one of :data:`SIDES`), in the order to place them within it.
        hub: the node to put in the centre (the chosen target), if any.
    """
    centre = SIZE / 2
    groups = {side: [c for c in sides if c != hub and sides[c] == side] for side in SIDES}
    filled = [side for side in SIDES if groups[side]]
    total = sum(len(groups[side]) for side in filled)
    places: dict[str, Point] = {}
    if hub is not None and hub in sides:
        places[hub] = Point(centre, centre)
    if not total:
        return places
    gap = _GAP if len(filled) > 1 else 0.0
    spread = 2 * math.pi - gap * len(filled)
    arcs, starts, angle = {}, {}, 0.0
    for side in filled:
        arcs[side] = spread * len(groups[side]) / total
        starts[side] = angle
        angle += arcs[side] + gap
    turn = _turn({side: (starts[side] + arcs[side] / 2, len(groups[side])) for side in filled})
    for side in filled:
        codes = groups[side]
        step = arcs[side] / len(codes)
        alternate = step * RINGS[0] < _CROWDED
        for i, code in enumerate(codes):
            theta = turn + starts[side] + step * (i + 0.5)
            radius = RINGS[i % 2] if alternate else RINGS[0]
            places[code] = Point(round(centre + radius * math.sin(theta), 1),
                                 round(centre - radius * math.cos(theta), 1))
    return places


def _turn(middles: Mapping[str, tuple[float, int]]) -> float:
    """The rotation that brings each side's arc closest to where it aims, weighted by size:
    the circular mean of the differences."""
    sin = sum(n * math.sin(_AIM[side] - middle) for side, (middle, n) in middles.items())
    cos = sum(n * math.cos(_AIM[side] - middle) for side, (middle, n) in middles.items())
    return math.atan2(sin, cos)


def edge_path(source: Point, target: Point, bend: float = 0.12) -> str:
    """A curved SVG path from one node's rim to the other's, bending to its left."""
    dx, dy = target.x - source.x, target.y - source.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    start = Point(source.x + ux * NODE_RADIUS, source.y + uy * NODE_RADIUS)
    end = Point(target.x - ux * (NODE_RADIUS + 4), target.y - uy * (NODE_RADIUS + 4))
    mid_x = (start.x + end.x) / 2 + uy * length * bend
    mid_y = (start.y + end.y) / 2 - ux * length * bend
    return (
        f"M{start.x:.1f},{start.y:.1f} Q{mid_x:.1f},{mid_y:.1f} {end.x:.1f},{end.y:.1f}"
    )
