"""The ``stance_totals`` summary: kept in step with ``claims`` by every write, rebuilt on demand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Connection, case, distinct, func, select
from sqlalchemy.dialects import postgresql, sqlite

from coalition.models import Claim
from coalition.store._schema import claims, stance_totals

KEY = ("target", "actor", "dimension", "stance")


def add_totals(conn: Connection, found: Sequence[Claim], published: date | None) -> None:
    """Count one new article's claims into the totals: one article per key it has claims in."""
    tally = Counter((c.target, c.actor, c.dimension.value, c.stance.value) for c in found)
    if not tally:
        return
    # Sorted keys take row locks in one order, so two PostgreSQL writers cannot deadlock.
    rows = [
        {**dict(zip(KEY, key, strict=True)), "articles": 1, "claims": tally[key],
         "first_seen": published, "last_seen": published}
        for key in sorted(tally)
    ]
    dialect_insert = sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert
    stmt = dialect_insert(stance_totals)
    new = stmt.excluded
    old = stance_totals.c
    stmt = stmt.on_conflict_do_update(
        index_elements=[old[k] for k in KEY],
        set_={
            "articles": old.articles + new.articles,
            "claims": old.claims + new.claims,
            "first_seen": _extreme(old.first_seen, new.first_seen, later=False),
            "last_seen": _extreme(old.last_seen, new.last_seen, later=True),
        },
    )
    conn.execute(stmt, rows)


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


def _extreme(
    old: ColumnElement[date], new: ColumnElement[date], *, later: bool
) -> ColumnElement[date]:
    # Portable min/max that ignores NULL (an undated article): SQLite's min(a, b) would not.
    pick_new = new > old if later else new < old
    return case((new.is_(None), old), (old.is_(None), new), (pick_new, new), else_=old)
