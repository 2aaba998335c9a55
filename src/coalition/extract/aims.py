"""Whom an act is aimed at, by the word: the state a label, a demand, a show of force, a
reaction or a protest names, where the general roles (:mod:`roles`) read it otherwise.

Each rule keys on a cue list in ``cues.yaml``: `labelling_verbs` + `charge_words` ("described the
incident as *Russian* aggression"), `demanding_verbs` ("demanded an apology *from Japan*"),
`show_of_force_nouns` + `encircling_preps` ("drills *around Taiwan*"), `reaction_nouns` and
`reaction_verbs` + `reaction_preps` ("concern *over Israel's* strikes"), `protest_withdrawals`
("recalled its ambassador *in France*") and `topic_nouns` (what talks are about is no target).
"""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.parties import Party, Resolver
from coalition.extract.polarity import protests, withdrawn_things
from coalition.extract.targets import owner_parties, subject_parties
from coalition.extract.tree import governor, object_side
from coalition.models import Stance

# Where withdrawn envoys or ties were: "recalled its ambassador *in* France / *from* X / *to* X".
WITHDRAWN_FROM = frozenset({"from", "in", "to", "at", "with"})


def aimed_roles(token: Token, resolver: Resolver, stance: Stance, actors: list[Party],
                targets: list[Party]) -> tuple[list[Party], list[Party], Stance] | None:
    """Actors, targets and stance after the aim rules; ``None`` for no claim."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in resolver.lexicon.cue("labelling_verbs"):
        targets = _labelled(token, resolver)  # "described the incident as Russian aggression"
        if not targets:
            return None
    if not targets and token.pos_ == "VERB" and lemma in resolver.lexicon.cue("demanding_verbs"):
        targets = _demanded_of(token, resolver, {a.code for a in actors})
    aimed = _shown_to(token, resolver)
    if aimed:  # "held drills *around Taiwan*": a show of force against it
        targets, stance = aimed, Stance.OPPOSE
    elif stance is Stance.OPPOSE and _show_of_force(token, resolver):
        # drills aimed at nobody: the parties' own, each backing the other ("X and Y held
        # drills", "drills with X"); a host or owner is no party ("declined to host the
        # alliance's exercises")
        partners = _drilled_with(token, resolver)
        if len(actors) < 2 and not partners:
            return None
        targets, stance = partners, Stance.SUPPORT
    if (lemma in resolver.lexicon.cue("reaction_nouns") and token.pos_ in ("NOUN", "PROPN")) or (
            lemma in resolver.lexicon.cue("reaction_verbs") and token.pos_ == "VERB"):
        targets = _reacted_to(token, resolver)  # "concern *over Israel's* strikes"
    if stance is Stance.OPPOSE and protests(token, resolver.lexicon):
        # "recalled its envoy *in France*", "the recall of its envoys *from Ireland*"
        actors, targets = _protest_roles(token, resolver, actors, targets)
    return actors, _off_topic(token, resolver, targets), stance


def _shown_to(noun: Token, resolver: Resolver) -> list[Party]:
    """The states a show of force is staged around (`show_of_force_nouns`, `encircling_preps`):
    "drills *around Taiwan*", "war games *off* the Philippines"."""
    lexicon = resolver.lexicon
    if not _show_of_force(noun, resolver):
        return []
    heads = [noun] + ([noun.head] if noun.head.pos_ in ("VERB", "AUX") else [])
    return [p for head in heads for prep in head.children
            if prep.dep_ in ("prep", "prt") and prep.lower_ in lexicon.cue("encircling_preps")
            for pobj in prep.subtree if pobj.dep_ == "pobj"
            for p in resolver.parties(pobj)]


def _show_of_force(noun: Token, resolver: Resolver) -> bool:
    shows = resolver.lexicon.cue("show_of_force_nouns")
    return noun.pos_ in ("NOUN", "PROPN") and (
        noun.lemma_.lower() in shows or noun.lower_ in shows)


def _drilled_with(noun: Token, resolver: Resolver) -> list[Party]:
    heads = [noun] + ([noun.head] if noun.head.pos_ in ("VERB", "AUX") else [])
    return [p for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children if pobj.dep_ == "pobj" for p in resolver.parties(pobj)]


def _reacted_to(noun: Token, resolver: Resolver) -> list[Party]:
    """Whose act a reaction is over, about or at (`reaction_preps`): the thing itself when it
    is a state, else its owner or demonym, else that of its "of" phrase ("concern about a
    buildup *of Serbian forces*")."""
    lexicon = resolver.lexicon
    # "expressed alarm *at* X": the parser may hang the phrase on the verb
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ != "prep" or prep.lower_ not in lexicon.cue("reaction_preps"):
            continue
        for thing in (c for c in prep.children if c.dep_ == "pobj"):
            found = _owners(thing, resolver) or [
                p for of in thing.children if of.dep_ == "prep" and of.lower_ == "of"
                for inner in of.children if inner.dep_ == "pobj"
                for p in _owners(inner, resolver)]
            if found:
                return found
    return []


def _owners(thing: Token, resolver: Resolver) -> list[Party]:
    """A state named by a word or its possessor or demonym: "Israel", "*Israel's* strikes",
    "the *Polish* decision"."""
    return resolver.parties(thing) or [
        p for c in thing.children if c.dep_ in ("poss", "amod", "compound", "nmod")
        for p in [resolver.party(c, bare_adjective=True)] if p is not None]


def _labelled(verb: Token, resolver: Resolver) -> list[Party]:
    """Whom a labelling verb charges: what it labels ("labelled *the strikes*", its doers
    recalled) or that thing's owner, or else the owner of the charge itself ("as open *Russian*
    aggression"); nobody without a charge word (`charge_words`)."""
    charges = resolver.lexicon.cue("charge_words")
    side = object_side(verb)
    charge = next((t for t in side if t.lemma_.lower() in charges or t.lower_ in charges), None)
    if charge is None:
        return []
    labelled = [c for c in verb.children if c.dep_ == "dobj" and c.i != charge.i]
    return [p for thing in labelled for p in _owners(thing, resolver)] or _owners(charge, resolver)


def _demanded_of(verb: Token, resolver: Resolver, actors: set[str]) -> list[Party]:
    """Whom a demand is made of: "an apology *from Japan*", "an admission *by Moscow*", else the
    first state named in its that-clause ("demanded *that Guyana* cease drilling")."""
    things = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    found = [p for t in things for prep in t.children
             if prep.dep_ == "prep" and prep.lower_ in ("from", "by")
             for o in prep.children if o.dep_ == "pobj" for p in resolver.parties(o)]
    if found:
        return found
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for token in sorted(clause.subtree, key=lambda t: t.i):
            named = [p for p in resolver.parties(token) if p.code not in actors]
            if named:
                return named
    return []


def _off_topic(noun: Token, resolver: Resolver, targets: list[Party]) -> list[Party]:
    """Talks are not aimed at what they are about: "renewed negotiations *on an Israeli troop
    pullback*" names no target (`topic_nouns`, their "on/about/over" phrase)."""
    if noun.lemma_.lower() not in resolver.lexicon.cue("topic_nouns") or not targets:
        return targets
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    about = {resolver.sentence.offsets[t.i] for head in heads for prep in head.children
             if prep.dep_ == "prep" and prep.lower_ in ("on", "about", "over")
             for t in prep.subtree}
    return [p for p in targets if p.start not in about]


def _protest_roles(token: Token, resolver: Resolver, actors: list[Party],
                   targets: list[Party]) -> tuple[list[Party], list[Party]]:
    """Envoys and ties withdrawn: the state they served *in*, were sent *to* or came *from*
    ("recalled its ambassador *in France*", "the recall of its envoys *from Ireland*") is
    the target; the recalling state is the subject or possessor, never that phrase."""
    objects = [token, *withdrawn_things(token)]
    own = {a.code for a in actors}
    # "summoned *the U.S.* ambassador to Ankara", "the expulsion of *the Rwandan* envoy in
    # Kinshasa": another state's envoy is aimed at his state, not at where he serves
    envoys = resolver.lexicon.cue("protest_withdrawals")
    foreign = [p for o in objects[1:] if o.lower_ in envoys for c in o.children
               if c.dep_ in ("compound", "amod", "poss", "nmod")
               for m in [resolver.sentence.mention_at(c.i)] if m is not None and not m.carrier
               for p in [resolver.party(c, bare_adjective=True)] if p is not None
               and p.code not in own]
    if foreign and actors:
        return actors, foreign
    places = [p for o in objects for prep in o.children
              if prep.dep_ == "prep" and prep.lower_ in WITHDRAWN_FROM
              for pobj in prep.children if pobj.dep_ == "pobj"
              for p in resolver.parties(pobj)]
    if not places:
        return actors, targets
    if token.pos_ in ("NOUN", "PROPN"):
        # the owner of the recall ("*its* recall of envoys") acts, else the subject above
        owners = owner_parties(token, resolver)
        actors = owners or subject_parties(governor(token), resolver)
    placed = {p.code for p in places}
    return [a for a in actors if a.code not in placed], places
