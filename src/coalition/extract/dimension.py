"""The dimension of a trigger: fixed, else the nearest theme word on its object side, else the
trigger's fallback."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from coalition.extract.pairing import Frame
from coalition.extract.parties import Resolver
from coalition.extract.polarity import aimed_act
from coalition.extract.sentence import Hit
from coalition.extract.tree import accompanied_act, equips, object_side, subject
from coalition.models import Dimension, Stance
from coalition.resolve import Lexicon, Trigger
from coalition.resolve.gazetteer import GROUP

# Fallbacks of verbs that pull forces out ("withdraw", "pull out").
FORCES = frozenset({Dimension.MILITARY, Dimension.TROOPS})


def dimension_of(hit: Hit, token: Token, resolver: Resolver
               ) -> tuple[Dimension | None, bool, Token | None]:
    """The trigger's dimension, whether it is only the fallback, and the theme word used."""
    lexicon = resolver.lexicon
    if token.lemma_.lower() in lexicon.cue("accession_only") and not any(
            w.lemma_.lower() in lexicon.cue("accession_words") for w in object_side(token)):
        return None, False, None  # "invited X to talks": no side taken; "to join NATO" is one
    if token.lemma_.lower() in lexicon.cue("tie_only") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon.cue("tie_objects")
            for c in token.children):
        return None, False, None  # "strengthened *ties* with X"; "expanded its army": none
    if hit.trigger.term in lexicon.cue("objectless_verbs") and any(
            c.dep_ == "dobj" for c in token.children):
        return None, False, None  # "trade with X" is commerce; "traded accusations" is not
    if hit.trigger.dimension is not None:
        return hit.trigger.dimension, False, None
    if token.lemma_.lower() in lexicon.cue("act_refusing_verbs") and \
            aimed_act(token, lexicon) is None:
        return Dimension.DIPLOMATIC, False, None  # "opposed the plan", not "opposed aid"
    themes = resolver.lexicon.themes
    if token.lemma_.lower() in resolver.lexicon.cue("threat_words"):
        threatened = _threatened(token, resolver)
        return (threatened, False, None) if threatened else (
            hit.trigger.fallback, hit.trigger.fallback is not None, None)
    if _mutual_defence(token, resolver):
        return Dimension.SECURITY, False, None
    best: tuple[int, Dimension, Token] | None = None
    receivers: list[Token] = []
    for word in object_side(token) + _purpose(token, resolver):
        if (hit.generic or (word.dep_ == "dobj" and equips(token))) and \
                resolver.party(word) is not None:
            receivers.append(word)
            continue  # "allowed *Russian troops* to", "provided *its army* with": receivers
        if _in_name(word, resolver) or _in_right(word, token, resolver):
            continue  # "the UN *Security* Council", "X's right to *self-defence*"
        pair = f"{word.lower_} {word.nbor().lower_}" if word.i + 1 < len(word.doc) else ""
        dimension = _kind(word, themes) or themes.get(pair) or themes.get(word.lower_) or \
            themes.get(word.lemma_.lower())
        if dimension and (best is None or abs(word.i - token.i) < best[0]):
            best = (abs(word.i - token.i), dimension, word)
    if best:
        return _alliance(best[1], best[2], resolver), False, best[2]
    money = resolver.lexicon.cue("money_signs")
    sign = next((w for w in object_side(token) if w.lower_ in money), None)
    if sign is not None:
        return Dimension.ECONOMIC, False, sign  # "pledged *$2 billion* in aid"
    if hit.generic and any(c.dep_ == "advcl" and c.lemma_.lower() in
                             resolver.lexicon.cue("attack_verbs") for c in token.children):
        return Dimension.SECURITY, False, None  # "failed to help X when forces attacked"
    if hit.generic and _armed_act(accompanied_act(token), resolver):
        return Dimension.MILITARY, False, None  # "with support from Britain, *struck*"
    if hit.generic and token.pos_ == "VERB" and _armed(
            [*receivers, subject(token)[0]], resolver):
        return Dimension.MILITARY, False, None  # "*its air force* will support the army"
    if hit.trigger.fallback in FORCES and _left_body(token, resolver):
        return Dimension.DIPLOMATIC, False, None  # "withdrew from ECOWAS": leaving a body
    if hit.trigger.fallback in FORCES and _left_other(token, resolver):
        return None, False, None  # "withdrew from a cricket series": no force, no body
    if token.lemma_.lower() in lexicon.cue("act_refusing_verbs"):
        return None, False, None  # "opposing aid for X": what aid is not said
    return hit.trigger.fallback, hit.trigger.fallback is not None, None


