"""Who acts and who receives: the actor and target of a trigger, by the trigger's kind.

Verbs take their subject as actor (the ``by`` agent when passive) and find the target among
their objects (:mod:`targets`); action nouns and goods (:mod:`noun_roles`) take the actor from
the possessor, a ``from``/``by`` phrase or the subject of the verb above them; land and bases
(:mod:`territory`) are given by their owner to their user; people nouns ("one of the biggest
supporters of") take the subject of their copula.
"""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract import stance as st
from coalition.extract.noun_roles import act_doers, goods_roles, noun_roles
from coalition.extract.parties import Party, Resolver
from coalition.extract.polarity import rebuts
from coalition.extract.recall import recalled_doers
from coalition.extract.sentence import Hit
from coalition.extract.subordinate import companions
from coalition.extract.targets import (
    clause_subject_parties,
    object_parties,
    owner_parties,
    source_parties,
    subject_parties,
)
from coalition.extract.territory import territory_roles
from coalition.extract.tree import equips, governor, listed_under, reciprocal_object, subject
from coalition.models import Stance

# Verbs that say what their subject is: "Iran *has been* one of the biggest supporters".
LINKING_VERBS = frozenset({"be", "become", "remain", "stay", "emerge", "prove", "seem",
                           "appear"})


def roles_for(hit: Hit, token: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    kind = hit.trigger.kind
    if kind == "verb":
        return _verb_roles(hit, token, resolver)
    if kind == "noun":
        return noun_roles(token, resolver, generic=hit.generic,
                           opposing=hit.trigger.stance is Stance.OPPOSE)
    if kind == "goods":
        return goods_roles(token, resolver, held=hit.seizable)
    if kind == "agent":
        return _agent_roles(token, resolver)
    return territory_roles(token, resolver)


def _verb_roles(hit: Hit, verb: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    doer, passive = subject(verb)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive and patient is not None:
        suppliers = _supplied_with(verb, resolver)
        if suppliers:  # "Russian forces were supplied with *Iranian* drones"
            return suppliers, resolver.parties(patient)
    actors = resolver.parties(doer, adjective_only=passive) if doer is not None else []
    actors = actors or _backers(verb, resolver) or _voiced(verb, resolver) or (
        _voice(doer, resolver) if doer is not None and not passive else [])
    if not actors and doer is not None and not passive and verb.lemma_.lower() in \
            resolver.lexicon.cue("intrusion_verbs"):  # "*Ukrainian* drones attacked": armed
        actors = [p for c in doer.children if c.dep_ in ("amod", "compound")
                  for p in [resolver.party(c, bare_adjective=True)] if p]
    actors += [p for p in companions(verb, resolver) if p.code not in {a.code for a in actors}]
    targets: list[Party] = []
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and patient is None:
        patient = verb.head  # "Morocco's plan, *backed by* Spain": the noun is what is backed
    if patient is not None and any(c.dep_ == "agent" for c in verb.children):
        # "Azerbaijan's offensive was backed by Turkey": the owner of the thing backed
        targets = resolver.parties(patient) or owner_parties(patient, resolver)
    if hit.trigger.object_role == "target" and not passive and (
            hit.trigger.stance is not Stance.REFUSE or rebuts(hit, verb, resolver.lexicon)):
        # ("reaffirmed *its* support for Israel": the judge's own act is no target)
        own = {a.code for a in actors}
        targets = targets or [p for p in _judged_doers(verb, resolver) if p.code not in own]
    targets = targets or _relative_object(verb, resolver) or _host(verb, resolver)
    shares = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and not st.has_subject(c) and not any(d.dep_ == "dobj" for d in verb.children)]
    for shared in [verb, *shares]:
        # "armed and funded Hezbollah": conjoined verbs share the object
        targets = targets or object_parties(
            shared, resolver, from_is_target=hit.trigger.stance is Stance.REFUSE,
            object_is_target=hit.trigger.object_role == "target" or equips(shared),
            opposing=hit.trigger.stance is Stance.OPPOSE)
    if not targets and len(actors) > 1 and reciprocal_object(verb):
        targets = actors  # "India and Pakistan accused *each other*": each aims at the other
    measures = listed_under(verb)
    if not targets and measures is not None:  # "measures *against Rwanda*, including halting"
        targets = object_parties(measures, resolver, from_is_target=False,
                                 object_is_target=False, opposing=True, preps_only=True)
    if len(actors) > 1 and {p.code for p in targets} == {p.code for p in actors} and \
            not reciprocal_object(verb):
        targets = []  # the same list on both sides is a misread clause, not a mutual act
    return actors, targets or clause_subject_parties(verb, resolver)


def _backers(verb: Token, resolver: Resolver) -> list[Party]:
    """Who does what a resolution's words do: its sponsors or those voting for it ("Chile
    voted for a resolution *condemning* Russia", "X and Y sponsored a text *demanding* ...";
    `sponsoring_verbs`). Voting against it is no backing (that shields, see reframe)."""
    text = verb.head
    if verb.dep_ != "acl" or text.lemma_.lower() not in resolver.lexicon.cue("resolution_nouns"):
        return []
    above = text.head.head if text.dep_ == "pobj" else text.head
    if text.dep_ == "pobj" and text.head.lower_ not in ("for", "of"):  # "voted *against* it"
        return []
    if above.lemma_.lower() not in resolver.lexicon.cue("sponsoring_verbs"):
        return []
    return subject_parties(above, resolver)


def _voiced(verb: Token, resolver: Resolver) -> list[Party]:
    """Who says what a statement's words do: "X and Y issued statements *condemning* Z",
    "*Egypt's* statement *welcoming* the deal" (`voicing_nouns`)."""
    text = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return []
    voice = _voice(text, resolver)
    above = governor(text)
    return voice or (subject_parties(above, resolver) if above is not None and
                     text.lemma_.lower() in resolver.lexicon.cue("voicing_nouns") else [])


def _voice(text: Token, resolver: Resolver) -> list[Party]:
    """Whose words a statement is: its owner or source ("*Egypt's* statement", "a statement
    *from the Peruvian foreign ministry*")."""
    if text.lemma_.lower() not in resolver.lexicon.cue("voicing_nouns"):
        return []
    return owner_parties(text, resolver) or source_parties(text, resolver)


def _judged_doers(verb: Token, resolver: Resolver) -> list[Party]:
    """Whoever does the act a verb judges: "slammed *the US* arms sale to Taiwan" opposes the
    US (praising it would back the US), "condemned the pact *as an attempt by Moscow*"
    opposes Moscow, "condemned *the decision*" whoever made the decision told of just before
    (:mod:`recall`)."""
    return [p for c in _judged(verb)
            for p in act_doers(c, resolver) or recalled_doers(c, resolver)] or [
        p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
        for o in prep.children if o.dep_ == "pobj" for p in source_parties(o, resolver)]


def _judged(verb: Token) -> list[Token]:
    """What a verb judges: its object, or the name a "what" clause gives it ("condemned *what
    it called* Iran's aggression", "*what it described as* an attack")."""
    named = [c for c in verb.children if c.dep_ == "dobj"]
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            named += [c for c in clause.children if c.dep_ in ("oprd", "dobj")
                      and c.lower_ != "what"] + [
                o for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "as"
                for o in prep.children if o.dep_ == "pobj"]
    return named


def _relative_object(verb: Token, resolver: Resolver) -> list[Party]:
    """What a relative clause's verb acts on when its object is the relative pronoun: the noun
    the clause describes, or that noun's owner ("Russia's Kursk region, *which* Ukraine
    invaded": Russia)."""
    if verb.dep_ != "relcl" or not (_zero_relative(verb) or any(
            c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children)):
        return []
    noun = verb.head
    described = [noun, noun.head] if noun.dep_ == "appos" else [noun]  # "Iran, *a country* X"
    return next((found for word in described
                 for found in [resolver.parties(word) or owner_parties(word, resolver)]
                 if found), [])


def _host(verb: Token, resolver: Resolver) -> list[Party]:
    """The state an embassy or envoy is placed in or sent to ("opened an embassy *in Israel*",
    "named an ambassador *to Chile*", "moved its embassy to *Israel's* capital"): the host."""
    envoys = resolver.lexicon.cue("protest_withdrawals")
    return [p for thing in verb.children if thing.dep_ == "dobj" and thing.lower_ in envoys
            for prep in (*thing.children, *verb.children)
            if prep.dep_ == "prep" and prep.lower_ in ("in", "to")
            for place in prep.children if place.dep_ == "pobj"
            for p in resolver.parties(place) or owner_parties(place, resolver)]


def _zero_relative(verb: Token) -> bool:
    """A relative clause with no relative word whose own subject acts and whose object is left
    out: the noun it describes is the object ("neighbouring Colombia, *which* he blames" said
    as "Colombia he blames")."""
    return verb.i > verb.head.i and st.has_subject(verb) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "dative") or c.tag_ in ("WDT", "WP", "WRB")
        or c.lower_ == "that" for c in verb.children)


