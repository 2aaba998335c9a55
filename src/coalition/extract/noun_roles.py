"""Roles of action nouns ("*China's* support", "aid *from the CCP*") and goods ("*Russian*
oil"): the giver is the possessor, a source phrase or the subject of the verb above."""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.parties import Party, Resolver
from coalition.extract.recall import recalled_victims
from coalition.extract.targets import (
    object_parties,
    owner_parties,
    relied_on,
    source_parties,
    subject_parties,
    thanked_roles,
)
from coalition.extract.tree import accompanied, governor, subject


def noun_roles(noun: Token, resolver: Resolver, *, generic: bool, opposing: bool
                ) -> tuple[list[Party], list[Party]]:
    """Actions: "assistance *from the CCP*", "*China's* support", "provided military aid"."""
    verb = governor(noun)
    framed = _framed_roles(noun, verb, resolver, opposing)
    if framed is not None:
        return framed
    drawn = opposing and verb is not None and _drawn(noun, verb, resolver)
    source = source_parties(noun, resolver) or (
        _misplaced_agent(noun, resolver) if opposing else []) or (
        source_parties(verb, resolver) if drawn and verb is not None else [])
    targets = _accused(noun, resolver) or (_judged_act(noun, resolver) if opposing else []) or \
        object_parties(noun, resolver, from_is_target=False, object_is_target=True,
                       opposing=opposing)
    if source:
        # "aid *from the US*" goes to whoever the sentence is about; an occupation *by X*
        # only to the victim it names itself, and "*Israel's* decision drew condemnation
        # from X" to whoever drew it
        if drawn and not targets and verb is not None:
            targets = [p for p in _doer_or_owner(verb, resolver)
                       if p.code not in {q.code for q in source}]
        return source, targets if opposing else subject_parties(verb, resolver)
    if not targets and verb is not None:  # "ended its deliveries of fuel *to Ukraine*"
        targets = object_parties(verb, resolver, from_is_target=False, object_is_target=False,
                                 opposing=opposing)
    event = noun.lemma_.lower() in resolver.lexicon.cue("event_heads")
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and \
                not (child.dep_ != "poss" and _is_theme(child, resolver)):
            owner = resolver.parties(child)
            named = resolver.sentence.mention_at(child.i)
            if not owner and event and named is not None and named.adjective:
                doer = resolver.party(child, bare_adjective=True)  # "the *Israeli* attack"
                owner = [doer] if doer is not None else []
            if owner and (not generic or not (named and named.carrier) or targets
                          or _modified(noun, resolver)):
                if receiving(verb, resolver):  # "Israel receives US military aid"
                    return owner, subject_parties(verb, resolver)
                return owner, targets
            if named is not None:
                return [], []  # "their support": anaphora to claims already made
    # "Iran carried out *the attacks*": whom the armed act told of before hit (recall.py)
    targets = targets or recalled_victims(noun, verb, resolver)
    return subject_parties(verb, resolver) or _between(noun, resolver), targets


def _framed_roles(noun: Token, verb: Token | None, resolver: Resolver, opposing: bool
                  ) -> tuple[list[Party], list[Party]] | None:
    """Roles a frame around the noun settles, before its own modifiers: thanks ("thanked X
    *for its support*"), company ("*with support from* X"), agreement ("agreed to *US*
    mediation") and a participle's agent ("the sanctions *imposed* on it *by the EU*")."""
    framed = thanked_roles(noun, resolver) or (
        _accompanied_roles(noun, resolver) if not opposing else None) or \
        _accepted(noun, verb, resolver)
    if framed is not None:
        return framed
    doers, participle = _participle_agent(noun, resolver)
    if not doers or participle is None:
        return None
    return doers, object_parties(participle, resolver, from_is_target=False,
                                 object_is_target=False, opposing=opposing) or \
        object_parties(noun, resolver, from_is_target=False, object_is_target=True,
                       opposing=opposing)


