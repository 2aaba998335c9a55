"""Reviews through the API on SQLite and PostgreSQL: refused without a valid token, applied with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from coalition.models import ClaimQuery
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store
from tests.web.articles import web_articles
from tests.web.conftest import asgi_client

pytestmark = pytest.mark.anyio
TOKENS = "alice:s3cret,bob:b0b"
ALICE = {"X-Coalition-Token": "s3cret"}


@pytest.fixture
def store(store_url: str, extractor: Any) -> Iterator[Store]:
    with Store(store_url) as opened:
        store_articles(web_articles(), opened, Settings(), extractor=extractor)
        yield opened


def _snapshot(store: Store) -> tuple[Any, ...]:
    return (store.review_log(), store.reviews(), store.stance_counts(),
            [r.claim for r in store.claims(ClaimQuery(limit=500))])


async def test_reviews_without_a_valid_token_change_nothing(store: Store) -> None:
    claim_id = store.claims(ClaimQuery(limit=1))[0].id
    before = _snapshot(store)
    body = {"verdict": "reject", "note": "no"}
    add = {"evidence": "Shahed", "actor": "IRN", "target": "RUS", "dimension": "arms",
           "stance": "support"}
    async with asgi_client(store, Settings(reviewer_tokens=TOKENS)) as client:
        missing = await client.post(f"/api/claims/{claim_id}/review", json=body)
        wrong = await client.post(f"/api/claims/{claim_id}/review", json=body,
                                  headers={"X-Coalition-Token": "guess"})
        form = await client.post(f"/claims/{claim_id}/review", data={**body, "token": "x"})
        added = await client.post("/api/articles/iran-drones/claims", json=add)
        revised = await client.post("/api/reviews/1", json=body)
        ingest_token = await client.post(f"/api/claims/{claim_id}/review", json=body,
                                         headers={"X-Coalition-Token": ""})
    assert (missing.status_code, wrong.status_code, form.status_code) == (401, 403, 403)
    assert (added.status_code, revised.status_code, ingest_token.status_code) == (401, 401, 401)
    assert "reviewer token" in missing.json()["error"]
    async with asgi_client(store, Settings(ingest_token="s3cret")) as client:
        off = await client.post(f"/api/claims/{claim_id}/review", json=body, headers=ALICE)
    assert off.status_code == 403 and "reviews are off" in off.json()["error"]
    assert _snapshot(store) == before


async def test_a_reviewer_accepts_rejects_corrects_and_adds(store: Store) -> None:
    rows = store.claims(ClaimQuery(limit=3, target="RUS"))
    async with asgi_client(store, Settings(reviewer_tokens=TOKENS)) as client:
        machine = (await client.get("/api/scorecard?target=RUS")).json()["cells"]
        done = [
            await client.post(f"/api/claims/{rows[0].id}/review", headers=ALICE,
                              json={"verdict": "accept"}),
            await client.post(f"/api/claims/{rows[1].id}/review",
                              headers={"X-Coalition-Token": "b0b"},
                              json={"verdict": "reject", "note": "a quotation"}),
            await client.post(f"/api/claims/{rows[2].id}/review", headers=ALICE,
                              json={"verdict": "correct", "set": {"stance": "oppose"}}),
        ]
        assert [r.status_code for r in done] == [200, 200, 200], [r.text for r in done]
        assert [r.json()["reviewer"] for r in done] == ["alice", "bob", "alice"]
        assert done[2].json()["stance"] == "oppose"
        reviewed = (await client.get("/api/scorecard?target=RUS&view=reviewed")).json()
        applied = (await client.get("/api/scorecard?target=RUS")).json()["cells"]
        log = (await client.get("/api/reviews/log")).json()["log"]
        listed = (await client.get("/api/claims?target=RUS&limit=3")).json()["claims"]
        bad = await client.post(f"/api/claims/{rows[0].id}/review", headers=ALICE,
                                json={"verdict": "correct", "set": {"stance": "maybe"}})
        gone = await client.post("/api/claims/999999/review", headers=ALICE,
                                 json={"verdict": "accept"})
        added = await client.post("/api/articles/iran-drones/claims", headers=ALICE, json={
            "evidence": "ballistic missiles", "actor": "IRN", "target": "RUS",
            "dimension": "arms", "stance": "support", "note": "missed"})
    assert reviewed["view"] == "reviewed" and sum(c["reviewed"] for c in reviewed["cells"]) == 2
    assert all(t["reviewed"] == t["claims"] for c in reviewed["cells"]
               for t in c["by_stance"].values())
    assert applied != machine  # the cache saw the reviews
    assert sum(c["reviewed"] for c in applied) == 2
    assert [(e["reviewer"], e["action"]) for e in log] == [
        ("alice", "accept"), ("bob", "reject"), ("alice", "correct")]
    assert log[2]["before"]["stance"] != "oppose" and log[2]["after"]["stance"] == "oppose"
    assert {c["review"]["verdict"] for c in listed} == {"accept", "reject", "correct"}
    assert (bad.status_code, gone.status_code) == (400, 404)
    assert added.status_code == 200, added.text
    assert added.json()["evidence"].startswith("Tehran also supplied ballistic missiles")


async def test_forms_redirect_back_and_cross_site_posts_are_refused(store: Store) -> None:
    claim_id = store.claims(ClaimQuery(limit=1))[0].id
    async with asgi_client(store, Settings(reviewer_tokens=TOKENS)) as client:
        foreign = await client.post(f"/claims/{claim_id}/review",
                                    data={"verdict": "accept", "token": "s3cret"},
                                    headers={"Origin": "https://evil.example"})
        assert foreign.status_code == 403 and store.reviews() == []
        form = await client.post(f"/claims/{claim_id}/review",
                                 data={"verdict": "accept", "token": "s3cret", "actor": ""},
                                 headers={"Referer": "http://testserver/claims?target=RUS"})
    assert form.status_code == 303
    review = store.reviews()[0]
    assert form.headers["location"] == f"/claims?target=RUS#review-{review.id}"
    assert review.reviewer == "alice"
