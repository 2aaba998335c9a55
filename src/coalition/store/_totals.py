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
from coalition.store._stories import Copy, Key

KEY = ("target", "actor", "dimension", "stance")


def add_totals(
    conn: Connection,
    found: Sequence[Claim],
    article: Copy,
    others: Callable[[], dict[Key, Copy]],
) -> None:
    """Count one article's new claims into both summaries: one article per key it has claims
    in, and its story once per key, on the day of the story's first copy (lowest id) with
    claims in that key, as :func:`rebuild_summaries` counts it.

    Args:
        conn: the article's write transaction.
        found: its claims.
        article: its id and date; an undated article counts in the totals only.
        others: per key, the first of its story's other copies with claims in it. Called once
            this article's keys are locked, so on PostgreSQL it sees a concurrent copy that
            took them first.
    """
    _count(conn, found, article, others, 1)


def remove_totals(
    conn: Connection,
    found: Sequence[Claim],
    article: Copy,
    others: Callable[[], dict[Key, Copy]],
) -> None:
    """Take one article's claims out of both summaries again (before its claims are replaced):
    the arguments of :func:`add_totals`. A story it was the first copy of in a key moves to
    the day of the next copy with claims in that key, or leaves the key's count.

    Days left with no evidence are deleted, and each key's date span is read again from the
    days that remain.
    """
    ids = _count(conn, found, article, others, -1)
    if not ids:
        return
    daily, totals = stance_daily.c, stance_totals.c
    conn.execute(stance_daily.delete().where(daily.stance_id.in_(ids), daily.articles == 0))

    def edge(pick: Any) -> Any:
        return select(pick(daily.day)).where(daily.stance_id == totals.id).scalar_subquery()

    conn.execute(stance_totals.update().where(totals.id.in_(ids), totals.first_seen.is_not(None))
                 .values(first_seen=edge(func.min), last_seen=edge(func.max)))


def _count(
    conn: Connection,
    found: Sequence[Claim],
    article: Copy,
    others: Callable[[], dict[Key, Copy]],
    sign: int,
) -> list[int]:
    tally = Counter((c.target, c.actor, c.dimension.value, c.stance.value) for c in found)
    if not tally:
        return []
    # Sorted keys take row locks in one order, so two PostgreSQL writers cannot deadlock. The
    # lock on a key's totals row is held to the commit, so writers of one key take turns on
    # its days too: each running sum below is read after the previous writer's commit.
    keys = sorted(tally)
    published = article[1]
    rows = [
        {**dict(zip(KEY, key, strict=True)), "articles": sign, "stories": 0,
         "claims": sign * tally[key], "first_seen": published, "last_seen": published}
        for key in keys
    ]
    dialect = conn.dialect.name
    # Mapped by key, not by position: PostgreSQL returns upserted rows in its own order.
    returned = conn.execute(_totals_upsert(dialect), rows).tuples()
    by_key = {tuple(key): key_id for key_id, *key in returned}
    ids = [by_key[key] for key in keys]
    firsts = others()
    own, moved = _story_moves(dict(zip(ids, keys, strict=True)), article, firsts, sign)
    # A story's count in the totals changes only when it enters or leaves the key.
    counted = [{"key_id": key_id, "n": sign} for key_id, key in zip(ids, keys, strict=True)
               if key not in firsts]
    if counted:
        conn.execute(_STORIES, counted)
    days = moved
    if published is not None:
        days += [{"key_id": key_id, "on_day": published, "n_articles": sign,
                  "n_stories": own[key_id], "n_claims": row["claims"]}
                 for key_id, row in zip(ids, rows, strict=True)]
    if days:
        # Every later day's running sums grow by the counts, then the day's own row is made
        # (its running sums carried on from the day before) or grown.
        conn.execute(_LATER_DAYS, days)
        conn.execute(_day_upsert(dialect), days)
    return ids


def _story_moves(
    keyed: dict[int, Key], article: Copy, firsts: dict[Key, Copy], sign: int
) -> tuple[dict[int, int], list[dict[str, Any]]]:
    """Per key id, the story count this article adds (``sign`` 1) or takes (-1) on its own
    day; and the opposite changes on the days of the copies that stop (or start) being first
    in a key because this article is older than they are."""
    pk, published = article
    own: dict[int, int] = {}
    moved: list[dict[str, Any]] = []
    for key_id, key in keyed.items():
        first = firsts.get(key)
        older = first is None or pk < first[0]
        if first is not None and older and first[1] == published:
            older = False  # the story stays on the same day
        elif first is not None and older and first[1] is not None:
            moved.append({"key_id": key_id, "on_day": first[1], "n_articles": 0,
                          "n_stories": -sign, "n_claims": 0})
        own[key_id] = sign if older else 0
    return own, moved


def rebuild_summaries(conn: Connection) -> None:
    """Recompute both summaries from the claims and the articles' stories.

    A story counts once per key, on the day of its first stored copy with claims in that key:
    the day :func:`add_totals` counted it on.
    """
    conn.execute(stance_daily.delete())
    conn.execute(stance_totals.delete())
    keys = [claims.c[k] for k in KEY]
    stories = story_counts(by_day=False)
    grouped = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.max(stories.c.n),
               func.count(), func.min(claims.c.published), func.max(claims.c.published))
        .join_from(claims, stories, and_(*(claims.c[k] == stories.c[k] for k in KEY)))
        .group_by(*keys)
    )
    conn.execute(stance_totals.insert().from_select(
        [*KEY, "articles", "stories", "claims", "first_seen", "last_seen"], grouped))
    totals = stance_totals.c
    daily = story_counts(by_day=True)
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


def story_counts(*, by_day: bool) -> Subquery:
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


_STORIES = (
    stance_totals.update()
    .where(stance_totals.c.id == bindparam("key_id"))
    .values(stories=stance_totals.c.stories + bindparam("n"))
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