def goods_roles(noun: Token, resolver: Resolver, *, held: bool
                 ) -> tuple[list[Party], list[Party]]:
    """Goods: the buyer acts and the seller ("*Russian* oil", "oil *from* Russia") receives;
    with a receiving verb ("depends on Russian gas") the seller supports the buyer. Goods
    that are held ("assets *of X*") have an owner: a state, not whatever a demonym names."""
    verb = governor(noun)
    sellers = source_parties(noun, resolver) or [
        p for c in noun.children if c.dep_ in ("amod", "compound", "poss")
        for p in [resolver.party(c, bare_adjective=True)] if p] or [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children if o.dep_ == "pobj"
        for p in resolver.parties(o) or ([] if held else [  # "imports of *Russian* grain"
            q for a in o.children if a.dep_ in ("amod", "compound")
            for q in [resolver.party(a, bare_adjective=True)] if q])]
    if verb is not None and receiving(verb, resolver):
        # "relies *on Russia* for gas": the one relied on sells
        return sellers or relied_on(verb, resolver), subject_parties(verb, resolver)
    return subject_parties(verb, resolver), sellers


def receiving(verb: Token | None, resolver: Resolver) -> bool:
    return verb is not None and verb.lemma_.lower() in resolver.lexicon.cue("dependence_verbs")


def _is_theme(token: Token, resolver: Resolver) -> bool:
    return token.lower_ in resolver.lexicon.themes


def _modified(noun: Token, resolver: Resolver) -> bool:
    """Whether a noun trigger has a theme word of its own ("their *military* support")."""
    themes = resolver.lexicon.themes
    return any(c.lower_ in themes for c in noun.children if c.dep_ in ("amod", "compound"))


def _accompanied_roles(noun: Token, resolver: Resolver
                       ) -> tuple[list[Party], list[Party]] | None:
    """ "American jets, *with support from Britain and Canada*, struck": the helpers named in
    the phrase back whoever does the act it goes with; ``None`` outside such a phrase."""
    partner = accompanied(noun)
    if partner is None:
        return None
    helpers = source_parties(noun, resolver) or [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children if o.dep_ == "pobj" for p in resolver.parties(o)]
    if not helpers:
        return None
    if partner.pos_ in ("VERB", "AUX"):
        return helpers, subject_parties(partner, resolver)
    return helpers, resolver.parties(partner)


def act_doers(noun: Token, resolver: Resolver) -> list[Party]:
    """Who does the act a noun trigger names, when the noun says so itself: "*the US* arms
    sale", "*Russia's* invasion", "the occupation *by the Russian military*", "the *Israeli*
    strikes"; empty for a noun that is no trigger or names no doer ("the sanctions")."""
    if not any(hit.trigger.kind == "noun" and hit.head(resolver.sentence.doc).i == noun.i
               for hit in resolver.sentence.hits):
        return []
    return source_parties(noun, resolver) or _misplaced_agent(noun, resolver) or \
        _participle_agent(noun, resolver)[0] or [
            p for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
            and resolver.sentence.mention_at(c.i) is not None
            for p in [resolver.party(c, bare_adjective=True)] if p is not None]


def _participle_agent(noun: Token, resolver: Resolver) -> tuple[list[Party], Token | None]:
    """The doer a participle on the noun names with "by", and the participle: "the sanctions
    *imposed by the EU*", "the aid *provided by China*"; talks "hosted by X" are not X's."""
    if noun.lemma_.lower() in resolver.lexicon.cue("topic_nouns"):
        return [], None
    for participle in noun.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for agent in (c for c in participle.children if c.dep_ == "agent"):
            found = [p for o in agent.children if o.dep_ == "pobj" for p in resolver.parties(o)]
            if found:
                return found, participle
    return [], None


def own_act(noun: Token, resolver: Resolver) -> bool:
    """Whether an opposition noun names both who does it and to whom ("*Russia's* occupation
    of *Georgia's* regions"): then it is a claim of its own even under another's condemnation;
    without a named victim it would fall back to the article's default target."""
    doers = {p.code for p in act_doers(noun, resolver)}
    # "Russia's invasion and *its* annexation of": a conjoined act's words are not this one's
    sibling = {resolver.sentence.chars(t)[0] for c in noun.children if c.dep_ == "conj"
               for t in c.subtree}
    return bool(doers) and any(
        p.code not in doers and p.start not in sibling
        for p in object_parties(noun, resolver, from_is_target=False, object_is_target=True,
                                opposing=True))


