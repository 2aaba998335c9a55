"""Inputs that PostgreSQL and SQLite once stored differently: dated counts land under their own
key even when one article adds new keys and grows old ones (PostgreSQL returned the upsert's ids
in id order, not in the order sent), and NUL characters."""

from __future__ import annotations

from datetime import date

import pytest

from coalition.errors import StoreError
from coalition.models import Article, Dimension, Stance
from coalition.store import Store
from tests.store.build import article, claim


def test_new_and_existing_keys_in_one_article_count_under_their_own_keys(store_url: str) -> None:
    with Store(store_url) as store:
        first = article("first", ["Kazakhstan arms Russia."], published=date(2024, 1, 1))
        store.add_article(first, [claim(first, first.text, "KAZ", "RUS")])
        # Sorted, the new key (ARM, ...) comes before the existing one (KAZ, ...), but its
        # stance_totals row is newer, so its id is larger.
        armenia = ["Armenia arms Russia.", "Armenia arms Russia more."]
        second = article("second", [*armenia, "Kazakhstan arms Russia again."],
                         published=date(2024, 2, 1))
        store.add_article(second, [
            *(claim(second, s, "ARM", "RUS", Dimension.ARMS, Stance.SUPPORT) for s in armenia),
            claim(second, "Kazakhstan arms Russia again.", "KAZ", "RUS"),
        ])

        dated = store.stance_counts(since=date(2024, 1, 15))

        assert [(c.actor, c.articles, c.claims) for c in dated] == [("ARM", 1, 2), ("KAZ", 1, 1)]
        assert [(c.actor, c.articles) for c in store.stance_counts(until=date(2024, 1, 15))] == [
            ("KAZ", 1)]


def test_nul_in_metadata_is_dropped_and_in_text_refused_alike(store_url: str) -> None:
    with Store(store_url) as store:
        titled = Article(id="t", text="Iran arms Russia.", source="t\x00.md", title="Ti\x00tle",
                         author="\x00")
        stored = store.add_article(titled, [])
        with pytest.raises(StoreError, match="NUL"):
            store.add_article(Article(id="n", text="Iran\x00 arms Russia.", source="n.md"), [])

        assert stored is not None
        found = store.article("t")
        assert found is not None
        kept = found.article
        assert (kept.title, kept.author, kept.source) == ("Title", None, "t.md")
        assert store.stats()["articles"] == 1
