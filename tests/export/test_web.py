"""The export endpoint and the record marks of the pages, through the real app."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from coalition.models import ClaimQuery
from coalition.settings import Settings
from coalition.store import Store
from tests.export.test_export import body
from tests.fixtures.records import SERBIA, news_store

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def web(tmp_path: Path) -> AsyncIterator[tuple[Store, httpx.AsyncClient]]:
    from coalition.web import create_app

    with news_store(f"sqlite:///{tmp_path / 'web.db'}") as store:
        app = create_app(store, Settings())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield store, http


async def test_the_api_streams_the_same_export_as_the_library(
    web: tuple[Store, httpx.AsyncClient],
) -> None:
    import pyarrow.parquet as pq

    store, http = web
    async with http.stream("GET", "/api/export?format=parquet&target=Russia") as response:
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        data = b"".join([chunk async for chunk in response.aiter_bytes()])
    assert data == body(store, "parquet", query=ClaimQuery(target="RUS"))
    assert pq.read_table(io.BytesIO(data)).num_rows == 3 + 292
    plover = await http.get("/api/export?format=plover&involving=SRB&certainty=asserted")
    assert [json.loads(x)["text"] for x in plover.text.splitlines()] == [SERBIA]


@pytest.mark.parametrize(("query", "parameter"), [
    ("format=xlsx", "format"), ("what=everything", "what"),
    ("format=plover&what=timeline", "format"), ("target=Atlantis", "target"),
])
async def test_bad_export_parameters_are_400(
    web: tuple[Store, httpx.AsyncClient], query: str, parameter: str
) -> None:
    response = await web[1].get(f"/api/export?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


async def test_names_work_where_codes_do(web: tuple[Store, httpx.AsyncClient]) -> None:
    http = web[1]
    by_name = (await http.get("/api/claims?actor=Serbia")).json()
    assert [c["actor"] for c in by_name["claims"]] == ["SRB"]
    page = await http.get("/state/serbia")
    assert page.status_code == 200 and "Serbia" in page.text
    assert (await http.get("/state/atlantis")).status_code == 400


async def test_records_show_apart_from_news_in_every_view(
    web: tuple[Store, httpx.AsyncClient],
) -> None:
    http = web[1]
    cells = (await http.get("/api/scorecard?target=RUS")).json()["cells"]
    serbia = next(c for c in cells if c["actor"] == "SRB")
    assert (serbia["stance"], serbia["articles"], serbia["records"], serbia["recorded"]) == (
        "support", 1, 2, "oppose")
    france = next(c for c in cells if c["actor"] == "FRA")
    assert (france["articles"], france["claims"], france["records"]) == (0, 0, 2)
    assert (await http.get("/api/stats")).json() == {"articles": 1, "claims": 3}
    overview = (await http.get("/?target=RUS")).text
    assert 'class="record-mark oppose"' in overview
    assert 'class="cell recorded-only"' in overview  # France: votes, no news
    world = (await http.get("/api/map?target=UKR")).json()
    assert world["records"]["ARM"] == "refuse" and "ARM" not in world["values"]
    assert "recorded recorded-refuse" in (await http.get("/map?target=UKR")).text
    graph = (await http.get("/api/network?target=RUS")).json()
    assert any(e["source"] == "SRB" and e["stance"] == "oppose"
               for e in graph["records"]["edges"])
    assert 'class="edge oppose recorded"' in (await http.get("/network?target=RUS")).text
    state = (await http.get("/state/ARM")).text
    assert 'id="records"' in state and "Armenia abstained on UN General Assembly" in state
    listing = (await http.get("/api/claims?actor=ARM&certainty=recorded")).json()
    assert listing["total"] == 2
