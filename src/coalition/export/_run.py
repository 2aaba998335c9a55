"""One export: what (claims, scorecard, timeline) in which format, from the store, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from coalition.errors import InputError
from coalition.export._columns import (
    CLAIM_COLUMNS,
    SCORECARD_COLUMNS,
    TIMELINE_COLUMNS,
    claim_row,
    scorecard_rows,
    timeline_rows,
)
from coalition.export._encode import TABLE_FORMATS, encode
from coalition.export._plover import plover_events
from coalition.models import Certainty, ClaimQuery, StoredClaim
from coalition.review import View

if TYPE_CHECKING:
    from coalition.store import Store

WHATS = ("claims", "scorecard", "timeline")
EXPORT_FORMATS = (*TABLE_FORMATS, "plover")


def check_export(what: str, fmt: str) -> None:
    """Refuse an unknown ``what`` or format, or PLOVER for anything but claims.

    Raises:
        InputError: the combination cannot be exported.
    """
    if what not in WHATS:
        raise InputError("--what", f"{what!r} is not one of {', '.join(WHATS)}")
    if fmt not in EXPORT_FORMATS:
        raise InputError("--format", f"{fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "plover" and what != "claims":
        raise InputError("--format", "plover exports claims only (--what claims)")


def export(store: Store, query: ClaimQuery, what: str = "claims",
           fmt: str = "jsonl", view: View = View.APPLIED) -> Iterator[bytes]:
    """The export as chunks of bytes, read from the store as they are written.

    Args:
        store: where the claims are.
        query: the claim filters (limit and offset ignored). ``certainty=recorded`` exports
            only records, ``asserted``/``hedged`` only news; none exports both. The scorecard
            uses the target and dates only.
        what: ``claims``, ``scorecard`` or ``timeline`` (by month of publication).
        fmt: ``jsonl``, ``csv``, ``parquet``, or ``plover`` (claims only).
        view: the machine's claims, the reviewed ones only, or the machine's with reviews
            applied (:class:`~coalition.review.View`); records are in the first and last.

    Raises:
        InputError: see :func:`check_export`.
    """
    check_export(what, fmt)
    if what == "scorecard":
        from coalition.aggregate import scorecard

        counts = store.stance_counts(target=query.target, since=query.since, until=query.until,
                                     view=view)
        return encode(scorecard_rows(scorecard(counts)), SCORECARD_COLUMNS, fmt)
    found = _claims(store, query) if view is View.MACHINE else _viewed(store, query, view)
    if what == "timeline":
        return encode(timeline_rows(found), TIMELINE_COLUMNS, fmt)
    if fmt == "plover":
        return encode(plover_events(found), CLAIM_COLUMNS, "jsonl")
    return encode(map(claim_row, found), CLAIM_COLUMNS, fmt)


def _claims(store: Store, query: ClaimQuery) -> Iterator[StoredClaim]:
    recorded = query.certainty is Certainty.RECORDED
    wanted = replace(query, certainty=None) if recorded else query
    return store.stream(wanted, news=not recorded,
                        records=query.certainty in (None, Certainty.RECORDED))


def _viewed(store: Store, query: ClaimQuery, view: View) -> Iterator[StoredClaim]:
    """The claims of the reviewed or applied view: the machine's that carry no review (applied
    only), then each reviewed claim as the reviewer has it, then the records (applied only)."""
    from coalition.review import matches

    recorded = query.certainty is Certainty.RECORDED
    reviewed, attached = store.reviewed_claims()
    if view is View.APPLIED and not recorded:
        yield from (row for row in store.stream(query, records=False) if row.id not in attached)
    if not recorded:
        yield from (row for row in reviewed if matches(row, query))
    if view is View.APPLIED and query.certainty in (None, Certainty.RECORDED):
        yield from store.stream(replace(query, certainty=None), news=False)