def _supplied_with(verb: Token, resolver: Resolver) -> list[Party]:
    """Who a passive "with" phrase or object names as the source of what was given:
    "supplied with *Iranian* drones", "drones *from Iran*", "was given *German* tanks"."""
    things = [thing for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "with"
              for thing in prep.children if thing.dep_ == "pobj"]
    things += [c for c in verb.children if c.dep_ == "dobj"]
    return [p for thing in things
            for p in source_parties(thing, resolver) or [
                q for a in thing.children if a.dep_ in ("amod", "compound")
                for q in [resolver.party(a, bare_adjective=True)] if q]]


def _agent_roles(noun: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    """People nouns: "Iran has been one of the biggest supporters of ... to Russia".

    Who they are is said by a linking verb ("is", "remains") or an apposition; the object of
    any other verb is someone else's ("criticised *its allies* for selling weapons" names no
    ally). A speaker who calls a state *our* ally is the one who backs it.
    """
    verb = governor(noun)
    if noun.dep_ == "appos":
        described = resolver.parties(noun.head)
    elif verb is not None and verb.lemma_.lower() in LINKING_VERBS:
        described = subject_parties(verb, resolver)
    else:
        return [], []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    targets = [p for c in owners for p in resolver.parties(c)]
    if targets and any(c.lower_ in resolver.lexicon.cue("speaker_pronouns") for c in owners):
        return targets, described  # "Armenia is *our* ally," the Kremlin spokesman said
    targets = targets or object_parties(noun, resolver, from_is_target=False,
                                        object_is_target=True)
    return described, targets
