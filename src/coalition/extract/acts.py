"""The acts an article has told of so far: who did what to whom, in which sentence.

Each parsed sentence's claims, and the doers of the armed events it names (:mod:`doers`), are
remembered as :class:`Act` records on the :class:`~coalition.extract.context.Context`, so
that a later definite act noun can take them up (:mod:`recall`). Only claims and always-parsed
armed events are remembered, and neither depends on the prefilter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coalition.models import Dimension, Stance

if TYPE_CHECKING:  # pairing imports parties, which imports this module
    from coalition.extract.pairing import Frame

ARMED = frozenset({Dimension.MILITARY, Dimension.TROOPS, Dimension.ARMS})
# How many sentences back an armed event noun ("the strikes") may take up an armed act.
ARMED_REACH = 4


@dataclass(frozen=True, slots=True)
class Act:
    """One act the article told of: its kind, who did it, to whom, and in which sentence."""

    dimension: Dimension
    stance: Stance
    doers: tuple[str, ...]
    targets: tuple[str, ...]
    sentence: int


def remembered(frames: Sequence[Frame], sentence: int) -> list[Act]:
    """The acts of one sentence's claims (its kept frames), one per trigger."""
    grouped: dict[tuple[int, Dimension, Stance], tuple[list[str], list[str]]] = {}
    for frame in frames:
        doers, targets = grouped.setdefault(
            (frame.trigger[0], frame.dimension, frame.stance), ([], []))
        if frame.actor.code not in doers:
            doers.append(frame.actor.code)
        if frame.named_target and frame.target not in targets:
            targets.append(frame.target)
    return [Act(dimension, stance, tuple(doers), tuple(targets), sentence)
            for (_, dimension, stance), (doers, targets) in grouped.items()]


def armed_acts(doers: dict[str, tuple[str, ...]], sentence: int) -> list[Act]:
    """The armed events a sentence names the doers of (:mod:`doers`), victims unknown:
    "Israeli jets struck Tehran" is taken up by "the attack" even when it made no claim."""
    return [Act(Dimension.MILITARY, Stance.OPPOSE, codes, (), sentence)
            for codes in doers.values()]


# How many sentences back an act's target carries to the same actor's act with none named: the
# sentence before only (two let guesses in).
CONTINUED_REACH = 1
# The stances an act with no target named may take up an earlier act's target from: help goes
# on to the one helped or is withheld from it; opposition goes on, or help is withheld.
CONTINUES = {Stance.SUPPORT: (Stance.SUPPORT,), Stance.OPPOSE: (Stance.OPPOSE,),
             Stance.REFUSE: (Stance.SUPPORT, Stance.OPPOSE, Stance.REFUSE)}


def continued_target(acts: Sequence[Act], actor: str, stance: Stance, now: int) -> str | None:
    """The one state the same actor's act of the sentence before was aimed at, when
    the stances go together: "Japan criticised North Korea. Tokyo also imposed sanctions"
    (North Korea), "Britain accused Rwanda ... London announced measures, including
    suspending aid" (Rwanda). ``None`` when that act named no target or several."""
    for act in reversed(acts):
        if now - act.sentence > CONTINUED_REACH:
            return None
        if actor in act.doers and act.targets:
            fits = act.stance in CONTINUES[stance] and len(act.targets) == 1 and \
                act.targets[0] != actor
            return act.targets[0] if fits else None
    return None


def latest_armed(acts: Sequence[Act], now: int) -> tuple[str, ...]:
    """Who did the armed acts of the last sentences, whatever word told of them: "the
    strikes" after "the UAE carried out attacks near Tripoli" (the UAE)."""
    return sole_doers(acts, now, ARMED_REACH,
                      lambda act: act.stance is Stance.OPPOSE and act.dimension in ARMED)


def sole_doers(acts: Sequence[Act], now: int, reach: int,
               fits: Callable[[Act], bool]) -> tuple[str, ...]:
    """The doers of the latest act of the last ``reach`` sentences that ``fits``, when the
    other acts there that fit were done by them too; ``()`` when none fits or when they were
    done by others as well ("Israel struck Iran. Iran fired missiles at Israel. Jordan
    condemned *the attacks*": whose is not said)."""
    found = [act for act in acts if now - act.sentence <= reach and fits(act)]
    if not found:
        return ()
    latest = found[-1].doers
    return latest if {d for act in found for d in act.doers} <= set(latest) else ()
