"""The last step of a frame: one claim per actor and target, the default target when none is
named."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from coalition.extract.parties import Party
from coalition.models import Dimension, Stance


@dataclass(frozen=True, slots=True)
class Frame:
    """One claim found in a sentence, before it becomes a :class:`~coalition.models.Claim`."""

    actor: Party
    target: str
    dimension: Dimension
    stance: Stance
    hedged: bool
    trigger: tuple[int, int]
    confidence: float
    named_target: bool = True


DefaultTarget = Callable[[str, Stance], "str | None"]


def avoiding(default_target: DefaultTarget, enemies: set[str]) -> DefaultTarget:
    def chosen(actor: str, stance: Stance) -> str | None:
        target = default_target(actor, stance)
        return None if target in enemies else target
    return chosen


def no_default(actor: str, stance: Stance) -> str | None:
    return None


def pairs(claim: Frame, actors: list[Party], targets: list[Party],
           default_target: DefaultTarget) -> list[Frame]:
    """One frame per actor and target; without a named target, the default one.

    Confidence drops for a carried-over actor and for a default target; an actor that is only
    linked to the state ("Chinese companies") makes the claim hedged, and takes no default
    target: private trade with nobody named ("Slovak firms sell shells through commercial
    contracts") is not the state siding with the article's party.
    """
    frames = []
    together = {a.code for a in actors}
    for actor in actors:
        # "Chile and Colombia recalled *their* ambassadors": the pronoun is the actors' own
        chosen = [t.code for t in targets
                  if t.code != actor.code and not (t.carried and t.code in together)]
        default = not chosen
        # "X's invasion was backed by A, B and X": the list's receiver is named and is this
        # actor itself, so no other state receives in its stead
        named_self = len(together) > 1 and any(
            t.code == actor.code and not t.carried for t in targets)
        if default and not actor.linked and not named_self:
            fallback_target = default_target(actor.code, claim.stance)
            chosen = [fallback_target] if fallback_target else []
        for target in chosen:
            confidence = claim.confidence - 0.15 * actor.carried - 0.2 * default
            frames.append(replace(claim, actor=actor, target=target,
                                  hedged=claim.hedged or actor.linked,
                                  confidence=max(confidence, 0.3), named_target=not default))
    return frames


