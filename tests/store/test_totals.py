"""The running stance totals and daily counts agree with the claims, survive concurrent writers,
and migrate in."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import Connection, Row, bindparam, create_engine, distinct, func, select, text

from coalition.errors import StoreError
from coalition.models import ClaimQuery, Dimension, Stance, StanceCount
from coalition.store import Store
from coalition.store._migrations import MIGRATIONS
from coalition.store._schema import articles, claims, stance_daily, stance_totals
from coalition.store._totals import rebuild_summaries
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
        rebuild_summaries(conn)
    return store.stance_counts()


def _days(store: Store) -> list[Row]:  # type: ignore[type-arg]
    """Every day's row under its key rather than its id: a rebuild numbers keys afresh."""
    totals, daily = stance_totals.c, stance_daily.c
    stmt = (
        select(totals.target, totals.actor, totals.dimension, totals.stance, daily.day,
               daily.articles, daily.stories, daily.claims, daily.through_articles,
               daily.through_stories, daily.through_claims)
        .join_from(stance_daily, stance_totals, daily.stance_id == totals.id)
        .order_by(totals.target, totals.actor, totals.dimension, totals.stance, daily.day)
    )
    with store._engine.begin() as conn:
        return list(conn.execute(stmt))


def _days_rebuilt(store: Store) -> list[Row]:  # type: ignore[type-arg]
    with store._engine.begin() as conn:
        rebuild_summaries(conn)
    return _days(store)


def _grouped_claims(
    store: Store, target: str | None, since: date | None, until: date | None
) -> list[StanceCount]:
    """The dated counts the direct way: every claim in range, grouped."""
    keys = (claims.c.target, claims.c.actor, claims.c.dimension, claims.c.stance)
    stmt = select(
        claims.c.actor, claims.c.target, claims.c.dimension, claims.c.stance,
        func.count(distinct(claims.c.article_id)), func.count(),
        func.min(claims.c.published), func.max(claims.c.published),
    ).where(claims.c.published.is_not(None)).group_by(*keys).order_by(*keys)
    if since is not None:
        stmt = stmt.where(claims.c.published >= since)
    if until is not None:
        stmt = stmt.where(claims.c.published <= until)
    if target is not None:
        stmt = stmt.where(claims.c.target == target)
    with store._engine.begin() as conn:
        stories = _first_copies(conn, since, until)
        return [StanceCount(a, t, Dimension(d), Stance(s), n, stories[(t, a, d, s)], c, f, last)
                for a, t, d, s, n, c, f, last in conn.execute(stmt)]


def _first_copies(conn: Connection, since: date | None, until: date | None) -> Counter[
        tuple[str, str, str, str]]:
    """Stories per key the direct way: each story once, on its first stored copy's day."""
    rows = conn.execute(
        select(claims.c.target, claims.c.actor, claims.c.dimension, claims.c.stance,
               articles.c.story, articles.c.id, articles.c.published)
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .order_by(articles.c.id)
    ).tuples()
    first: dict[tuple[str, ...], date | None] = {}
    for t, a, d, s, story, _pk, published in rows:
        first.setdefault((t, a, d, s, story), published)
    return Counter(
        key[:4] for key, day in first.items()
        if day is not None and (since is None or day >= since) and (until is None or day <= until)
    )


def test_running_totals_equal_a_rebuild_from_the_claims(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store, 0, 30)
        clash = article("a3", ["A different text under an old id."], published=date(2023, 5, 1))
        store.add_article(clash, [claim(clash, clash.text, "IRN", "UKR", DIMS[0], STANCES[0])])
        running = store.stance_counts()
        assert sum(c.claims for c in running) == 121
        assert store.verify() == []  # articles came in no date order: running sums back-filled
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
        stats = store.stats()
        assert (stats["articles"], stats["claims"]) == (32, 128)
        running = store.stance_counts()
        assert running == _rebuilt(store)
        days = _days(store)
        assert sum(d.claims for d in days) == 128 - 4 * 7  # the 7 undated articles have none
        assert store.verify() == []
        assert days == _days_rebuilt(store)


def test_daily_counts_equal_a_rebuild_from_the_claims(store_url: str) -> None:
    with Store(store_url) as store:
        _fill(store, 0, 30)
        # Same day and key as a1's first claim, twice in one article: the day's row adds up.
        same = article("b1", ["IRN arms UKR.", "IRN arms UKR again."], published=date(2024, 2, 2))
        store.add_article(same, [claim(same, s, "IRN", "UKR", DIMS[1], STANCES[0])
                                 for s in ["IRN arms UKR.", "IRN arms UKR again."]])
        days = _days(store)
        assert sum(d.claims for d in days) == 24 * 4 + 2
        row = ("UKR", "IRN", DIMS[1].value, STANCES[0].value, date(2024, 2, 2))
        assert [(d.articles, d.claims) for d in days if tuple(d)[:5] == row] == [(2, 3)]
        assert days == _days_rebuilt(store)


