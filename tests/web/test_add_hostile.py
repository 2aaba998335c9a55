"""Hostile inputs sent to the web: a 4xx with the reason, never a 500, on SQLite and PostgreSQL;
long texts are read, NUL-bearing titles stored alike on both backends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from coalition.settings import Settings
from coalition.store import Store
from tests.ingest.test_bad_inputs import ALIAS_BOMB
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio
OPEN = Settings(allow_ingest=True)
CLAIM = "Belarus sent tanks to Russia last week."
FILLER = "The weather stayed mild and the markets were calm all week.\n\n"


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


@pytest.mark.parametrize(("name", "body", "fragment"), [
    ("impossible-date.md", f"---\ndate: 2023-02-30\n---\n{CLAIM}", "is not a date"),
    ("bomb.md", f"---\n{ALIAS_BOMB}\n---\n{CLAIM}", "title: expected text"),
    ("report.pdf", "%PDF-1.7", "unknown file type"),
    ("[/x].txt", "", "empty"),
])
async def test_a_bad_upload_is_a_400_with_its_reason(
    store: Store, extractor: Any, name: str, body: str, fragment: str
) -> None:
    async with asgi_client(store, OPEN, extractor) as client:
        form = await client.post("/add", files={"file": (name, body.encode(), "text/plain")})
    assert form.status_code == 400, form.text
    assert fragment in form.text
    assert store.stats()["articles"] == 0


@pytest.mark.parametrize(("record", "fragment"), [
    ({"text": CLAIM, "title": "x\ud800"}, "title: not valid Unicode"),
    ({"text": "Spain sent aid.\udfff"}, "not valid Unicode"),
    ({"text": "   "}, "nothing to add"),
])
async def test_a_bad_api_article_is_a_400_with_its_reason(
    store: Store, extractor: Any, record: dict[str, str], fragment: str
) -> None:
    body = json.dumps(record).encode()  # JSON escapes surrogates as \\udxxx
    async with asgi_client(store, OPEN, extractor) as client:
        response = await client.post("/api/articles", content=body,
                                     headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert fragment in response.json()["error"]


async def test_a_text_over_spacys_limit_is_stored_with_its_claims(
    store: Store, extractor: Any
) -> None:
    text = CLAIM + "\n\n" + FILLER * 18_000 + CLAIM  # 1.1 M characters
    async with asgi_client(store, OPEN, extractor) as client:
        response = await client.post("/api/articles", json={"text": text, "title": "Long"})
    assert response.status_code == 200, response.text
    assert response.json()["ingested"] == 1
    assert response.json()["claims"] == 2


async def test_nul_in_metadata_is_dropped_alike_on_both_backends(
    store: Store, extractor: Any
) -> None:
    record = {"text": CLAIM, "title": "Tanks\x00 for Russia"}
    async with asgi_client(store, OPEN, extractor) as client:
        response = await client.post("/api/articles", json=record)
        assert response.status_code == 200, response.text
        (article_id,) = response.json()["articles"]
        stored = (await client.get(f"/api/articles/{article_id}")).json()
    assert stored["title"] == "Tanks for Russia"
