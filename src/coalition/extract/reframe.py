"""Word-specific re-readings of who acts and who receives, after the general roles.

Some words turn the roles of :mod:`roles` around, each keyed on a cue list in ``cues.yaml``:
the seller of arms supports the buyer ("bought drones *from Israel*"; `purchase_verbs`), a
fought object is the enemy ("fought the Houthis"; `enemy_object_verbs`), a pact binds each
party to the other (`reciprocal_nouns`), only a member gives or freezes its own membership
(`membership_nouns`), conjoined theme adjectives add dimensions ("political and military
support"), and blocking a UN resolution about a conflict's places shields the party its
resolutions press (`resolution_nouns`, ``conflicts.yaml: resolution_target``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from coalition.extract.aims import aimed_roles
from coalition.extract.noun_roles import act_doers
from coalition.extract.parties import Party, Resolver
from coalition.extract.targets import relied_on, source_parties
from coalition.extract.tree import governor, object_side
from coalition.models import Dimension, Stance
from coalition.resolve import mentioned
from coalition.resolve.gazetteer import GROUP

# Dimensions in which a purchase is the seller's support of the buyer, not the reverse.
ARMS_LIKE = frozenset({Dimension.ARMS, Dimension.MILITARY, Dimension.TROOPS})


def reframe(token: Token, resolver: Resolver, dimension: Dimension, stance: Stance,
            actors: list[Party], targets: list[Party]
            ) -> tuple[list[Party], list[Party], Stance] | None:
    """Actors, targets and stance after the word-specific rules; ``None`` for no claim."""
    lemma = token.lemma_.lower()
    if _others_event(token, resolver):
        return None  # "discussed the strikes": nobody's strike here
    enemies = _enemies(token, resolver)
    if enemies is not None:  # "fought the Houthis": the object is the enemy, not the one helped
        if stance is not Stance.SUPPORT or not enemies:
            return None
        targets, stance = enemies, Stance.OPPOSE
    if token.pos_ == "VERB" and lemma in resolver.lexicon.cue("purchase_verbs"):
        actors, targets = _purchase_roles(token, resolver, dimension, actors, targets)
    elif token.pos_ == "VERB" and lemma in resolver.lexicon.cue("dependence_verbs"):
        # "Russia, which received *Iranian* drones": the supplier gives, the receiver receives
        sellers = _sellers(token, resolver)
        if not (sellers and actors) or _hosted(token, resolver):
            return None  # "received refugees from Moldova": people who fled, not a gift
        actors, targets = sellers, actors
    if _convened(token, resolver, actors, targets):
        return None  # "talks with Serbia and Kosovo": hosting or mediating, no side taken
    aimed = aimed_roles(token, resolver, stance, actors, targets)
    if aimed is None:
        return None
    actors, targets, stance = aimed
    reciprocal = resolver.lexicon.cue("reciprocal_nouns")
    mutual = resolver.lexicon.cue("mutual_objects")
    # "X and Y upgraded *their* ties": the pronoun is the actors' own; ties cut by several
    # ("A, B and C severed relations with Q") are cut together, not with each other
    own = all(t.carried and t.code in {a.code for a in actors} for t in targets)
    if own and len(actors) > 1 and (
            lemma in reciprocal or token.lower_ in reciprocal or (stance is Stance.SUPPORT and any(
                c.dep_ == "dobj" and c.lower_ in mutual for c in token.children))):
        targets = actors  # "Pyongyang and Moscow signed a defence pact": each binds the other
    return actors, targets, stance


def _others_event(noun: Token, resolver: Resolver) -> bool:
    """An armed event noun (`event_heads`) that names no doer of its own and hangs on a verb
    that does not do it (`event_doing_verbs`): "Qatar *discussed* the strikes on Iran" is no
    strike by Qatar; "Qatar *launched* strikes", "*Israeli* strikes", "*Iran's* attack" are."""
    lexicon = resolver.lexicon
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in lexicon.cue("event_heads"):
        return False
    verb = governor(noun)
    if verb is None or verb.lemma_.lower() in lexicon.cue("event_doing_verbs"):
        return False
    return not act_doers(noun, resolver)


def _convened(token: Token, resolver: Resolver, actors: list[Party],
              targets: list[Party]) -> bool:
    """Talks or a meeting of one side with two or more other states (`convened_nouns`): the
    annotators read that as hosting or mediating, which takes no side ("a meeting with Kosovo's
    and Serbia's leaders", "in talks with Iran and Turkey on supplies"); talks *between* the
    parties themselves ("Iran and Saudi Arabia held talks") stay each side's act."""
    nouns = resolver.lexicon.cue("convened_nouns")
    if token.lower_ not in nouns and token.lemma_.lower() not in nouns:
        return False
    own = {a.code for a in actors}
    return len({t.code for t in targets if t.code not in own}) > 1


def own_membership(noun: Token, actors: list[Party], resolver: Resolver) -> bool:
    """False for a membership noun whose possessor ("*its* participation") is no actor."""
    if noun.lemma_.lower() not in resolver.lexicon.cue("membership_nouns"):
        return True
    codes = {a.code for a in actors}
    return any(p.code in codes for c in noun.children if c.dep_ == "poss"
               for p in resolver.parties(c))


def _enemies(verb: Token, resolver: Resolver) -> list[Party] | None:
    """The parties a fought direct object names ("fought the Houthis"); ``None`` without one."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or verb.lemma_.lower() not in resolver.lexicon.cue("enemy_object_verbs"):
        return None
    return [p for c in objects for p in resolver.parties(c)]


def _purchase_roles(verb: Token, resolver: Resolver, dimension: Dimension,
                    buyers: list[Party], targets: list[Party]
                    ) -> tuple[list[Party], list[Party]]:
    """Buying: the seller ("from Israel", "*Russian* energy") arms the buyer of weapons; the
    buyer of anything else supports the seller economically."""
    sellers = _sellers(verb, resolver)
    if dimension in ARMS_LIKE:
        return (sellers, buyers) if sellers and buyers else ([], [])
    return buyers, sellers or targets


def _sellers(verb: Token, resolver: Resolver) -> list[Party]:
    """Where the object of a buying or receiving verb comes from: "from Israel", "*Russian*
    energy", "hundreds of *Iranian* drones", "$3.8 billion in *US* aid", "turned *to Pyongyang*
    for shells"."""
    quantities = resolver.lexicon.cue("quantity_nouns")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in (verb, *objects)
                for prep in c.children if prep.dep_ == "prep" and (
                    prep.lower_ == "in" or (prep.lower_ == "of"
                                            and c.lemma_.lower() in quantities))
                for o in prep.children if o.dep_ == "pobj"]
    return source_parties(verb, resolver) or relied_on(verb, resolver) or [
        p for c in objects for p in source_parties(c, resolver)] or [
        p for c in objects for a in c.children if a.dep_ in ("amod", "compound", "nmod")
        for p in [resolver.party(a, bare_adjective=True)] if p]


