"""The stance of a trigger after negation, refusal and failure above it, and seizure of
goods."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from coalition.extract import stance as st
from coalition.extract.parties import Resolver
from coalition.extract.sentence import Hit
from coalition.models import Dimension, Stance
from coalition.resolve import Lexicon, Trigger


def stance_of(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon, seized: bool
            ) -> tuple[Stance | None, Token | None, bool]:
    """The stance after negation and refusal, the refusing word, and whether it shields.

    A visit or meeting (`refused_only`) is a claim only when refused or called off; a request
    (`desist_requests`) only when it asks its addressee to desist ("urged X to stop")."""
    term = hit.trigger.term
    if term in lexicon.cue("desist_requests") and not _desisting(token, lexicon):
        return None, None, False
    if token.lemma_.lower() in lexicon.cue("act_refusing_verbs"):
        act = aimed_act(token, lexicon)
        if act is not None:  # "opposes military *aid* to X"; "opposes *sanctions*": none
            return (Stance.REFUSE if act is Stance.SUPPORT else None), token, False
    stance, refusing, shielded = _stance(hit, token, governors, lexicon, seized)
    if stance is Stance.SUPPORT and _to_border(token, lexicon):
        return Stance.OPPOSE, refusing, False  # "deployed troops to its border with X"
    if term in lexicon.cue("refused_only") and not (stance is Stance.REFUSE and (
            refusing is None or refusing.lemma_.lower() in lexicon.cue("cancelling_verbs"))):
        return None, refusing, False  # "ended a two-day visit" completes it
    return stance, refusing, shielded


def _to_border(verb: Token, lexicon: Lexicon) -> bool:
    """Forces moved to a border (`force_moving_verbs`, `border_words`) with no purpose clause:
    a show of force against the state beyond it; "sent troops to the border *to fight the
    rebels*" says what they are for."""
    if verb.lemma_.lower() not in lexicon.cue("force_moving_verbs"):
        return False
    purpose = any(c.dep_ in ("advcl", "xcomp") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
    return not purpose and any(
        p.dep_ == "prep" and p.lower_ in ("to", "along", "near", "toward", "towards", "on")
        and any(o.lemma_.lower() in lexicon.cue("border_words") for o in p.children)
        for p in verb.children)


def aimed_act(verb: Token, lexicon: Lexicon) -> Stance | None:
    """The stance of the act noun a verb's object names ("opposed military *aid*": support,
    "opposed *sanctions*": oppose), or ``None`` when its object is no act."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children if o.dep_ == "pobj"]  # "is opposed *to* military aid"
    acts = act_stances(lexicon.triggers)
    return next((acts[o.lower_] for o in objects if o.lower_ in acts), None)


@lru_cache(maxsize=4)
def act_stances(triggers: tuple[Trigger, ...]) -> dict[str, Stance]:
    """Every one-word form of an act noun or goods, with its stance ("aid": support)."""
    return {form[0]: t.stance for t in reversed(triggers) if t.kind in ("noun", "goods")
            for form in t.inflected() if len(form) == 1}


def _desisting(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a request asks to desist or undo: its infinitive is a `desisting_verbs` verb,
    or such a verb's own complement ("urged X *to stop* selling", "to *pull* out")."""
    wanted = lexicon.cue("desisting_verbs")
    return any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in wanted
               for c in verb.children)


def _stance(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon, seized: bool
            ) -> tuple[Stance | None, Token | None, bool]:
    base = Stance.OPPOSE if seized else hit.trigger.stance
    # a people noun describes ("Saudi *ally* Bahrain cut ties with Iran"): the verb its phrase
    # hangs on refuses nothing of it; only a negation does ("no longer an ally")
    refusing = None if hit.trigger.kind == "agent" else st.refuser(token, governors, lexicon)
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
    if _pending(token, governors, lexicon) or _idle_border(hit, token, governors, lexicon):
        return None, refusing, False
    denied = st.negated(token, governors, lexicon) or _negated_above(token, governors, lexicon)
    negative = denied or refusing is not None
    stance = st.final_stance(base, negative)
    if stance is None and st.shields(refusing, governors, base, lexicon):
        return Stance.SUPPORT, refusing, True  # "vetoed sanctions against Russia" shields Russia
    if stance is Stance.OPPOSE and st.complies(token, governors, lexicon):
        return Stance.REFUSE, refusing, False  # "complied with sanctions": ties withheld
    withdrawn = lexicon.cue("protest_withdrawals")
    withdraws = hit.trigger.stance is Stance.REFUSE and (
        protests(token, lexicon) or rebuts(hit, token, lexicon))
    if stance is Stance.REFUSE and not denied and not defence_duty(token, lexicon) and (
            withdraws or (refusing is not None and token.lemma_.lower() in withdrawn
                          and refusing is st.governing_verb(token, governors))):
        # "recalled its ambassador", "suspended ties", "suspended the *treaty*", "rejected
        # X's comments": a protest against X
        return Stance.OPPOSE, refusing, False
    if stance is Stance.REFUSE and coerced(hit, token, refusing, lexicon):
        return Stance.OPPOSE, refusing, False  # "banned all imports from X": a sanction
    return stance, refusing, False


