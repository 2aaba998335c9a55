"""Claims found by words alone: the count and newest-first pages read from the indexes agree
with the plain queries, whether the words are common or rare, dated or not, in titles or not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from coalition.models import ClaimQuery
from coalition.store import Store
from coalition.store._queries import list_claims
from coalition.store._wordpage import newest_word_page, word_matches
from tests.store.build import article, claim


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path_factory.mktemp('words') / 'w.db'}")
    for n in range(60):
        # Dates out of storing order, some shared, some articles undated.
        published = None if n % 11 == 0 else date(2024, 1, 1) + timedelta(days=(n * 37) % 23)
        words = "common" if n % 2 else "plain"
        sentences = [f"Iran sent {words} drones to Russia in wave {n} part {k}." for k in range(4)]
        title = "rare title word" if n % 20 == 7 else f"story {n}"
        art = article(f"a{n}", sentences, published=published, title=title)
        opened.add_article(art, [claim(art, s, "IRN", "RUS") for s in sentences])
    yield opened
    opened.close()


@pytest.mark.parametrize("words", ["common", "drones", "plain drones", "rare", "wave 7",
                                   "nothing here", "common rare"])
@pytest.mark.parametrize("offset", [0, 3, 30, 200])
def test_pages_and_counts_match_the_plain_queries(store: Store, words: str, offset: int) -> None:
    query = ClaimQuery(text=words, limit=7, offset=offset)
    total, rows = store.claim_page(query)
    plain_rows = store.claims(query)  # the join of every match, sorted
    everything = store.claims(ClaimQuery(text=words, limit=10_000))
    assert [r.id for r in rows] == [r.id for r in plain_rows]
    assert total == len(everything)


def test_common_words_take_the_walk_down_the_newest_claims(store: Store) -> None:
    # Half of all claims match: the walk answers, rather than falling back to the join.
    with store._engine.connect() as conn:  # the module's own question, asked directly
        matches = word_matches(conn, "common")
        assert matches is not None and matches.total == 120
        page = newest_word_page(conn, "common", matches, 5, 10)
        assert page is not None
        plain = list_claims(conn, ClaimQuery(text="common", limit=10, offset=5))
    assert page == [r.id for r in plain]
