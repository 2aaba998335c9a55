"""The order in which aggregates list stances: the contract's (support, refuse, oppose)."""

from coalition.models import Stance

STANCE_ORDER = {stance: i for i, stance in enumerate(Stance)}
