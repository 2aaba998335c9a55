"""network over hand-built counts."""

from __future__ import annotations

from coalition.aggregate import Edge, Node, network
from coalition.models import Dimension, Stance, StanceCount

SUP, REF = Stance.SUPPORT, Stance.REFUSE


def count(actor: str, target: str, dim: Dimension, stance: Stance, articles: int,
          claims: int) -> StanceCount:
    return StanceCount(actor, target, dim, stance, articles, claims, None, None)


def test_network_nodes_and_edges() -> None:
    graph = network([
        count("IRN", "RUS", Dimension.ARMS, SUP, 3, 5),
        count("IRN", "RUS", Dimension.ECONOMIC, SUP, 1, 1),
        count("IRN", "RUS", Dimension.TROOPS, REF, 1, 2),
        count("KAZ", "RUS", Dimension.TROOPS, REF, 2, 2),
        count("RUS", "UKR", Dimension.MILITARY, Stance.OPPOSE, 4, 7),
    ])
    assert graph.nodes == (Node("RUS", 7, 10), Node("IRN", 8, 0), Node("UKR", 0, 7),
                           Node("KAZ", 2, 0))
    assert graph.nodes[0].claims == 17
    assert graph.edges == (
        Edge("IRN", "RUS", SUP, 4, 6, (Dimension.ARMS, Dimension.ECONOMIC)),
        Edge("IRN", "RUS", REF, 1, 2, (Dimension.TROOPS,)),
        Edge("KAZ", "RUS", REF, 2, 2, (Dimension.TROOPS,)),
        Edge("RUS", "UKR", Stance.OPPOSE, 4, 7, (Dimension.MILITARY,)),
    )
    data = graph.as_dict()
    assert data["nodes"][1] == {"code": "IRN", "claims": 8, "as_actor": 8, "as_target": 0}
    assert data["edges"][0] == {"source": "IRN", "target": "RUS", "stance": "support",
                                "articles": 4, "claims": 6, "dimensions": ["arms", "economic"]}


def test_empty_network() -> None:
    assert network([]).as_dict() == {"nodes": [], "edges": []}
