"""Triggers that make no claim of their own: another trigger of the sentence frames them, or
what they act on is neither a state nor a theme."""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.dimension import dimension_of
from coalition.extract.noun_roles import own_act
from coalition.extract.parties import Party, Resolver
from coalition.extract.reframe import ARMS_LIKE
from coalition.extract.sentence import Hit
from coalition.extract.stance import has_subject
from coalition.extract.targets import object_parties
from coalition.extract.tree import charged_object, object_side
from coalition.models import Stance
from coalition.resolve import Lexicon

# Prepositions that introduce the act companions share: "joined X *in* voting", "*by*
# recognising Kosovo, Israel joins X".
SHARED_ACT_PREPS = frozenset({"in", "by"})


def companion(verb: Token, lexicon: Lexicon) -> bool:
    """ "joined the United States *in voting* against", "*by recognising* Kosovo, Israel joins
    the US": the joined are companions in the act the gerund names (a claim of its own if it
    is a trigger), not the ones helped."""
    return verb.lemma_.lower() in lexicon.cue("companion_verbs") and any(
        c.dep_ == "prep" and c.lower_ in SHARED_ACT_PREPS
        and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children)


def companions(act: Token, resolver: Resolver) -> list[Party]:
    """The states joined in an act, who do it too: "Bahrain joined *Saudi Arabia* in
    boycotting Qatar" (Saudi Arabia boycotts Qatar as well)."""
    prep = act.head
    if act.dep_ != "pcomp" or prep.lower_ not in SHARED_ACT_PREPS or \
            not companion(prep.head, resolver.lexicon):
        return []
    return [p for c in prep.head.children if c.dep_ == "dobj" for p in resolver.parties(c)]


def subordinate(hit: Hit, token: Token, governors: list[Token], others: dict[int, Hit],
                 resolver: Resolver) -> bool:
    """Whether another trigger in the sentence already frames this one.

    "sent shells *to help* Russia", "would never send troops *to fight*": a purpose clause
    under a trigger adds nothing (and must not escape its negation), unless that trigger says
    nothing of what is given ("pledged *to support* Mali": the complement is the act).
    "refused to *join* sanctions": a verb whose object is an opposition noun is framed by that
    noun.
    """
    lexicon = resolver.lexicon
    if (token.dep_ == "xcomp" or (token.dep_ == "advcl" and not has_subject(token))) and \
            token.head.i in others and _says_what(others[token.head.i], token.head, resolver):
        return True  # ("condemned the sanctions *after the UK accused* X": an event of its own)
    for word in [token, *token.ancestors]:
        prep = word.head
        if word.dep_ == "pcomp" and prep.lower_ in ("for", "over", "of", "against") and \
                prep.head.pos_ == "VERB" and not (word is token and _charges_state(word, resolver)):
            return True  # "sanctioned firms *for supplying* drones": the reason, not a claim
        if word.dep_ == "pobj" and prep.lower_ in ("for", "over") and prep.head.i in others \
                and others[prep.head.i].trigger.stance is Stance.OPPOSE:
            return True  # "sanctioned three firms *over the arms sales*": the reason too
    if hit.generic and any(g.i in others and not _withholds_theme(others[g.i])
                             and (token.pos_ != "VERB" or _says_what(others[g.i], g, resolver))
                             for g in governors):
        return True
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("to", "for") and any(
            c.dep_ == "dobj" and c.i in others and others[c.i].trigger.kind == "territory"
            for c in prep.head.children):
        return True  # "closed its airspace *to arms deliveries*": the land frames the claim
    if hit.trigger.kind == "noun" and hit.trigger.stance is Stance.OPPOSE and any(
            g.i in others and others[g.i].trigger.stance is Stance.OPPOSE
            and g.lemma_.lower() not in lexicon.cue("firing_verbs")  # "launched *an attack*"
            for g in governors) and not own_act(token, resolver) and \
            not _done_by_named(token, others, resolver):
        # "condemned the sanctions": someone else's opposition, not the actor's; "condemned
        # *Russia's* occupation of Georgia" names its doer and victim: a claim of its own
        return True
    if hit.generic and any(t.i in others and others[t.i].trigger.kind == "territory"
                             and any(c.dep_ == "poss" for c in t.children)
                             for t in object_side(token)):
        return True  # "allowed weapons to transit *its* territory": the owned land frames it
    if hit.trigger.object_role == "theme" and hit.trigger.kind == "verb" and \
            token.lemma_.lower() not in lexicon.cue("firing_verbs"):  # "launched *strikes*"
        # "disbursed *funds*": goods that oppose only when seized are the thing given here
        return any(others[t.i].trigger.stance is Stance.OPPOSE and not others[t.i].seizable
                   and t.head.lower_ not in lexicon.cue("concession_preps")  # "despite sanctions"
                   and t.dep_ != "compound"  # "supplied *attack* drones": a kind of weapon
                   and not (t.dep_ == "xcomp" and t.head.i == token.i)  # "threatened *to launch*"
                   and not _in_purpose(t, token)  # "sent tanks *to help repel the invasion*"
                   and not _destination(t, token)  # "sent troops *to X's military exercises*"
                   for t in object_side(token) if t.i in others)
    return False


