"""The summaries ``stance_totals`` and ``stance_daily``: kept in step with ``claims`` by every
write, rebuilt on demand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, case, distinct, func, select
from sqlalchemy.dialects import postgresql, sqlite

from coalition.models import Claim
from coalition.store._schema import claims, stance_daily, stance_totals

KEY = ("target", "actor", "dimension", "stance")


def add_totals(conn: Connection, found: Sequence[Claim], published: date | None) -> None:
    """Count one new article's claims into both summaries: one article per key it has claims in.

    An undated article counts in the totals only: dated counts leave it out.
    """
    tally = Counter((c.target, c.actor, c.dimension.value, c.stance.value) for c in found)
    if not tally:
        return
    # Sorted keys take row locks in one order, so two PostgreSQL writers cannot deadlock.
    rows = [
        {**dict(zip(KEY, key, strict=True)), "articles": 1, "claims": tally[key]}
        for key in sorted(tally)
    ]
    old = stance_totals.c
    _upsert(conn, stance_totals, [{**r, "first_seen": published, "last_seen": published}
                                  for r in rows], {
        "first_seen": lambda new: _extreme(old.first_seen, new.first_seen, later=False),
        "last_seen": lambda new: _extreme(old.last_seen, new.last_seen, later=True),
    })
    if published is not None:
        _upsert(conn, stance_daily, [{**r, "day": published} for r in rows], {})


def rebuild_totals(conn: Connection) -> None:
    """Recompute every total from the claims (migration 4 fills the table this way)."""
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


def rebuild_daily(conn: Connection) -> None:
    """Recompute every day's counts from the dated claims (migration 6 fills the table so)."""
    conn.execute(stance_daily.delete())
    keys = [*(claims.c[k] for k in KEY), claims.c.published]
    grouped = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.count())
        .where(claims.c.published.is_not(None))
        .group_by(*keys)
    )
    conn.execute(stance_daily.insert().from_select([*KEY, "day", "articles", "claims"], grouped))


def _upsert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    extra: dict[str, Callable[[Any], ColumnElement[Any]]],
) -> None:
    # Adds the counts to an existing row; ``extra`` makes the other columns' update from the
    # proposed row (``excluded``).
    dialect_insert = sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert
    stmt = dialect_insert(table)
    new = stmt.excluded
    old = table.c
    stmt = stmt.on_conflict_do_update(
        index_elements=[c for c in table.primary_key.columns],
        set_={
            "articles": old.articles + new.articles,
            "claims": old.claims + new.claims,
            **{name: make(new) for name, make in extra.items()},
        },
    )
    conn.execute(stmt, rows)


def _extreme(
    old: ColumnElement[date], new: ColumnElement[date], *, later: bool
) -> ColumnElement[date]:
    # Portable min/max that ignores NULL (an undated article): SQLite's min(a, b) would not.
    pick_new = new > old if later else new < old
    return case((new.is_(None), old), (old.is_(None), new), (pick_new, new), else_=old)
