"""Contradictions: outlets that disagree on the same pair and dimension in the same month.

One outlet says the actor supports the target; another says it refuses or opposes it, for acts
dated (``when``) in the same month. An outlet is the article's site, or the article itself where
the site is unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coalition.models import Dimension, MonthCount, Stance, StoredClaim

_DIMENSION_ORDER = {d: i for i, d in enumerate(Dimension)}


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two sentences of different outlets: ``support`` against ``against`` (refuse or oppose)."""

    actor: str
    target: str
    dimension: Dimension
    month: str
    support: StoredClaim
    against: StoredClaim

    def as_dict(self) -> dict[str, Any]:
        """JSON form of the disagreement, without the sentences (the serving layer adds those)."""
        return {"actor": self.actor, "target": self.target, "dimension": self.dimension.value,
                "month": self.month, "outlets": [outlet(self.support), outlet(self.against)]}


def outlet(row: StoredClaim) -> str:
    """Who published a claim's article: its site, else the article id."""
    return row.site or row.article_id


def disputed(counts: Iterable[MonthCount]) -> list[tuple[str, str, Dimension, str]]:
    """The (actor, target, dimension, month) with both support and refusal or opposition,
    most evidence first: where to look for contradictions."""
    sides: dict[tuple[str, str, Dimension, str], list[int]] = {}
    for count in counts:
        key = (count.actor, count.target, count.dimension, count.month)
        sides.setdefault(key, [0, 0])[count.stance is not Stance.SUPPORT] += count.articles
    both = [key for key, (pro, con) in sides.items() if pro and con]
    both.sort(key=lambda k: (-min(sides[k]), k[3], k[0], k[1], _DIMENSION_ORDER[k[2]]))
    return both


def contradictions(claims: Iterable[StoredClaim]) -> list[Contradiction]:
    """One contradiction per (actor, target, dimension, month) whose claims include a support
    and a refusal or opposition from another outlet: the earliest such pair.

    Args:
        claims: stored claims with their ``when``, in any order; undated ones are left out.

    Returns:
        The contradictions by month, actor, target and dimension.
    """
    groups: dict[tuple[str, str, Dimension, str], list[StoredClaim]] = {}
    for row in claims:
        when = row.claim.when
        if when is not None:
            key = (row.claim.actor, row.claim.target, row.claim.dimension, f"{when.day:%Y-%m}")
            groups.setdefault(key, []).append(row)
    found = []
    for key in sorted(groups, key=lambda k: (k[3], k[0], k[1], _DIMENSION_ORDER[k[2]])):
        pair = _first_pair(groups[key])
        if pair is not None:
            found.append(Contradiction(*key, *pair))
    return found


def _first_pair(rows: list[StoredClaim]) -> tuple[StoredClaim, StoredClaim] | None:
    rows = sorted(rows, key=lambda r: (r.claim.when.day if r.claim.when else None, r.id))
    pro = [r for r in rows if r.claim.stance is Stance.SUPPORT]
    con = [r for r in rows if r.claim.stance is not Stance.SUPPORT]
    for one in pro:
        for other in con:
            if outlet(one) != outlet(other):
                return one, other
    return None