def _done_by_named(noun: Token, others: dict[int, Hit], resolver: Resolver) -> bool:
    """Whether an opposition noun is the object of a verb that names who does it and to whom
    ("criticised *Canada's decision to impose* sanctions *on Venezuela*"): a claim of its own
    under another's judgement, like a noun that names both itself."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.i in others or verb.pos_ != "VERB":
        return False
    # the doer named at the verb itself or as the owner of the noun it completes, never the
    # judge's subject the verb would inherit
    named = [c for c in verb.children if c.dep_ == "nsubj"] + [
        c for c in verb.head.children if verb.dep_ == "acl" and c.dep_ == "poss"]
    doers = {p.code for w in named for p in resolver.parties(w)}
    return bool(doers) and any(
        p.code not in doers for p in object_parties(verb, resolver, from_is_target=False,
                                                    object_is_target=False, opposing=True))


def _destination(word: Token, verb: Token) -> bool:
    """Whether ``word`` is where a verb with an object of its own sends it ("sent troops *to*
    Russia's exercises"): the place given to, not the thing given."""
    return word.dep_ == "pobj" and word.head.lower_ in ("to", "into") and \
        word.head.head.i == verb.i and any(c.dep_ == "dobj" for c in verb.children)


def gives_other_thing(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether a verb that falls back to force ("withdraw", "deploy", "join") has an object
    that is neither a theme nor a state: "withdrew two athletes", "joined the talks"."""
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "theme" and \
        hit.trigger.fallback in ARMS_LIKE and any(
            c.dep_ == "dobj" and not resolver.parties(c) for c in token.children)


def sends_words(hit: Hit, token: Token, lexicon: Lexicon) -> bool:
    """Whether what a giving verb gives is a request: "sent *a request* to close the straits to
    Russian warships" gives nothing, whatever the request names."""
    requests = lexicon.cue("request_nouns")
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "theme" and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in requests or c.lower_ in requests)
        for c in token.children)


def _withholds_theme(hit: Hit) -> bool:
    """A verb that withholds a thing ("halted", "suspended"): the action noun it withholds
    ("halted uranium *exports* to France") frames the claim itself."""
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "theme" and \
        hit.trigger.stance is Stance.REFUSE


def names_other_object(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether a verb's receiving object is there but names no state and no theme, or a noun's
    is a state named only by its relation ("its neighbour", "their allies").

    "defend the purchases", "sanctioned dozens of firms": the claim is not about a state.
    "backed the faux proxy states" stays: its object carries a theme (recognition).
    """
    if hit.trigger.object_role != "target":
        return False
    if hit.trigger.kind == "noun":
        # "solidarity with *its neighbour*": a state, but an unnamed one, not the default
        holders = [token, token.head] if token.dep_ == "dobj" else [token]
        return any(p.dep_ == "prep" and p.lower_ in ("with", "to", "for")
                   and o.lemma_.lower() in resolver.lexicon.cue("relational_nouns")
                   and not resolver.parties(o)
                   for h in holders for p in h.children for o in p.children if o.dep_ == "pobj")
    if hit.trigger.kind != "verb":
        return False
    themes = resolver.lexicon.themes
    return any(c.dep_ == "dobj" and not resolver.parties(c)
               and not any(t.lower_ in themes and t.pos_ != "PROPN" for t in c.subtree)
               for c in token.children)  # "the Syrian National *Army*": a name, no theme


def _says_what(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether a trigger finds its own dimension, not just its fallback: "pledged" alone does
    not, so the act it pledges ("pledged *to support* Mali") makes the claim; nor does "help"
    in "help *support* the rights of Palestinians"."""
    dimension, fallback, _ = dimension_of(hit, token, resolver)
    return dimension is not None and not fallback


def _charges_state(gerund: Token, resolver: Resolver) -> bool:
    """Whether a reason names a state as its doer ("accused *Iran* of supplying drones to
    Russia"): then the reason is that state's claim (the accuser's word, hedged by stance)."""
    charged = charged_object(gerund)
    return charged is not None and bool(resolver.parties(charged))


def _in_purpose(word: Token, verb: Token) -> bool:
    """Whether ``word`` sits in a to-infinitive purpose clause of ``verb``: "sent tanks *to
    help Ukraine repel the invasion*" names what the help is against, not what is sent."""
    current = word.head
    while current.i != verb.i and current.head.i != current.i:
        if current.pos_ == "VERB" and current.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return True
        current = current.head
    return False
