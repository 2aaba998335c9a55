"""The running stance totals agree with the claims, survive concurrent writers, and migrate in."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import create_engine, text

from coalition.models import ClaimQuery, Dimension, Stance
from coalition.store import Store
from coalition.store._migrations import MIGRATIONS
from coalition.store._totals import rebuild_totals
from tests.store.build import article, claim

DIMS = list(Dimension)
STANCES = list(Stance)


def _fill(store: Store, first: int, count: int) -> None:
    """Articles with overlapping keys, repeated keys within one article, and undated ones."""
    for i in range(first, first + count):
        sentences = [f"Sentence {j} of article {i}." for j in range(4)]
        published = None if i % 5 == 0 else date(2024, 1 + i % 12, 1 + i % 28)
        art = article(f"a{i}", sentences, published=published)
        store.add_article(art, [
            claim(art, s, ["IRN", "KAZ"][j % 2], ["RUS", "UKR"][i % 2], DIMS[(i + j) % 3],
                  STANCES[(i * j) % 3])
            for j, s in enumerate(sentences)
        ])


def _rebuilt(store: Store) -> list:  # type: ignore[type-arg]
    with store._engine.begin() as conn:
        rebuild_totals(conn)
    return store.stance_counts()


def test_running_totals_equal_a_rebuild_from_the_claims(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store, 0, 30)
        clash = article("a3", ["A different text under an old id."], published=date(2023, 5, 1))
        store.add_article(clash, [claim(clash, clash.text, "IRN", "UKR", DIMS[0], STANCES[0])])
        running = store.stance_counts()
        assert sum(c.claims for c in running) == 121
        assert running == _rebuilt(store)
        every = [c.claim for c in store.claims(ClaimQuery(limit=1000))]
        assert {code: (a, t) for code, a, t in store.actor_counts()} == {
            code: (sum(c.actor == code for c in every), sum(c.target == code for c in every))
            for code in {"IRN", "KAZ", "RUS", "UKR"}
        }
        everything = store.stance_counts(target="UKR", since=date(1900, 1, 1))
        dated = [c for c in running if c.target == "UKR" and c.first_seen is not None]
        assert [(c.actor, c.dimension, c.stance, c.last_seen) for c in everything] == [
            (c.actor, c.dimension, c.stance, c.last_seen) for c in dated]


def test_concurrent_writers_keep_totals_exact(store_url: str) -> None:
    Store(store_url).close()

    def write(first: int) -> None:
        with Store(store_url) as own:
            _fill(own, first, 8)

    threads = [threading.Thread(target=write, args=(n * 8,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(store_url) as store:
        assert store.stats() == {"articles": 32, "claims": 128}
        running = store.stance_counts()
        assert running == _rebuilt(store)


def test_migration_4_fills_totals_of_an_older_database(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store, 0, 10)
        before = store.stance_counts()
    engine = create_engine(store_url)
    with engine.begin() as conn:  # what a database of schema version 3 looks like
        conn.execute(text("DROP TABLE stance_totals"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 4"))
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.stance_counts() == before
        _fill(store, 10, 2)
        assert store.stance_counts() == _rebuilt(store)


def test_undated_counts_read_the_totals_not_the_claims(store_url: str) -> None:
    """What keeps the scorecard fast at 100,000 claims: a few thousand summary rows are read."""
    from sqlalchemy import event

    with Store(store_url) as store:
        _fill(store, 0, 3)
        statements: list[str] = []
        event.listen(store._engine, "before_cursor_execute",
                     lambda _c, _cur, sql, *_a: statements.append(sql))
        store.stance_counts(target="RUS")
        store.stance_counts()
        selects = [s for s in statements if s.startswith("SELECT")]
        assert len(selects) == 2
        assert all("FROM stance_totals" in s and "claims." not in s for s in selects)
        store.stance_counts(target="RUS", since=date(2024, 1, 1))
        assert "FROM claims" in statements[-1]
