"""A deterministic circular layout for the support network, drawn as SVG.

Nodes sit on a circle in the order given (the caller sorts them), so the same data always gives
the same picture; edges bend a little so that A->B and B->A stay apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SIZE = 640.0
RADIUS = 250.0
NODE_RADIUS = 16.0


@dataclass(frozen=True, slots=True)
class Point:
    """A position on the SVG canvas."""

    x: float
    y: float


def circle(codes: Sequence[str], hub: str | None = None) -> dict[str, Point]:
    """Each code's position on a circle, the first at the top, going clockwise.

    Args:
        codes: the nodes, in the order to place them.
        hub: a node to put in the centre instead (the chosen target), so its edges fan out.
    """
    centre = SIZE / 2
    ring = [code for code in codes if code != hub]
    count = max(1, len(ring))
    places = {
        code: Point(
            round(centre + RADIUS * math.sin(2 * math.pi * i / count), 1),
            round(centre - RADIUS * math.cos(2 * math.pi * i / count), 1),
        )
        for i, code in enumerate(ring)
    }
    if hub is not None and hub in codes:
        places[hub] = Point(centre, centre)
    return places


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


def label_anchor(point: Point) -> Point:
    """Where a node's label goes: outside the circle, away from the centre."""
    centre = SIZE / 2
    dx, dy = point.x - centre, point.y - centre
    length = math.hypot(dx, dy) or 1.0
    offset = NODE_RADIUS + 14
    return Point(round(point.x + dx / length * offset, 1), round(point.y + dy / length * offset, 1))
