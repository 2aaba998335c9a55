"""Since when, and what changed: timelines, shifts and contradictions read from a store.

The aggregates (:mod:`coalition.aggregate`) decide; this module asks the store for what they
need and for the sentences that show each result, so the CLI and the web show the same thing.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coalition.models import ClaimQuery, Dimension

if TYPE_CHECKING:
    from coalition.aggregate import Contradiction, Shift, TimelinePoint
    from coalition.store import Store

DEFAULT_RECENT_DAYS = 90
# A disputed month holds few claims in practice; this bounds the read where one holds many.
_CLAIMS_PER_DISPUTE = 200


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """The shifts found and the periods compared: before ``split`` (from ``start``, or from the
    first record) against ``split`` up to ``until`` (or the last record)."""

    split: date | None
    start: date | None
    until: date | None
    shifts: list[Shift]


def month_span(month: str) -> tuple[date, date]:
    """The first and last day of a ``YYYY-MM`` month."""
    year, number = (int(part) for part in month.split("-"))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def timeline_of(store: Store, query: ClaimQuery) -> list[TimelinePoint]:
    """The stance by month of the act for the claims ``query`` filters (a pair, an actor, a
    dimension, a range of ``when``)."""
    from coalition.aggregate import timeline

    return timeline(store.month_counts(query))


def find_shifts(store: Store, query: ClaimQuery, split: date | None = None,
                limit: int = 50) -> ShiftReport:
    """The pairs and dimensions whose leading stance changed at ``split``.

    Args:
        store: where the claims are.
        query: which claims (target, actor); ``when_since``/``when_until`` bound both periods.
        split: the first day of the later period; by default the last
            ``DEFAULT_RECENT_DAYS`` days up to the latest act on record.
        limit: at most this many shifts, best attested first.

    Returns:
        The periods compared and the shifts, each with the latest sentence before the change
        and the first after it.
    """
    from coalition.aggregate import shifts

    if split is None:
        latest = store.latest_when(query.target)
        split = latest - timedelta(days=DEFAULT_RECENT_DAYS - 1) if latest else None
    if split is None:
        return ShiftReport(None, query.when_since, query.when_until, [])
    found = shifts(store.period_counts(query, split))[:limit]
    return ShiftReport(split, query.when_since, query.when_until,
                       _with_sentences(store, query, found, split))


def _with_sentences(store: Store, query: ClaimQuery, found: list[Shift],
                    split: date) -> list[Shift]:
    # Two reads for all the shifts: the ids of the sentences on either side (one index seek
    # each), then those rows in full. A read per shift and side cost more than the counting.
    sides = [side for s in found for side in ((s.actor, s.target, s.dimension, s.before, False),
                                              (s.actor, s.target, s.dimension, s.after, True))]
    ids = store.edge_ids(query, split, sides)
    rows = {row.id: row for row in store.claims_by_id([i for i in ids if i is not None])}
    picked = [rows.get(i) if i is not None else None for i in ids]
    return [replace(s, last_before=picked[2 * n], first_after=picked[2 * n + 1])
            for n, s in enumerate(found)]


def find_contradictions(store: Store, query: ClaimQuery, limit: int = 50) -> list[Contradiction]:
    """Outlets disagreeing on the same pair and dimension in the same month of the act.

    Args:
        store: where the claims are.
        query: which claims (target, actor, dimension, a range of ``when``).
        limit: at most this many, most disputed first.

    Returns:
        One contradiction per disputed (actor, target, dimension, month) where two outlets
        differ, with both sentences.
    """
    from coalition.aggregate import contradictions, disputed

    found: list[Contradiction] = []
    for actor, target, dimension, month in disputed(store.month_counts(query)):
        if len(found) >= limit:
            break
        first, last = month_span(month)
        rows = store.claims_by_when(ClaimQuery(
            actor=actor, target=target, dimension=Dimension(dimension), when_since=first,
            when_until=last, limit=_CLAIMS_PER_DISPUTE))
        found += contradictions(rows)
    return found
