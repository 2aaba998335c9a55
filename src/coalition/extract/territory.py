"""Roles of land and bases: the owner gives, whoever uses them (or is barred from them)
receives."""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.parties import Party, Resolver
from coalition.extract.polarity import intrudes
from coalition.extract.targets import object_parties, owner_parties, subject_parties
from coalition.extract.tree import governor, subject

# Rights to land held by a state other than its owner: "*China's* lease on the base".
RIGHT_NOUNS = frozenset({"lease", "access", "right", "rights", "use", "concession", "permit"})


def territory_roles(noun: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    """Land and bases: the owner gives, whoever uses them (or is barred from them) receives.

    Users are looked for in a "for/to X" phrase, then the object of the verb ("barred
    *Israeli aircraft* from their airspace"), then its subject ("the Kremlin to *use*").
    """
    if _status_of(noun, resolver):
        return [], []
    verb = governor(noun)
    owners = [p for c in noun.children if c.dep_ in ("poss", "amod")
              for p in resolver.parties(c)]
    if verb is not None and intrudes(verb, resolver.lexicon):
        return _intruders(noun, verb, owners, resolver)
    holders = _holders(noun, verb, resolver)
    if holders and not owners:
        owners = subject_parties(verb, resolver)  # who extends a lease lets its land
    if not owners and verb is not None:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            owners = owner_parties(obj, resolver)
    users = holders or object_parties(noun, resolver, from_is_target=False,
                                      object_is_target=True, preps_only=True)
    if verb is None:
        return owners, _unowned(users, owners)
    users = users or object_parties(verb, resolver, from_is_target=False,
                                    object_is_target=True, preps_only=True)
    if not users:  # "denied *the United States* use of its base", misparsed as a compound
        users = [p for c in verb.children if c.dep_ in ("dobj", "dative")
                 for t in (c, *(g for g in c.children if g.dep_ == "compound"))
                 for p in resolver.parties(t)]
    if not users:  # "denied *the United States* permission to launch strikes from it"
        users = _granted(noun, resolver)
    if not users and verb.dep_ == "advcl":
        users = object_parties(verb.head, resolver, from_is_target=False, object_is_target=True,
                               preps_only=True)  # "allow weapons *for Ukraine* to cross it"
    if not users:
        doer, _ = subject(verb)
        users = _unowned(resolver.parties(doer), owners) if doer is not None else []
        if doer is not None and not users:  # "ships carrying weapons *for Israel* to dock"
            users = object_parties(doer, resolver, from_is_target=False,
                                   object_is_target=False, preps_only=True)
        if verb.dep_ in ("xcomp", "ccomp", "pcomp") and not users:
            # "barred *Israeli vessels* from docking at its harbours"
            above = verb.head.head if verb.dep_ == "pcomp" else verb.head
            users = [p for c in above.children if c.dep_ == "dobj"
                     for p in resolver.parties(c)]
    if not owners and noun.dep_ == "dobj" and \
            verb.lemma_.lower() in resolver.lexicon.cue("granting_verbs"):
        granters = subject_parties(verb, resolver)  # "denied overflight rights to X"
        if _unowned(users, granters):
            owners = granters
    return owners, _unowned(users, owners)


def _status_of(noun: Token, resolver: Resolver) -> bool:
    """Whether the land is what a claim or change is about ("accept Russia's *claims to*
    Ukraine's territory", "any *change to* its borders"): the verb takes the claim, nobody uses
    the land (`land_status_nouns`)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.head.pos_ in ("NOUN", "PROPN") and \
        prep.head.lemma_.lower() in resolver.lexicon.cue("land_status_nouns")


def _intruders(noun: Token, verb: Token, owners: list[Party], resolver: Resolver
               ) -> tuple[list[Party], list[Party]]:
    """ "Azerbaijani troops invaded *Armenia's* territory", "jets violated *Pakistani*
    airspace": whoever enters acts against the owner (named by a demonym alone, too)."""
    owners = owners or [p for c in noun.children if c.dep_ in ("amod", "compound")
                        for p in [resolver.party(c, bare_adjective=True)] if p]
    return _unowned(subject_parties(verb, resolver), owners), owners


def _holders(noun: Token, verb: Token | None, resolver: Resolver) -> list[Party]:
    """Who holds a right to the land the verb's object names: "extended *China's* lease on
    its naval base" (China uses the base; whoever extends the lease lets it)."""
    if verb is None:
        return []
    return [p for obj in verb.children if obj.dep_ == "dobj" and obj.i != noun.i
            and obj.lemma_.lower() in RIGHT_NOUNS for p in owner_parties(obj, resolver)]


def _granted(noun: Token, resolver: Resolver) -> list[Party]:
    """Who a granting verb above the land gives access to (its indirect object, which the
    parser may hang as a compound of the thing granted)."""
    grant = next((a for a in noun.ancestors if a.pos_ == "VERB"
                  and a.lemma_.lower() in resolver.lexicon.cue("granting_verbs")), None)
    if grant is None:
        return []
    return [p for c in grant.children if c.dep_ in ("dobj", "dative")
            for t in (c, *(g for g in c.children if g.dep_ == "compound"))
            for p in resolver.parties(t)]


def _unowned(users: list[Party], owners: list[Party]) -> list[Party]:
    owned = {p.code for p in owners}
    return [u for u in users if u.code not in owned]