@pytest.mark.parametrize(("target", "since", "until"), [
    (None, date(1900, 1, 1), None),
    ("RUS", date(2024, 3, 1), date(2024, 8, 31)),
    ("UKR", None, date(2024, 5, 15)),
    (None, date(2024, 6, 2), date(2024, 6, 2)),
    ("ARM", date(2024, 1, 1), None),
])
def test_dated_counts_equal_grouping_the_claims(
    store_url: str, target: str | None, since: date | None, until: date | None
) -> None:
    with Store(store_url) as store:
        _fill(store, 0, 40)
        found = store.stance_counts(target=target, since=since, until=until)
        assert found == _grouped_claims(store, target, since, until)
        assert found or target == "ARM"


def test_an_empty_date_range_is_refused(store_url: str) -> None:
    with Store(store_url) as store, pytest.raises(StoreError, match="since is after until"):
        store.stance_counts(since=date(2024, 2, 1), until=date(2024, 1, 1))


def test_dated_counts_seek_each_end_of_the_range() -> None:
    """SQLite's plan for a target's range: the target's keys in order, and per key four seeks
    down its days (the edge days and the running sums at both ends), never a scan."""
    from tempfile import TemporaryDirectory

    from sqlalchemy import event

    with TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/plan.db") as store:
        _fill(store, 0, 3)
        statements: list[tuple[str, object]] = []
        event.listen(store._engine, "before_cursor_execute",
                     lambda _c, _cur, sql, params, *_a: statements.append((sql, params)))
        store.stance_counts(target="RUS", since=date(2024, 1, 1), until=date(2024, 12, 31))
        sql, params = [s for s in statements if s[0].startswith("SELECT")][-1]
        with store._engine.begin() as conn:
            plan = " | ".join(row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql, params))  # type: ignore[arg-type]
    steps = plan.split(" | ")
    assert steps[0].startswith("SEARCH stance_totals USING INDEX"), plan
    seeks = [s for s in steps if s.startswith("SEARCH stance_daily USING PRIMARY KEY (stance_id=?")]
    assert len(seeks) == 4, plan
    assert "SCAN" not in plan and "TEMP B-TREE" not in plan, plan


# What the summaries looked like before migration 8: keyed by their four columns.
_OLD_SUMMARIES = (
    "CREATE TABLE stance_totals (target VARCHAR(16), actor VARCHAR(16), dimension VARCHAR(16), "
    "stance VARCHAR(8), articles INTEGER NOT NULL, claims INTEGER NOT NULL, first_seen DATE, "
    "last_seen DATE, PRIMARY KEY (target, actor, dimension, stance))",
    "CREATE TABLE stance_daily (target VARCHAR(16), actor VARCHAR(16), dimension VARCHAR(16), "
    "stance VARCHAR(8), day DATE, articles INTEGER NOT NULL, claims INTEGER NOT NULL, "
    "PRIMARY KEY (target, actor, dimension, stance, day))",
    "INSERT INTO stance_totals VALUES ('RUS', 'IRN', 'arms', 'support', 99, 99, NULL, NULL)",
)


@pytest.mark.parametrize("unseen", [(8, 10), (4, 6, 8, 10)], ids=["version 7", "version 3"])
def test_migration_10_counts_the_summaries_of_an_older_database(
    store_url: str, unseen: tuple[int, ...]
) -> None:
    """Version 7 had summaries keyed by their columns; version 3 had none."""
    with Store(store_url) as store:
        _fill(store, 0, 10)
        undated, dated = store.stance_counts(), store.stance_counts(since=date(2024, 1, 1))
        days = _days(store)
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE stance_daily"))
        conn.execute(text("DROP TABLE stance_totals"))
        if unseen == (8, 10):
            for statement in _OLD_SUMMARIES:
                conn.execute(text(statement))
        conn.execute(text("DELETE FROM schema_version WHERE version IN :seen")
                     .bindparams(bindparam("seen", expanding=True)), {"seen": list(unseen)})
    engine.dispose()
    with Store(store_url) as store:
        assert store.schema_version == MIGRATIONS[-1].version
        assert store.stance_counts() == undated
        assert store.stance_counts(since=date(2024, 1, 1)) == dated
        assert _days(store) == days
        _fill(store, 10, 2)
        assert store.verify() == []
        assert _days(store) == _days_rebuilt(store)


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
        # Besides the totals, only the (empty) reviews are read, for the keys they touch.
        assert len([s for s in selects if "FROM stance_totals" in s]) == 2
        assert all("claims." not in s for s in selects)
        store.stance_counts(target="RUS", since=date(2024, 1, 1))
        assert "FROM stance_daily" in statements[-1] and "claims." not in statements[-1]
