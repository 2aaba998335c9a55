"""Frames: one trigger in a parsed sentence -> claims (actor, target, dimension, stance).

For each trigger the steps are: check the part of speech; drop it when others ask for it or
it is hypothetical (:func:`~coalition.extract.stance.blocked`); settle the stance (negation,
refusal, failure) and certainty; find the dimension (fixed, else the nearest theme word, else
the trigger's fallback); find actor and target by the trigger's kind (:mod:`roles`); with no
target in the sentence, use the default target (the section's state or the article's centre).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from coalition.extract import stance as st
from coalition.extract.reframe import (
    ARMS_LIKE,
    also_dimensions,
    blocks_resolution,
    own_membership,
    reframe,
    resolution_beneficiary,
)
from coalition.extract.roles import (
    Party,
    Resolver,
    clause_subject_parties,
    governor,
    object_parties,
    object_side,
    source_parties,
    subject,
    thanked_roles,
)
from coalition.extract.sentence import Hit
from coalition.models import Dimension, Stance
from coalition.resolve import Lexicon

VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")
# "Turkish-backed Azerbaijan": sponsorship written as a compound adjective is military backing.
HYPHEN_DIMENSION = Dimension.MILITARY


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


def frames_for(hit: Hit, resolver: Resolver, others: dict[int, Hit],
               default_target: DefaultTarget) -> list[Frame]:
    """The claims one trigger carries (``others``: the other triggers by head token)."""
    doc, lexicon = resolver.sentence.doc, resolver.lexicon
    token = hit.head(doc)
    hyphen = _hyphen_actor(token, resolver)
    if hyphen is not None:
        return _hyphen_frames(hit, token, hyphen, resolver)
    if not _event(hit, token) or _companion(token, lexicon):
        return []
    governors = st.chain(token, lexicon)
    seized = _seized(hit, token, governors, lexicon)
    if st.blocked(token, governors, lexicon) or (_seizable(hit) and not seized):
        return []
    stance, refusing, shielded = _stance(hit, token, governors, lexicon, seized)
    dimension, fallback, theme = _dimension(hit, token, resolver)
    if fallback and _gives_other_thing(hit, token, resolver):
        return []  # "withdrew two athletes": the thing given is named, and it is no theme
    if theme is not None and any(c.lower_ in lexicon.cue("negation") for c in theme.children):
        stance = st.final_stance(hit.trigger.stance, True)  # "sent a mission but no troops"
    if stance is None or dimension is None:
        return []
    if _subordinate(hit, token, governors, others, lexicon):
        return []
    reread = reframe(token, resolver, dimension, stance, *_roles(hit, token, resolver))
    if reread is None:
        return []
    actors, targets, stance = reread
    if stance is Stance.REFUSE and hit.trigger.stance is Stance.REFUSE and \
            blocks_resolution(token, resolver):
        # "vetoed a resolution demanding a ceasefire in Gaza": only whom it presses counts
        pressed = resolution_beneficiary(token, resolver)
        if pressed is None:
            return []
        targets, stance, dimension, theme = [pressed], Stance.SUPPORT, Dimension.DIPLOMATIC, None
        default_target = _no_default  # its own war: "Russia vetoed a resolution on Ukraine"
    if not targets and _names_other_object(hit, token, resolver):
        return []  # "sanctioned dozens of firms": the object is there but is not a state
    if refusing is not None and refusing.pos_ == "VERB" and (hit.trigger.kind != "verb"
                                                             or shielded):
        actors = _subject_parties(refusing, resolver) or actors  # "Orban vetoed EU support"
    if not actors or not own_membership(token, actors, resolver):
        return []  # "block Kosovo's membership": only a member can give or freeze its own
    claim = Frame(actors[0], "", dimension, stance, st.hedged(token, governors, lexicon),
                  resolver.sentence.chars(token), 0.9 - 0.1 * fallback)
    if hit.trigger.term in lexicon.cue("named_target_only") or \
            hit.trigger.kind in ("goods", "territory"):
        # "warned that sanctions could follow": nobody warned; goods and land need a named
        # seller or user ("shot down drones over its territory" grants it to nobody)
        default_target = _no_default
    enemies = {p.code for p in clause_subject_parties(token, resolver, hostile=True)}
    if enemies and stance is not Stance.OPPOSE:
        # "vowed to respond after Iran launched drones": help never goes to the attacker
        default_target = _avoiding(default_target, enemies)
    frames = _pairs(claim, actors, targets, default_target)
    return frames + [replace(f, dimension=d) for d in also_dimensions(theme, dimension, resolver)
                     for f in frames]


def _event(hit: Hit, token: Token) -> bool:
    """Whether the trigger word is used as the event its kind needs."""
    wanted = VERB_TAGS if hit.trigger.kind == "verb" else NOUN_TAGS
    if token.pos_ not in wanted or (hit.trigger.kind == "verb" and token.dep_ == "amod"):
        return False  # "internationally *recognised* borders": a participle describes
    return not (hit.trigger.kind == "goods" and token.dep_ == "compound")  # "gas exports"


def _stance(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon, seized: bool
            ) -> tuple[Stance | None, Token | None, bool]:
    """The stance after negation and refusal, the refusing word, and whether it shields."""
    base = Stance.OPPOSE if seized else hit.trigger.stance
    refusing = st.refuser(token, governors, lexicon)
    if refusing is not None and seized and \
            refusing.lemma_.lower() in lexicon.cue("seizure_verbs"):
        # "froze Russian assets": the freezing is the opposition; only a refusal above it counts
        refusing = st.refuser(refusing, st.above(refusing, governors), lexicon)
    if refusing is not None and (
            st.negated(refusing, [], lexicon)
            or st.refuser(refusing, st.above(refusing, governors), lexicon)):
        # "has not ruled out sending troops", "refused to close the base to US aircraft":
        # a refusal that is itself withheld denies nobody
        return None, refusing, False
    negative = st.negated(token, governors, lexicon) or refusing is not None
    stance = st.final_stance(base, negative)
    if stance is None and st.shields(refusing, governors, base, lexicon):
        return Stance.SUPPORT, refusing, True  # "vetoed sanctions against Russia" shields Russia
    if stance is Stance.OPPOSE and st.complies(token, governors, lexicon):
        return Stance.REFUSE, refusing, False  # "complied with sanctions": ties withheld
    return stance, refusing, False


def _companion(verb: Token, lexicon: Lexicon) -> bool:
    """ "joined the United States *in voting* against": the joined are companions in the act
    the gerund names (a claim of its own if it is a trigger), not the ones helped."""
    return verb.lemma_.lower() in lexicon.cue("companion_verbs") and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children)


def _seizable(hit: Hit) -> bool:
    """Goods whose trigger opposes their owner ("assets"): only a seizure verb makes a claim."""
    return hit.trigger.kind == "goods" and hit.trigger.stance is Stance.OPPOSE


def _seized(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Goods under a seizure verb ("seized Iranian oil", "froze Russian assets"): an economic
    opposition of their owner, whatever buying them would be."""
    verb = st.governing_verb(token, governors)
    return hit.trigger.kind == "goods" and verb is not None and \
        verb.lemma_.lower() in lexicon.cue("seizure_verbs")


