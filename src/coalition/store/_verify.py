"""Invariants checked, not hoped: every summary recomputed from the claims and compared.

The summaries (``stance_totals``, ``stance_daily`` with its running sums, each claim's copy of
its article's date, and the full-text index) are kept in step by every write; :func:`verify`
counts them again the slow way and names each row that differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, select
from sqlalchemy.exc import DBAPIError

from coalition.store._schema import articles, claims, stance_daily, stance_totals
from coalition.store._totals import KEY, story_counts

_FULLTEXT_SQLITE = ("articles_fts", "claims_fts")
_FULLTEXT_POSTGRES = ("articles_fts", "claims_fts", "articles_title_fts")


def verify(conn: Connection) -> list[str]:
    """Every difference between the stored summaries and the claims, one line each.

    Returns:
        An empty list when the totals, the daily counts and running sums, the claims' dates
        and the full-text index all agree with the articles and claims.
    """
    return [*_totals(conn), *_days(conn), *_claim_dates(conn), *_fulltext(conn)]


def _totals(conn: Connection) -> Iterator[str]:
    keys = [claims.c[k] for k in KEY]
    stories = story_counts(by_day=False)
    counted = (
        select(*keys, func.count(distinct(claims.c.article_id)), func.max(stories.c.n),
               func.count(), func.min(claims.c.published), func.max(claims.c.published))
        .join_from(claims, stories, and_(*(claims.c[k] == stories.c[k] for k in KEY)))
        .group_by(*keys)
    )
    # A key whose claims were all replaced keeps its row at zero (remove_totals): no evidence.
    totals = stance_totals.c
    stored = select(*(totals[k] for k in KEY), totals.articles, totals.stories, totals.claims,
                    totals.first_seen, totals.last_seen).where(totals.claims != 0)
    fields = "(articles, stories, claims, first seen, last seen)"
    yield from _compare("stance_totals", fields, _by_key(conn, stored, 4),
                        _by_key(conn, counted, 4))


def _days(conn: Connection) -> Iterator[str]:
    keys = [claims.c[k] for k in KEY]
    daily = (select(*keys, claims.c.published, func.count(distinct(claims.c.article_id)),
                    func.count())
             .where(claims.c.published.is_not(None))
             .group_by(*keys, claims.c.published).order_by(*keys, claims.c.published))
    # A story counts on the day of its first copy with claims in the key.
    stories = _by_key(conn, select(story_counts(by_day=True)), 5)
    expected: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for key, rows in groupby(conn.execute(daily), key=lambda row: tuple(row[:4])):
        through = [0, 0, 0]
        for row in rows:
            new = stories.get((*key, row[4]), (0,))[0]
            through = [through[0] + row[5], through[1] + new, through[2] + row[6]]
            expected[(*key, row[4])] = (row[5], new, row[6], *through)
    totals, days = stance_totals.c, stance_daily.c
    stored = (select(*(totals[k] for k in KEY), days.day, days.articles, days.stories,
                     days.claims, days.through_articles, days.through_stories,
                     days.through_claims)
              .join_from(stance_daily, stance_totals, days.stance_id == totals.id))
    fields = ("(articles, stories, claims, running articles, running stories, "
              "running claims)")
    yield from _compare("stance_daily", fields, _by_key(conn, stored, 5), expected)


def _claim_dates(conn: Connection) -> Iterator[str]:
    stmt = (select(claims.c.id, claims.c.published, articles.c.published, articles.c.doc)
            .join_from(claims, articles, claims.c.article_id == articles.c.id)
            .where(claims.c.published.is_distinct_from(articles.c.published)))
    for claim_id, copied, published, doc in conn.execute(stmt):
        yield (f"claims: claim {claim_id} of article {doc!r} is dated {copied}, "
               f"its article {published}")


def _fulltext(conn: Connection) -> Iterator[str]:
    if conn.dialect.name == "sqlite":
        for table in _FULLTEXT_SQLITE:
            try:
                # rank 1: also compare the index with the rows of the table it mirrors.
                conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) "
                                     "VALUES ('integrity-check', 1)")
            except DBAPIError as exc:
                yield f"{table}: the full-text index does not match its table ({exc.orig})"
        return
    found = conn.exec_driver_sql(
        "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        f" WHERE c.relname IN {_FULLTEXT_POSTGRES!r}")
    valid: dict[str, bool] = {str(name): bool(ok) for name, ok in found}
    for name in _FULLTEXT_POSTGRES:
        if name not in valid:
            yield f"{name}: the full-text index is missing"
        elif not valid[name]:
            yield f"{name}: the full-text index is not valid (an interrupted build?)"


def _by_key(conn: Connection, stmt: Any, width: int) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """The rows of ``stmt`` by their first ``width`` columns."""
    return {tuple(row[:width]): tuple(row[width:]) for row in conn.execute(stmt)}


def _compare(table: str, fields: str, stored: dict[tuple[Any, ...], tuple[Any, ...]],
             expected: dict[tuple[Any, ...], tuple[Any, ...]]) -> Iterator[str]:
    for key in sorted(stored.keys() | expected.keys(), key=repr):
        have, want = stored.get(key), expected.get(key)
        if have != want:
            yield (f"{table}: {' '.join(map(str, key))}: stored {_shown(have)}, "
                   f"counted from the claims {_shown(want)} {fields}")


def _shown(values: tuple[Any, ...] | None) -> str:
    return "nothing" if values is None else f"({', '.join(map(str, values))})"
