"""The support network laid out for its page: states on their side of the hub, edges as paths.

The hub is the chosen target, or with all targets the most targeted state; every other state's
side is where its independent stories toward the hub put it (``aggregate.side_of``), ``other``
when it has none. Edges are weighed by stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coalition.aggregate import side_of
from coalition.models import Stance
from coalition.web import layout

if TYPE_CHECKING:
    from coalition.aggregate import Edge, Network

OTHER = "other"
# Each stance bends its own amount so that support, refusal and opposition between the same two
# states stay visible side by side.
_BEND = {"support": 0.06, "refuse": 0.14, "oppose": 0.22}


@dataclass(frozen=True, slots=True)
class DrawnNode:
    """A node placed on the network drawing, with its side toward the hub."""

    code: str
    x: float
    y: float
    r: float
    side: str


@dataclass(frozen=True, slots=True)
class DrawnEdge:
    """An edge as an SVG path, with its stroke width and hover text."""

    stance: str
    path: str
    width: float
    title: str
    recorded: bool = False


@dataclass(frozen=True, slots=True)
class Drawing:
    """The network laid out for the page; ``sides`` lists each side's states, most stories
    toward the hub first, for the legend under the drawing."""

    size: float
    hub: str | None
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]
    sides: dict[str, list[tuple[str, int]]]


def network_drawing(
    graph: Network, hub: str | None = None, records: Network | None = None
) -> Drawing:
    """Place the nodes by side around the hub and draw the edges, heaviest first; record
    edges (votes) between drawn nodes are drawn apart (dashed) and place no node."""
    codes = sorted(node.code for node in graph.nodes)
    if hub not in codes:
        hub = max(graph.nodes, key=lambda n: (n.as_target, n.code)).code if codes else None
    toward: dict[str, dict[Stance, int]] = {}
    for edge in graph.edges:
        if edge.target == hub and edge.source != hub:
            toward.setdefault(edge.source, {})[edge.stance] = edge.stories
    sides = {code: side_of(toward[code]) if code in toward else OTHER for code in codes}
    places = layout.sectors(sides, hub)
    heaviest = max((edge.stories for edge in graph.edges), default=1) or 1
    edges = [
        DrawnEdge(
            stance=edge.stance.value,
            path=layout.edge_path(places[edge.source], places[edge.target], _BEND[edge.stance]),
            width=round(1.0 + 5.0 * edge.stories / heaviest, 1),
            title=_edge_title(edge),
        )
        for edge in sorted(graph.edges, key=lambda e: -e.stories)
    ]
    edges += [
        DrawnEdge(
            stance=edge.stance.value,
            path=layout.edge_path(places[edge.source], places[edge.target],
                                  _BEND[edge.stance] + 0.04),
            width=1.5,
            title=f"{edge.source} {edge.stance.value} {edge.target}: {edge.claims} record(s)",
            recorded=True,
        )
        for edge in (records.edges if records else ())
        if edge.source in places and edge.target in places
    ]
    nodes = [DrawnNode(code, p.x, p.y, layout.NODE_RADIUS, sides.get(code, OTHER))
             for code, p in places.items()]
    listed: dict[str, list[tuple[str, int]]] = {}
    for code in codes:
        if code != hub and code in toward:
            listed.setdefault(sides[code], []).append((code, sum(toward[code].values())))
    for members in listed.values():
        members.sort(key=lambda m: (-m[1], m[0]))
    return Drawing(layout.SIZE, hub, nodes, edges, listed)


def _edge_title(edge: Edge) -> str:
    stories = f"{edge.stories} stor{'y' if edge.stories == 1 else 'ies'}"
    dims = ", ".join(d.value for d in edge.dimensions)
    return (f"{edge.source} {edge.stance.value} {edge.target}: {stories}, "
            f"{edge.articles} article(s) ({dims})")
