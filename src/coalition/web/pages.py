"""The HTML pages: overview heatmap, world map, network, state, article, claims and search.

Each page reads its data through :mod:`.views`, like its JSON twin under ``/api``, and names
that twin in a ``Link: rel=alternate`` header and a link at the foot of the page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from coalition.models import ClaimQuery, Dimension, StoredClaim
from coalition.web import history, views
from coalition.web.drawing import network_drawing
from coalition.web.geo import HEIGHT, WIDTH, shade
from coalition.web.highlight import article_pieces
from coalition.web.params import (
    DimensionParam,
    Period,
    choice,
    claim_params,
    code,
    period_params,
    words,
)
from coalition.web.render import page, query, remembered

router = APIRouter(include_in_schema=False)
Span = Annotated[Period, Depends(period_params)]
STATE_CLAIMS = 500


def _store(request: Request) -> Any:
    return request.app.state.store


def _chosen(request: Request, span: Period) -> Period:
    # A page that needs a target and got none shows the most-targeted actor.
    return span if span.target else replace(span, target=views.default_target(_store(request)))


def _span_query(span: Period) -> str:
    return query(target=span.target, since=span.since, until=span.until)


@router.get("/", response_class=HTMLResponse)
@remembered
def overview(request: Request, span: Span) -> HTMLResponse:
    """The scorecard heatmap: actors by dimensions toward one target."""
    span = _chosen(request, span)
    store = _store(request)
    rows = views.heatmap_rows(views.cells(store, span))
    return page(
        request, "overview.html", "/api/scorecard" + _span_query(span),
        span=span, targets=views.targets(store), rows=rows, strength=strength,
    )


@router.get("/map", response_class=HTMLResponse)
@remembered
def world_map(request: Request, span: Span) -> HTMLResponse:
    """A choropleth of each state's net stance toward the target."""
    span = _chosen(request, span)
    store = _store(request)
    found = {lean.actor: lean for lean in views.leanings(store, span)}
    return page(
        request, "map.html", "/api/map" + _span_query(span),
        span=span, targets=views.targets(store), shapes=views.world(request.app),
        leans=found, classes={c: shade(lean.side, lean.net) for c, lean in found.items()},
        recorded=views.recorded_stances(store, span), lean_text=views.lean_text,
        map_size=(WIDTH, HEIGHT),
    )


@router.get("/network", response_class=HTMLResponse)
@remembered
def network(request: Request, span: Span, dimension: DimensionParam = None) -> HTMLResponse:
    """States as nodes, support, refusal and opposition as weighted directed edges, with the
    target's supporters, refusers and opponents apart."""
    store = _store(request)
    chosen = choice("dimension", dimension, Dimension)
    graph = network_drawing(views.network(store, span, chosen), span.target,
                            views.record_network(store, span, chosen))
    twin = "/api/network" + query(target=span.target, since=span.since, until=span.until,
                                  dimension=chosen)
    return page(request, "network.html", twin, span=span, targets=views.targets(store),
                graph=graph, dimension=chosen)


@router.get("/state/{actor}", response_class=HTMLResponse)
@remembered
def state(request: Request, actor: str) -> HTMLResponse:
    """What one state does, per dimension, with the evidence sentences, newest first."""
    actor_code = code("actor", actor)
    store = _store(request)
    rows = store.claims(ClaimQuery(actor=actor_code, limit=STATE_CLAIMS))
    received = store.count_claims(ClaimQuery(target=actor_code))
    records = store.records(ClaimQuery(actor=actor_code, limit=STATE_CLAIMS))
    acts = ClaimQuery(actor=actor_code)
    return page(
        request, "state.html", "/api/claims" + query(actor=actor_code, limit=STATE_CLAIMS),
        actor=actor_code, groups=_by_dimension(rows), total=len(rows), received=received,
        records=records, chart=history.chart(acts, history.timeline_points(request, acts), 30.0),
    )


def _by_dimension(rows: list[StoredClaim]) -> list[tuple[str, list[StoredClaim]]]:
    groups: dict[str, list[StoredClaim]] = {d.value: [] for d in Dimension}
    for row in rows:
        groups[row.claim.dimension.value].append(row)
    return [(name, found) for name, found in groups.items() if found]


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
@remembered
def article(request: Request, article_id: str) -> HTMLResponse:
    """The article text with every claim sentence highlighted and linked to its claim."""
    store = _store(request)
    stored = store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    added = [r for r in store.reviews(article_id=article_id) if r.verdict == "add"]
    return page(
        request, "article.html", f"/api/articles/{quote(article_id)}",
        stored=stored, pieces=article_pieces(stored.article.text, stored.claims), added=added,
        copies=store.copies(article_id),
    )


@router.get("/claims", response_class=HTMLResponse)
@remembered
def claims(request: Request, filters: Annotated[ClaimQuery, Depends(claim_params)]) -> HTMLResponse:
    """Claims matching filters, the page behind every heatmap cell."""
    found = views.claim_page(_store(request), filters)
    following = request.url.include_query_params(offset=filters.offset + filters.limit)
    twin = "/api/claims" + (f"?{request.url.query}" if request.url.query else "")
    return page(
        request, "claims.html", twin, found=found,
        next_query="?" + following.query,
    )


@router.get("/search", response_class=HTMLResponse)
@remembered
def search(request: Request, q: Annotated[str, Query()] = "") -> HTMLResponse:
    """Full-text search over articles and evidence sentences."""
    hits = views.search_json(_store(request), words("q", q) or "", 50)
    return page(request, "search.html", "/api/search" + query(q=q), q=q, hits=hits)


def strength(stories: int) -> int:
    """How strongly a heatmap cell is coloured, 1..4, from the independent stories behind it."""
    return 1 if stories <= 1 else 2 if stories == 2 else 3 if stories <= 5 else 4
