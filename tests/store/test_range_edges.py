"""Dated counts where a range cuts a key's evidence at one end, the other, both or neither: each
end is seeked only where the totals' first and last days do not settle it, and every case
equals a direct count of the claims, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from coalition.models import Dimension, Stance
from coalition.store import Store
from tests.store.build import article, claim
from tests.store.test_totals import _grouped_claims

# Each key's days: IRN's evidence spans the year, KAZ's only spring, BLR's one day in summer.
_DAYS = {
    "IRN": [date(2024, 1, 5), date(2024, 4, 2), date(2024, 7, 9), date(2024, 11, 30)],
    "KAZ": [date(2024, 3, 1), date(2024, 4, 2), date(2024, 5, 20)],
    "BLR": [date(2024, 7, 9)],
}


def _store(url: str) -> Store:
    store = Store(url)
    n = 0
    for actor, days in _DAYS.items():
        for day in days:
            for target, stance in (("RUS", Stance.SUPPORT), ("UKR", Stance.REFUSE)):
                n += 1
                sentences = [f"Sentence {j} of article {n}." for j in range(2)]
                art = article(f"e{n}", sentences, published=day)
                store.add_article(art, [claim(art, s, actor, target, dim, stance)
                                        for s, dim in zip(sentences, (Dimension.ARMS,
                                                                      Dimension.ECONOMIC),
                                                          strict=True)])
    undated = article("undated", ["An undated sentence."])
    store.add_article(undated, [claim(undated, "An undated sentence.", "IRN", "RUS")])
    return store


@pytest.mark.parametrize(("since", "until"), [
    (date(2024, 1, 1), date(2024, 12, 31)),  # every key's evidence inside
    (date(2024, 4, 1), None),  # cuts IRN and KAZ at the start only
    (None, date(2024, 6, 1)),  # cuts IRN and BLR at the end only
    (date(2024, 4, 1), date(2024, 7, 9)),  # cuts at both ends, keeps BLR's day whole
    (date(2024, 4, 3), date(2024, 5, 19)),  # inside IRN's span and KAZ's, without a day
    (date(2024, 7, 9), date(2024, 7, 9)),  # one day
    (date(2025, 1, 1), None),  # after every key
    (None, date(2023, 12, 31)),  # before every key
])
@pytest.mark.parametrize("target", [None, "UKR"])
def test_each_cut_of_a_range_equals_a_direct_count(
    store_url: str, since: date | None, until: date | None, target: str | None
) -> None:
    with _store(store_url) as store:
        found = store.stance_counts(target=target, since=since, until=until)
        assert found == _grouped_claims(store, target, since, until)
        assert all(isinstance(c.first_seen, date) and isinstance(c.last_seen, date)
                   for c in found)
