"""The timeline, shifts and contradictions pages, their JSON twins and the Atom feed, on the
drift corpus through the real app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest

from coalition.settings import Settings
from coalition.store import Store
from tests.drift import fill_drift
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def drift_store(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Iterator[Store]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('drift-web')) / 'drift.db'}"
    fill_drift(url, extractor)
    with Store(url) as store:
        yield store


@pytest.fixture
async def client(drift_store: Store) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(drift_store, Settings()) as opened:
        yield opened


PAGES = [
    ("/timeline?actor=ARM&target=RUS", "/api/timeline?actor=ARM&target=RUS", "By dimension"),
    ("/shifts?target=RUS&since=2024-01-01", "/api/shifts?target=RUS&since=2024-01-01",
     "since 2024-03"),
    ("/contradictions?target=RUS", "/api/contradictions?target=RUS", "minsk-free.example"),
]


@pytest.mark.parametrize(("path", "twin", "content"), PAGES)
async def test_page_renders_and_links_its_json_twin(
    client: httpx.AsyncClient, path: str, twin: str, content: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["link"] == f'<{twin}>; rel="alternate"; type="application/json"'
    assert content in response.text
    assert (await client.get(twin)).status_code == 200


async def test_timeline_api_points_and_chart_links(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/timeline?actor=ARM&target=RUS&dimension=diplomatic")).json()
    assert [(p["month"], p["stance"]) for p in body["points"]][-2:] == [
        ("2024-03", "oppose"), ("2025-02", "oppose")]
    page = (await client.get("/timeline?actor=ARM&target=RUS&dimension=diplomatic")).text
    link = ('href="/claims?actor=ARM&amp;target=RUS&amp;dimension=diplomatic&amp;'
            'when_since=2024-03-01&amp;when_until=2024-03-31"')
    assert link in page
    month = await client.get("/claims?actor=ARM&target=RUS&dimension=diplomatic"
                             "&when_since=2024-03-01&when_until=2024-03-31")
    assert "On Monday" in month.text and "2 March 2022" not in month.text


async def test_shifts_api_names_the_month_and_both_sentences(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/shifts?target=RUS&since=2024-01-01")).json()
    first = body["shifts"][0]
    assert (first["actor"], first["dimension"], first["changed"]) == (
        "ARM", "diplomatic", "2024-03-04")
    assert first["last_before"]["evidence"] == "Armenia voiced support for Russia on 2 March 2022."
    assert (await client.get("/api/shifts?since=March")).status_code == 400


async def test_shifts_feed_is_atom(client: httpx.AsyncClient) -> None:
    response = await client.get("/shifts.atom?target=RUS&since=2024-01-01")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2024-05-01T00:00:00Z", "2024-03-04T00:00:00Z"]
    assert "condemned" in (entries[1].findtext(f"{ATOM}summary") or "")


async def test_contradictions_api_pairs_the_outlets(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/contradictions")).json()
    (pair,) = body["contradictions"]
    assert (pair["support"]["outlet"], pair["against"]["outlet"]) == (
        "kremlin-wire.example", "minsk-free.example")


async def test_heatmap_conflict_mark_and_state_timeline_link_on(client: httpx.AsyncClient) -> None:
    overview = (await client.get("/?target=RUS")).text
    assert 'href="/contradictions?actor=BLR&amp;target=RUS&amp;dimension=troops"' in overview
    state = (await client.get("/state/ARM")).text
    assert 'svg class="timeline"' in state and "when_since=2024-05-01" in state


async def test_claims_api_filters_by_when(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/claims?actor=ARM&when_until=2021-12-31")).json()
    assert {c["when"][:4] for c in body["claims"]} == {"2021"}
    bad = await client.get("/api/claims?when_since=2024-02-01&when_until=2024-01-01")
    assert bad.status_code == 400 and bad.json()["parameter"] == "when_since"
