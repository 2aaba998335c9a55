"""The JSON API under ``/api``: scorecard, claims, articles, actors, network, map and search.

Each endpoint is the JSON twin of a page; parameters are checked in :mod:`.params` and refused
with a 400 that names the parameter.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from coalition.export import to_json
from coalition.models import ClaimQuery, Dimension
from coalition.web import views
from coalition.web.params import (
    DimensionParam,
    Period,
    choice,
    claim_params,
    number,
    period_params,
    words,
)

router = APIRouter(prefix="/api", tags=["api"])
Span = Annotated[Period, Depends(period_params)]
Filters = Annotated[ClaimQuery, Depends(claim_params)]


def _store(request: Request) -> Any:
    return request.app.state.store


def _send(body: bytes) -> Response:
    # Bodies are encoded by to_json; FastAPI's jsonable_encoder walk over thousands of cells
    # would cost more than the query.
    return Response(body, media_type="application/json")


def _span_json(span: Period) -> dict[str, Any]:
    return {"target": span.target, "since": span.since, "until": span.until, "view": span.view}


@router.get("/scorecard", response_class=JSONResponse)
def scorecard(request: Request, span: Span) -> Response:
    """Cells per (actor, target, dimension): leading stance, evidence counts, conflicts."""
    store = _store(request)

    def encode() -> bytes:
        return to_json({**_span_json(span), "cells": views.fresh_cells(store, span)})

    return _send(store.memo(("api/scorecard", span), encode))


@router.get("/claims", response_class=JSONResponse)
def claims(request: Request, query: Filters) -> Response:
    """Claims matching the filters, newest first, paginated, with the total."""
    return _send(to_json(views.claim_page(_store(request), query).as_dict()))


@router.get("/articles")
def articles(
    request: Request,
    limit: Annotated[str | None, Query(description="Articles per page, 1..500")] = None,
    offset: Annotated[str | None, Query(description="Articles to skip")] = None,
) -> dict[str, Any]:
    """Stored articles, newest first, without their text."""
    size = number("limit", limit, 50, 1, 500)
    skip = number("offset", offset, 0, 0, 10_000_000)
    rows = _store(request).articles(limit=size, offset=skip)
    return {"limit": size, "offset": skip, "articles": [views.article_summary(a) for a in rows]}


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str) -> dict[str, Any]:
    """One article: its text, metadata and every claim drawn from it."""
    store = _store(request)
    stored = store.article(article_id)
    if stored is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    return views.article_json(stored, store.copies(article_id))


@router.get("/actors")
def actors(request: Request) -> dict[str, Any]:
    """Every actor with its name and how many claims it makes and receives."""
    return {"actors": views.actors_json(_store(request))}


@router.get("/network", response_class=JSONResponse)
def network(request: Request, span: Span, dimension: DimensionParam = None) -> Response:
    """The support network: nodes and directed edges weighted by stories, per stance."""
    store = _store(request)
    chosen = choice("dimension", dimension, Dimension)

    def encode() -> bytes:
        graph = views.network(store, span, chosen).as_dict()
        records = views.record_network(store, span, chosen).as_dict()
        return to_json({**_span_json(span), "dimension": chosen, **graph, "records": records})

    return _send(store.memo(("api/network", span, chosen), encode))


@router.get("/map")
def world_map(request: Request, span: Span) -> dict[str, Any]:
    """Each state's lean toward the target, from -1 (against) to 1 (for), with its side
    (support, refuse, oppose or mixed) and the stories per stance and dimension it rests on,
    from news; and the stance its records (votes) take, apart."""
    store = _store(request)
    found = views.leanings(store, span)
    return {**_span_json(span), "values": {lean.actor: round(lean.net, 3) for lean in found},
            "states": [lean.as_dict() for lean in found],
            "records": views.recorded_stances(store, span)}


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(description="Words to find in article text and evidence")] = "",
    limit: Annotated[str | None, Query(description="Hits, 1..200")] = None,
) -> dict[str, Any]:
    """Full-text search over articles and evidence sentences."""
    size = number("limit", limit, 50, 1, 200)
    return {"q": q, "hits": views.search_json(_store(request), words("q", q) or "", size)}


@router.get("/stats")
def stats(request: Request) -> dict[str, int]:
    """How many articles and claims are stored."""
    return dict(_store(request).stats())