def _alliance(dimension: Dimension, word: Token, resolver: Resolver) -> Dimension:
    """A military word that kinds a pact ("a *defence* cooperation pact", "a *military*
    agreement") makes it an alliance duty: `security`, not help in arms or men."""
    pact = word.head if word.dep_ in ("amod", "compound") else None
    while pact is not None and pact.dep_ == "compound":
        pact = pact.head  # "defence *cooperation* pact"
    if pact is None or pact.lemma_.lower() not in resolver.lexicon.cue("alliance_nouns"):
        return dimension
    return Dimension.SECURITY if dimension in FORCES else dimension


@lru_cache(maxsize=4)
def act_dimensions(triggers: tuple[Trigger, ...]) -> dict[str, Dimension]:
    """Every form of an act noun with a dimension of its own ("sanctions": economic)."""
    return {form[-1]: t.dimension for t in triggers
            if t.kind == "noun" and t.dimension is not None for form in t.inflected()}


def _threatened(token: Token, resolver: Resolver) -> Dimension | None:
    """What a threat or warning threatens: the nearest theme word or act with a dimension of
    its own ("warned X *of sanctions*": economic, "threatened *strikes*": military), outside
    its reasons ("*over the offensive*"). A warning threatens only in its "of/with" phrase:
    "warned *that* X's troops were moving" describes X. ``None``: diplomatic."""
    lexicon = resolver.lexicon
    acts = act_dimensions(lexicon.triggers)
    words = object_side(token)
    if token.lemma_.lower() in lexicon.cue("warning_words"):
        words = [t for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "with")
                 for t in p.subtree]
    reasons = {t.i for p in token.children if p.dep_ == "prep"
               and p.lower_ in lexicon.cue("reason_preps") for t in p.subtree}
    found = [(abs(w.i - token.i), d) for w in words if w.i not in reasons
             for d in [lexicon.themes.get(w.lower_) or acts.get(w.lower_)] if d]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _kind(word: Token, themes: dict[str, Dimension]) -> Dimension | None:
    """The theme of an "of" phrase that names a thing's kind: a "treaty *of friendship*" is
    diplomatic whatever a treaty alone would be."""
    return next((themes[o.lower_] for p in word.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.lower_ in themes), None)


def _left_body(verb: Token, resolver: Resolver) -> bool:
    """Whether a withdrawal with no theme is from an alliance or a body ("withdrawn *from
    ECOWAS*"): the state leaves it, no force is pulled out."""
    return any(prep.dep_ == "prep" and prep.lower_ == "from" and any(
        (m := resolver.sentence.mention_at(o.i)) is not None and m.kind == GROUP
        for o in prep.children if o.dep_ == "pobj") for prep in verb.children)


def _purpose(noun: Token, resolver: Resolver) -> list[Token]:
    """For a pact (`reciprocal_nouns`), the words of the purpose clause of the verb that signs
    it: "signed a treaty *to strengthen their mutual defence pact*" is a security treaty."""
    if noun.pos_ not in ("NOUN", "PROPN") or \
            noun.lemma_.lower() not in resolver.lexicon.cue("reciprocal_nouns"):
        return []
    verb = noun.head if noun.dep_ == "dobj" else None
    return [t for c in (verb.children if verb is not None else ())
            if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                    for a in c.children)
            for t in (c, *object_side(c))]