def _misplaced_agent(noun: Token, resolver: Resolver) -> list[Party]:
    """The doer of an object noun's act in a "by" phrase the parser hung elsewhere: on the
    active verb above it ("condemned the occupation of X *by the Russian army*") or inside
    an armed event's own "of" phrase ("the occupation of two of X's regions *by* ...")."""
    verb = noun.head
    places = [verb] if noun.dep_ == "dobj" and any(
        c.dep_ == "nsubj" for c in verb.children) else []
    lexicon = resolver.lexicon
    if noun.lemma_.lower() in lexicon.cue("event_heads") | lexicon.cue("invasion_nouns"):
        # an armed event's, not "the disappointment of the use of arms *by Russia*"
        places += [t for t in noun.subtree if t.dep_ == "pobj" and _within_of(t, noun)]
    return [p for place in places for prep in place.children
            if prep.dep_ == "prep" and prep.lower_ == "by"
            for o in prep.children if o.dep_ == "pobj" for p in resolver.parties(o)]


def _within_of(word: Token, noun: Token) -> bool:
    """Whether ``word`` hangs on ``noun`` through "of" phrases only ("of two of X's regions")."""
    while word.i != noun.i:
        if word.dep_ not in ("pobj", "prep") or (word.dep_ == "prep" and word.lower_ != "of"):
            return False
        word = word.head
    return True


def _accepted(noun: Token, verb: Token | None, resolver: Resolver
              ) -> tuple[list[Party], list[Party]] | None:
    """ "Israel *agreed to US mediation*": whoever agrees to another's act (`accepting_verbs`)
    backs its doer; ``None`` for any other noun."""
    if verb is None or verb.lemma_.lower() not in resolver.lexicon.cue("accepting_verbs"):
        return None
    accepters = subject_parties(verb, resolver)
    own = {a.code for a in accepters}
    doers = [p for p in act_doers(noun, resolver) if p.code not in own]
    return (accepters, doers) if accepters and doers else None


def _between(noun: Token, resolver: Resolver) -> list[Party]:
    """The sides of a mutual act named "between" them, when nobody else does it: "clashes
    *between India and Pakistan*", "talks *between Iran and Saudi Arabia*" are each side's
    own act towards the other (`reciprocal_nouns`)."""
    reciprocal = resolver.lexicon.cue("reciprocal_nouns")
    if noun.lemma_.lower() not in reciprocal and noun.lower_ not in reciprocal:
        return []
    # "clashes *broke out between* X and Y": the verb the noun is subject of holds the sides
    holders = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    sides = [p for holder in holders for prep in holder.children
             if prep.dep_ == "prep" and prep.lower_ == "between"
             for o in prep.children if o.dep_ == "pobj" for p in resolver.parties(o)]
    return sides if len({p.code for p in sides}) > 1 else []


def _accused(noun: Token, resolver: Resolver) -> list[Party]:
    """Whom an accusation's "that" clause accuses: its subject ("accusations by Riyadh *that
    Iran and Lebanon* had declared war on the kingdom"), not whatever the clause names."""
    if noun.lemma_.lower() not in resolver.lexicon.cue("accusing_words"):
        return []
    return [p for clause in noun.children if clause.dep_ in ("acl", "ccomp")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            for p in subject_parties(clause, resolver)]


def _judged_act(noun: Token, resolver: Resolver) -> list[Party]:
    """Whose act a judging noun judges: "condemnation *of the Israeli attacks* against Iran"
    opposes Israel, not the victim; "rejection and condemnation of" shares the object."""
    judging = resolver.lexicon.cue("judging_nouns")
    if noun.lemma_.lower() not in judging and noun.lower_ not in judging:
        return []  # "the warnings *of* the US": whose warning, not what it judges
    heads = [noun, *(c for c in noun.children if c.dep_ == "conj"),
             *([noun.head] if noun.dep_ == "conj" else [])]
    return [p for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children if o.dep_ == "pobj" for p in act_doers(o, resolver)]


def _drawn(noun: Token, verb: Token, resolver: Resolver) -> bool:
    """Whether a reaction noun is what its verb's subject drew from others ("drew
    *condemnation* from X", "sparked criticism from X", `drawing_verbs`)."""
    return noun.dep_ == "dobj" and noun.head.i == verb.i and \
        verb.lemma_.lower() in resolver.lexicon.cue("drawing_verbs") and any(
            c.dep_ == "prep" and c.lower_ == "from" for c in (*noun.children, *verb.children))


def _doer_or_owner(verb: Token, resolver: Resolver) -> list[Party]:
    """The verb's subject, or the owner of its subject ("*Israel's* decision drew ...")."""
    doer, passive = subject(verb)
    if doer is None or passive:
        return []
    return resolver.parties(doer) or owner_parties(doer, resolver)
