"""The reads by date of the act (month and period counts, claims in date order), on SQLite and
PostgreSQL alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from coalition.models import (
    ClaimQuery,
    Dimension,
    MonthCount,
    PeriodCount,
    Precision,
    Stance,
    When,
)
from coalition.store import Store
from tests.store.build import article, claim

SUP, REF = Stance.SUPPORT, Stance.REFUSE
TROOPS = Dimension.TROOPS


def _fill(store: Store) -> None:
    for i, (day, stance) in enumerate([(date(2021, 3, 2), SUP), (date(2021, 3, 20), SUP),
                                       (date(2024, 5, 1), REF)]):
        sentence = f"Armenia acted, story {i}."
        art = article(f"a{i}", [sentence, "Again."], published=date(2024, 6, 1))
        found = claim(art, sentence, "ARM", "RUS", TROOPS, stance)
        store.add_article(art, [replace(found, when=When(day, Precision.DAY)),
                                claim(art, "Again.", "ARM", "UKR")])


def test_month_and_period_counts(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        pair = ClaimQuery(actor="ARM", target="RUS")
        assert set(store.month_counts(pair)) == {
            MonthCount("ARM", "RUS", TROOPS, SUP, "2021-03", 2, 2),
            MonthCount("ARM", "RUS", TROOPS, REF, "2024-05", 1, 1),
        }
        assert set(store.period_counts(pair, date(2024, 1, 1))) == {
            PeriodCount("ARM", "RUS", TROOPS, SUP, False, 2, 2),
            PeriodCount("ARM", "RUS", TROOPS, REF, True, 1, 1),
        }
        # The UKR claims fell back to their article's date.
        assert store.month_counts(ClaimQuery(target="UKR"))[0].month == "2024-06"
        assert store.latest_when("RUS") == date(2024, 5, 1)


def test_claims_in_the_order_of_their_acts(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        pair = ClaimQuery(actor="ARM", target="RUS", limit=2)
        first = [c.claim.when.day for c in store.claims_by_when(pair) if c.claim.when]
        latest = [c.claim.when.day for c in store.claims_by_when(pair, latest_first=True)
                  if c.claim.when]
        assert first == [date(2021, 3, 2), date(2021, 3, 20)]
        assert latest == [date(2024, 5, 1), date(2021, 3, 20)]


def test_edge_ids_seek_either_side_of_a_split(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store)
        pair = ClaimQuery(actor="ARM", target="RUS")
        ids = store.edge_ids(pair, date(2024, 1, 1), [
            ("ARM", "RUS", TROOPS, SUP, False), ("ARM", "RUS", TROOPS, REF, True),
            ("ARM", "RUS", TROOPS, REF, False)])
        assert ids[2] is None
        found = {row.id: row for row in store.claims_by_id([i for i in ids if i])}
        days = [found[i].claim.when for i in ids[:2] if i is not None]
        assert [w.day for w in days if w] == [date(2021, 3, 20), date(2024, 5, 1)]
        bounded = store.edge_ids(replace(pair, when_until=date(2021, 3, 10)), date(2024, 1, 1),
                                 [("ARM", "RUS", TROOPS, SUP, False)])
        assert found.keys().isdisjoint(bounded) and bounded[0] is not None
