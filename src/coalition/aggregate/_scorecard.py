"""The scorecard: for each actor, target and dimension, the stance with the most evidence.

Which stance wins a cell: the one that leads its evidence (:func:`._order.leading`); a cell with
both support and refusal or opposition says so with ``conflicting``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from coalition.aggregate._order import STANCE_ORDER, TIE_ORDER
from coalition.models import Dimension, Stance, StanceCount

_DIMENSION_ORDER = {d: i for i, d in enumerate(Dimension)}


@dataclass(frozen=True, slots=True)
class Tally:
    """The evidence for one stance in one cell."""

    articles: int
    claims: int
    first_seen: date | None
    last_seen: date | None
    reviewed: int = 0


@dataclass(frozen=True, slots=True)
class Cell:
    """One (actor, target, dimension) of the scorecard.

    ``stance``, ``articles`` and ``claims`` are those of the winning stance; ``first_seen`` and
    ``last_seen`` span the evidence of every stance in the cell; ``by_stance`` has each stance
    that has evidence. ``records`` counts the structured records (votes) behind the cell and
    ``recorded`` is their leading stance; records never count as articles or claims, and a
    cell with records alone has ``articles == 0`` and the recorded stance. Its JSON form is its
    fields (``coalition.export.to_json``).
    """

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    articles: int
    claims: int
    conflicting: bool
    first_seen: date | None
    last_seen: date | None
    by_stance: Mapping[Stance, Tally] = field(default_factory=dict, hash=False)
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
    grouped: dict[tuple[str, str, Dimension], list[StanceCount]] = {}
    for count in counts:
        key = (count.actor, count.target, count.dimension)
        same = grouped.get(key)
        if same is None:
            grouped[key] = [count]
        else:
            same.append(count)
    keys = sorted(grouped, key=lambda k: (k[0], k[1], _DIMENSION_ORDER[k[2]]))
    return [_cell(*key, grouped[key]) for key in keys]


def net_stance(cells: Iterable[Cell], target: str) -> dict[str, float]:
    """How each actor leans toward ``target`` over all dimensions, from -1 to 1.

    Support counts for, refusal and opposition against, each weighted by its articles:
    ``(for - against) / (for + against)``. Only actors with cells toward ``target`` appear.

    Args:
        cells: scorecard cells (any targets; others are ignored).
        target: the code the map is about.

    Returns:
        Actor code to lean, sorted by actor.
    """
    backing: dict[str, list[int]] = {}
    for cell in cells:
        if cell.target != target:
            continue
        sides = backing.setdefault(cell.actor, [0, 0])
        for stance, tally in cell.by_stance.items():
            sides[stance is not Stance.SUPPORT] += tally.articles
    return {
        actor: (pro - con) / (pro + con)
        for actor, (pro, con) in sorted(backing.items())
        if pro + con
    }


def _cell(actor: str, target: str, dimension: Dimension, counts: list[StanceCount]) -> Cell:
    counts.sort(key=lambda c: STANCE_ORDER[c.stance])
    for earlier, later in itertools.pairwise(counts):
        if earlier.stance is later.stance:
            raise ValueError(
                f"stance counts: {actor} {target} {dimension.value} {later.stance.value} "
                "is counted twice"
            )
    winner = min(counts, key=lambda c: (-c.articles, -c.claims, TIE_ORDER[c.stance]))
    firsts = [c.first_seen for c in counts if c.first_seen is not None]
    lasts = [c.last_seen for c in counts if c.last_seen is not None]
    return Cell(
        actor=actor,
        target=target,
        dimension=dimension,
        stance=winner.stance,
        articles=winner.articles,
        claims=winner.claims,
        conflicting=len(counts) > 1 and counts[0].stance is Stance.SUPPORT,
        first_seen=min(firsts, default=None),
        last_seen=max(lasts, default=None),
        by_stance={c.stance: Tally(c.articles, c.claims, c.first_seen, c.last_seen, c.reviewed)
                   for c in counts},
        reviewed=sum(c.reviewed for c in counts),
    )
