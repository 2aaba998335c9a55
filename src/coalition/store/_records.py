"""Recorded evidence in the store: loading records, listing them as claims, counting them.

Records sit in their own table, apart from articles and claims, so they never count as news
articles in the scorecard's evidence, the stats or the summaries; views read them beside news.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, func, or_, select

from coalition.models import (
    ClaimQuery,
    Dimension,
    Record,
    Stance,
    StanceCount,
    StoredClaim,
)
from coalition.store._engine import writer
from coalition.store._schema import records

_NEWEST_FIRST = (records.c.recorded_on.desc().nulls_last(), records.c.id)


def add_records(engine: Engine, found: Iterable[Record]) -> int:
    """Store the records not stored yet, in one transaction; returns how many were new."""
    rows = {record.key: _row(record) for record in found}
    if not rows:
        return 0
    with writer(engine).begin() as conn:
        stored = set(conn.execute(select(records.c.key).where(records.c.key.in_(list(rows))))
                     .scalars())
        fresh = [row for key, row in rows.items() if key not in stored]
        if fresh:
            conn.execute(records.insert(), fresh)
    return len(fresh)


def _row(record: Record) -> dict[str, Any]:
    return {
        "key": record.key,
        "actor": record.actor,
        "target": record.target,
        "dimension": record.dimension.value,
        "stance": record.stance.value,
        "evidence": record.evidence,
        "url": record.url,
        "recorded_on": record.on,
        "title": record.title,
        "source": record.source,
        "loaded_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def list_records(conn: Connection, query: ClaimQuery) -> list[StoredClaim]:
    """Records matching ``query`` as claims with certainty ``recorded``, newest first."""
    stmt = (select(records).where(*filters(query)).order_by(*_NEWEST_FIRST)
            .limit(query.limit).offset(query.offset))
    return [stored_record(row) for row in conn.execute(stmt)]


def iter_records(conn: Connection, query: ClaimQuery) -> Iterator[StoredClaim]:
    """Every record matching ``query`` (its limit and offset ignored), streamed."""
    stmt = select(records).where(*filters(query)).order_by(records.c.id)
    for row in conn.execution_options(yield_per=1000).execute(stmt):
        yield stored_record(row)


def count_records(conn: Connection, query: ClaimQuery) -> int:
    """How many records match ``query``, ignoring its limit and offset."""
    stmt = select(func.count()).select_from(records).where(*filters(query))
    return int(conn.execute(stmt).scalar_one())


def record_count(conn: Connection) -> int:
    """How many records are stored (they are only ever added)."""
    return int(conn.execute(select(func.count()).select_from(records)).scalar_one())


def record_counts(
    conn: Connection, target: str | None, since: date | None = None, until: date | None = None
) -> list[StanceCount]:
    """Records per (actor, target, dimension, stance); ``articles`` is always 0. With a date
    range, undated records are left out, as undated articles are."""
    c = records.c
    stmt = (select(c.actor, c.target, c.dimension, c.stance, func.count(),
                   func.min(c.recorded_on), func.max(c.recorded_on))
            .group_by(c.actor, c.target, c.dimension, c.stance)
            .order_by(c.target, c.actor, c.dimension, c.stance))
    stmt = stmt.where(*filters(ClaimQuery(target=target, since=since, until=until)))
    return [StanceCount(actor, toward, Dimension(dim), Stance(stance), 0, n, first, last)
            for actor, toward, dim, stance, n, first, last in conn.execute(stmt)]


def filters(query: ClaimQuery) -> list[ColumnElement[bool]]:
    """The ``where`` of a claim query, on the records table (words match the evidence)."""
    c = records.c
    exact = {c.actor: query.actor, c.target: query.target, c.dimension: query.dimension,
             c.stance: query.stance}
    where = [column == str(value) for column, value in exact.items() if value is not None]
    if query.involving is not None:
        where.append(or_(c.actor == query.involving, c.target == query.involving))
    if query.since is not None:
        where.append(c.recorded_on >= query.since)
    if query.until is not None:
        where.append(c.recorded_on <= query.until)
    if query.text:
        where.append(c.evidence.ilike(f"%{query.text}%"))
    if query.article_id is not None:
        where.append(c.key == query.article_id)
    return where


def stored_record(row: Any) -> StoredClaim:
    """A record row as a stored claim whose certainty is ``recorded``."""
    record = Record(actor=row.actor, target=row.target, dimension=Dimension(row.dimension),
                    stance=Stance(row.stance), evidence=row.evidence, source=row.source,
                    url=row.url, on=row.recorded_on, title=row.title)
    return StoredClaim(id=row.id, claim=record.as_claim(), article_id=row.key, title=row.title,
                       url=row.url, source=row.source, published=row.recorded_on)
