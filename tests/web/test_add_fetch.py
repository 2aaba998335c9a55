"""Fetching a URL through the /add form from a real HTTP server on 127.0.0.1.

The operator setting ``allow_private_urls`` lets the app fetch from loopback; the form is
filled by the field names the GET /add page itself declares, so a renamed field fails here.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from coalition.models import ClaimQuery, Dimension, Stance
from coalition.settings import Settings
from coalition.store import Store
from tests.fixtures.http_server import QuietHandler, local_server
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio

ARTICLE_PATH = "/world/2024/03/01/iran-ships-drones"
PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Iran ships more drones to Russia - Local Wire</title>
<meta property="og:title" content="Iran ships more drones to Russia">
<meta property="article:published_time" content="2024-03-01T08:00:00+00:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article>
<h1>Iran ships more drones to Russia</h1>
<p>Iran has sent hundreds of Shahed attack drones to Russia since the summer, officials in Kyiv
said on Friday, as the strikes on Ukrainian power stations went on.</p>
<p>The drones are assembled near the Caspian Sea and shipped across it to Russian ports, the
officials said, adding that the deliveries had grown since January.</p>
<p>Kazakhstan refused to send troops to help Russia in Ukraine, its foreign ministry said.</p>
</article>
<footer><p>Local Wire</p></footer>
</body></html>"""


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        found = self.path == ARTICLE_PATH
        body = PAGE if found else b"not here"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)



@pytest.fixture(scope="module")
def news_server() -> Iterator[str]:
    with local_server(_Handler) as url:
        yield url


@pytest.fixture
def dead_url() -> Iterator[str]:
    """A loopback URL whose port is bound, so no one else takes it, but never listened on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/news/gone"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'web.db'}") as opened:
        yield opened


SETTINGS = Settings(allow_ingest=True, allow_private_urls=True, fetch_timeout=5.0)


class _Form(HTMLParser):
    """The action, the field names (with their types) and the filled-in values of the add form."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self.values: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "form" and "add" in (named.get("class") or ""):
            self.action = named.get("action") or ""
        elif tag in ("input", "textarea") and named.get("name"):
            self.fields[named["name"] or ""] = named.get("type") or tag
            self.values[named["name"] or ""] = named.get("value") or ""


async def _submit_url(client: httpx.AsyncClient, url: str) -> httpx.Response:
    form = _Form((await client.get("/add")).text)
    assert form.fields.get("url") == "url", form.fields
    return await client.post(form.action, data={"url": url})


def _alert(html: str) -> str:
    start = html.index('role="alert">') + len('role="alert">')
    return html[start:html.index("</p>", start)]


async def test_a_fetched_article_is_stored_with_its_claims_and_shown(
    store: Store, news_server: str, extractor: Any
) -> None:
    url = news_server + ARTICLE_PATH
    async with asgi_client(store, SETTINGS, extractor) as client:
        added = await _submit_url(client, url)
        assert added.status_code == 200, added.text
        assert "Added 1 article(s)" in added.text
        assert "Iran ships more drones to Russia" in added.text
        assert "Shahed attack drones" in added.text and 'class="claim"' in added.text

        (stored,) = store.articles(10, 0)
        article = stored.article
        assert article.url == url and article.title == "Iran ships more drones to Russia"
        assert str(article.published) == "2024-03-01"
        claims = store.claims(ClaimQuery(actor="IRN", target="RUS", dimension=Dimension.ARMS))
        assert claims and all(c.article_id == article.id for c in claims)
        assert any("Shahed attack drones" in c.claim.evidence for c in claims)
        assert store.count_claims(ClaimQuery(actor="KAZ", target="RUS", stance=Stance.REFUSE)) >= 1

        shown = await client.get(f"/article/{article.id}")
        assert shown.status_code == 200
        assert "Shahed attack drones" in shown.text and "<mark" in shown.text

        again = await _submit_url(client, url)
        assert again.status_code == 200 and "1 already stored" in again.text
    assert store.stats()["articles"] == 1


@pytest.mark.parametrize(("where", "reason"), [("dead", "cannot connect"),
                                               ("missing", "HTTP 404 Not Found")])
async def test_a_dead_or_missing_url_is_a_one_line_error_and_stores_nothing(
    store: Store, news_server: str, dead_url: str, where: str, reason: str
) -> None:
    url = dead_url if where == "dead" else f"{news_server}/world/no-such-story"
    async with asgi_client(store, SETTINGS) as client:
        response = await _submit_url(client, url)
        api = await client.post("/api/articles", json={"url": url})
    assert api.status_code == 400 and api.json()["error"].startswith(f"{url}: {reason}")
    assert response.status_code == 400, response.text
    message = _alert(response.text)
    assert message.startswith(f"{url}: {reason}")
    assert "\n" not in message and len(message) < 200
    assert _Form(response.text).values["url"] == url
    assert store.stats()["articles"] == store.stats()["claims"] == 0
