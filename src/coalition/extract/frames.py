"""Frames: one trigger in a parsed sentence -> claims (actor, target, dimension, stance).

Each trigger goes through named steps, each in its own module:

1. *event*: the trigger word is used as the event its kind needs (here);
2. *polarity* (:mod:`polarity`, :mod:`stance`): drop it when others ask for it or it is
   hypothetical; settle the stance (negation, refusal, failure) and certainty;
3. *dimension* (:mod:`dimension`): fixed, else the nearest theme word, else the fallback;
4. *subordinate* (:mod:`subordinate`): no claim when another trigger already frames it;
5. *roles* (:mod:`roles`, :mod:`reframe`): actor and target by the trigger's kind, then the
   word-specific re-readings;
6. *pairing* (:mod:`pairing`): one claim per actor and target; with no target in the
   sentence, the default target (the section's state or the article's centre).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from coalition.extract import stance as st
from coalition.extract.dimension import alliance_duty, body_dimension, dimension_of
from coalition.extract.hyphen import hyphen_actor, hyphen_frames
from coalition.extract.invitation import invited_frames, invites_to_join
from coalition.extract.noun_roles import own_act
from coalition.extract.pairing import DefaultTarget, Frame, avoiding, no_default, pairs
from coalition.extract.parties import Party, Resolver
from coalition.extract.polarity import ousts, stance_of, under_seizure
from coalition.extract.reframe import (
    ARMS_LIKE,
    also_dimensions,
    blocks_resolution,
    own_membership,
    reframe,
    resolution_beneficiary,
)
from coalition.extract.roles import roles_for
from coalition.extract.sentence import Hit
from coalition.extract.subordinate import (
    companion,
    gives_other_thing,
    names_other_object,
    sends_words,
    subordinate,
)
from coalition.extract.switching import contested_ties, switched_frames
from coalition.extract.targets import clause_subject_parties, subject_parties
from coalition.extract.tree import accompanied, charged_object, subject
from coalition.models import Dimension, Stance
from coalition.resolve import Lexicon

VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")


@dataclass(slots=True)
class _Reading:
    """What the steps have settled about one trigger so far."""

    token: Token
    governors: list[Token]
    stance: Stance
    refusing: Token | None
    shielded: bool
    dimension: Dimension
    fallback: bool
    theme: Token | None
    default_target: DefaultTarget
    actors: list[Party]
    targets: list[Party]


def frames_for(hit: Hit, resolver: Resolver, others: dict[int, Hit],
               default_target: DefaultTarget) -> list[Frame]:
    """The claims one trigger carries (``others``: the other triggers by head token)."""
    doc = resolver.sentence.doc
    token = hit.head(doc)
    if idle(hit, token, resolver.lexicon):
        return []
    # "struck a *deal*": the verb frames nothing, the deal is a claim of its own; "*with
    # support from X*, jets struck": help that goes with an act is framed by none
    others = {} if accompanied(token) is not None else {
        i: h for i, h in others.items() if not idle(h, doc[i], resolver.lexicon)}
    hyphen = hyphen_actor(token, resolver)
    if hyphen is not None:
        return hyphen_frames(hit, token, hyphen, resolver)
    switched = switched_frames(hit, token, resolver)
    if switched is None:
        switched = [] if invites_to_join(hit, token, resolver) else \
            invited_frames(hit, token, resolver)
    if switched is not None:
        return switched
    reading = _read(hit, token, resolver, others, default_target)
    if reading is None or not _cast(hit, reading, resolver):
        return []
    lexicon = resolver.lexicon
    claim = Frame(reading.actors[0], "", reading.dimension, reading.stance,
                  st.hedged(token, reading.governors, lexicon),
                  resolver.sentence.chars(token), 0.9 - 0.1 * reading.fallback)
    frames = [alliance_duty(f, lexicon) for f in _attributed(
        pairs(claim, reading.actors, reading.targets, _default(hit, reading, resolver)),
        reading, resolver)]
    theme = reading.theme
    words = [*doc[hit.start:hit.end], *([theme, theme.head] if theme is not None else []),
             *(c for c in token.children if c.dep_ == "dobj")]
    return frames + [replace(f, dimension=d)
                     for d in also_dimensions(reading.theme, reading.dimension, resolver)
                     for f in frames] + contested_ties(frames, words, resolver)


def idle(hit: Hit, token: Token, lexicon: Lexicon) -> bool:
    """An opposition verb that is also a signing verb, used for something that is no act against
    anyone: "struck a *deal*", "struck a conciliatory *tone*" (`struck_objects`)."""
    return hit.trigger.kind == "verb" and hit.trigger.stance is Stance.OPPOSE and \
        token.lemma_.lower() in lexicon.cue("signing_verbs") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon.cue("struck_objects")
            for c in token.children)


def _attributed(frames: list[Frame], reading: _Reading, resolver: Resolver) -> list[Frame]:
    """A claim reported by another state ("the Pentagon said North Korea had sent troops")
    rests on that state's word: hedged (:func:`~coalition.extract.stance.reporter`)."""
    speaker = st.reporter(reading.governors, resolver.lexicon)
    voices = {p.code for p in resolver.parties(speaker)} if speaker is not None else set()
    return [replace(f, hedged=True) if voices and f.actor.code not in voices else f
            for f in frames]


