"""Dated counts land under their own key even when one article adds new keys and grows old ones
(PostgreSQL returned the upsert's ids in id order, not in the order sent)."""

from __future__ import annotations

from datetime import date

from coalition.models import Dimension, Stance
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
