"""Opening a store: URLs, clear errors, SQLite settings, schema versions."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coalition.errors import StoreError
from coalition.store import Store
from coalition.store._migrations import MIGRATIONS
from tests.fixtures.postgres import PostgresServer
from tests.store.build import article


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("nonsense", "'nonsense' is not a URL"),
        ("", "is not a URL"),
        ("mysql://user@localhost/db", "backend 'mysql' is not supported"),
        ("oracle://scott:tiger@host/db", "backend 'oracle' is not supported"),
    ],
)
def test_unusable_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason):
        Store(url)


def test_password_is_not_in_the_message() -> None:
    with pytest.raises(StoreError) as caught:
        Store("mysql://user:secret@localhost/db")
    assert "secret" not in str(caught.value)


def test_sqlite_file_in_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unable to open database file"):
        Store(f"sqlite:///{tmp_path}/no/such/dir/x.db")


def test_in_memory_sqlite_is_one_shared_database() -> None:
    with Store("sqlite://") as store:
        store.add_article(article("m", ["Kept in memory."]), [])
        assert store.stats() == {"articles": 1, "stories": 1, "claims": 0}
        assert [h.article_id for h in store.search("memory")] == ["m"]


def test_postgres_server_that_does_not_answer() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        with pytest.raises(StoreError, match="no connection to .*refused"):
            Store(f"postgresql://nobody@127.0.0.1:{port}/coalition")


@pytest.mark.postgres
def test_postgresql_urls_use_psycopg_3(postgres_server: PostgresServer) -> None:
    name = postgres_server.create_database()
    try:
        plain = postgres_server.url(name).replace("postgresql+psycopg://", "postgresql://")
        with Store(plain) as store:
            assert store.url.drivername == "postgresql+psycopg"
            assert store.stats() == {"articles": 0, "stories": 0, "claims": 0}
    finally:
        postgres_server.drop_database(name)


def test_sqlite_file_is_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(f"sqlite:///{path}") as store:
        with store._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_reads_are_memory_mapped_with_a_page_cache(tmp_path: Path) -> None:
    """What keeps a bulk read of the daily summary off the disk calls: 32 MB of pages, and
    the rest of the file read through the memory map."""
    with Store(f"sqlite:///{tmp_path / 'c.db'}") as store, store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32000
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == 1 << 30


def test_schema_is_versioned_and_reopening_migrates_nothing(store_url: str) -> None:
    Store(store_url).close()
    with Store(store_url) as again:
        assert again.schema_version == MIGRATIONS[-1].version
    engine = create_engine(store_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT version, name FROM schema_version")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]


def test_schema_from_a_newer_coalition_is_refused(store_url: str) -> None:
    Store(store_url).close()
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_version VALUES (99, 'future', '2099-01-01')"))
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store(store_url)


@pytest.mark.postgres
def test_migration_5_lifts_the_id_length_limit(postgres_server: PostgresServer) -> None:
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    try:
        Store(url).close()
        engine = create_engine(url)
        with engine.begin() as conn:  # a database made before migration 5
            conn.execute(text("ALTER TABLE articles ALTER COLUMN doc TYPE varchar(300)"))
            conn.execute(text("DELETE FROM schema_version WHERE version = 5"))
        engine.dispose()
        with Store(url) as store:
            assert store.schema_version == MIGRATIONS[-1].version
            assert store.add_article(article("z" * 400, ["Long id."]), []) is not None
    finally:
        postgres_server.drop_database(name)


def test_migration_7_indexes_titles_on_postgresql(postgres_server: PostgresServer) -> None:
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    indexed = text("SELECT count(*) FROM pg_indexes WHERE indexname = 'articles_title_fts'")
    try:
        Store(url).close()
        engine = create_engine(url)
        with engine.begin() as conn:  # a database made before migration 7
            assert conn.execute(indexed).scalar_one() == 1
            conn.execute(text("DROP INDEX articles_title_fts"))
            conn.execute(text("DELETE FROM schema_version WHERE version = 7"))
        with Store(url) as store:
            assert store.schema_version == MIGRATIONS[-1].version
        with engine.begin() as conn:
            assert conn.execute(indexed).scalar_one() == 1
        engine.dispose()
    finally:
        postgres_server.drop_database(name)


def test_migration_9_dates_older_claims_by_their_article(store_url: str) -> None:
    from datetime import date

    from coalition.models import ClaimQuery, Precision, When
    from tests.store.build import claim

    with Store(store_url) as store:
        art = article("old", ["Iran sent drones."], published=date(2023, 5, 2))
        store.add_article(art, [claim(art, "Iran sent drones.", "IRN", "RUS")])
    engine = create_engine(store_url)
    with engine.begin() as conn:  # a database made before migration 9
        conn.execute(text("DROP INDEX claims_by_target_when"))
        for column in ('"when"', "when_precision", "when_fallback"):
            conn.execute(text(f"ALTER TABLE claims DROP COLUMN {column}"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 9"))
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        found = store.claims(ClaimQuery())
        assert [c.claim.when for c in found] == [When(date(2023, 5, 2), Precision.DAY, True)]
