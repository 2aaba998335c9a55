"""The scorecard: for each actor, target and dimension, the stance with the most evidence.

Which stance wins a cell: the one with the most independent stories (the near-duplicate copies
of one wire story count once), then as :func:`._order.leading` orders evidence (articles, claims,
then refusal before opposition before support); a cell with both support and refusal or
opposition says so with ``conflicting``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from coalition.aggregate._order import STANCE_ORDER, TIE_ORDER
from coalition.models import Dimension, Stance, StanceCount

_DIMENSION_ORDER = {d: i for i, d in enumerate(Dimension)}

# Tally and Cell are plain dataclasses (read-only by convention, not frozen, no slots): the
# all-targets scorecard builds thousands of each for every new date range, a frozen one sets
# each field through object.__setattr__ (four times the cost), and orjson writes an
# instance's __dict__ directly, four times faster than reading its slots one by one.


@dataclass
class Tally:
    """The evidence for one stance in one cell."""

    articles: int
    stories: int
    claims: int
    first_seen: date | None
    last_seen: date | None
    reviewed: int = 0


@dataclass
class Cell:
    """One (actor, target, dimension) of the scorecard.

    ``stance``, ``articles``, ``stories`` and ``claims`` are those of the winning stance;
    ``first_seen`` and ``last_seen`` span the evidence of every stance in the cell;
    ``by_stance`` has each stance that has evidence. ``records`` counts the structured records
    (votes) behind the cell and ``recorded`` is their leading stance; records never count as
    articles, stories or claims, and a cell with records alone has ``articles == 0`` and the
    recorded stance. Its JSON form is its fields (``coalition.export.to_json``).
    """

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    articles: int
    stories: int
    claims: int
    conflicting: bool
    first_seen: date | None
    last_seen: date | None
    by_stance: Mapping[Stance, Tally] = field(default_factory=dict)
    reviewed: int = 0
    """How many of the cell's claims (of every stance) a reviewer accepted, corrected or
    added."""
    records: int = 0
    recorded: Stance | None = None


def scorecard(counts: Iterable[StanceCount]) -> list[Cell]:
    """One cell per (actor, target, dimension) with the stance of most evidence.

    Args:
        counts: what ``Store.stance_counts`` returns; each (actor, target, dimension, stance)
            at most once.

    Returns:
        The cells, by actor, target and the dimensions' declared order.

    Raises:
        ValueError: the same (actor, target, dimension, stance) is counted twice.
    """
    # Each cell's counts go to one slot per stance, in STANCE_ORDER, rather than into a list
    # sorted per cell: the all-targets scorecard has thousands of cells, each built anew for
    # every date range.
    grouped: dict[tuple[str, str, Dimension], list[StanceCount | None]] = {}
    for count in counts:
        key = (count.actor, count.target, count.dimension)
        slots = grouped.get(key)
        if slots is None:
            slots = grouped[key] = [None] * len(STANCE_ORDER)
        rank = STANCE_ORDER[count.stance]
        if slots[rank] is not None:
            raise ValueError(f"stance counts: {count.actor} {count.target} "
                             f"{count.dimension.value} {count.stance.value} is counted twice")
        slots[rank] = count
    keys = sorted(grouped, key=lambda k: (k[0], k[1], _DIMENSION_ORDER[k[2]]))
    return [_cell(*key, [c for c in grouped[key] if c is not None]) for key in keys]


def _cell(actor: str, target: str, dimension: Dimension, counts: list[StanceCount]) -> Cell:
    """The cell of ``counts``, in STANCE_ORDER. One pass over them: this runs thousands of
    times for each new range of the all-targets scorecard."""
    by_stance: dict[Stance, Tally] = {}
    first = last = None
    reviewed = 0
    lead, strongest = counts[0], (-1, 0, 0, 0)
    for c in counts:
        by_stance[c.stance] = Tally(c.articles, c.stories, c.claims, c.first_seen, c.last_seen,
                                    c.reviewed)
        if c.first_seen is not None and (first is None or c.first_seen < first):
            first = c.first_seen
        if c.last_seen is not None and (last is None or c.last_seen > last):
            last = c.last_seen
        reviewed += c.reviewed
        # Leads: most stories, then articles, then claims, then the first in TIE_ORDER.
        strength = (c.stories, c.articles, c.claims, -TIE_ORDER[c.stance])
        if strength > strongest:
            lead, strongest = c, strength
    conflicting = len(counts) > 1 and counts[0].stance is Stance.SUPPORT
    return Cell(actor, target, dimension, lead.stance, lead.articles, lead.stories, lead.claims,
                conflicting, first, last, by_stance, reviewed)
