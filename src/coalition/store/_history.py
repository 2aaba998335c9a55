"""The reads behind timelines, shifts and contradictions: evidence by the date of the act.

They group claims by ``when`` (not by publication date), so they read ``claims_by_target_when``:
a target's (or a pair's) keys, dates and articles without touching the claim rows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, distinct, func, select

from coalition.models import (
    ClaimQuery,
    Dimension,
    MonthCount,
    PeriodCount,
    Stance,
    StoredClaim,
)
from coalition.store._queries import CLAIM_COLUMNS, claim_filters, stored_claim
from coalition.store._schema import articles, claims

_DIMENSIONS = {d.value: d for d in Dimension}
_STANCES = {s.value: s for s in Stance}


def month_counts(conn: Connection, query: ClaimQuery) -> list[MonthCount]:
    """Distinct articles and claims per (actor, target, dimension, stance, month of ``when``),
    for the claims ``query`` filters (its limit, offset and words are ignored)."""
    month = _month(conn.dialect.name)
    keys = (claims.c.actor, claims.c.target, claims.c.dimension, claims.c.stance, month)
    stmt = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.count())
        .where(claims.c.when.is_not(None), *claim_filters(query, conn.dialect.name))
        .group_by(*keys)
    )
    return [
        MonthCount(actor, target, _DIMENSIONS[dim], _STANCES[stance], str(when), n, count)
        for actor, target, dim, stance, when, n, count in conn.execute(stmt).tuples()
    ]


def period_counts(conn: Connection, query: ClaimQuery, split: date) -> list[PeriodCount]:
    """Like :func:`month_counts`, with two periods for months: before ``split`` and from it on.

    ``query.when_since`` and ``query.when_until`` bound the two periods together.
    """
    later = case((claims.c.when >= split, 1), else_=0)
    keys = (claims.c.actor, claims.c.target, claims.c.dimension, claims.c.stance, later)
    stmt = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.count())
        .where(claims.c.when.is_not(None), *claim_filters(query, conn.dialect.name))
        .group_by(*keys)
    )
    return [
        PeriodCount(actor, target, _DIMENSIONS[dim], _STANCES[stance], bool(flag), n, count)
        for actor, target, dim, stance, flag, n, count in conn.execute(stmt).tuples()
    ]


def claims_by_when(conn: Connection, query: ClaimQuery, *, latest_first: bool) -> list[StoredClaim]:
    """Claims matching ``query`` in the order of their ``when`` (ties by id), one page."""
    order = claims.c.when.desc() if latest_first else claims.c.when
    ids = (
        select(claims.c.id)
        .where(claims.c.when.is_not(None), *claim_filters(query, conn.dialect.name))
        .order_by(order, claims.c.id)
        .limit(query.limit)
        .offset(query.offset)
        .subquery()
    )
    stmt = (
        select(*CLAIM_COLUMNS)
        .select_from(ids)
        .join(claims, claims.c.id == ids.c.id)
        .join(articles, claims.c.article_id == articles.c.id)
        .order_by(order, claims.c.id)
    )
    return [stored_claim(row) for row in conn.execute(stmt)]


def latest_when(conn: Connection, target: str | None) -> date | None:
    """The latest ``when`` of any claim (toward ``target``, if given)."""
    stmt = select(func.max(claims.c.when))
    if target is not None:
        stmt = stmt.where(claims.c.target == target)
    found: date | None = conn.execute(stmt).scalar_one()
    return found


def _month(dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return func.to_char(claims.c.when, "YYYY-MM")
    return func.strftime("%Y-%m", claims.c.when)
