"""The summaries ``stance_totals`` and ``stance_daily``: kept in step with ``claims`` by every
write, rebuilt on demand."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Subquery,
    Table,
    and_,
    bindparam,
    case,
    distinct,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite

from coalition.models import Claim
from coalition.store._schema import articles, claims, stance_daily, stance_totals

KEY = ("target", "actor", "dimension", "stance")


def add_totals(
    conn: Connection,
    found: Sequence[Claim],
    published: date | None,
    told: Callable[[], set[tuple[str, str, str, str]]],
) -> None:
    """Count one new article's claims into both summaries: one article per key it has claims in,
    and one story per key that no other copy of its story has claims in.

    Args:
        conn: the article's write transaction.
        found: its claims.
        published: its date; an undated article counts in the totals only.
        told: the keys its story's other copies already have claims in. Called once this
            article's keys are locked, so on PostgreSQL it sees a concurrent copy that took
            them first.
    """
    tally = Counter((c.target, c.actor, c.dimension.value, c.stance.value) for c in found)
    if not tally:
        return
    # Sorted keys take row locks in one order, so two PostgreSQL writers cannot deadlock. The
    # lock on a key's totals row is held to the commit, so writers of one key take turns on
    # its days too: each running sum below is read after the previous writer's commit.
    keys = sorted(tally)
    rows = [
        {**dict(zip(KEY, key, strict=True)), "articles": 1, "stories": 0, "claims": tally[key],
         "first_seen": published, "last_seen": published}
        for key in keys
    ]
    dialect = conn.dialect.name
    # Mapped by key, not by position: PostgreSQL returns upserted rows in its own order.
    returned = conn.execute(_totals_upsert(dialect), rows).tuples()
    by_key = {tuple(key): key_id for key_id, *key in returned}
    ids = [by_key[key] for key in keys]
    known = told()
    new_story = {key_id: int(key not in known) for key_id, key in zip(ids, keys, strict=True)}
    fresh = [{"key_id": key_id} for key_id, n in new_story.items() if n]
    if fresh:
        conn.execute(_NEW_STORY, fresh)
    if published is None:
        return
    days = [{"key_id": key_id, "on_day": published, "n_articles": 1,
             "n_stories": new_story[key_id], "n_claims": row["claims"]}
            for key_id, row in zip(ids, rows, strict=True)]
    # Every later day's running sums grow by the article's counts, then its own day's row is
    # made (its running sums carried on from the day before) or grown.
    conn.execute(_LATER_DAYS, days)
    conn.execute(_day_upsert(dialect), days)


def rebuild_summaries(conn: Connection) -> None:
    """Recompute both summaries from the claims and the articles' stories.

    A story counts once per key, on the day of its first stored copy with claims in that key:
    the day :func:`add_totals` counted it on.
    """
    conn.execute(stance_daily.delete())
    conn.execute(stance_totals.delete())
    keys = [claims.c[k] for k in KEY]
    stories = _story_counts(by_day=False)
    grouped = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.max(stories.c.n),
               func.count(), func.min(claims.c.published), func.max(claims.c.published))
        .join_from(claims, stories, and_(*(claims.c[k] == stories.c[k] for k in KEY)))
        .group_by(*keys)
    )
    conn.execute(stance_totals.insert().from_select(
        [*KEY, "articles", "stories", "claims", "first_seen", "last_seen"], grouped))
    totals = stance_totals.c
    daily = _story_counts(by_day=True)
    articles_n, count = func.count(distinct(claims.c.article_id)), func.count()
    stories_n = func.coalesce(func.max(daily.c.n), 0)
    days = (
        select(totals.id, claims.c.published, articles_n, stories_n, count,
               *(func.sum(n).over(partition_by=totals.id, order_by=claims.c.published)
                 for n in (articles_n, stories_n, count)))
        .join_from(claims, stance_totals, and_(*(claims.c[k] == totals[k] for k in KEY)))
        .outerjoin(daily, and_(*(claims.c[k] == daily.c[k] for k in KEY),
                               claims.c.published == daily.c.day))
        .where(claims.c.published.is_not(None))
        .group_by(totals.id, claims.c.published)
    )
    conn.execute(stance_daily.insert().from_select(
        ["stance_id", "day", "articles", "stories", "claims", "through_articles",
         "through_stories", "through_claims"], days))


def _story_counts(*, by_day: bool) -> Subquery:
    """Stories per key (and per day of their first copy in the key, when ``by_day``)."""
    keys = [claims.c[k] for k in KEY]
    firsts = (
        select(*keys, func.min(claims.c.article_id).label("first"))
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .group_by(*keys, articles.c.story)
        .subquery("firsts")
    )
    first_keys = [firsts.c[k] for k in KEY]
    day = articles.c.published.label("day")
    counted = (
        select(*first_keys, *([day] if by_day else []), func.count().label("n"))
        .join_from(firsts, articles, articles.c.id == firsts.c.first)
        .group_by(*first_keys, *([articles.c.published] if by_day else []))
    )
    return counted.subquery("daily_stories" if by_day else "stories")


# The write statements are built once per dialect: building them cost more than running them.


@functools.cache
def _totals_upsert(dialect: str) -> Any:
    # Adds the counts to an existing row and widens its date span; returns each key's id.
    stmt = _insert(dialect, stance_totals)
    new, old = stmt.excluded, stance_totals.c
    return stmt.on_conflict_do_update(
        index_elements=[old[k] for k in KEY],
        set_={
            "articles": old.articles + new.articles,
            "stories": old.stories + new.stories,
            "claims": old.claims + new.claims,
            "first_seen": _extreme(old.first_seen, new.first_seen, later=False),
            "last_seen": _extreme(old.last_seen, new.last_seen, later=True),
        },
    ).returning(old.id, *(old[k] for k in KEY))


_NEW_STORY = (
    stance_totals.update()
    .where(stance_totals.c.id == bindparam("key_id"))
    .values(stories=stance_totals.c.stories + 1)
)

_LATER_DAYS = (
    stance_daily.update()
    .where(stance_daily.c.stance_id == bindparam("key_id"),
           stance_daily.c.day > bindparam("on_day"))
    .values(through_articles=stance_daily.c.through_articles + bindparam("n_articles"),
            through_stories=stance_daily.c.through_stories + bindparam("n_stories"),
            through_claims=stance_daily.c.through_claims + bindparam("n_claims"))
)


@functools.cache
def _day_upsert(dialect: str) -> Any:
    daily = stance_daily.c

    def before(column: ColumnElement[int]) -> ColumnElement[int]:
        earlier = (
            select(column)
            .where(daily.stance_id == bindparam("key_id"), daily.day < bindparam("on_day"))
            .order_by(daily.day.desc())
            .limit(1)
            .scalar_subquery()
        )
        return func.coalesce(earlier, 0)

    stmt = _insert(dialect, stance_daily).values(
        stance_id=bindparam("key_id"),
        day=bindparam("on_day"),
        articles=bindparam("n_articles"),
        stories=bindparam("n_stories"),
        claims=bindparam("n_claims"),
        through_articles=before(daily.through_articles) + bindparam("n_articles"),
        through_stories=before(daily.through_stories) + bindparam("n_stories"),
        through_claims=before(daily.through_claims) + bindparam("n_claims"),
    )
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[daily.stance_id, daily.day],
        set_={
            "articles": daily.articles + new.articles,
            "stories": daily.stories + new.stories,
            "claims": daily.claims + new.claims,
            "through_articles": daily.through_articles + new.articles,
            "through_stories": daily.through_stories + new.stories,
            "through_claims": daily.through_claims + new.claims,
        },
    )


def _insert(dialect: str, table: Table) -> Any:
    # The dialect's own INSERT, which has ON CONFLICT; both spell it the same way.
    dialect_insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
    return dialect_insert(table)


def _extreme(
    old: ColumnElement[date], new: ColumnElement[date], *, later: bool
) -> ColumnElement[date]:
    # Portable min/max that ignores NULL (an undated article): SQLite's min(a, b) would not.
    pick_new = new > old if later else new < old
    return case((new.is_(None), old), (old.is_(None), new), (pick_new, new), else_=old)
