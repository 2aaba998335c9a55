"""Who acts toward whom: states and alliances as nodes, stances as weighted directed edges."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coalition.aggregate._order import STANCE_ORDER
from coalition.models import Dimension, Stance, StanceCount


@dataclass(frozen=True, slots=True)
class Node:
    """An actor or target code with how many claims it makes and receives."""

    code: str
    as_actor: int
    as_target: int

    @property
    def claims(self) -> int:
        """Claims the code appears in, either side."""
        return self.as_actor + self.as_target

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"code": self.code, "claims": self.claims, "as_actor": self.as_actor,
                "as_target": self.as_target}


@dataclass(frozen=True, slots=True)
class Edge:
    """``source`` takes ``stance`` toward ``target`` in one or more dimensions.

    ``articles`` and ``stories`` add up the distinct articles and independent stories of each
    dimension, so an article backing two dimensions counts twice: they weigh the edge, they are
    not counts of distinct articles.
    """

    source: str
    target: str
    stance: Stance
    articles: int
    stories: int
    claims: int
    dimensions: tuple[Dimension, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"source": self.source, "target": self.target, "stance": self.stance.value,
                "articles": self.articles, "stories": self.stories, "claims": self.claims,
                "dimensions": [d.value for d in self.dimensions]}


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes most claims first; edges by source, target and stance."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON form: ``{"nodes": [...], "edges": [...]}``."""
        return {"nodes": [n.as_dict() for n in self.nodes],
                "edges": [e.as_dict() for e in self.edges]}


def network(counts: Iterable[StanceCount], dimension: Dimension | None = None) -> Network:
    """The actor-to-target graph of stance counts, one edge per (actor, target, stance).

    Args:
        counts: what ``Store.stance_counts`` returns.
        dimension: only the evidence in this dimension.

    Returns:
        Nodes with their claim counts and edges weighted by stories, articles and claims.
    """
    as_actor: dict[str, int] = {}
    as_target: dict[str, int] = {}
    edges: dict[tuple[str, str, Stance], list[StanceCount]] = {}
    for count in counts:
        if dimension is not None and count.dimension is not dimension:
            continue
        as_actor[count.actor] = as_actor.get(count.actor, 0) + count.claims
        as_target[count.target] = as_target.get(count.target, 0) + count.claims
        edges.setdefault((count.actor, count.target, count.stance), []).append(count)
    nodes = [Node(code, as_actor.get(code, 0), as_target.get(code, 0))
             for code in as_actor.keys() | as_target.keys()]
    nodes.sort(key=lambda n: (-n.claims, n.code))
    keys = sorted(edges, key=lambda k: (k[0], k[1], STANCE_ORDER[k[2]]))
    return Network(
        nodes=tuple(nodes),
        edges=tuple(_edge(*key, edges[key]) for key in keys),
    )


def _edge(source: str, target: str, stance: Stance, counts: list[StanceCount]) -> Edge:
    dimensions = sorted({c.dimension for c in counts}, key=list(Dimension).index)
    return Edge(source, target, stance, articles=sum(c.articles for c in counts),
                stories=sum(c.stories for c in counts), claims=sum(c.claims for c in counts),
                dimensions=tuple(dimensions))
