"""Records in the store: apart from news, counted by key, found by the check."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from coalition.models import Certainty, ClaimQuery, Dimension, Stance
from coalition.records import disagreements
from coalition.store import Store
from tests.fixtures.records import ERITREA, SERBIA


def test_records_never_count_as_news(records_store: Store) -> None:
    assert records_store.stats() == {"articles": 1, "claims": 3}
    counts = records_store.stance_counts(target="RUS")
    assert {(c.actor, c.dimension.value) for c in counts} == {
        ("SRB", "diplomatic"), ("ERI", "diplomatic"), ("KAZ", "troops")}
    assert records_store.count_claims(ClaimQuery(target="RUS")) == 3


def test_records_list_and_count_like_claims(records_store: Store) -> None:
    query = ClaimQuery(actor="ARM", limit=10)
    found = records_store.records(query)
    assert records_store.count_records(query) == 2 == len(found)
    assert {row.claim.certainty for row in found} == {Certainty.RECORDED}
    assert [row.title for row in found] == ["A/RES/ES-11/4", "A/RES/ES-11/1"]  # newest first
    involving = ClaimQuery(involving="RUS", stance=Stance.SUPPORT, limit=50)
    assert {r.claim.actor for r in records_store.records(involving)} == {"BLR", "PRK", "SYR",
                                                                        "ERI", "NIC"}
    counts = records_store.record_counts(target="RUS")
    assert {c.articles for c in counts} == {0}
    assert sum(c.claims for c in counts) == 141 + 4 + 143 + 4


def test_the_check_lists_each_disagreement_with_both_pieces_of_evidence(
    records_store: Store,
) -> None:
    found = disagreements(records_store, shown=5)
    assert [(d.records[0].claim.actor, d.records[0].claim.stance, d.news[0].claim.stance)
            for d in found] == [("SRB", Stance.OPPOSE, Stance.SUPPORT)]
    [serbia] = found
    assert serbia.news[0].claim.evidence == SERBIA and serbia.news_total == 1
    assert {r.title for r in serbia.records} == {"A/RES/ES-11/1", "A/RES/ES-11/4"}
    assert all("Serbia voted in favour" in r.claim.evidence for r in serbia.records)
    # Eritrea voted no in March: its news support of Russia agrees with the record.
    assert all(d.news[0].claim.evidence != ERITREA for d in found)
    assert serbia.records[0].claim.dimension is Dimension.DIPLOMATIC


def test_migration_12_brings_an_older_database_along(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:  # what a database made before records looks like
        conn.execute(text("DROP TABLE records"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 12"))
    engine.dispose()
    with Store(url) as store:
        assert store.schema_version == 12
        assert store.count_records(ClaimQuery()) == 0
