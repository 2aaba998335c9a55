"""Stance over time: the evidence of each month of the acts (``when``) and the stance leading it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coalition.aggregate._order import leading
from coalition.models import MonthCount, Stance


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One month (``YYYY-MM``): articles and claims per stance, and the stance that leads.

    Articles add up over the dimensions counted, so an article backing two dimensions counts
    twice: they weigh the month, they are not a count of distinct articles.
    """

    month: str
    stance: Stance
    articles: Mapping[Stance, int]
    claims: Mapping[Stance, int]

    def as_dict(self) -> dict[str, Any]:
        """JSON form, every stance listed (zero where it has no evidence)."""
        return {"month": self.month, "stance": self.stance.value,
                "articles": {s.value: self.articles.get(s, 0) for s in Stance},
                "claims": {s.value: self.claims.get(s, 0) for s in Stance}}


def timeline(counts: Iterable[MonthCount]) -> list[TimelinePoint]:
    """The evidence per month, whatever actors, targets and dimensions ``counts`` cover.

    Args:
        counts: what ``Store.month_counts`` returns (already narrowed to a pair or dimension).

    Returns:
        Points by month; months without claims are absent.
    """
    months: dict[str, dict[Stance, list[int]]] = {}
    for count in counts:
        tally = months.setdefault(count.month, {}).setdefault(count.stance, [0, 0])
        tally[0] += count.articles
        tally[1] += count.claims
    points = []
    for month in sorted(months):
        tallies = months[month]
        points.append(TimelinePoint(
            month=month,
            stance=leading({s: (a, c) for s, (a, c) in tallies.items()}),
            articles={s: a for s, (a, _c) in tallies.items()},
            claims={s: c for s, (_a, c) in tallies.items()},
        ))
    return points
