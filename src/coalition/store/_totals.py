"""The summaries ``stance_totals`` and ``stance_daily``: kept in step with ``claims`` by every
write, rebuilt on demand."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    case,
    distinct,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from coalition.models import Claim
from coalition.store._schema import claims, stance_daily, stance_totals

KEY = ("target", "actor", "dimension", "stance")


def add_totals(conn: Connection, found: Sequence[Claim], published: date | None) -> None:
    """Count one new article's claims into both summaries: one article per key it has claims in.

    An undated article counts in the totals only: dated counts leave it out.
    """
    _count(conn, found, published, 1)


def remove_totals(conn: Connection, found: Sequence[Claim], published: date | None) -> None:
    """Take one article's claims out of both summaries again (before its claims are replaced).

    Days left with no evidence are deleted, and each key's date span is read again from the
    days that remain.
    """
    ids = _count(conn, found, published, -1)
    if not ids:
        return
    daily, totals = stance_daily.c, stance_totals.c
    conn.execute(stance_daily.delete().where(daily.stance_id.in_(ids), daily.articles == 0))

    def edge(pick: Any) -> Any:
        return select(pick(daily.day)).where(daily.stance_id == totals.id).scalar_subquery()

    conn.execute(stance_totals.update().where(totals.id.in_(ids), totals.first_seen.is_not(None))
                 .values(first_seen=edge(func.min), last_seen=edge(func.max)))


def _count(
    conn: Connection, found: Sequence[Claim], published: date | None, sign: int
) -> list[int]:
    tally = Counter((c.target, c.actor, c.dimension.value, c.stance.value) for c in found)
    if not tally:
        return []
    # Sorted keys take row locks in one order, so two PostgreSQL writers cannot deadlock. The
    # lock on a key's totals row is held to the commit, so writers of one key take turns on
    # its days too: each running sum below is read after the previous writer's commit.
    rows = [
        {**dict(zip(KEY, key, strict=True)), "articles": sign, "claims": sign * tally[key],
         "first_seen": published, "last_seen": published}
        for key in sorted(tally)
    ]
    dialect = conn.dialect.name
    # Each id comes back with its key and is matched by it: PostgreSQL returns the rows of an
    # upsert in no promised order (SQLAlchemy's ordering sorts them by id, which is wrong for
    # a key that existed before a new one).
    ids = {tuple(found[1:]): found[0] for found in conn.execute(_totals_upsert(dialect), rows)}
    if published is None:
        return list(ids.values())
    days = [{"key_id": ids[key], "on_day": published, "n_articles": sign,
             "n_claims": sign * tally[key]} for key in sorted(tally)]
    # Every later day's running sums grow by the article's counts, then its own day's row is
    # made (its running sums carried on from the day before) or grown.
    conn.execute(_LATER_DAYS, days)
    conn.execute(_day_upsert(dialect), days)
    return list(ids.values())


def rebuild_summaries(conn: Connection) -> None:
    """Recompute both summaries from the claims (migration 8 fills them this way)."""
    conn.execute(stance_daily.delete())
    conn.execute(stance_totals.delete())
    keys = [claims.c[k] for k in KEY]
    grouped = select(
        *keys,
        func.count(distinct(claims.c.article_id)),
        func.count(),
        func.min(claims.c.published),
        func.max(claims.c.published),
    ).group_by(*keys)
    conn.execute(stance_totals.insert().from_select(
        [*KEY, "articles", "claims", "first_seen", "last_seen"], grouped))
    totals = stance_totals.c
    articles, count = func.count(distinct(claims.c.article_id)), func.count()
    days = (
        select(totals.id, claims.c.published, articles, count,
                *(func.sum(n).over(partition_by=totals.id, order_by=claims.c.published)
                  for n in (articles, count)))
        .join_from(claims, stance_totals, and_(*(claims.c[k] == totals[k] for k in KEY)))
        .where(claims.c.published.is_not(None))
        .group_by(totals.id, claims.c.published)
    )
    conn.execute(stance_daily.insert().from_select(
        ["stance_id", "day", "articles", "claims", "through_articles", "through_claims"], days))


# The write statements are built once per dialect: building them cost more than running them.


@functools.cache
def _totals_upsert(dialect: str) -> Any:
    # Adds the counts to an existing row and widens its date span; returns each key's id with
    # the key.
    stmt = _insert(dialect, stance_totals)
    new, old = stmt.excluded, stance_totals.c
    return stmt.on_conflict_do_update(
        index_elements=[old[k] for k in KEY],
        set_={
            "articles": old.articles + new.articles,
            "claims": old.claims + new.claims,
            "first_seen": _extreme(old.first_seen, new.first_seen, later=False),
            "last_seen": _extreme(old.last_seen, new.last_seen, later=True),
        },
    ).returning(old.id, *(old[k] for k in KEY))


_LATER_DAYS = (
    stance_daily.update()
    .where(stance_daily.c.stance_id == bindparam("key_id"),
           stance_daily.c.day > bindparam("on_day"))
    .values(through_articles=stance_daily.c.through_articles + bindparam("n_articles"),
            through_claims=stance_daily.c.through_claims + bindparam("n_claims"))
)


@functools.cache
def _day_upsert(dialect: str) -> Any:
    daily = stance_daily.c

    def before(column: ColumnElement[int]) -> ColumnElement[int]:
        earlier = (
            select(column)
            .where(daily.stance_id == bindparam("key_id"), daily.day < bindparam("on_day"))
            .order_by(daily.day.desc())
            .limit(1)
            .scalar_subquery()
        )
        return func.coalesce(earlier, 0)

    stmt = _insert(dialect, stance_daily).values(
        stance_id=bindparam("key_id"),
        day=bindparam("on_day"),
        articles=bindparam("n_articles"),
        claims=bindparam("n_claims"),
        through_articles=before(daily.through_articles) + bindparam("n_articles"),
        through_claims=before(daily.through_claims) + bindparam("n_claims"),
    )
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[daily.stance_id, daily.day],
        set_={
            "articles": daily.articles + new.articles,
            "claims": daily.claims + new.claims,
            "through_articles": daily.through_articles + new.articles,
            "through_claims": daily.through_claims + new.claims,
        },
    )


def _insert(dialect: str, table: Table) -> Any:
    # The dialect's own INSERT, which has ON CONFLICT; both spell it the same way.
    dialect_insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    return dialect_insert(table)


def _extreme(
    old: ColumnElement[date], new: ColumnElement[date], *, later: bool
) -> ColumnElement[date]:
    # Portable min/max that ignores NULL (an undated article): SQLite's min(a, b) would not.
    pick_new = new > old if later else new < old
    return case((new.is_(None), old), (old.is_(None), new), (pick_new, new), else_=old)
