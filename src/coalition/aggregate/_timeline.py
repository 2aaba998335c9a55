"""Claims per month per actor and stance: how backing changes over time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coalition.aggregate._order import STANCE_ORDER
from coalition.models import Stance, StoredClaim


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """How many claims ``actor`` made with ``stance`` in one month (``YYYY-MM``)."""

    month: str
    actor: str
    stance: Stance
    claims: int

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"month": self.month, "actor": self.actor, "stance": self.stance.value,
                "claims": self.claims}


def timeline(claims: Iterable[StoredClaim]) -> list[TimelinePoint]:
    """Count claims by the month their article was published; undated articles are left out.

    Args:
        claims: stored claims, e.g. ``Store.claims`` for one target.

    Returns:
        Points by month, actor and stance; months without claims are absent.
    """
    counted = Counter(
        (f"{c.published:%Y-%m}", c.claim.actor, c.claim.stance)
        for c in claims
        if c.published is not None
    )
    keys = sorted(counted, key=lambda k: (k[0], k[1], STANCE_ORDER[k[2]]))
    return [TimelinePoint(month, actor, stance, counted[month, actor, stance])
            for month, actor, stance in keys]