def _avoiding(default_target: DefaultTarget, enemies: set[str]) -> DefaultTarget:
    def chosen(actor: str, stance: Stance) -> str | None:
        target = default_target(actor, stance)
        return None if target in enemies else target
    return chosen


def _no_default(actor: str, stance: Stance) -> str | None:
    return None


def _pairs(claim: Frame, actors: list[Party], targets: list[Party],
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
        if default and not actor.linked:
            fallback_target = default_target(actor.code, claim.stance)
            chosen = [fallback_target] if fallback_target else []
        for target in chosen:
            confidence = claim.confidence - 0.15 * actor.carried - 0.2 * default
            frames.append(replace(claim, actor=actor, target=target,
                                  hedged=claim.hedged or actor.linked,
                                  confidence=max(confidence, 0.3), named_target=not default))
    return frames


def _dimension(hit: Hit, token: Token, resolver: Resolver
               ) -> tuple[Dimension | None, bool, Token | None]:
    """The trigger's dimension, whether it is only the fallback, and the theme word used."""
    if hit.trigger.dimension is not None:
        return hit.trigger.dimension, False, None
    themes = resolver.lexicon.themes
    best: tuple[int, Dimension, Token] | None = None
    for word in object_side(token):
        if (_generic(hit) or (word.dep_ == "dobj" and _equips(token))) and \
                resolver.party(word) is not None:
            continue  # "allowed *Russian troops* to", "provided *its army* with": receivers
        if _in_name(word, resolver):
            continue  # "the UN *Security* Council": part of a name, not the thing given
        pair = f"{word.lower_} {word.nbor().lower_}" if word.i + 1 < len(word.doc) else ""
        dimension = themes.get(pair) or themes.get(word.lower_) or themes.get(word.lemma_.lower())
        if dimension and (best is None or abs(word.i - token.i) < best[0]):
            best = (abs(word.i - token.i), dimension, word)
    if best:
        return best[1], False, best[2]
    if _generic(hit) and any(c.dep_ == "advcl" and c.lemma_.lower() in
                             resolver.lexicon.cue("attack_verbs") for c in token.children):
        return Dimension.SECURITY, False, None  # "failed to help X when forces attacked"
    return hit.trigger.fallback, hit.trigger.fallback is not None, None


def _in_name(word: Token, resolver: Resolver) -> bool:
    mention = resolver.sentence.mention_at(word.i)
    return mention is not None and mention.end - mention.start > 1


def _subordinate(hit: Hit, token: Token, governors: list[Token], others: dict[int, Hit],
                 lexicon: Lexicon) -> bool:
    """Whether another trigger in the sentence already frames this one.

    "sent shells *to help* Russia", "would never send troops *to fight*": a purpose clause
    under a trigger adds nothing (and must not escape its negation). "refused to *join*
    sanctions": a verb whose object is an opposition noun is framed by that noun.
    """
    if token.dep_ in ("xcomp", "advcl") and token.head.i in others:
        return True
    for word in [token, *token.ancestors]:
        prep = word.head
        if word.dep_ == "pcomp" and prep.lower_ in ("for", "over", "of", "against") and \
                prep.head.pos_ == "VERB":
            return True  # "sanctioned Iran *for supplying* drones": the reason, not a claim
        if word.dep_ == "pobj" and prep.lower_ in ("for", "over") and prep.head.i in others \
                and others[prep.head.i].trigger.stance is Stance.OPPOSE:
            return True  # "sanctioned three firms *over the arms sales*": the reason too
    if _generic(hit) and any(g.i in others and not _withholds_theme(others[g.i])
                             for g in governors):
        return True
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("to", "for") and any(
            c.dep_ == "dobj" and c.i in others and others[c.i].trigger.kind == "territory"
            for c in prep.head.children):
        return True  # "closed its airspace *to arms deliveries*": the land frames the claim
    if hit.trigger.kind == "noun" and hit.trigger.stance is Stance.OPPOSE and any(
            g.i in others and others[g.i].trigger.stance is Stance.OPPOSE for g in governors):
        return True  # "condemned the sanctions": someone else's opposition, not the actor's
    if _generic(hit) and any(t.i in others and others[t.i].trigger.kind == "territory"
                             and any(c.dep_ == "poss" for c in t.children)
                             for t in object_side(token)):
        return True  # "allowed weapons to transit *its* territory": the owned land frames it
    if hit.trigger.object_role == "theme" and hit.trigger.kind == "verb":
        # "disbursed *funds*": goods that oppose only when seized are the thing given here
        return any(others[t.i].trigger.stance is Stance.OPPOSE and not _seizable(others[t.i])
                   and t.head.lower_ not in lexicon.cue("concession_preps")  # "despite sanctions"
                   for t in object_side(token) if t.i in others)
    return False


def _gives_other_thing(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether a verb that falls back to force ("withdraw", "deploy", "join") has an object
    that is neither a theme nor a state: "withdrew two athletes", "joined the talks"."""
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "theme" and \
        hit.trigger.fallback in ARMS_LIKE and any(
            c.dep_ == "dobj" and not resolver.parties(c) for c in token.children)


def _withholds_theme(hit: Hit) -> bool:
    """A verb that withholds a thing ("halted", "suspended"): the action noun it withholds
    ("halted uranium *exports* to France") frames the claim itself."""
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "theme" and \
        hit.trigger.stance is Stance.REFUSE


def _names_other_object(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether a verb's receiving object is there but names no state and no theme.

    "defend the purchases", "sanctioned dozens of firms": the claim is not about a state.
    "backed the faux proxy states" stays: its object carries a theme (recognition).
    """
    if hit.trigger.kind != "verb" or hit.trigger.object_role != "target":
        return False
    themes = resolver.lexicon.themes
    return any(c.dep_ == "dobj" and not resolver.parties(c)
               and not any(t.lower_ in themes and t.pos_ != "PROPN" for t in c.subtree)
               for c in token.children)  # "the Syrian National *Army*": a name, no theme


def _generic(hit: Hit) -> bool:
    """A trigger that only says "help" ("support", "back", "allow") without saying how."""
    return hit.trigger.dimension is None and hit.trigger.object_role == "target"


def _roles(hit: Hit, token: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    kind = hit.trigger.kind
    if kind == "verb":
        return _verb_roles(hit, token, resolver)
    if kind == "noun":
        return _noun_roles(token, resolver, generic=_generic(hit),
                           opposing=hit.trigger.stance is Stance.OPPOSE)
    if kind == "goods":
        return _goods_roles(token, resolver, held=_seizable(hit))
    if kind == "agent":
        return _agent_roles(token, resolver)
    return _territory_roles(token, resolver)


def _verb_roles(hit: Hit, verb: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    doer, passive = subject(verb)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive and patient is not None:
        suppliers = _supplied_with(verb, resolver)
        if suppliers:  # "Russian forces were supplied with *Iranian* drones"
            return suppliers, resolver.parties(patient)
    actors = resolver.parties(doer, adjective_only=passive) if doer is not None else []
    targets: list[Party] = []
    if patient is not None and any(c.dep_ == "agent" for c in verb.children):
        # "Azerbaijan's offensive was backed by Turkey": the owner of the thing backed
        targets = resolver.parties(patient) or [
            p for c in patient.children if c.dep_ == "poss" for p in resolver.parties(c)]
    shares = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and not st.has_subject(c) and not any(d.dep_ == "dobj" for d in verb.children)]
    for shared in [verb, *shares]:
        # "armed and funded Hezbollah": conjoined verbs share the object
        targets = targets or object_parties(
            shared, resolver, from_is_target=hit.trigger.stance is Stance.REFUSE,
            object_is_target=hit.trigger.object_role == "target" or _equips(shared),
            opposing=hit.trigger.stance is Stance.OPPOSE)
    return actors, targets or clause_subject_parties(verb, resolver)


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


def _equips(verb: Token) -> bool:
    """ "provided *the Sudanese army* with drones": with the thing given in a "with" phrase,
    the direct object is the receiver."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and
               any(g.dep_ == "pobj" for g in c.children) for c in verb.children) and \
        any(c.dep_ == "dobj" for c in verb.children)


def _noun_roles(noun: Token, resolver: Resolver, *, generic: bool, opposing: bool
                ) -> tuple[list[Party], list[Party]]:
    """Actions: "assistance *from the CCP*", "*China's* support", "provided military aid"."""
    thanked = thanked_roles(noun, resolver)
    if thanked is not None:
        return thanked
    verb = governor(noun)
    source = source_parties(noun, resolver)
    if source:
        return source, _subject_parties(verb, resolver)
    targets = object_parties(noun, resolver, from_is_target=False, object_is_target=True,
                             opposing=opposing)
    if not targets and verb is not None:  # "ended its deliveries of fuel *to Ukraine*"
        targets = object_parties(verb, resolver, from_is_target=False, object_is_target=False,
                                 opposing=opposing)
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and \
                not (child.dep_ != "poss" and _is_theme(child, resolver)):
            owner = resolver.parties(child)
            named = resolver.sentence.mention_at(child.i)
            if owner and (not generic or not (named and named.carrier) or targets
                          or _modified(noun, resolver)):
                if _receiving(verb, resolver):  # "Israel receives US military aid"
                    return owner, _subject_parties(verb, resolver)
                return owner, targets
            if named is not None:
                return [], []  # "their support": anaphora to claims already made
    return _subject_parties(verb, resolver), targets


def _goods_roles(noun: Token, resolver: Resolver, *, held: bool
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
    if _receiving(verb, resolver):
        return sellers, _subject_parties(verb, resolver)
    return _subject_parties(verb, resolver), sellers


def _receiving(verb: Token | None, resolver: Resolver) -> bool:
    return verb is not None and verb.lemma_.lower() in resolver.lexicon.cue("dependence_verbs")


def _is_theme(token: Token, resolver: Resolver) -> bool:
    return token.lower_ in resolver.lexicon.themes


def _modified(noun: Token, resolver: Resolver) -> bool:
    """Whether a noun trigger has a theme word of its own ("their *military* support")."""
    themes = resolver.lexicon.themes
    return any(c.lower_ in themes for c in noun.children if c.dep_ in ("amod", "compound"))


def _agent_roles(noun: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    """People nouns: "Iran has been one of the biggest supporters of ... to Russia"."""
    if noun.dep_ == "appos":
        actors = resolver.parties(noun.head)
    else:
        actors = _subject_parties(governor(noun), resolver)
    targets = [p for c in noun.children if c.dep_ == "poss" for p in resolver.parties(c)]
    targets = targets or object_parties(noun, resolver, from_is_target=False,
                                        object_is_target=True)
    return actors, targets


def _territory_roles(noun: Token, resolver: Resolver) -> tuple[list[Party], list[Party]]:
    """Land and bases: the owner gives, whoever uses them (or is barred from them) receives.

    Users are looked for in a "for/to X" phrase, then the object of the verb ("barred
    *Israeli aircraft* from their airspace"), then its subject ("the Kremlin to *use*").
    """
    verb = governor(noun)
    owners = [p for c in noun.children if c.dep_ in ("poss", "amod")
              for p in resolver.parties(c)]
    if not owners and verb is not None:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            owners = [p for c in obj.children if c.dep_ == "poss" for p in resolver.parties(c)]
    users = object_parties(noun, resolver, from_is_target=False, object_is_target=True,
                           preps_only=True)
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
        granters = _subject_parties(verb, resolver)  # "denied overflight rights to X"
        if _unowned(users, granters):
            owners = granters
    return owners, _unowned(users, owners)


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


def _subject_parties(verb: Token | None, resolver: Resolver) -> list[Party]:
    if verb is None:
        return []
    doer, passive = subject(verb)
    return resolver.parties(doer, adjective_only=passive) if doer is not None else []


def _hyphen_actor(token: Token, resolver: Resolver) -> Party | None:
    """The sponsor in "Turkish-backed": a name joined to the trigger by a hyphen."""
    if token.i < 2 or token.nbor(-1).text not in ("-", "–"):
        return None
    mention = resolver.sentence.mention_at(token.i - 2)
    if mention is None or mention.carrier:
        return None
    return Party(mention.code, mention.char_start, mention.char_end)


def _hyphen_frames(hit: Hit, token: Token, actor: Party, resolver: Resolver) -> list[Frame]:
    if hit.trigger.stance is not Stance.SUPPORT:
        return []
    backed = token.head if token.head.i != token.i else token
    while backed.dep_ in ("amod", "compound") and backed.head.i != backed.i:
        backed = backed.head
    dimension = hit.trigger.dimension or HYPHEN_DIMENSION
    return [Frame(actor, target.code, dimension, Stance.SUPPORT, False,
                  resolver.sentence.chars(token), 0.7)
            for target in resolver.parties(backed) if target.code != actor.code]
