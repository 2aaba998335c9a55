"""Records beside news in the scorecard: each cell says how many records back it, and which
stance they take, without the records counting as news evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from coalition.aggregate._order import TIE_ORDER
from coalition.aggregate._scorecard import _DIMENSION_ORDER, Cell
from coalition.models import Dimension, StanceCount


def with_records(cells: Iterable[Cell], records: Iterable[StanceCount]) -> list[Cell]:
    """The scorecard with its record marks, and a cell for each key that has records only.

    Args:
        cells: what :func:`scorecard` made from the news.
        records: ``Store.record_counts``: records per (actor, target, dimension, stance).

    Returns:
        The cells in scorecard order, ``records`` and ``recorded`` set where records exist.
    """
    grouped: dict[tuple[str, str, Dimension], list[StanceCount]] = {}
    for count in records:
        grouped.setdefault((count.actor, count.target, count.dimension), []).append(count)
    marked = []
    for cell in cells:
        found = grouped.pop((cell.actor, cell.target, cell.dimension), None)
        marked.append(_marked(cell, found) if found else cell)
    for (actor, target, dimension), found in grouped.items():
        lead = _lead(found)
        alone = Cell(actor=actor, target=target, dimension=dimension, stance=lead.stance,
                     articles=0, stories=0, claims=0, conflicting=False,
                     first_seen=min((c.first_seen for c in found if c.first_seen), default=None),
                     last_seen=max((c.last_seen for c in found if c.last_seen), default=None))
        marked.append(_marked(alone, found))
    if grouped:  # cells of records alone go in their place; the others are in order already
        marked.sort(key=lambda c: (c.actor, c.target, _DIMENSION_ORDER[c.dimension]))
    return marked


def _lead(found: list[StanceCount]) -> StanceCount:
    return min(found, key=lambda c: (-c.claims, TIE_ORDER[c.stance]))


def _marked(cell: Cell, found: list[StanceCount]) -> Cell:
    return replace(cell, records=sum(c.claims for c in found), recorded=_lead(found).stance)
