"""The scorecard: for each actor, target and dimension, the stance with the most evidence.

Which stance wins a cell: the one with the most distinct articles, then the most claims; a tie
after that goes to ``refuse``, then ``oppose``, then ``support``. Refusals are what this tool is
for (who declined to back whom is rarely tabulated elsewhere) and a tie means the evidence is
split, so the cell says so with ``conflicting`` rather than defaulting to support.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coalition.aggregate._order import STANCE_ORDER
from coalition.models import Dimension, Stance, StanceCount

# Lower wins a tie; see the module docstring.
_TIE_ORDER = {Stance.REFUSE: 0, Stance.OPPOSE: 1, Stance.SUPPORT: 2}
_DIMENSION_ORDER = {d: i for i, d in enumerate(Dimension)}


@dataclass(frozen=True, slots=True)
class Tally:
    """The evidence for one stance in one cell."""

    articles: int
    claims: int
    first_seen: date | None
    last_seen: date | None

    def as_dict(self) -> dict[str, Any]:
        """JSON form: counts, and dates as ISO strings or ``None``."""
        return {"articles": self.articles, "claims": self.claims,
                "first_seen": _iso(self.first_seen), "last_seen": _iso(self.last_seen)}


@dataclass(frozen=True, slots=True)
class Cell:
    """One (actor, target, dimension) of the scorecard.

    ``stance``, ``articles`` and ``claims`` are those of the winning stance; ``first_seen`` and
    ``last_seen`` span the evidence of every stance in the cell; ``by_stance`` has each stance
    that has evidence.
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

    def as_dict(self, *, by_stance: bool = True) -> dict[str, Any]:
        """The JSON form; ``by_stance=False`` leaves the per-stance breakdown out."""
        out: dict[str, Any] = {
            "actor": self.actor,
            "target": self.target,
            "dimension": self.dimension.value,
            "stance": self.stance.value,
            "articles": self.articles,
            "claims": self.claims,
            "conflicting": self.conflicting,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }
        if by_stance:
            out["by_stance"] = {s.value: t.as_dict() for s, t in self.by_stance.items()}
        return out


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
    grouped: dict[tuple[str, str, Dimension], dict[Stance, Tally]] = {}
    for count in counts:
        tallies = grouped.setdefault((count.actor, count.target, count.dimension), {})
        if count.stance in tallies:
            raise ValueError(
                f"stance counts: {count.actor} {count.target} {count.dimension.value} "
                f"{count.stance.value} is counted twice"
            )
        tallies[count.stance] = Tally(count.articles, count.claims, count.first_seen,
                                      count.last_seen)
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


def _cell(actor: str, target: str, dimension: Dimension, tallies: dict[Stance, Tally]) -> Cell:
    stance = min(tallies, key=lambda s: (-tallies[s].articles, -tallies[s].claims,
                                          _TIE_ORDER[s]))
    firsts = [t.first_seen for t in tallies.values() if t.first_seen is not None]
    lasts = [t.last_seen for t in tallies.values() if t.last_seen is not None]
    winner = tallies[stance]
    return Cell(
        actor=actor,
        target=target,
        dimension=dimension,
        stance=stance,
        articles=winner.articles,
        claims=winner.claims,
        conflicting=Stance.SUPPORT in tallies and len(tallies) > 1,
        first_seen=min(firsts, default=None),
        last_seen=max(lasts, default=None),
        by_stance={s: tallies[s] for s in sorted(tallies, key=STANCE_ORDER.__getitem__)},
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
