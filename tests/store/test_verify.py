"""``Store.verify`` finds nothing wrong in a store kept by the writes, and names each summary row
that a stray write put wrong."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from coalition.store import Store
from tests.store.build import article, claim


def _fill(store: Store) -> None:
    for i, day in enumerate([date(2024, 3, 1), date(2024, 1, 1), None, date(2024, 2, 1)]):
        sentences = [f"Iran arms Russia ({i}).", "Belarus arms Russia.", "Iran arms Russia again."]
        art = article(f"a{i}", sentences, published=day)
        store.add_article(art, [claim(art, s, "IRN" if "Iran" in s else "BLR", "RUS")
                                for s in sentences])


def test_a_store_kept_by_its_writes_verifies_clean(store_url: str) -> None:
    with Store(store_url) as store:
        assert store.verify() == []
        _fill(store)
        assert store.verify() == []


@pytest.mark.parametrize(("statement", "fragment"), [
    ("UPDATE stance_totals SET claims = claims + 1 WHERE actor = 'IRN'",
     "stance_totals: RUS IRN arms support: stored (4, 2, 9, 2024-01-01, 2024-03-01), counted "
     "from the claims (4, 2, 8, 2024-01-01, 2024-03-01)"),
    ("UPDATE stance_totals SET stories = stories - 1 WHERE actor = 'BLR'",
     "stance_totals: RUS BLR arms support: stored"),
    ("UPDATE stance_daily SET through_stories = through_stories + 1 WHERE day = '2024-03-01'",
     "running stories"),
    ("UPDATE stance_daily SET through_claims = through_claims + 1 WHERE day = '2024-02-01'",
     "stance_daily: RUS"),
    ("DELETE FROM stance_daily WHERE day = '2024-03-01'", "stored nothing"),
    ("UPDATE claims SET published = NULL WHERE doc = 'a0'", "claims: claim"),
])
def test_each_wrong_summary_row_is_named(store_url: str, statement: str, fragment: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        with store._engine.begin() as conn:
            conn.execute(text(statement))
        found = store.verify()
    assert found
    assert any(fragment in line for line in found), found


def test_a_full_text_index_out_of_step_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        _fill(store)
        with store._engine.begin() as conn:
            # Take one article out of the index behind the trigger's back.
            conn.execute(text("INSERT INTO articles_fts(articles_fts, rowid, title, text) "
                              "SELECT 'delete', id, title, text FROM articles LIMIT 1"))
        found = store.verify()
    assert any(line.startswith("articles_fts:") for line in found), found