def defence_duty(token: Token, lexicon: Lexicon) -> bool:
    """Whether what is withdrawn is a defence pact ("ended its *defence cooperation pact*",
    "suspended the military agreement"): alliance duties withheld (refuse), not a protest."""
    pacts = [w for w in (token, *withdrawn_things(token))
             if w.lemma_.lower() in lexicon.cue("alliance_nouns")]
    duties = (Dimension.MILITARY, Dimension.TROOPS, Dimension.SECURITY)
    return any(lexicon.themes.get(m.lower_) in duties for p in pacts for m in p.subtree
               if m.i < p.i)


def protests(token: Token, lexicon: Lexicon) -> bool:
    """Whether a withdrawal takes away envoys or ties (`protest_withdrawals`): "recalled *its
    ambassador*", "suspended *ties* with X", "the recall *of its envoys*" protest against
    the state they were sent to or tied with."""
    withdrawn = lexicon.cue("protest_withdrawals")
    return any(w.lower_ in withdrawn or w.lemma_.lower() in withdrawn
               for o in withdrawn_things(token) for w in (o, *o.conjuncts))


def withdrawn_things(token: Token) -> list[Token]:
    """What a withdrawal takes away: its object or "of" phrase, and their own "of" phrase
    ("downgraded *the level of its representation*")."""
    def of_phrase(word: Token) -> list[Token]:
        return [o for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
    first = [c for c in token.children if c.dep_ == "dobj"] + of_phrase(token)
    return first + [o for word in first for o in of_phrase(word)]


def rebuts(hit: Hit, verb: Token, lexicon: Lexicon) -> bool:
    """Whether a rejecting verb rejects what someone said or decided (`rebutted_nouns`):
    "rejected *Sandu's comments*" opposes Moldova; "rejected the proposal" refuses it."""
    said = lexicon.cue("rebutted_nouns")
    return hit.trigger.kind == "verb" and hit.trigger.object_role == "target" and any(
        c.dep_ == "dobj" and (c.lower_ in said or c.lemma_.lower() in said)
        for c in verb.children)


def coerced(hit: Hit, token: Token, refusing: Token | None, lexicon: Lexicon) -> bool:
    """Goods bought from a state under a coercive block (`coercive_blocks`): "banned imports
    from X", "an embargo on X oil" oppose the seller; "stopped buying X oil" withholds. A
    border closed to a state (`sealed_land`) opposes it too."""
    if refusing is None:
        return False
    if hit.trigger.kind == "territory":  # "closed its *border* with X": a blockade of X
        return token.lemma_.lower() in lexicon.cue("sealed_land")
    return hit.trigger.kind == "goods" and \
        refusing.lemma_.lower() in lexicon.cue("coercive_blocks")


def under_seizure(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """Goods under a seizure verb ("seized Iranian oil", "froze Russian assets"): an economic
    opposition of their owner, whatever buying them would be. Land under an intrusion verb
    ("invaded Armenia's territory", "violated Pakistani airspace") likewise opposes its owner."""
    verb = st.governing_verb(token, governors)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    return (hit.trigger.kind == "goods" and lemma in lexicon.cue("seizure_verbs")) or (
        hit.trigger.kind == "territory" and intrudes(verb, lexicon))


def intrudes(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb says that its own subject enters or takes land ("Russian jets *entered*
    Turkish airspace"); permitted or barred entry ("allowed ships to *enter* its ports",
    "barred ships from *entering*") has no subject of its own and is access, not intrusion."""
    return verb.lemma_.lower() in lexicon.cue("intrusion_verbs") and st.has_subject(verb)


def _idle_border(hit: Hit, token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A border (`sealed_land`) makes a claim only when opened or closed to someone ("closed
    its *border* with X", `granting_verbs`); "incursions on *its borders*", "the border
    crisis" give or take no land."""
    if hit.trigger.kind != "territory" or token.lemma_.lower() not in lexicon.cue("sealed_land"):
        return False
    verb = st.governing_verb(token, governors)
    return verb is None or verb.lemma_.lower() not in lexicon.cue("granting_verbs")


def _negated_above(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """A negation on a verb whose infinitive complement the trigger is: "did not *pledge* to
    support Mali", "has not agreed to send troops"."""
    cues = lexicon.cue("negation")
    return any(below.dep_ == "xcomp" and (word.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("neg", "advmod") and c.lower_ in cues for c in word.children)
        or _short_of(word, cues))
        for below, word in zip([token, *governors], governors, strict=False))


def _short_of(degree: Token, cues: frozenset[str]) -> bool:
    """An adjective whose infinitive does not follow: "*not serious enough* to warrant an
    intervention", "*too weak* to send troops"."""
    if degree.pos_ not in ("ADJ", "ADV"):
        return False
    words = {c.lower_ for c in degree.children}
    negated = any(c.dep_ == "neg" and c.lower_ in cues
                  for w in (degree, degree.head) for c in w.children)
    return "too" in words or ("enough" in words and negated)


def _pending(token: Token, governors: list[Token], lexicon: Lexicon) -> bool:
    """ "had *not yet* joined the fighting": not done so far, and not refused either."""
    verb = st.governing_verb(token, governors)
    words = [token] if verb is None else [token, verb]
    cues = lexicon.cue("negation")
    return any({c.lower_ for c in w.children} >= {"yet"} and any(
        c.lower_ in cues for c in w.children) for w in words)


def ousts(verb: Token, resolver: Resolver) -> bool:
    """Whether an ousting verb's object is a state: "ECOWAS *suspended Mali*" puts Mali out;
    "suspended aid" withholds a thing."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in resolver.lexicon.cue("ousting_verbs") \
        and any(c.dep_ == "dobj" and resolver.parties(c) for c in verb.children)
