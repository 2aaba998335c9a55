"""The data behind each page and its JSON twin, computed once here so both show the same thing.

Every function takes the store and checked parameters and returns plain JSON-ready values (or
dataclasses the templates read), never HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coalition.export import claims_json
from coalition.models import (
    Certainty,
    ClaimQuery,
    Dimension,
    StanceCount,
    StoredArticle,
    StoredClaim,
)
from coalition.web import layout
from coalition.web.cache import CachedStore
from coalition.web.geo import Shape, load_shapes
from coalition.web.params import Period

GEOJSON = Path(__file__).parent / "static" / "geo" / "countries-110m.geojson"

if TYPE_CHECKING:
    from coalition.aggregate import Cell, Network
    from coalition.store import Store


@dataclass(frozen=True, slots=True)
class ClaimPage:
    """One page of a claims listing and the total that matched."""

    query: ClaimQuery
    total: int
    rows: list[StoredClaim]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: total, limit, offset and the claims."""
        return {
            "total": self.total,
            "limit": self.query.limit,
            "offset": self.query.offset,
            "claims": claims_json(self.rows),
        }


def claim_page(store: Store, query: ClaimQuery) -> ClaimPage:
    """The claims matching ``query``, newest first, with the count of all matches; with
    ``certainty=recorded``, the records instead."""
    if query.certainty is Certainty.RECORDED:
        return ClaimPage(query, store.count_records(query), store.records(query))
    return ClaimPage(query, *store.claim_page(query))


def cells(store: CachedStore, span: Period) -> list[Cell]:
    """The scorecard cells for a target and date range, kept for the pages that show them."""
    return store.memo(("cells", span), lambda: fresh_cells(store, span))


def fresh_cells(store: CachedStore, span: Period) -> list[Cell]:
    """The scorecard cells, computed now: for callers that keep only their encoding, since
    kept cells are objects every full garbage collection walks again."""
    from coalition.aggregate import scorecard, with_records

    return with_records(scorecard(_counts(store, span)), _record_counts(store, span))


def _record_counts(store: CachedStore, span: Period) -> list[StanceCount]:
    return list(store.record_counts(target=span.target, since=span.since, until=span.until))


def recorded_stances(store: CachedStore, span: Period) -> dict[str, str]:
    """Each state's recorded stance toward the target (the stance most of its records take),
    for the map's record marks."""
    if span.target is None:
        return {}
    return {cell.actor: cell.recorded.value for cell in cells(store, span)
            if cell.target == span.target and cell.recorded is not None}


def _counts(store: CachedStore, span: Period) -> list[StanceCount]:
    return list(store.stance_counts(target=span.target, since=span.since, until=span.until,
                                    view=span.view))


def actor_counts(store: CachedStore) -> list[tuple[str, int, int]]:
    """(code, claims as actor, claims as target) for every code."""
    return store.memo(("actor_counts",), lambda: list(store.actor_counts()))


def default_target(store: CachedStore) -> str | None:
    """The actor most often targeted: what the overview shows before a target is chosen."""
    counts = actor_counts(store)
    best = max(counts, key=lambda row: (row[2], row[0]), default=None)
    return best[0] if best and best[2] else None


def targets(store: CachedStore) -> list[str]:
    """Every actor that is the target of some claim, for the target selectors."""
    return sorted(code for code, _as_actor, as_target in actor_counts(store) if as_target)


def heatmap_rows(found: Sequence[Cell]) -> list[tuple[str, str, dict[str, Cell]]]:
    """Scorecard rows: (actor, target, cells by dimension value), busiest actors first."""
    rows: dict[tuple[str, str], dict[str, Cell]] = {}
    for cell in found:
        rows.setdefault((cell.actor, cell.target), {})[Dimension(cell.dimension).value] = cell
    return sorted(
        ((actor, target, by_dim) for (actor, target), by_dim in rows.items()),
        key=lambda row: (-sum(c.articles for c in row[2].values()), row[0], row[1]),
    )


def net_values(store: CachedStore, span: Period) -> dict[str, float]:
    """Each state's net stance toward the target (support minus refuse/oppose, scaled)."""
    from coalition.aggregate import net_stance

    if span.target is None:
        return {}
    return net_stance(cells(store, span), span.target)


def article_json(stored: StoredArticle) -> dict[str, Any]:
    """An article with its claims, as the API returns it."""
    article = stored.article
    return {
        **article_summary(stored),
        "author": article.author,
        "sha256": article.sha256,
        "text": article.text,
        "claims": claims_json(stored.claims),
    }


def actors_json(store: CachedStore) -> list[dict[str, Any]]:
    """Every actor with its display name and its claim counts as actor and as target."""
    from coalition.resolve import actor_name

    return [
        {"code": code, "name": actor_name(code), "as_actor": as_actor, "as_target": as_target}
        for code, as_actor, as_target in sorted(actor_counts(store))
    ]


def article_summary(stored: StoredArticle) -> dict[str, Any]:
    """An article's metadata without its text, for listings."""
    article = stored.article
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "site": article.site,
        "ingested_at": stored.ingested_at,
    }


def search_json(store: Store, text: str, limit: int) -> list[dict[str, Any]]:
    """Search hits (articles and evidence sentences) as dicts; nothing for an empty query."""
    if not text.strip():
        return []
    return [asdict(hit) for hit in store.search(text.strip(), limit=limit)]


def world(app: Any) -> list[Shape]:
    """The map's country shapes, projected on first use and kept on the app."""
    if app.state.world is None:
        app.state.world = load_shapes(GEOJSON)
    shapes: list[Shape] = app.state.world
    return shapes


def network(store: CachedStore, span: Period) -> Network:
    """The support network for a target (edges into it) or for all targets."""
    from coalition.aggregate import network as build

    return store.memo(("network", span), lambda: build(_counts(store, span)))


def record_network(store: CachedStore, span: Period) -> Network:
    """The records as a network of their own (edges weighted by records), kept apart from news."""
    from coalition.aggregate import network as build

    return store.memo(("record-network", span), lambda: build(_record_counts(store, span)))


@dataclass(frozen=True, slots=True)
class DrawnNode:
    """A node placed on the network drawing."""

    code: str
    x: float
    y: float
    r: float


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
    """The network laid out for the page."""

    size: float
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]


# Each stance bends its own amount so that support, refusal and opposition between the same two
# states stay visible side by side.
_BEND = {"support": 0.06, "refuse": 0.14, "oppose": 0.22}


def network_drawing(
    graph: Network, hub: str | None = None, records: Network | None = None
) -> Drawing:
    """Place the nodes on a circle (sorted by code, so the layout is stable), ``hub`` in the
    centre, and draw the edges; record edges between drawn nodes are drawn apart (dashed)."""
    codes = sorted(node.code for node in graph.nodes)
    places = layout.circle(codes, hub)
    heaviest = max((edge.articles for edge in graph.edges), default=1) or 1
    edges = [
        DrawnEdge(
            stance=edge.stance.value,
            path=layout.edge_path(places[edge.source], places[edge.target], _BEND[edge.stance]),
            width=round(1.0 + 5.0 * edge.articles / heaviest, 1),
            title=f"{edge.source} {edge.stance.value} {edge.target}: {edge.articles} article(s)"
            f" ({', '.join(d.value for d in edge.dimensions)})",
        )
        for edge in sorted(graph.edges, key=lambda e: -e.articles)
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
    nodes = [DrawnNode(code, p.x, p.y, layout.NODE_RADIUS) for code, p in places.items()]
    return Drawing(layout.SIZE, nodes, edges)
