"""Web fixtures: a real database filled by the real pipeline, and the real app over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from coalition.settings import Settings
from coalition.store import Store
from tests.web.articles import web_articles


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def filled_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, extractor: Any
) -> Iterator[Store]:
    """A database (SQLite file or PostgreSQL) with the test articles extracted and stored.

    One per test module and backend: the tests that use it only read, and extracting and
    storing again for each of them would cost most of the suite's time.
    """
    from coalition.pipeline import store_articles

    server, name = None, ""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'coalition.db'}"
    else:
        server = request.getfixturevalue("postgres_server")
        name = server.create_database()
        url = server.url(name)
    try:
        with Store(url) as store:
            report = store_articles(web_articles(), store, Settings(), extractor=extractor)
            assert report.ingested == len(web_articles()), report
            yield store
    finally:
        if server is not None:
            server.drop_database(name)


def asgi_client(store: Store, settings: Settings, extractor: Any = None) -> httpx.AsyncClient:
    """An HTTP client calling the real app in-process."""
    from coalition.web import create_app

    app = create_app(store, settings, extractor=extractor)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.fixture
async def client(filled_store: Store) -> AsyncIterator[httpx.AsyncClient]:
    """The read-only app (default settings) over the filled store."""
    async with asgi_client(filled_store, Settings()) as http:
        yield http
