"""The JSON API against the real app over a real database filled by the real pipeline."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from coalition.models import ClaimQuery
from coalition.store import Store

pytestmark = pytest.mark.anyio


async def get_json(client: httpx.AsyncClient, path: str, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def keys(cells: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    return {(c["actor"], c["target"], c["dimension"], c["stance"]) for c in cells}


async def test_scorecard_has_the_cells_of_the_articles(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/scorecard", target="RUS")
    assert body["target"] == "RUS"
    assert {cell["target"] for cell in body["cells"]} == {"RUS"}
    assert ("IRN", "RUS", "arms", "support") in keys(body["cells"])
    assert ("KAZ", "RUS", "troops", "refuse") in keys(body["cells"])


async def test_scorecard_date_range_leaves_out_older_articles(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/scorecard", target="RUS", since="2024-01-01")
    actors = {cell["actor"] for cell in body["cells"]}
    assert "IRN" in actors
    assert "KAZ" not in actors  # its article is from 2023
    assert body["since"] == "2024-01-01"


async def test_claims_filter_by_actor_and_count_all_pages(
    client: httpx.AsyncClient, filled_store: Store
) -> None:
    body = await get_json(client, "/api/claims", actor="kaz")
    assert body["claims"], "no claims by Kazakhstan"
    assert {claim["actor"] for claim in body["claims"]} == {"KAZ"}
    assert body["total"] == filled_store.count_claims(ClaimQuery(actor="KAZ"))


async def test_claims_filter_by_dimension_stance_and_words(client: httpx.AsyncClient) -> None:
    refused = await get_json(client, "/api/claims", stance="refuse", dimension="troops")
    assert [(c["actor"], c["target"]) for c in refused["claims"]] == [("KAZ", "RUS")]
    worded = await get_json(client, "/api/claims", q="generators")
    assert worded["total"] >= 1
    assert all("generators" in claim["evidence"] for claim in worded["claims"])


async def test_claims_are_paginated_newest_first(client: httpx.AsyncClient) -> None:
    everything = await get_json(client, "/api/claims", limit=500)
    total = everything["total"]
    assert total == len(everything["claims"]) >= 4
    dates = [claim["published"] for claim in everything["claims"]]
    assert dates == sorted(dates, reverse=True)
    first = await get_json(client, "/api/claims", limit=1, offset=0)
    second = await get_json(client, "/api/claims", limit=1, offset=1)
    assert first["total"] == second["total"] == total
    assert first["claims"][0]["id"] != second["claims"][0]["id"]
    assert [first["claims"][0]["id"], second["claims"][0]["id"]] == [
        claim["id"] for claim in everything["claims"][:2]
    ]


async def test_article_comes_with_its_claims(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/articles/iran-drones")
    assert body["title"] == "Iran supplies drones to Russia"
    assert body["published"] == "2024-03-01"
    assert body["claims"]
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["evidence"]


async def test_unknown_article_is_404_with_its_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert "no-such-article" in response.json()["error"]


async def test_articles_list_has_every_article(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/articles")
    assert {a["id"] for a in body["articles"]} == {
        "iran-drones", "kazakhstan-troops", "ukraine-aid", "hostile"
    }
    assert all("text" not in article for article in body["articles"])


async def test_actors_have_names_and_counts(
    client: httpx.AsyncClient, filled_store: Store
) -> None:
    body = await get_json(client, "/api/actors")
    by_code = {actor["code"]: actor for actor in body["actors"]}
    assert by_code["RUS"]["name"] == "Russia"
    assert by_code["IRN"]["name"] == "Iran"
    expected = {code: (a, t) for code, a, t in filled_store.actor_counts()}
    assert {c: (v["as_actor"], v["as_target"]) for c, v in by_code.items()} == expected


async def test_network_links_actors_to_targets(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/network", target="RUS")
    assert body["target"] == "RUS"
    text = str(body)
    for code in ("IRN", "KAZ", "RUS"):
        assert code in text
    assert body["edges"], "a network with claims has edges"


async def test_map_gives_net_stance_per_state(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/map", target="RUS")
    assert body["values"]["IRN"] > 0  # sends drones and missiles
    assert body["values"]["KAZ"] < 0  # refuses troops and recognition


async def test_search_finds_articles_and_evidence(client: httpx.AsyncClient) -> None:
    body = await get_json(client, "/api/search", q="Shahed")
    assert "iran-drones" in {hit["article_id"] for hit in body["hits"]}
    empty = await get_json(client, "/api/search", q="")
    assert empty["hits"] == []


async def test_stats_count_articles_and_claims(
    client: httpx.AsyncClient, filled_store: Store
) -> None:
    body = await get_json(client, "/api/stats")
    assert body == filled_store.stats()
    assert body["articles"] == 4


BAD_PARAMETERS = [
    ("/api/claims?dimension=tanks", "dimension", "unknown value"),
    ("/api/claims?stance=maybe", "stance", "unknown value"),
    ("/api/claims?certainty=sure", "certainty", "unknown value"),
    ("/api/claims?since=2024-02-30", "since", "not a date"),
    ("/api/claims?until=yesterday", "until", "not a date"),
    ("/api/claims?since=2024-05-01&until=2024-01-01", "since", "after"),
    ("/api/claims?limit=0", "limit", "out of range"),
    ("/api/claims?limit=501", "limit", "out of range"),
    ("/api/claims?limit=ten", "limit", "not a whole number"),
    ("/api/claims?offset=-1", "offset", "out of range"),
    ("/api/claims?actor=R2D2", "actor", "not an actor code"),
    ("/api/scorecard?target=russia!", "target", "not an actor code"),
    ("/api/scorecard?since=2024-13-01", "since", "not a date"),
    ("/api/network?target=1", "target", "not an actor code"),
    ("/api/map?until=2024/01/01", "until", "not a date"),
    ("/api/search?q=x&limit=1000", "limit", "out of range"),
    ("/api/articles?offset=many", "offset", "not a whole number"),
]


@pytest.mark.parametrize(("path", "parameter", "reason"), BAD_PARAMETERS)
async def test_bad_parameter_is_400_naming_it(
    client: httpx.AsyncClient, path: str, parameter: str, reason: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["parameter"] == parameter
    assert body["error"].startswith(f"{parameter}: ")
    assert reason in body["error"]


async def test_openapi_and_docs_work_offline(client: httpx.AsyncClient) -> None:
    schema = await get_json(client, "/openapi.json")
    for path in ("/api/scorecard", "/api/claims", "/api/articles/{article_id}", "/api/actors",
                 "/api/network", "/api/search"):
        assert path in schema["paths"]
    listed = {p["name"] for p in schema["paths"]["/api/claims"]["get"]["parameters"]}
    assert {"actor", "target", "dimension", "stance", "since", "until", "q", "limit"} <= listed
    docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css",
                  "/static/docs.js"):
        assert f'"{asset}"' in docs.text
        assert (await client.get(asset)).status_code == 200


async def test_unreachable_database_is_a_503_with_the_reason(tmp_path: Any) -> None:
    from coalition.settings import Settings
    from tests.web.conftest import asgi_client

    store = Store(f"sqlite:///{tmp_path / 'gone.db'}")
    store.close()
    (tmp_path / "gone.db").unlink()
    (tmp_path / "gone.db").mkdir()  # a directory where the database file was
    async with asgi_client(store, Settings()) as client:
        response = await client.get("/api/claims")
    assert response.status_code == 503
    assert response.json()["error"].startswith("cannot list claims in sqlite:")