def _mutual_defence(noun: Token, resolver: Resolver) -> bool:
    """A pact whose own clause binds its parties against an attack: "a treaty *that obliges each
    side to come to the other's aid if it is attacked*" is a defence pact (security)."""
    lexicon = resolver.lexicon
    if noun.pos_ not in ("NOUN", "PROPN") or \
            noun.lemma_.lower() not in lexicon.cue("alliance_nouns"):
        return False
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    return any(w.lemma_.lower() in lexicon.cue("attack_verbs") for c in clauses for w in c.subtree)


def _in_name(word: Token, resolver: Resolver) -> bool:
    mention = resolver.sentence.mention_at(word.i)
    return mention is not None and mention.end - mention.start > 1


def _in_right(word: Token, trigger: Token, resolver: Resolver) -> bool:
    """Whether a word is the complement of a right (`right_nouns`) below the trigger: backing
    "X's right to *self-defence*" is political, whatever the right is to."""
    rights = resolver.lexicon.cue("right_nouns")
    current = word.head
    while current.i != trigger.i and current.head.i != current.i:
        if current.lemma_.lower() in rights:
            return True
        current = current.head
    return False


def _armed_act(verb: Token | None, resolver: Resolver) -> bool:
    """Whether a verb is an armed act: an attack ("struck"), or an act whose object is one
    ("conducted *strikes*")."""
    if verb is None:
        return False
    lexicon = resolver.lexicon
    attacks = lexicon.cue("attack_verbs") | lexicon.cue("firing_verbs")
    return verb.lemma_.lower() in attacks or any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.cue("event_heads") for c in verb.children)


def _armed(words: list[Token | None], resolver: Resolver) -> bool:
    """Whether armed forces give or get the help: "*Eritrean forces* have been helping",
    "supporting *the Syrian army*"."""
    forces = (Dimension.TROOPS, Dimension.MILITARY)
    return any(w is not None and resolver.lexicon.themes.get(w.lemma_.lower()) in forces
               for w in words)


def _left_other(verb: Token, resolver: Resolver) -> bool:
    """Whether a withdrawal is from something that is neither a state nor a theme ("withdrew
    *from a tri-series*", "pulled out of the race")."""
    themes = resolver.lexicon.themes
    return any(prep.dep_ == "prep" and prep.lower_ in ("from", "of") and any(
        o.dep_ == "pobj" and resolver.party(o) is None and o.lemma_.lower() not in themes
        for o in prep.children) for prep in verb.children)


def body_dimension(hit: Hit, token: Token, dimension: Dimension, resolver: Resolver
                   ) -> Dimension:
    """Joining a body, backing an accession to it, or membership in it: `security` for a
    defence alliance (`defence_alliances`: "joined NATO", "endorsed Sweden's *application* to
    join NATO"), `diplomatic` for any other body ("joined BRICS", "its membership in BRICS")."""
    lexicon = resolver.lexicon
    if not any(m.kind == GROUP for m in resolver.sentence.mentions):
        return dimension  # no body named in the sentence: nothing to join
    words = [token, *object_side(token)]
    bodies = {m.code.lower() for w in words
              for m in [resolver.sentence.mention_at(w.i)] if m is not None and m.kind == GROUP}
    lemma = token.lemma_.lower()
    joining = lemma in lexicon.cue("membership_nouns") or lemma in lexicon.cue("accession_words")
    if not bodies or not (joining or any(w.lemma_.lower() in lexicon.cue("accession_words")
                                         for w in words[1:])):
        return dimension
    if dimension not in (Dimension.DIPLOMATIC, Dimension.SECURITY, *FORCES):
        return dimension
    return Dimension.SECURITY if bodies & lexicon.cue("defence_alliances") \
        else Dimension.DIPLOMATIC


def alliance_duty(frame: Frame, lexicon: Lexicon) -> Frame:
    """Forces a defence alliance (`defence_alliances`) sends, keeps or withholds are its
    alliance duty: "NATO is beefing up its troops in Kosovo", "the CSTO sent no troops" are
    `security`; its arms ("NATO allies delivered air defences") and its attacks stay as they
    are."""
    if frame.actor.code.lower() in lexicon.cue("defence_alliances") and \
            frame.dimension in FORCES and frame.stance is not Stance.OPPOSE:
        return replace(frame, dimension=Dimension.SECURITY)
    return frame
