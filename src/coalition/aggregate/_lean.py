"""How each state leans toward a target over all dimensions, from independent stories.

The map and the network both sort states by it. Evidence is counted in stories (the copies of
one wire story count once) and added up over the dimensions, so a story backing arms and troops
weighs twice. The lean shrinks toward 0 with little evidence: ``(for - against) / (for +
against + PRIOR)``, as if :data:`PRIOR` stories had said nothing either way. One story of a
visit then gives +0.25, five stories of arms deals +0.63, where both used to be +1.00. The side
keeps refusal apart from opposition: against outweighing for, the side is whichever of the two
has more stories (refusal on a tie, as in the scorecard).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coalition.aggregate._scorecard import Cell
from coalition.models import Dimension, Stance

PRIOR = 3
MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class Lean:
    """One actor's evidence toward one target: stories and dimensions per stance, and the lean.

    ``side`` is ``support``, ``refuse``, ``oppose`` or ``mixed`` (for and against even).
    """

    actor: str
    target: str
    stories: Mapping[Stance, int]
    dimensions: Mapping[Stance, tuple[Dimension, ...]]
    net: float
    side: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "actor": self.actor,
            "target": self.target,
            "net": round(self.net, 3),
            "side": self.side,
            "stories": {s.value: self.stories.get(s, 0) for s in Stance},
            "dimensions": {s.value: [d.value for d in self.dimensions.get(s, ())]
                           for s in Stance},
        }


def side_of(stories: Mapping[Stance, int]) -> str:
    """The side stories per stance put an actor on: support, refuse, oppose or mixed."""
    pro = stories.get(Stance.SUPPORT, 0)
    refuse, oppose = stories.get(Stance.REFUSE, 0), stories.get(Stance.OPPOSE, 0)
    if pro > refuse + oppose:
        return Stance.SUPPORT.value
    if pro == refuse + oppose:
        return MIXED
    return (Stance.REFUSE if refuse >= oppose else Stance.OPPOSE).value


def net_of(stories: Mapping[Stance, int]) -> float:
    """The lean from -1 (against) to 1 (for), shrunk toward 0 when evidence is thin."""
    pro = stories.get(Stance.SUPPORT, 0)
    con = stories.get(Stance.REFUSE, 0) + stories.get(Stance.OPPOSE, 0)
    return (pro - con) / (pro + con + PRIOR)


def leanings(cells: Iterable[Cell], target: str) -> list[Lean]:
    """Each actor's lean toward ``target``, by actor.

    Args:
        cells: scorecard cells (any targets; others are ignored).
        target: the code the map or network is about.
    """
    stories: dict[str, dict[Stance, int]] = {}
    dims: dict[str, dict[Stance, list[Dimension]]] = {}
    for cell in cells:
        if cell.target != target:
            continue
        for stance, tally in cell.by_stance.items():
            counted = stories.setdefault(cell.actor, {})
            counted[stance] = counted.get(stance, 0) + tally.stories
            dims.setdefault(cell.actor, {}).setdefault(stance, []).append(cell.dimension)
    order = list(Dimension).index
    return [
        Lean(actor, target, counted,
             {s: tuple(sorted(d, key=order)) for s, d in dims[actor].items()},
             net_of(counted), side_of(counted))
        for actor, counted in sorted(stories.items())
        if sum(counted.values())
    ]


def net_stance(cells: Iterable[Cell], target: str) -> dict[str, float]:
    """Each actor's lean toward ``target`` (see :func:`leanings`), by actor."""
    return {lean.actor: lean.net for lean in leanings(cells, target)}
