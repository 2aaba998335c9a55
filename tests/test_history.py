"""Since when, and what changed, on the drift corpus read by the real extractor: the date of each
act, Armenia's timeline toward Russia, the shifts of 2024 and the outlets that disagree."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coalition.history import find_contradictions, find_shifts, month_span, timeline_of
from coalition.models import ClaimQuery, Dimension, Stance
from coalition.store import Store
from tests.drift import fill_drift

# (doc, actor, target, dimension, stance) -> (when, precision, fallback)
WHEN = {
    ("arm-pact-2021", "ARM", "RUS", "security", "support"): ("2021-03-16", "day", False),
    ("arm-pact-2021", "ARM", "RUS", "diplomatic", "support"): ("2021-03-13", "day", False),
    ("arm-drills-2021", "ARM", "RUS", "troops", "support"): ("2021-09-01", "month", False),
    ("arm-vote-2022", "ARM", "RUS", "diplomatic", "support"): ("2022-03-02", "day", False),
    ("arm-alone-2022", "RUS", "ARM", "troops", "refuse"): ("2022-09-14", "day", False),
    ("arm-turn-2024", "ARM", "CSTO", "security", "refuse"): ("2024-02-01", "month", False),
    ("arm-turn-2024", "ARM", "RUS", "diplomatic", "oppose"): ("2024-03-04", "day", False),
    ("arm-troops-2024", "ARM", "RUS", "troops", "refuse"): ("2024-05-01", "month", False),
    ("blr-wire-2024", "BLR", "RUS", "troops", "support"): ("2024-04-01", "month", False),
    ("blr-free-2024", "BLR", "RUS", "troops", "refuse"): ("2024-04-01", "month", False),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, extractor):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('drift')) / 'drift.db'}"
    fill_drift(url, extractor)
    with Store(url) as opened:
        yield opened


def test_each_dated_act_gets_its_date(store: Store) -> None:
    rows = store.claims(ClaimQuery(limit=500))
    got = {row.claim.key: row.claim.when for row in rows}
    for key, (day, precision, fallback) in WHEN.items():
        when = got[key]
        assert when is not None, key
        assert (when.day.isoformat(), when.precision.value, when.fallback) == (
            day, precision, fallback), key
    review = {row.claim.evidence: row.claim.when for row in rows if row.article_id.endswith("2025")}
    # Written in 2025 about 2021, and a sentence with no date of its own.
    assert review["In 2021, Armenia backed Russia at the United Nations."].day == date(2021, 1, 1)
    assert review["Armenia condemned Russia again."].fallback


def test_timeline_turns_at_the_right_month(store: Store) -> None:
    points = timeline_of(store, ClaimQuery(actor="ARM", target="RUS",
                                           dimension=Dimension.DIPLOMATIC))
    led = [(p.month, p.stance.value) for p in points]
    assert led == [("2021-01", "support"), ("2021-03", "support"), ("2022-03", "support"),
                   ("2024-03", "oppose"), ("2025-02", "oppose")]


def test_shifts_of_2024_with_the_sentences_either_side(store: Store) -> None:
    report = find_shifts(store, ClaimQuery(target="RUS"), split=date(2024, 1, 1))
    found = {(s.actor, s.dimension.value): s for s in report.shifts}
    diplomatic = found["ARM", "diplomatic"]
    assert (diplomatic.before, diplomatic.after) == (Stance.SUPPORT, Stance.OPPOSE)
    assert diplomatic.last_before is not None and diplomatic.first_after is not None
    last = "Armenia voiced support for Russia on 2 March 2022."
    assert diplomatic.last_before.claim.evidence == last
    assert diplomatic.first_after.claim.evidence == "On Monday, Armenia condemned Russia."
    troops = found["ARM", "troops"]
    assert (troops.before, troops.after) == (Stance.SUPPORT, Stance.REFUSE)
    assert troops.first_after is not None
    first = "Last month Armenia refused to send troops to Russia."
    assert troops.first_after.claim.evidence == first
    # Belarus has no evidence before 2024: no shift, however split its stance is after.
    assert ("BLR", "troops") not in found


def test_shifts_default_to_the_last_90_days_of_the_record(store: Store) -> None:
    report = find_shifts(store, ClaimQuery(target="RUS"))
    assert report.split == date(2025, 2, 14) - timedelta(days=89)  # the latest act, 2025-02-14
    assert {(s.actor, s.dimension.value) for s in report.shifts} == {("ARM", "diplomatic")}


def test_the_contradicting_outlets_are_paired(store: Store) -> None:
    found = find_contradictions(store, ClaimQuery())
    assert [(c.actor, c.target, c.dimension.value, c.month) for c in found] == [
        ("BLR", "RUS", "troops", "2024-04")]
    (pair,) = found
    assert (pair.support.site, pair.against.site) == ("kremlin-wire.example", "minsk-free.example")
    assert pair.against.claim.evidence == "Belarus refused to send troops to Russia this month."


def test_month_span() -> None:
    assert month_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
