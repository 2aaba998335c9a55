"""Claim listings, filters, pagination, articles, stance and actor counts, stats, search."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coalition.errors import StoreError
from coalition.models import Certainty, ClaimQuery, Dimension, Stance
from coalition.store import Store
from tests.store.build import article, claim

A1 = "Iran sent Shahed drones to Russia."
A2 = "Iran also supplied 100% of the shells, officials said."
B1 = "Kazakhstan refused to send troops to Ukraine."
B2 = "Kazakhstan has not recognized the annexations."
C1 = "Serbia is said to export ammunition to Ukraine."
D1 = "Belarus let Russia use its airspace."


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    """Four articles: two dated in 2024, one in 2023, one undated."""
    with Store(store_url) as opened:
        a = article("iran", [A1, A2], published=date(2024, 3, 1), title="Drone deliveries")
        b = article("kaz", [B1, B2], published=date(2024, 1, 15), title="Astana keeps out")
        c = article("serbia", [C1], published=date(2023, 6, 1), title="Ammunition")
        d = article("belarus", [D1], title="Airspace")
        opened.add_article(a, [claim(a, A1, "IRN", "RUS"), claim(a, A2, "IRN", "RUS")])
        opened.add_article(b, [
            claim(b, B1, "KAZ", "RUS", Dimension.TROOPS, Stance.REFUSE),
            claim(b, B2, "KAZ", "RUS", Dimension.RECOGNITION, Stance.REFUSE),
        ])
        opened.add_article(c, [claim(c, C1, "SRB", "UKR", certainty=Certainty.HEDGED)])
        opened.add_article(d, [claim(d, D1, "BLR", "RUS", Dimension.TERRITORY)])
        yield opened


def _evidence(store: Store, **filters) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.claim.evidence for c in store.claims(ClaimQuery(**filters))]


def test_claims_are_newest_first_then_in_stored_order_undated_last(store: Store) -> None:
    assert _evidence(store) == [A1, A2, B1, B2, C1, D1]
    first = store.claims(ClaimQuery(limit=1))[0]
    assert (first.article_id, first.title, first.source) == ("iran", "Drone deliveries", "iran.md")
    assert first.published == date(2024, 3, 1)


FILTER_CASES: list[tuple[dict[str, Any], list[str]]] = [
    ({"actor": "KAZ"}, [B1, B2]),
    ({"target": "UKR"}, [C1]),
    ({"dimension": Dimension.ARMS}, [A1, A2, C1]),
    ({"stance": Stance.REFUSE}, [B1, B2]),
    ({"certainty": Certainty.HEDGED}, [C1]),
    ({"since": date(2024, 1, 15)}, [A1, A2, B1, B2]),
    ({"until": date(2024, 1, 15)}, [B1, B2, C1]),
    ({"since": date(2024, 1, 16), "until": date(2024, 12, 31)}, [A1, A2]),
    ({"text": "SHAHED"}, [A1]),
    ({"text": "astana"}, [B1, B2]),  # the article's title
    ({"text": "drone"}, [A1, A2]),  # stemmed; A2 by its article's title
    ({"text": "refused troops"}, [B1]),  # every word, in any order
    ({"text": "refused shells"}, []),
    ({"text": '"send troops"'}, [B1]),
    ({"text": "100%"}, [A2]),  # words only: % is not a wildcard
    ({"text": "%"}, []),
    ({"text": "kazakhstan", "dimension": Dimension.TROOPS}, [B1]),  # words and other filters
    ({"text": "drone", "actor": "IRN", "since": date(2024, 3, 1)}, [A1, A2]),
    ({"text": "drone", "limit": 1, "offset": 1}, [A2]),  # a page of the matches; counts all
    ({"article_id": "serbia"}, [C1]),
    ({"article_id": "nowhere"}, []),
    ({"actor": "IRN", "dimension": Dimension.ARMS, "target": "RUS"}, [A1, A2]),
    ({"actor": "IRN", "stance": Stance.REFUSE}, []),
]


def test_claim_filters(store: Store) -> None:
    # One store for every case: a database per case would cost more than the queries.
    for filters, expected in FILTER_CASES:
        assert _evidence(store, **filters) == expected, filters
        every = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
        assert store.count_claims(ClaimQuery(**filters)) == len(_evidence(store, **every)), filters


def test_pages_cover_every_claim_once(store: Store) -> None:
    pages = [_evidence(store, limit=4, offset=0), _evidence(store, limit=4, offset=4)]
    assert pages == [[A1, A2, B1, B2], [C1, D1]]
    assert _evidence(store, limit=4, offset=8) == []
    assert store.count_claims(ClaimQuery(limit=1, offset=3)) == 6


def test_bad_paging_and_dates_are_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="negative"):
        store.claims(ClaimQuery(offset=-1))
    with pytest.raises(StoreError, match="since is after until"):
        store.claims(ClaimQuery(since=date(2024, 2, 1), until=date(2024, 1, 1)))


def test_articles_and_article(store: Store) -> None:
    listed = store.articles(limit=10)
    assert [a.article.id for a in listed] == ["iran", "kaz", "serbia", "belarus"]
    assert all(a.claims == () for a in listed)
    assert [a.article.id for a in store.articles(limit=2, offset=1)] == ["kaz", "serbia"]
    page = store.article("kaz")
    assert page is not None
    assert page.article.title == "Astana keeps out"
    assert page.ingested_at.startswith(str(date.today().year)[:2])
    assert [c.claim.evidence for c in page.claims] == [B1, B2]
    assert store.article("missing") is None


def test_stance_counts_group_by_actor_target_dimension_stance(store: Store) -> None:
    more = article("iran-2", [A1, "More text."], published=date(2024, 5, 2))
    store.add_article(more, [claim(more, A1, "IRN", "RUS")])
    counts = {(c.actor, c.target, c.dimension, c.stance): c for c in store.stance_counts()}
    iran = counts["IRN", "RUS", Dimension.ARMS, Stance.SUPPORT]
    assert (iran.articles, iran.claims) == (2, 3)  # two claims in one article count once
    assert (iran.first_seen, iran.last_seen) == (date(2024, 3, 1), date(2024, 5, 2))
    blr = counts["BLR", "RUS", Dimension.TERRITORY, Stance.SUPPORT]
    assert (blr.articles, blr.claims, blr.first_seen, blr.last_seen) == (1, 1, None, None)
    assert len(counts) == 5


def test_stance_counts_filter_by_target_and_dates(store: Store) -> None:
    toward_ukr = store.stance_counts(target="UKR")
    assert [(c.actor, c.articles) for c in toward_ukr] == [("SRB", 1)]
    recent = store.stance_counts(target="RUS", since=date(2024, 2, 1))
    assert [(c.actor, c.dimension, c.claims) for c in recent] == [("IRN", Dimension.ARMS, 2)]
    early = store.stance_counts(until=date(2024, 1, 31))
    assert sorted(c.actor for c in early) == ["KAZ", "KAZ", "SRB"]


def test_actor_counts_and_stats(store: Store) -> None:
    assert store.actor_counts() == [
        ("RUS", 0, 5), ("IRN", 2, 0), ("KAZ", 2, 0), ("BLR", 1, 0), ("SRB", 1, 0), ("UKR", 0, 1),
    ]
    assert store.stats() == {"articles": 4, "stories": 4, "claims": 6}


def test_search_finds_articles_and_claims_by_stemmed_words(store: Store) -> None:
    hits = store.search("drone")
    assert {(h.kind, h.article_id) for h in hits} == {("article", "iran"), ("claim", "iran")}
    claim_hit = next(h for h in hits if h.kind == "claim")
    assert claim_hit.snippet == A1
    assert claim_hit.claim_id is not None
    article_hit = next(h for h in hits if h.kind == "article")
    assert "drones" in article_hit.snippet and "<" not in article_hit.snippet
    assert article_hit.title == "Drone deliveries"
    assert hits == sorted(hits, key=lambda h: -h.rank)


def test_search_needs_every_word_and_honours_phrases(store: Store) -> None:
    assert {h.article_id for h in store.search("refused troops")} == {"kaz"}
    assert store.search("refused shells") == []
    assert {h.article_id for h in store.search('"send troops"')} == {"kaz"}
    assert store.search('"troops send"') == []


def test_search_never_fails_on_odd_input(store: Store) -> None:
    for text in ['"unclosed', "AND (", "NEAR(", "*", "", "  ", "-", "drone OR", "a:b", "^x"]:
        assert isinstance(store.search(text), list), text
    assert store.search("") == []


def test_search_limit(store: Store) -> None:
    assert len(store.search("Kazakhstan")) == 3
    assert len(store.search("Kazakhstan", limit=1)) == 1
    with pytest.raises(StoreError):
        store.search("x", limit=-1)


def test_version_changes_with_every_stored_article_only(store: Store) -> None:
    before = store.version()
    again = article("iran", [A1, A2], published=date(2024, 3, 1), title="Drone deliveries")
    assert store.add_article(again, []) is None  # a duplicate stores nothing
    assert store.version() == before
    news = "Belarus sent generators to Ukraine."
    new = article("new", [news])
    assert store.add_article(new, [claim(new, news, "BLR", "UKR")]) is not None
    assert store.version() != before
