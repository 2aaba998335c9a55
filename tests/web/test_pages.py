"""The HTML pages: each renders its data, names its JSON twin, and keeps hostile text inert."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from coalition.models import Article
from coalition.settings import Settings
from coalition.store import Store
from tests.web.articles import HOSTILE_TITLE
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio

PAGES = [
    ("/?target=RUS", "/api/scorecard?target=RUS", 'data-actor="IRN"'),
    ("/map?target=RUS", "/api/map?target=RUS", 'data-code="IRN"'),
    ("/network?target=RUS", "/api/network?target=RUS", 'data-code="KAZ"'),
    ("/network?target=RUS&dimension=troops", "/api/network?target=RUS&dimension=troops",
     'data-side="refuse"'),
    ("/article/wire-armenia-1", "/api/articles/wire-armenia-1", "Copies of this story"),
    ("/state/IRN", "/api/claims?actor=IRN&limit=500", "Shahed drones"),
    ("/article/iran-drones", "/api/articles/iran-drones", "Iran supplies drones to Russia"),
    ("/claims?actor=KAZ", "/api/claims?actor=KAZ", "Kazakhstan keeps its distance"),
    ("/search?q=generators", "/api/search?q=generators", "ukraine-aid"),
]


@pytest.mark.parametrize(("path", "twin", "content"), PAGES)
async def test_page_renders_and_links_its_json_twin(
    client: httpx.AsyncClient, path: str, twin: str, content: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["link"] == f'<{twin}>; rel="alternate"; type="application/json"'
    assert content in response.text
    assert (await client.get(twin)).status_code == 200


async def test_overview_without_target_shows_the_most_targeted(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/")
    assert page.headers["link"].startswith("</api/scorecard?target=RUS>")
    assert re.search(r'<td class="cell support s\d[^"]*"\s+data-actor="IRN"', page.text)


async def test_pages_send_a_strict_content_security_policy(client: httpx.AsyncClient) -> None:
    page = await client.get("/article/hostile")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert page.headers["x-content-type-options"] == "nosniff"


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


async def test_hostile_article_is_escaped_everywhere(client: httpx.AsyncClient) -> None:
    for path in ("/article/hostile", "/state/IRN", "/claims", "/search?q=drones", "/"):
        tags = Elements((await client.get(path)).text).tags
        scripts = [attrs.get("src") for tag, attrs in tags if tag == "script"]
        assert scripts == ["/static/app.js"], path
        assert not [tag for tag, _ in tags if tag in {"img", "b", "iframe", "object"}], path
        handlers = [name for _, attrs in tags for name in attrs if name.startswith("on")]
        assert handlers == [], path
        links = [attrs.get("href") or "" for _, attrs in tags]
        assert not [link for link in links if "javascript:" in link.lower()], path
    article = (await client.get("/article/hostile")).text
    assert "&lt;script&gt;window.pwned" in article
    assert "&lt;img src=" in article
    assert HOSTILE_TITLE not in article


async def test_only_http_urls_become_links(client: httpx.AsyncClient) -> None:
    hostile = (await client.get("/article/hostile")).text
    assert "javascript:" not in re.findall(r'href="([^"]*)"', hostile).__str__()
    safe = (await client.get("/article/iran-drones")).text
    assert 'href="https://news.example.org/iran-drones"' in safe


async def test_article_page_highlights_and_anchors_each_claim(
    client: httpx.AsyncClient,
) -> None:
    body = (await client.get("/api/articles/iran-drones")).json()
    html = (await client.get("/article/iran-drones")).text
    for claim in body["claims"]:
        assert f'id="s{claim["start"]}"' in html
        assert f'href="#claim-{claim["id"]}"' in html
        assert f'id="claim-{claim["id"]}"' in html


async def test_state_page_groups_claims_by_dimension_with_marks(
    client: httpx.AsyncClient,
) -> None:
    html = (await client.get("/state/KAZ")).text
    assert 'id="dim-troops"' in html
    assert '<mark class="trigger">' in html or '<mark class="actor">' in html


@pytest.mark.parametrize("path", ["/claims?dimension=tanks", "/network?dimension=tanks"])
async def test_bad_page_parameter_is_a_400_page_naming_it(
    client: httpx.AsyncClient, path: str
) -> None:
    page = await client.get(path)
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert "dimension: unknown value" in page.text


async def test_unknown_page_is_404(client: httpx.AsyncClient) -> None:
    assert (await client.get("/article/nope")).status_code == 404
    assert (await client.get("/no/such/page")).status_code == 404


async def test_article_ids_with_url_characters_link_to_their_page(tmp_path: Path) -> None:
    odd = "2024/03 iran?drones#1"
    with Store(f"sqlite:///{tmp_path / 'odd.db'}") as store:
        store.add_article(Article(id=odd, text="Iran sent drones to Russia.", source="odd",
                                  published=date(2024, 3, 1)), [])
        async with asgi_client(store, Settings()) as client:
            listing = (await client.get("/api/articles")).json()["articles"]
            assert [a["id"] for a in listing] == [odd]
            page = await client.get("/search?q=drones")
            href = re.search(r'href="(/article/[^"]*)"', page.text)
            assert href is not None
            article = await client.get(href.group(1))
            assert article.status_code == 200
            assert "Iran sent drones to Russia." in article.text
            twin = article.headers["link"].split(">")[0][1:]
            assert (await client.get(twin)).json()["id"] == odd


@pytest.mark.parametrize(
    "path", ["/", "/map", "/network", "/claims", "/search?q=x", "/state/RUS", "/add", "/docs"]
)
async def test_every_page_renders_on_an_empty_database(tmp_path: Path, path: str) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        async with asgi_client(store, Settings()) as client:
            response = await client.get(path)
    assert response.status_code == 200, response.text
    assert "<html" in response.text
