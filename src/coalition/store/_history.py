"""The reads behind timelines, shifts and contradictions: evidence by the date of the act.

They group claims by ``when`` (not by publication date), so they read ``claims_by_target_when``:
a target's (or a pair's) keys, dates and articles without touching the claim rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, distinct, func, select, text

from coalition.models import (
    ClaimQuery,
    Dimension,
    MonthCount,
    PeriodCount,
    Stance,
    StoredClaim,
)
from coalition.store._queries import (
    CLAIM_COLUMNS,
    DIMENSIONS,
    STANCES,
    claim_filters,
    claims_of_page,
    stored_claim,
)
from coalition.store._schema import articles, claims


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
        MonthCount(actor, target, DIMENSIONS[dim], STANCES[stance], str(when), n, count)
        for actor, target, dim, stance, when, n, count in conn.execute(stmt).tuples()
    ]


def period_counts(conn: Connection, query: ClaimQuery, split: date) -> list[PeriodCount]:
    """Like :func:`month_counts`, with two periods for months: before ``split`` and from it on.

    ``query.when_since`` and ``query.when_until`` bound the two periods together.
    """
    def side(later: bool) -> tuple[Any, Any]:
        inside = claims.c.when >= split if later else claims.c.when < split
        return (func.count(distinct(case((inside, claims.c.article_id)))),
                func.sum(case((inside, 1), else_=0)))

    # One row per key, grouped in the index's order, both periods side by side: grouping by
    # the period too made SQLite sort every claim of the target first.
    keys = (claims.c.target, claims.c.actor, claims.c.dimension, claims.c.stance)
    stmt = (
        select(*keys, *side(False), *side(True))
        .where(claims.c.when.is_not(None), *claim_filters(query, conn.dialect.name))
        .group_by(*keys)
    )
    found = []
    for target, actor, dim, stance, *sides in conn.execute(stmt).tuples():
        for later, n, count in ((False, sides[0], sides[1]), (True, sides[2], sides[3])):
            if count:
                found.append(PeriodCount(actor, target, DIMENSIONS[dim], STANCES[stance],
                                         later, int(n), int(count)))
    return found


def claims_by_when(conn: Connection, query: ClaimQuery, *, latest_first: bool) -> list[StoredClaim]:
    """Claims matching ``query`` in the order of their ``when`` (ties by id), one page."""
    # Both in the index's order (its last column is the row id on SQLite), so no sort.
    order = (claims.c.when.desc(), claims.c.id.desc()) if latest_first else (claims.c.when,
                                                                              claims.c.id)
    ids = (
        select(claims.c.id)
        .where(claims.c.when.is_not(None), *claim_filters(query, conn.dialect.name))
        .order_by(*order)
        .limit(query.limit)
        .offset(query.offset)
        .subquery()
    )
    return claims_of_page(conn, ids, order)


# One index seek down claims_by_target_when: the latest claim of a key and stance before the
# split, or the first from it on. Written out, as building a hundred of these as expressions
# cost SQLAlchemy more than running them.
_SEEK = ('(SELECT id FROM claims WHERE target = :t{n} AND actor = :a{n} AND dimension = :d{n} '
         'AND stance = :s{n} AND "when" {op} :split{bounds} ORDER BY "when" {way}, id {way} '
         'LIMIT 1)')


def edge_ids(conn: Connection, query: ClaimQuery, split: date,
             sides: Sequence[tuple[str, str, Dimension, Stance, bool]]) -> list[int | None]:
    """For each (actor, target, dimension, stance, later) side: the id of its latest claim
    before ``split`` (``later`` false) or its first from ``split`` on, ``None`` if it has none.

    One statement of a seek per side, bounded by ``query.when_since`` and ``when_until``.
    """
    if not sides:
        return []
    params: dict[str, Any] = {"split": split, "since": query.when_since,
                              "until": query.when_until}
    bounds = (' AND "when" >= :since' if query.when_since else "") + (
        ' AND "when" <= :until' if query.when_until else "")
    seeks = []
    for n, (actor, target, dimension, stance, later) in enumerate(sides):
        params.update({f"t{n}": target, f"a{n}": actor, f"d{n}": dimension.value,
                       f"s{n}": stance.value})
        seeks.append(_SEEK.format(n=n, op=">=" if later else "<", bounds=bounds,
                                  way="ASC" if later else "DESC"))
    return list(conn.execute(text("SELECT " + ", ".join(seeks)), params).one())


def claims_by_id(conn: Connection, ids: Sequence[int]) -> list[StoredClaim]:
    """The claims with these row ids, with their articles, in no particular order."""
    if not ids:
        return []
    stmt = (
        select(*CLAIM_COLUMNS)
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .where(claims.c.id.in_(list(ids)))
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