def _read(hit: Hit, token: Token, resolver: Resolver, others: dict[int, Hit],
          default_target: DefaultTarget) -> _Reading | None:
    """Steps 1-4: event, polarity, dimension, subordination; ``None`` for no claim."""
    lexicon = resolver.lexicon
    if not _event(hit, token) or companion(token, lexicon) or sends_words(hit, token, lexicon):
        return None
    governors = st.chain(token, lexicon)
    seized = under_seizure(hit, token, governors, lexicon)
    if st.blocked(token, governors, lexicon):
        if not _background_act(hit, token, resolver):
            return None
        governors = []  # the act stands on its own: "following" it complies with nothing
    if hit.seizable and not seized:
        return None
    stance, refusing, shielded = stance_of(hit, token, governors, lexicon, seized)
    dimension, fallback, theme = dimension_of(hit, token, resolver)
    if dimension is None and stance is Stance.REFUSE and ousts(token, resolver):
        dimension, stance = Dimension.DIPLOMATIC, Stance.OPPOSE  # "ECOWAS suspended Mali"
    if dimension is not None:  # "joined NATO": security; "joined BRICS": diplomatic
        dimension = body_dimension(hit, token, dimension, resolver)
    if fallback and gives_other_thing(hit, token, resolver):
        return None  # "withdrew two athletes": the thing given is named, and it is no theme
    if theme is not None and any(c.lower_ in lexicon.cue("negation") for c in theme.children):
        stance = st.final_stance(hit.trigger.stance, True)  # "sent a mission but no troops"
    if stance is None or dimension is None:
        return None
    if subordinate(hit, token, governors, others, resolver):
        return None
    if hit.generic and any(c.dep_ == "xcomp" and c.i in others for c in token.children):
        default_target = no_default  # "help *support* the rights of X": the complement aims
    return _Reading(token, governors, stance, refusing, shielded, dimension, fallback, theme,
                    default_target, [], [])


def _background_act(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """An opposing act named with its doer and its victim in a phrase of time or concession
    ("sought NATO protection *following Russia's aggression in Ukraine*", "*after Iran's
    strikes on Israel*"): background to the clause, but itself asserted, unless the clause
    it hangs on is asked for or hypothetical."""
    lexicon = resolver.lexicon
    prep = token.head
    if hit.trigger.kind != "noun" or hit.trigger.stance is not Stance.OPPOSE or \
            token.dep_ != "pobj" or prep.lower_ not in lexicon.cue("concession_preps"):
        return False
    above = prep.head
    return not st.blocked(above, st.chain(above, lexicon), lexicon) and own_act(token, resolver)


def _cast(hit: Hit, reading: _Reading, resolver: Resolver) -> bool:
    """Step 5: actors and targets, re-read by the word; False for no claim."""
    token = reading.token
    reread = reframe(token, resolver, reading.dimension, reading.stance,
                     *roles_for(hit, token, resolver))
    if reread is None:
        return False
    reading.actors, reading.targets, reading.stance = reread
    if reading.stance is Stance.REFUSE and hit.trigger.stance is Stance.REFUSE and \
            blocks_resolution(token, resolver):
        # "vetoed a resolution demanding a ceasefire in Gaza": only whom it presses counts
        pressed = resolution_beneficiary(token, resolver)
        if pressed is None:
            return False
        reading.targets, reading.stance = [pressed], Stance.SUPPORT
        reading.dimension, reading.theme = Dimension.DIPLOMATIC, None
        reading.default_target = no_default  # its own war: "Russia vetoed a resolution on X"
    if not reading.targets and names_other_object(hit, token, resolver):
        return False  # "sanctioned dozens of firms": the object is there but is not a state
    refusing = reading.refusing
    if refusing is not None and refusing.pos_ == "VERB" and (hit.trigger.kind != "verb"
                                                             or reading.shielded):
        # "Orban vetoed EU support"; a refuser that is no state makes no claim of another's
        # act ("the resolution, intended to stop *Putin's* intervention": Putin refuses nothing)
        refusers = subject_parties(refusing, resolver)
        doer, passive = subject(refusing)
        if not refusers and doer is not None and not passive and resolver.party(doer) is None:
            return False
        reading.actors = refusers or reading.actors
    # "block Kosovo's membership": only a member can give or freeze its own
    return bool(reading.actors) and own_membership(token, reading.actors, resolver)


def _default(hit: Hit, reading: _Reading, resolver: Resolver) -> DefaultTarget:
    """Step 6's fallback: the default target, unless the trigger needs a named one."""
    if hit.trigger.term in resolver.lexicon.cue("named_target_only") or \
            hit.trigger.kind in ("goods", "territory") or \
            charged_object(reading.token) is not None or (
                hit.trigger.fallback is Dimension.TROOPS and reading.dimension is Dimension.ARMS):
        # "warned that sanctions could follow": nobody warned; goods and land need a named
        # seller or user ("shot down drones over its territory" grants it to nobody); a charge
        # names its own target ("criticised X for recruiting fighters" helps nobody named);
        # deploying arms is placing one's own ("deployed cruise missiles"), unless to a named
        # state
        return no_default
    enemies = {p.code for p in clause_subject_parties(reading.token, resolver, hostile=True)}
    if enemies and reading.stance is not Stance.OPPOSE:
        # "vowed to respond after Iran launched drones": help never goes to the attacker
        return avoiding(reading.default_target, enemies)
    return reading.default_target


def _event(hit: Hit, token: Token) -> bool:
    """Whether the trigger word is used as the event its kind needs."""
    wanted = VERB_TAGS if hit.trigger.kind == "verb" else NOUN_TAGS
    if token.pos_ not in wanted or (hit.trigger.kind == "verb" and token.dep_ == "amod"):
        return False  # "internationally *recognised* borders": a participle describes
    if token.dep_ != "compound":
        return True
    # "gas exports" are goods, not a trade; "*attack* drones" are weapons, not an attack
    return not (hit.trigger.kind == "goods" or (
        hit.trigger.stance is Stance.OPPOSE and hit.trigger.dimension in ARMS_LIKE))
