"""network and timeline over hand-built counts and claims."""

from __future__ import annotations

from datetime import date

from coalition.aggregate import Edge, Node, network, timeline
from coalition.models import Certainty, Claim, Dimension, Stance, StanceCount, StoredClaim

SUP, REF = Stance.SUPPORT, Stance.REFUSE


def count(actor: str, target: str, dim: Dimension, stance: Stance, articles: int,
          claims: int) -> StanceCount:
    return StanceCount(actor, target, dim, stance, articles, articles, claims, None, None)


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
        Edge("IRN", "RUS", SUP, 4, 4, 6, (Dimension.ARMS, Dimension.ECONOMIC)),
        Edge("IRN", "RUS", REF, 1, 1, 2, (Dimension.TROOPS,)),
        Edge("KAZ", "RUS", REF, 2, 2, 2, (Dimension.TROOPS,)),
        Edge("RUS", "UKR", Stance.OPPOSE, 4, 4, 7, (Dimension.MILITARY,)),
    )
    data = graph.as_dict()
    assert data["nodes"][1] == {"code": "IRN", "claims": 8, "as_actor": 8, "as_target": 0}
    assert data["edges"][0] == {"source": "IRN", "target": "RUS", "stance": "support",
                                "articles": 4, "stories": 4, "claims": 6,
                                "dimensions": ["arms", "economic"]}


def test_network_keeps_one_dimension_when_asked() -> None:
    graph = network([
        count("IRN", "RUS", Dimension.ARMS, SUP, 3, 5),
        count("KAZ", "RUS", Dimension.TROOPS, REF, 2, 2),
    ], Dimension.TROOPS)
    assert [(e.source, e.stance) for e in graph.edges] == [("KAZ", REF)]
    assert {n.code for n in graph.nodes} == {"KAZ", "RUS"}


def test_empty_network() -> None:
    assert network([]).as_dict() == {"nodes": [], "edges": []}


def _stored(actor: str, stance: Stance, published: date | None, id: int) -> StoredClaim:
    claim = Claim("doc", actor, "RUS", Dimension.ARMS, stance, Certainty.ASSERTED, "x.", 0, 2)
    return StoredClaim(id, claim, "doc", None, None, "doc.md", published)


def test_timeline_counts_claims_per_month_actor_and_stance() -> None:
    points = timeline([
        _stored("IRN", SUP, date(2024, 2, 3), 1), _stored("IRN", SUP, date(2024, 2, 28), 2),
        _stored("KAZ", REF, date(2024, 2, 1), 3), _stored("IRN", REF, date(2024, 2, 9), 4),
        _stored("IRN", SUP, date(2023, 12, 31), 5), _stored("BLR", SUP, None, 6),
    ])
    assert [p.as_dict() for p in points] == [
        {"month": "2023-12", "actor": "IRN", "stance": "support", "claims": 1},
        {"month": "2024-02", "actor": "IRN", "stance": "support", "claims": 2},
        {"month": "2024-02", "actor": "IRN", "stance": "refuse", "claims": 1},
        {"month": "2024-02", "actor": "KAZ", "stance": "refuse", "claims": 1},
    ]
