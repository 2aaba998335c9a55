"""Database URLs to SQLAlchemy engines: which backends we accept and how each connection is set up.

SQLite runs in WAL mode so readers never wait for the writer; write transactions start with
``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead of failing when a read
lock cannot be upgraded. PostgreSQL goes through psycopg 3 whatever driver the URL names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from coalition.errors import StoreError

BUSY_TIMEOUT_MS = 30_000
MMAP_BYTES = 1 << 30  # the most of a SQLite file read through memory mapping
_WRITE = "coalition_write"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``, with PostgreSQL pointed at psycopg 3.

    A plain path is a SQLite file: text without ``://`` that names an existing file, has a
    folder or has a file suffix (``coalition.db``); a bare word is more likely a mistyped URL.

    Raises:
        StoreError: the text is not a database URL, or names a backend we do not support.
    """
    if "://" not in url and _looks_like_path(url):
        url = f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            f"database URL {url!r} is not a URL; use sqlite:///path/to/file.db "
            "or postgresql://user@host/dbname"
        ) from None
    backend = parsed.get_backend_name()
    if backend in {"postgresql", "postgres"}:
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if parsed.get_driver_name() != "pysqlite":
            return parsed.set(drivername="sqlite")
        return parsed
    raise StoreError(
        f"database URL {parsed.render_as_string(hide_password=True)!r}: "
        f"backend {backend!r} is not supported; use sqlite or postgresql"
    )


def _looks_like_path(text: str) -> bool:
    from pathlib import Path

    path = Path(text)
    return bool(text.strip()) and (path.exists() or len(path.parts) > 1 or bool(path.suffix))


def missing_file(url: URL) -> str | None:
    """The path of a SQLite database file that does not exist yet, else ``None``."""
    from pathlib import Path

    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return None if Path(url.database).exists() else url.database


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` whose connections are set up for concurrent readers and a writer."""
    if url.get_backend_name() == "sqlite":
        # An in-memory database lives in its one connection, so every user must share it.
        pool = {"poolclass": StaticPool} if url.database in (None, "", ":memory:") else {}
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        _set_up_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def writer(engine: Engine) -> Engine:
    """The same engine, but its transactions take the write lock up front on SQLite."""
    return engine.execution_options(**{_WRITE: True})


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own implicit BEGIN would be deferred; we emit BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            # NORMAL is durable across application crashes in WAL mode, and much faster.
            cursor.execute("PRAGMA synchronous = NORMAL")
            # 32 MB of pages instead of 2: a dated scorecard or a word listing over 100,000
            # claims reads more pages than the default holds, and would reread them each time.
            cursor.execute("PRAGMA cache_size = -32000")
            # Pages the 32 MB do not hold are read from the operating system's page cache
            # without a copy: a new range of all targets seeks the daily summary of every key
            # (40 MB at a million claims), often after listings have filled the cache with
            # other pages. Address space, not memory: the workers share the file's pages.
            cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
