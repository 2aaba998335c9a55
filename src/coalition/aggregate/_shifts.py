"""Shifts: the pairs and dimensions whose leading stance changed from one period to the next."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from coalition.aggregate._order import leading
from coalition.models import Dimension, PeriodCount, Stance, StoredClaim

_DIMENSION_ORDER = {d: i for i, d in enumerate(Dimension)}


@dataclass(frozen=True, slots=True)
class Shift:
    """``actor`` led with ``before`` toward ``target`` in ``dimension``, and now with ``after``.

    ``before_articles`` and ``after_articles`` are the articles behind each leading stance in its
    own period; ``last_before`` and ``first_after`` are the sentences on either side of the
    change, once the store has looked them up.
    """

    actor: str
    target: str
    dimension: Dimension
    before: Stance
    after: Stance
    before_articles: int
    after_articles: int
    last_before: StoredClaim | None = None
    first_after: StoredClaim | None = None

    @property
    def changed(self) -> date | None:
        """When the change shows: the date of the first sentence after it."""
        when = self.first_after.claim.when if self.first_after else None
        return when.day if when else None

    @property
    def evidence(self) -> int:
        """How well the change is attested: the articles of its weaker side."""
        return min(self.before_articles, self.after_articles)

    def as_dict(self) -> dict[str, Any]:
        """JSON form of the change, without the sentences (the serving layer adds those)."""
        return {"actor": self.actor, "target": self.target, "dimension": self.dimension.value,
                "before": self.before.value, "after": self.after.value,
                "before_articles": self.before_articles, "after_articles": self.after_articles,
                "changed": self.changed}


def shifts(counts: Iterable[PeriodCount]) -> list[Shift]:
    """Every (actor, target, dimension) with evidence in both periods whose leading stance differs.

    Args:
        counts: what ``Store.period_counts`` returns.

    Returns:
        The shifts, best attested first (the weaker side's articles, then both sides').
    """
    keyed: dict[tuple[str, str, Dimension], tuple[dict[Stance, tuple[int, int]], ...]] = {}
    for count in counts:
        periods = keyed.setdefault((count.actor, count.target, count.dimension), ({}, {}))
        periods[count.later][count.stance] = (count.articles, count.claims)
    found = []
    for (actor, target, dimension), (before, after) in keyed.items():
        if not before or not after:
            continue
        was, now = leading(before), leading(after)
        if was is not now:
            found.append(Shift(actor, target, dimension, was, now, before[was][0], after[now][0]))
    found.sort(key=lambda s: (-s.evidence, -s.before_articles - s.after_articles, s.actor,
                              s.target, _DIMENSION_ORDER[s.dimension]))
    return found
