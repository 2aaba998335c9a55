"""Switching: "Honduras switched recognition from Taipei to Beijing" makes two claims.

A trigger noun governed by a switching verb (``cues.yaml: switching_verbs``) with both a "from"
and a "to" phrase names the side left (the trigger's support is withdrawn: refuse) and the side
taken (support); the subject of the verb acts. The "from" phrase is never the giver here.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from coalition.extract.pairing import Frame
from coalition.extract.parties import Party, Resolver
from coalition.extract.sentence import Hit
from coalition.extract.targets import subject_parties
from coalition.extract.tree import governor
from coalition.models import Dimension, Stance

CONFIDENCE = 0.8


def switched_frames(hit: Hit, token: Token, resolver: Resolver) -> list[Frame] | None:
    """The refusal of the old side and the support of the new, or ``None`` when the trigger is
    not switched from one named side to another."""
    verb = governor(token)
    dimension = hit.trigger.dimension or hit.trigger.fallback
    if verb is None or dimension is None or hit.trigger.kind != "noun" or \
            hit.trigger.stance is not Stance.SUPPORT or \
            verb.lemma_.lower() not in resolver.lexicon.cue("switching_verbs"):
        return None
    old, new = _side(verb, token, "from", resolver), _side(verb, token, "to", resolver)
    actors = subject_parties(verb, resolver)
    if not (old and new and actors):
        return None
    chars = resolver.sentence.chars(token)
    return [Frame(actor, side.code, dimension, stance, False, chars, CONFIDENCE)
            for actor in actors
            for sides, stance in ((old, Stance.REFUSE), (new, Stance.SUPPORT))
            for side in sides if side.code != actor.code]


def _side(verb: Token, noun: Token, word: str, resolver: Resolver) -> list[Party]:
    """The parties of a "from"/"to" phrase on the verb or on the switched noun."""
    for head in (noun, verb):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == word):
            found = [p for o in prep.children if o.dep_ == "pobj" for p in resolver.parties(o)]
            if found:
                return found
    return []


def contested_ties(frames: list[Frame], words: list[Token], resolver: Resolver) -> list[Frame]:
    """Recognition claims that ties with a state whose statehood is contested carry
    (``cues.yaml: contested_states``, ``tie_words``): opening diplomatic ties with Taiwan or
    Kosovo recognises it, cutting them withdraws recognition ("cut its ties with Taiwan":
    recognition refuse beside the diplomatic protest)."""
    lexicon = resolver.lexicon
    ties = lexicon.cue("tie_words")
    if not any(w.lower_ in ties for w in words):
        return []
    contested = lexicon.cue("contested_states")
    return [replace(f, dimension=Dimension.RECOGNITION,
                    stance=Stance.SUPPORT if f.stance is Stance.SUPPORT else Stance.REFUSE)
            for f in frames
            if f.dimension is Dimension.DIPLOMATIC and f.target.lower() in contested]
