"""Named, ordered schema migrations, recorded in the ``schema_version`` table.

A fresh database runs migration 1, which creates the current schema from
:mod:`coalition.store._schema`, and is stamped with every known version. A database made by an
older coalition runs only the migrations it has not seen, in order. So a later migration changes
``_schema`` *and* adds an entry here with the ``ALTER`` that brings old databases along.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, inspect, literal, select, text

from coalition.errors import StoreError
from coalition.store._engine import writer
from coalition.store._fulltext import TITLE_INDEX_POSTGRES, create_fulltext
from coalition.store._schema import (
    articles,
    claims,
    claims_by_actor_newest,
    claims_by_target_newest,
    claims_by_target_when,
    extractions,
    metadata,
    records,
    records_by_actor,
    records_by_target,
    review_log,
    reviews,
    schema_version,
    stance_daily,
    stance_totals,
)
from coalition.store._totals import rebuild_summaries

# Any fixed number: PostgreSQL sessions migrating the same database take turns on this lock.
_MIGRATION_LOCK = 72_311_022


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema's history."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_everything(conn: Connection) -> None:
    metadata.create_all(conn)
    create_fulltext(conn)


def _index_target_listing(conn: Connection) -> None:
    claims_by_target_newest.create(conn, checkfirst=True)


def _index_actor_listing(conn: Connection) -> None:
    # The new index starts with the old one's leading column, so the old one only costs writes.
    conn.execute(text("DROP INDEX IF EXISTS claims_by_actor"))
    claims_by_actor_newest.create(conn, checkfirst=True)


def _superseded(conn: Connection) -> None:
    """A step whose tables a later migration drops and builds again in their current shape."""


def _unlimit_ids(conn: Connection) -> None:
    # SQLite never enforced the lengths; PostgreSQL does, so it alone needs the change.
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE articles ALTER COLUMN doc TYPE varchar, "
                          "ALTER COLUMN url TYPE varchar"))
        conn.execute(text("ALTER TABLE claims ALTER COLUMN doc TYPE varchar"))


def _index_titles(conn: Connection) -> None:
    # SQLite's articles_fts already has the title as its own column.
    if conn.dialect.name == "postgresql":
        conn.execute(text(TITLE_INDEX_POSTGRES))


def _build_summaries(conn: Connection) -> None:
    # Summaries hold nothing the claims do not: drop whatever shape an older version left
    # (the daily rows first, as they point at the totals) and count them again.
    conn.execute(text("DROP TABLE IF EXISTS stance_daily"))
    conn.execute(text("DROP TABLE IF EXISTS stance_totals"))
    stance_totals.create(conn)
    stance_daily.create(conn)
    rebuild_summaries(conn)


def _add_when(conn: Connection) -> None:
    # Claims stored before dates were read from sentences keep their article's date, marked as
    # a fallback; extracting the article again reads the sentence's own date.
    for column in ('"when" DATE', "when_precision VARCHAR(8)", "when_fallback BOOLEAN"):
        conn.execute(text(f"ALTER TABLE claims ADD COLUMN {column}"))
    conn.execute(text('UPDATE claims SET "when" = published, when_precision = \'day\', '
                      "when_fallback = TRUE WHERE published IS NOT NULL"))
    claims_by_target_when.create(conn, checkfirst=True)


def _add_reviews(conn: Connection) -> None:
    for table in (reviews, review_log, extractions):
        table.create(conn, checkfirst=True)
    # Each stored article was extracted once, by the rules its claims name (none: unknown).
    made_by = (
        select(func.max(claims.c.extractor))
        .where(claims.c.article_id == articles.c.id)
        .scalar_subquery()
    )
    conn.execute(extractions.insert().from_select(
        ["article_id", "extractor", "at", "added", "removed", "changed", "reattached", "orphaned"],
        select(articles.c.id, func.coalesce(made_by, ""), articles.c.ingested_at,
               literal(0), literal(0), literal(0), literal(0), literal(0)),
    ))
    # An article whose text changed at a known URL is stored as a revision of the earlier one.
    conn.execute(text("ALTER TABLE articles ADD COLUMN revision_of INTEGER"))


def _add_records(conn: Connection) -> None:
    records.create(conn, checkfirst=True)
    records_by_target.create(conn, checkfirst=True)
    records_by_actor.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create articles, claims, their indexes and full-text search", _create_everything),
    Migration(2, "index claims by target, newest first", _index_target_listing),
    Migration(3, "index claims by actor, newest first, with dimension and stance",
              _index_actor_listing),
    Migration(4, "add stance_totals, the running evidence counts", _superseded),
    Migration(5, "no length limits on article ids and URLs", _unlimit_ids),
    Migration(6, "add stance_daily, the evidence counts per publication day", _superseded),
    Migration(7, "index article titles for words on PostgreSQL", _index_titles),
    Migration(8, "key the summaries by id, with running sums per day", _build_summaries),
    Migration(9, "add when, the date of each claim's act, and index it", _add_when),
    Migration(11, "add reviews, their log, the extractions of each article, and article "
                  "revisions", _add_reviews),
    Migration(12, "add records: roll-call votes and other recorded evidence", _add_records),
)


def migrate(engine: Engine) -> int:
    """Bring the database at ``engine`` to the latest schema; returns the version it is at.

    Raises:
        StoreError: the database was made by a newer coalition.
    """
    latest = MIGRATIONS[-1].version
    with engine.connect() as conn:
        seen = _applied(conn)
    if seen and {m.version for m in MIGRATIONS} <= seen:
        return _check_known(max(seen), latest)
    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        applied = _applied(conn)
        if not applied:
            MIGRATIONS[0].apply(conn)
            _record(conn, MIGRATIONS)
            return latest
        pending = [m for m in MIGRATIONS if m.version not in applied]
        for migration in pending:
            migration.apply(conn)
        _record(conn, pending)
        return _check_known(max(applied | {m.version for m in pending}), latest)


def _applied(conn: Connection) -> set[int]:
    if not inspect(conn).has_table(schema_version.name):
        return set()
    return set(conn.execute(select(schema_version.c.version)).scalars())


def _record(conn: Connection, done: tuple[Migration, ...] | list[Migration]) -> None:
    if not done:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        schema_version.insert(),
        [{"version": m.version, "name": m.name, "applied_at": now} for m in done],
    )


def _check_known(version: int, latest: int) -> int:
    if version > latest:
        raise StoreError(
            f"database schema version {version} is newer than this coalition understands "
            f"(up to {latest}); upgrade coalition"
        )
    return version
