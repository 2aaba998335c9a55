"""Stance counts in each view of :class:`coalition.review.View`, with how much is reviewed.

Reviews are few next to the claims, so the applied view starts from the machine's counts and
counts again, from the claims and the reviews, only the keys some review touches: a review's
key as the machine had it and as the reviewer has it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    distinct,
    exists,
    func,
    literal,
    select,
    tuple_,
    union,
    union_all,
)

from coalition.models import Dimension, Stance, StanceCount
from coalition.review import View
from coalition.store._schema import claims, reviews

_KEY = ("target", "actor", "dimension", "stance")
_COUNTED = reviews.c.verdict != "reject"


def stance_counts(
    conn: Connection,
    view: View,
    span: tuple[str | None, date | None, date | None],
    machine: Callable[[], list[StanceCount]],
) -> list[StanceCount]:
    """Evidence per key in ``view``; ``machine`` gives the machine view's counts."""
    if view is View.REVIEWED:
        return _grouped(conn, _reviewed_rows(span))
    if view is View.MACHINE:
        marked = {tuple(key): n for *key, n in conn.execute(_machine_reviewed(span))}
        base = machine()
        return [c._replace(reviewed=marked.get(_key(c), 0)) for c in base] if marked else base
    touched = {tuple(key) for key in conn.execute(select(_touched(span[0])))}
    if not touched:
        return machine()
    recounted = _grouped(conn, _applied_rows(span))
    merged = [c for c in machine() if _key(c) not in touched] + recounted
    return sorted(merged, key=_key)


def _key(count: StanceCount) -> tuple[str, str, str, str]:
    return (count.target, count.actor, count.dimension.value, count.stance.value)


def _where(table: Any, span: tuple[str | None, date | None, date | None]) -> list[Any]:
    target, since, until = span
    where: list[ColumnElement[bool]] = []
    if target is not None:
        where.append(table.c.target == target)
    if since is not None:
        where.append(table.c.published >= since)
    if until is not None:
        where.append(table.c.published <= until)
    return where


def _reviewed_rows(span: tuple[str | None, date | None, date | None]) -> Select[Any]:
    return select(*(reviews.c[k] for k in _KEY), reviews.c.article_id, reviews.c.published,
                  literal(1).label("reviewed")).where(_COUNTED, *_where(reviews, span))


def _touched(target: str | None) -> Any:
    """Every key a review touches: the machine's key of the claim it is attached to (which is
    the review's ``key_*``: reviews attach only to claims with their key), and the key it
    gives its claim. Read from the reviews alone, however many claims there are."""
    as_machine = select(*(reviews.c[f"key_{k}"] for k in _KEY)).where(
        reviews.c.claim_id.is_not(None))
    as_reviewed = select(*(reviews.c[k] for k in _KEY)).where(_COUNTED)
    if target is not None:
        as_machine = as_machine.where(reviews.c.key_target == target)
        as_reviewed = as_reviewed.where(reviews.c.target == target)
    return union(as_machine, as_reviewed).subquery("touched")


def _applied_rows(span: tuple[str | None, date | None, date | None]) -> Any:
    touched = _touched(span[0])
    unreviewed = (
        select(*(claims.c[k] for k in _KEY), claims.c.article_id, claims.c.published,
               literal(0).label("reviewed"))
        .where(tuple_(*(claims.c[k] for k in _KEY)).in_(select(touched)),
               ~exists().where(reviews.c.claim_id == claims.c.id),
               *_where(claims, span))
    )
    return union_all(unreviewed, _reviewed_rows(span))


def _grouped(conn: Connection, rows: Any) -> list[StanceCount]:
    sub = rows.subquery("effective")
    keys = [sub.c[k] for k in _KEY]
    stmt = select(
        *keys, func.count(distinct(sub.c.article_id)), func.count(), func.min(sub.c.published),
        func.max(sub.c.published), func.sum(sub.c.reviewed),
    ).group_by(*keys).order_by(*keys)
    return [
        StanceCount(actor, target, Dimension(dimension), Stance(stance), articles, count,
                    first, last, int(reviewed or 0))
        for target, actor, dimension, stance, articles, count, first, last, reviewed
        in conn.execute(stmt).tuples()
    ]


def _machine_reviewed(span: tuple[str | None, date | None, date | None]) -> Any:
    """Per machine key, how many of its claims carry a review of any verdict."""
    target, since, until = span
    keys = [reviews.c[f"key_{k}"] for k in _KEY]
    where = [reviews.c.claim_id.is_not(None), *_where(reviews, (None, since, until))]
    if target is not None:
        where.append(reviews.c.key_target == target)
    return select(*keys, func.count()).where(*where).group_by(*keys)
