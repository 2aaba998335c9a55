"""add_article: one transaction per article, idempotent, and safe when two writers race."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import date

import pytest

from coalition.errors import StoreError
from coalition.models import Article, Claim, ClaimQuery, Dimension, Precision, Stance, When
from coalition.store import Store
from coalition.store._engine import writer
from coalition.store._stories import fingerprint
from coalition.store._writes import _insert
from tests.store.build import article, claim

DRONES = "Iran sent Shahed drones to Russia."
TROOPS = "Kazakhstan refused to send troops."


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    with Store(store_url) as opened:
        yield opened


def _iran(url: str | None = None, title: str | None = None) -> tuple[Article, list[Claim]]:
    art = article("iran", [DRONES, TROOPS], published=date(2024, 3, 1), url=url, title=title)
    return art, [claim(art, DRONES, "IRN", "RUS"),
                 claim(art, TROOPS, "KAZ", "RUS", Dimension.TROOPS, Stance.REFUSE)]


def _keys(store: Store) -> list[tuple[str, ...]]:
    return sorted(c.claim.key for c in store.claims(ClaimQuery(limit=100)))


def test_add_article_stores_article_and_claims(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran", title="Drones")
    assert store.add_article(art, found) == art
    stored = store.article("iran")
    assert stored is not None
    assert stored.article == art
    # A claim stored without a date of its own is dated by its article, marked as a fallback.
    assert [c.claim for c in stored.claims] == [replace(c, when=When.of_article(art.published))
                                                for c in found]
    assert store.stats() == {"articles": 1, "stories": 1, "claims": 2}


def test_when_is_stored_and_filtered(store: Store) -> None:
    art, (drones, troops) = _iran()
    dated = replace(troops, when=When(date(2022, 2, 1), Precision.MONTH))
    store.add_article(art, [drones, dated])
    stored = store.claims(ClaimQuery(when_until=date(2022, 12, 31)))
    assert [c.claim for c in stored] == [dated]
    assert store.count_claims(ClaimQuery(when_since=date(2024, 3, 1))) == 1


def test_reingest_of_same_text_and_url_writes_nothing(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran")
    store.add_article(art, found)
    before = _keys(store)
    assert store.add_article(art, found) is None
    assert store.stats() == {"articles": 1, "stories": 1, "claims": 2}
    assert _keys(store) == before


def test_same_url_with_new_text_is_a_new_revision(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran")
    store.add_article(art, found)
    edited = article("iran", [DRONES, "An update."], url="https://news.example/iran")
    assert not store.has_article(edited)
    stored = store.add_article(edited, [])
    assert stored is not None and stored.id == f"iran-{edited.sha256[:8]}"
    assert store.stats() == {"articles": 2, "stories": 2, "claims": len(found)}
    # The URL names the latest text; the earlier revision keeps its claims.
    earlier, latest = store.article("iran"), store.article(stored.id)
    assert earlier is not None and latest is not None
    assert (earlier.article.url, latest.article.url) == (None, "https://news.example/iran")
    assert len(earlier.claims) == len(found)
    assert store.add_article(edited, []) is None  # the same revision again is a duplicate


def test_same_text_under_other_id_and_url_is_a_duplicate(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran")
    store.add_article(art, found)
    # Content hash is over normalised text: case and spacing do not make a new article.
    copy = article("mirror", [DRONES.upper(), " ", TROOPS], url="https://mirror.example/x")
    assert store.add_article(copy, []) is None
    assert store.stats()["articles"] == 1


def test_articles_without_url_do_not_clash(store: Store) -> None:
    one = article("one", ["First text."])
    two = article("two", ["Second text."])
    assert store.add_article(one, []) == one
    assert store.add_article(two, []) == two
    assert store.stats()["articles"] == 2


def test_id_clash_with_other_text_stores_under_suffixed_id(store: Store) -> None:
    art, found = _iran()
    store.add_article(art, found)
    other = article("iran", [TROOPS])
    stored = store.add_article(other, [claim(other, TROOPS, "KAZ", "RUS", Dimension.TROOPS,
                                             Stance.REFUSE)])
    assert stored is not None
    assert stored.id == f"iran-{other.sha256[:8]}"
    assert stored.text == other.text
    page = store.article(stored.id)
    assert page is not None
    assert [c.claim.doc for c in page.claims] == [stored.id]
    assert [c.article_id for c in page.claims] == [stored.id]
    assert store.count_claims(ClaimQuery(article_id="iran")) == 2


def test_failing_claim_leaves_no_article_behind(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran")
    broken = replace(found[1], start=10, end=2)  # the schema refuses end before start
    with pytest.raises(StoreError, match="iran"):
        store.add_article(art, [found[0], broken])
    assert store.stats() == {"articles": 0, "stories": 0, "claims": 0}
    assert not store.has_article(art)
    assert store.search("Shahed") == []
    assert store.add_article(art, found) == art


def test_has_article(store: Store) -> None:
    art, found = _iran(url="https://news.example/iran")
    assert not store.has_article(art)
    store.add_article(art, found)
    assert store.has_article(art)
    # Another text at a known URL is a new revision, not the stored article.
    assert not store.has_article(article("x", ["Other."], url="https://news.example/iran"))
    assert not store.has_article(article("x", ["Other."], url="https://news.example/other"))


def _race(url: str, articles: list) -> list:  # type: ignore[type-arg]
    """Add each article from its own thread and Store, all released at once."""
    barrier = threading.Barrier(len(articles))
    results: list = [None] * len(articles)  # type: ignore[type-arg]

    def add(i: int) -> None:
        with Store(url) as own:
            barrier.wait()
            results[i] = own.add_article(articles[i], [])

    threads = [threading.Thread(target=add, args=(i,)) for i in range(len(articles))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_writers_adding_the_same_article_store_it_once(store_url: str) -> None:
    for round_ in range(5):
        art = article(f"same-{round_}", [f"Round {round_} text."], url=f"https://x/{round_}")
        results = _race(store_url, [art, art])
        assert sorted(r is None for r in results) == [False, True]
    with Store(store_url) as check:
        assert check.stats()["articles"] == 5
        assert check.verify() == []


def test_two_writers_with_one_id_store_both_texts(store_url: str) -> None:
    for round_ in range(5):
        pair = [article(f"id-{round_}", [f"Text {side} of round {round_}."]) for side in "ab"]
        results = _race(store_url, pair)
        assert all(r is not None for r in results)
        assert sorted(len(r.id) > len(f"id-{round_}") for r in results) == [False, True]
    with Store(store_url) as check:
        assert check.stats()["articles"] == 10
        assert check.verify() == []


def test_writer_that_loses_the_race_gets_none(store_url: str) -> None:
    """The other writer's insert is in flight (not committed) when ours starts."""
    art, found = _iran(url="https://news.example/iran")
    with Store(store_url) as store, Store(store_url) as rival:
        conn = writer(rival._engine).connect()
        transaction = conn.begin()
        _insert(conn, art, found, fingerprint(art.text))
        result: list[Article | None] = []
        ours = threading.Thread(target=lambda: result.append(store.add_article(art, found)))
        ours.start()
        time.sleep(0.5)
        assert ours.is_alive()  # waiting on the rival's lock or unique index entry
        transaction.commit()
        conn.close()
        ours.join(timeout=30)
        assert result == [None]
        assert store.stats() == {"articles": 1, "stories": 1, "claims": 2}


def test_long_ids_and_urls_and_empty_urls(store: Store) -> None:
    long = article("x" * 400, ["Long."], url="https://news.example/" + "y" * 3000)
    assert store.add_article(long, []) == long
    first, second = article("e1", ["One."], url=""), article("e2", ["Two."], url="")
    assert store.add_article(first, []) is not None
    assert store.add_article(second, []) is not None
    assert store.stats()["articles"] == 3
