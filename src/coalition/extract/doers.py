"""Doers of armed events: who a sentence says struck, so that a later "the strikes" can recall
them (:attr:`~coalition.extract.context.Context.doers`). Sentences naming an armed event are
always parsed, so what is recorded is the same with or without the prefilter."""

from __future__ import annotations

from coalition.extract.noun_roles import act_doers
from coalition.extract.parties import Resolver, event_key
from coalition.extract.targets import subject_parties
from coalition.extract.tree import subject

# Nouns that count armed events: "launched *a wave of* airstrikes".
SERIES_NOUNS = frozenset({"series", "wave", "round", "barrage", "string", "spate", "volley",
                          "salvo"})


def attack_doers(resolver: Resolver) -> dict[str, tuple[str, ...]]:
    """The states a sentence names as doing an attack, by the attack verb's lemma: "*American
    and Israeli jets* struck Tehran". Passive patients and negated attacks name no doer."""
    found: dict[str, tuple[str, ...]] = {}
    attacks = resolver.lexicon.cue("attack_verbs")
    negation = resolver.lexicon.cue("negation")
    for verb in resolver.sentence.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in attacks or \
                any(c.dep_ == "neg" or c.lower_ in negation for c in verb.children):
            continue
        doer, passive = subject(verb)
        if doer is None or passive:
            continue
        # "*American and Israeli* jets", "*Russian* missiles": every demonym on the doers
        named = [p for c in doer.children if c.dep_ in ("amod", "compound")
                 for a in (c, *c.conjuncts)
                 for p in [resolver.party(a, bare_adjective=True)] if p]
        codes = tuple(dict.fromkeys(p.code for p in resolver.parties(doer) + named
                                    if not p.carried))
        if codes:
            found[event_key(verb.lemma_.lower())] = codes
    return found


def event_doers(resolver: Resolver) -> dict[str, tuple[str, ...]]:
    """The states a sentence names as doing an armed event noun (`event_heads`), by the
    noun: its own doer ("*Israeli* strikes") or the subject of a verb that does it ("*Israel*
    launched airstrikes"), so that a later "the strikes" recalls them."""
    lexicon = resolver.lexicon
    found: dict[str, tuple[str, ...]] = {}
    for noun in resolver.sentence.doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.cue("event_heads"):
            continue
        named = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in SERIES_NOUNS else noun
        while named.dep_ == "appos":  # "launched Operation Sindoor, *a series of strikes*"
            named = named.head
        verb = named.head
        doers = act_doers(noun, resolver) or (
            subject_parties(verb, resolver) if named.dep_ == "dobj" and
            verb.lemma_.lower() in lexicon.cue("event_doing_verbs") and not any(
                c.dep_ == "neg" for c in verb.children) else [])
        codes = tuple(dict.fromkeys(p.code for p in doers if not p.carried))
        if codes:
            found[event_key(noun.lemma_.lower())] = codes
    return found
