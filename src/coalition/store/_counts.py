"""The counts aggregates start from: evidence per (actor, target, dimension, stance), over all
time from the running totals, or over a date range from each key's running sums per day."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Date,
    Select,
    String,
    bindparam,
    case,
    func,
    literal,
    select,
    type_coerce,
    union_all,
)

from coalition.models import StanceCount
from coalition.store._queries import DIMENSIONS, STANCES, check_range
from coalition.store._schema import stance_daily, stance_totals

# Packs a key's article, story and claim counts in one 63-bit integer
# ((articles * _PACK + stories) * _PACK + claims), so that one seek reads all three; each
# count per key stays below it (two million claims of one key).
_BITS = 21
_PACK = 2**_BITS
_MASK = _PACK - 1


def stance_counts(
    conn: Connection, target: str | None, since: date | None, until: date | None
) -> list[StanceCount]:
    """Evidence per (actor, target, dimension, stance): distinct articles, claims, date span.

    Without dates this reads the running totals; with dates, each key's running sums per day at
    the two ends of the range.
    """
    dated = since is not None or until is not None
    if dated:
        check_range(since, until)
    params = {"target": target, "since": since or date.min, "until": until or date.max}
    rows = conn.execute(_stance_counts(dated, target is not None), params).tuples().all()
    if dated:  # the three counts come packed in one number: see _range_sums
        return _unpacked(rows)
    # Positional rows and dict lookups: the all-targets scorecard builds thousands of these.
    return [
        StanceCount(actor, toward, DIMENSIONS[dimension], STANCES[stance], articles, stories,
                    count, first, last)
        for actor, toward, dimension, stance, articles, stories, count, first, last in rows
        if articles
    ]


def _unpacked(rows: Sequence[tuple[Any, ...]]) -> list[StanceCount]:
    """The counts of keys with evidence in the range, from _range_sums's packed rows: one loop
    with shifts, as thousands of rows come back for every new range of all targets."""
    found = []
    make = StanceCount._make  # one C call; the generated constructor is a Python function
    # The days come as the driver reads them (text on SQLite) and are parsed once each here:
    # a few hundred distinct days, where a converter per value ran thousands of times.
    days: dict[Any, date | None] = {None: None}
    for actor, toward, dimension, stance, packed, first, last in rows:
        # No day in range: NULL, or 0 where a key's running sums did not change.
        if packed and (articles_n := packed >> _BITS * 2):
            if first not in days:
                days[first] = _day(first)
            if last not in days:
                days[last] = _day(last)
            found.append(make((actor, toward, DIMENSIONS[dimension], STANCES[stance],
                               articles_n, packed >> _BITS & _MASK, packed & _MASK,
                               days[first], days[last], 0)))
    return found


def _day(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@functools.cache
def _stance_counts(dated: bool, one_target: bool) -> Select[Any]:
    # Built once per shape: making the statement cost as much as running it for one target.
    totals = stance_totals.c
    keys = select(stance_totals)
    if one_target:
        keys = keys.where(totals.target == bindparam("target"))
    if dated:
        return _range_sums(keys)
    # In the order of the totals' unique key, which the scan already follows: no sort.
    return keys.with_only_columns(
        totals.actor, totals.target, totals.dimension, totals.stance, totals.articles,
        totals.stories, totals.claims, totals.first_seen, totals.last_seen,
    ).order_by(totals.target, totals.actor, totals.dimension, totals.stance)


def _range_sums(keys: Select[Any]) -> Select[Any]:
    """Per key: its first and last day from ``since`` to ``until``, and the difference of the
    running sums at the range's end and just before its start, the three counts packed in one
    number (see _PACK: one seek reads them all)."""
    totals, days = stance_totals.c, stance_daily.c
    since, until = bindparam("since", type_=Date), bindparam("until", type_=Date)

    def seek(column: ColumnElement[Any], bound: ColumnElement[bool], *, latest: bool) -> Any:
        # One seek down the key's days (the primary key). Scalar subqueries rather than joins:
        # each runs once per key on both backends, where PostgreSQL's planner turned joins on
        # the edge days into a hash of every day of every key.
        return (
            select(column)
            .where(days.stance_id == totals.id, bound)
            .order_by(days.day.desc() if latest else days.day)
            .limit(1)
            .scalar_subquery()
        )

    pack = literal(_PACK, BigInteger)
    sums = (days.through_articles * pack + days.through_stories) * pack + days.through_claims
    # A key with no dated evidence before the range has nothing to take away and its first
    # day is its totals' own; one with none after the range has its totals' last day: up to
    # three seeks fewer (CASE runs only the branch it takes, on both backends). Keys without
    # a day in range come back with no evidence (zero or NULL) rather than being filtered
    # here, which would run their seeks twice.
    from_start, to_end = totals.first_seen >= since, totals.last_seen <= until
    return keys.with_only_columns(
        totals.actor, totals.target, totals.dimension, totals.stance,
        seek(sums, days.day <= until, latest=True)
        - case((from_start, 0),
               else_=func.coalesce(seek(sums, days.day < since, latest=True), 0)),
        # As the driver reads them: _unpacked parses each distinct day once.
        type_coerce(case((from_start, totals.first_seen),
                         else_=seek(days.day, days.day >= since, latest=False)), String),
        type_coerce(case((to_end, totals.last_seen),
                         else_=seek(days.day, days.day <= until, latest=True)), String),
    ).order_by(totals.target, totals.actor, totals.dimension, totals.stance)


def actor_counts(conn: Connection) -> list[tuple[str, int, int]]:
    """(code, claims as actor, claims as target) for every code, most claims first."""
    # From the running totals: a few thousand rows rather than every claim.
    totals = stance_totals.c
    sides = union_all(
        select(totals.actor.label("code"), func.sum(totals.claims).label("as_actor"),
               literal(0).label("as_target")).group_by(totals.actor),
        select(totals.target, literal(0), func.sum(totals.claims)).group_by(totals.target),
    ).subquery()
    as_actor = func.sum(sides.c.as_actor)
    as_target = func.sum(sides.c.as_target)
    stmt = (
        select(sides.c.code, as_actor, as_target)
        .group_by(sides.c.code)
        .order_by((as_actor + as_target).desc(), sides.c.code)
    )
    return [(code, int(a), int(t)) for code, a, t in conn.execute(stmt)]
