"""The order in which aggregates list stances, and which stance leads a body of evidence.

A stance leads with the most distinct articles, then the most claims; a tie after that goes to
``refuse``, then ``oppose``, then ``support``. Refusals are what this tool is for (who declined to
back whom is rarely tabulated elsewhere) and a tie means the evidence is split, so it is not
read as support.
"""

from collections.abc import Mapping

from coalition.models import Stance

STANCE_ORDER = {stance: i for i, stance in enumerate(Stance)}
# Lower wins a tie; see the module docstring.
TIE_ORDER = {Stance.REFUSE: 0, Stance.OPPOSE: 1, Stance.SUPPORT: 2}


def leading(evidence: Mapping[Stance, tuple[int, int]]) -> Stance:
    """The stance that leads ``evidence``: stance -> (articles, claims), not empty."""
    return min(evidence, key=lambda s: (-evidence[s][0], -evidence[s][1], TIE_ORDER[s]))