def _hosted(verb: Token, resolver: Resolver) -> bool:
    hosted = resolver.lexicon.cue("hosted_people")
    return any(w.lemma_.lower() in hosted or w.lower_ in hosted for w in object_side(verb))


def also_dimensions(theme: Token | None, dimension: Dimension, resolver: Resolver
                    ) -> list[Dimension]:
    """Further dimensions of theme words conjoined with the one used: "*political and military*
    support" is diplomatic and military support, "sent *food and weapons*" humanitarian and
    arms support."""
    if theme is None:
        return []
    themes = resolver.lexicon.themes
    first = theme
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ in ("amod", "compound"):
        words = [c for c in (first, *first.conjuncts) if c.i != theme.i]
        # "supplied it with *air defence systems and oil*": the things given, conjoined
        thing = first.head
        while thing.dep_ in ("amod", "compound"):
            thing = thing.head
        if thing.pos_ == "NOUN" and thing.dep_ in ("dobj", "pobj"):
            words += thing.conjuncts
    else:
        words = [c for c in first.conjuncts if c.i != theme.i] if first.pos_ == "NOUN" else []
    found = [themes.get(c.lower_) or themes.get(c.lemma_.lower()) for c in words]
    return sorted({d for d in found if d is not None and d is not dimension}, key=str)


def resolution_beneficiary(verb: Token, resolver: Resolver) -> Party | None:
    """The party a blocked resolution presses: "vetoed a resolution demanding a ceasefire *in
    Gaza*" shields Israel.

    That is the ``resolution_target`` of the one conflict whose ``resolution_cues`` the
    resolution names, provided the words after it name no other party ("demanding *Hamas*
    release the hostages") except as a place ("in *Gaza*"); a body named before it ("a *UN*
    resolution") is its forum, but a state there is its sponsor, and then nothing is inferred.
    """
    resolution = _resolution(verb, resolver)
    if resolution is None:
        return None
    # "vetoed a resolution on weapons *in Syria*": the place may hang on the verb
    words = sorted(object_side(verb), key=lambda t: t.i)
    text = " ".join(t.lower_ for t in words)
    pressed = {c.resolution_target for c in resolver.conflicts
               if c.resolution_target and mentioned(c.resolution_cues, text)}
    if _sponsored(resolution, resolver):
        return None  # "a *US* draft": whom it presses depends on who wrote it
    places = {cue for c in resolver.conflicts for cue in c.resolution_cues}
    named = {m.code for t in words if t.i > resolution.i and t.lower_ not in places
             for m in [resolver.sentence.mention_at(t.i)] if m and m.code and not m.carrier}
    if len(pressed) != 1 or named - pressed:
        return None
    code = pressed.pop()
    assert code is not None
    return Party(code, *resolver.sentence.chars(resolution))


def _sponsored(resolution: Token, resolver: Resolver) -> bool:
    """Whether a state (not a body such as the UN) is named before the resolution noun."""
    return any(m is not None and m.code and not m.carrier and m.kind != GROUP
               for t in resolution.subtree if t.i < resolution.i
               for m in [resolver.sentence.mention_at(t.i)])


def blocks_resolution(verb: Token, resolver: Resolver) -> bool:
    """Whether what ``verb`` blocks is a resolution ("vetoed *a draft*")."""
    return _resolution(verb, resolver) is not None


def _resolution(verb: Token, resolver: Resolver) -> Token | None:
    nouns = resolver.lexicon.cue("resolution_nouns")
    return next((t for t in _blocked(verb) if t.lemma_.lower() in nouns), None)


def _blocked(verb: Token) -> Iterator[Token]:
    """What a blocking verb blocks: its object ("vetoed *a resolution*"), or the object of its
    "against" ("voted against *a resolution*")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            yield child
        if child.dep_ == "prep" and child.lower_ == "against":
            yield from (c for c in child.children if c.dep_ == "pobj")
