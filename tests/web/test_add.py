"""Adding articles: off unless allowed, size-capped, URL rules as messages, new claims shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coalition.models import ClaimQuery
from coalition.settings import Settings
from coalition.store import Store
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio

TEXT = "Belarus sent tanks to Russia last week."


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'web.db'}") as store:
        yield store


async def test_writes_are_off_by_default(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings()) as client:
        form = await client.post("/add", data={"text": TEXT})
        api = await client.post("/api/articles", json={"text": TEXT})
    assert form.status_code == api.status_code == 403
    assert "--allow-ingest" in form.text and "--allow-ingest" in api.json()["error"]
    assert sqlite_store.stats()["articles"] == 0


async def test_token_in_form_or_header_allows_writes(sqlite_store: Store, extractor: Any) -> None:
    settings = Settings(ingest_token="s3cret")
    async with asgi_client(sqlite_store, settings, extractor) as client:
        wrong = await client.post("/add", data={"text": TEXT, "token": "guess"})
        assert wrong.status_code == 403
        page = await client.post("/add", data={"text": TEXT, "title": "Tanks", "token": "s3cret"})
        assert page.status_code == 200, page.text
        assert "Added 1 article(s)" in page.text
        assert "Belarus" in page.text and 'class="claim"' in page.text
        api = await client.post("/api/articles", json={"text": "Hungary sent food to Ukraine."},
                                headers={"X-Coalition-Token": "s3cret"})
        assert api.status_code == 200, api.text
        assert api.json()["ingested"] == 1
    assert sqlite_store.stats()["articles"] == 2


async def test_cross_site_form_post_is_refused(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/add", data={"text": TEXT},
                                     headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "cross-site" in response.text


async def test_upload_over_the_limit_is_413(sqlite_store: Store) -> None:
    settings = Settings(allow_ingest=True, upload_limit=1000)
    async with asgi_client(sqlite_store, settings) as client:
        response = await client.post(
            "/add", files={"file": ("big.txt", b"Iran sent drones to Russia. " * 100)}
        )
    assert response.status_code == 413
    assert "limit of 1000 bytes" in response.text
    assert sqlite_store.stats()["articles"] == 0


async def test_upload_adds_the_file(sqlite_store: Store, extractor: Any) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True), extractor) as client:
        response = await client.post(
            "/add", files={"file": ("tanks.txt", TEXT.encode(), "text/plain")}
        )
    assert response.status_code == 200, response.text
    assert "Added 1 article(s)" in response.text
    assert sqlite_store.count_claims(ClaimQuery(actor="BLR")) >= 1


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "file"),
        ("http://127.0.0.1:9/secret", "127.0.0.1"),
        ("http://[::1]/x", "::1"),
        ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),
    ],
)
async def test_refused_url_is_a_message_not_a_500(
    sqlite_store: Store, url: str, reason: str
) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/add", data={"url": url})
    assert response.status_code == 400, response.text
    assert 'role="alert"' in response.text and reason in response.text


async def test_a_refused_form_comes_back_filled_in_and_escaped(sqlite_store: Store) -> None:
    text = '<script>window.pwned = 1</script> Iran sent "drones" & shells to Russia.'
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/add", data={"text": text, "title": 'A "title"',
                                                   "url": "file:///etc/passwd"})
    assert response.status_code == 400
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; Iran sent &#34;drones&#34; &amp; shells" \
        in response.text
    assert 'value="A &#34;title&#34;"' in response.text
    assert 'value="file:///etc/passwd"' in response.text
    assert "<script>window.pwned" not in response.text
    assert sqlite_store.stats()["articles"] == 0


async def test_empty_form_says_what_is_missing(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/add", data={"text": "  "})
    assert response.status_code == 400
    assert "nothing to add" in response.text


async def test_api_write_rejects_a_body_that_is_not_json(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/api/articles", content=b"{not json",
                                      headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("body: not JSON")


async def test_form_page_asks_for_the_token_when_writes_are_off(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings()) as client:
        closed = (await client.get("/add")).text
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        opened = (await client.get("/add")).text
    assert 'name="token"' in closed and 'name="token"' not in opened


async def test_api_write_needs_a_json_content_type(sqlite_store: Store) -> None:
    async with asgi_client(sqlite_store, Settings(allow_ingest=True)) as client:
        response = await client.post("/api/articles", content=b'{"text": "Iran sent drones."}',
                                     headers={"content-type": "text/plain"})
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]
