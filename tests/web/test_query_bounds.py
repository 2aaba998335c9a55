"""A search query is bounded in words and length: the API and pages refuse a longer one with a
400 naming ``q``; the store searches only the first words of one, whoever asks."""

from __future__ import annotations

import httpx
import pytest

from coalition.models import ClaimQuery
from coalition.store import MAX_QUERY_CHARS, MAX_QUERY_WORDS, Store

pytestmark = pytest.mark.anyio
LONG = " ".join(["drones"] * 2_000)


@pytest.mark.parametrize("path", ["/api/search", "/api/claims", "/search", "/claims"])
@pytest.mark.parametrize(("q", "fragment"), [
    (LONG, f"2000 words, over the limit of {MAX_QUERY_WORDS}"),
    ("x" * (MAX_QUERY_CHARS + 1), f"over the limit of {MAX_QUERY_CHARS}"),
])
async def test_a_query_over_the_bounds_is_a_400_naming_q(
    client: httpx.AsyncClient, path: str, q: str, fragment: str
) -> None:
    response = await client.get(path, params={"q": q})
    assert response.status_code == 400
    assert "q: too long" in response.text and fragment in response.text


async def test_a_query_at_the_bounds_is_answered(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/search", params={"q": " ".join(["drones"] * 32)})
    assert response.status_code == 200


def test_the_store_searches_the_first_words_of_a_long_query(filled_store: Store) -> None:
    short = " ".join(["drones"] * MAX_QUERY_WORDS)
    assert {h.article_id for h in filled_store.search(LONG)} == {
        h.article_id for h in filled_store.search(short)}
    assert filled_store.search(LONG)
    assert filled_store.count_claims(ClaimQuery(text=LONG)) == filled_store.count_claims(
        ClaimQuery(text="drones"))
