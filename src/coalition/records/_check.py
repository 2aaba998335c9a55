"""Where news and records disagree: a state the news says backs a target while it voted to
condemn it, or the other way round.

Two claims disagree when they share actor, target and dimension and one supports while the
other refuses or opposes. Every record key is compared with the news claims of the opposite
stances, so the check reads the records (hundreds) rather than the news (millions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coalition.models import ClaimQuery, Stance, StoredClaim

if TYPE_CHECKING:
    from coalition.store import Store

OPPOSITE = {
    Stance.SUPPORT: (Stance.REFUSE, Stance.OPPOSE),
    Stance.REFUSE: (Stance.SUPPORT,),
    Stance.OPPOSE: (Stance.SUPPORT,),
}


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Records of one stance and the news claims that say the opposite, with their count."""

    records: list[StoredClaim]
    news: list[StoredClaim]
    news_total: int

    def as_dict(self) -> dict[str, object]:
        """JSON form: both sides with their evidence, and how many news claims disagree."""
        from coalition.export import claims_json

        return {"records": claims_json(self.records), "news": claims_json(self.news),
                "news_total": self.news_total}


def disagreements(store: Store, target: str | None = None, shown: int = 5) -> list[Disagreement]:
    """Every (record key, opposite news stance) with news claims, by target and actor.

    Args:
        store: where records and news claims are.
        target: only records toward this code.
        shown: at most this many records and news claims listed per disagreement.

    Returns:
        The disagreements; empty when news and records agree or never meet.
    """
    found = []
    for key in store.record_counts(target):
        same = ClaimQuery(actor=key.actor, target=key.target, dimension=key.dimension,
                          stance=key.stance, limit=shown)
        for stance in OPPOSITE[key.stance]:
            other = ClaimQuery(actor=key.actor, target=key.target, dimension=key.dimension,
                               stance=stance, limit=shown)
            news = store.claims(other)
            if news:
                found.append(Disagreement(store.records(same), news, store.count_claims(other)))
    return found
