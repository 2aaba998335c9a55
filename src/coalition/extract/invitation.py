"""Invitations: "NATO invited Sweden and Finland to join the alliance" makes the inviter back
each invitee.

A joining word (``cues.yaml: accession_words``) that completes an inviting verb
(``inviting_verbs``) is not the invitee's act yet (it has not joined) but the inviter's
welcome: support by the inviter's subject for each state it invites, `security` when the
inviter or the body joined is a defence alliance (``defence_alliances``), else `diplomatic`.
A negated, requested or hypothetical invitation makes no claim.
"""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract import stance as st
from coalition.extract.pairing import Frame
from coalition.extract.parties import Party, Resolver
from coalition.extract.sentence import Hit
from coalition.extract.targets import subject_parties
from coalition.extract.tree import object_side
from coalition.models import Dimension, Stance
from coalition.resolve.gazetteer import GROUP

CONFIDENCE = 0.8


def invited_frames(hit: Hit, token: Token, resolver: Resolver) -> list[Frame] | None:
    """The inviter's support for each invitee, or ``None`` when the trigger is no joining
    word under an inviting verb."""
    lexicon = resolver.lexicon
    verb = _inviting(token, lexicon.cue("inviting_verbs"))
    if hit.trigger.kind != "verb" or verb is None or \
            token.lemma_.lower() not in lexicon.cue("accession_words"):
        return None
    governors = st.chain(verb, lexicon)
    if st.blocked(verb, governors, lexicon) or st.negated(verb, governors, lexicon):
        return []
    invitees = [p for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                for p in resolver.parties(c)]
    own = {p.code for p in invitees}
    inviters = [p for p in subject_parties(verb, resolver) if p.code not in own] or \
        _bodies(token, resolver)  # "Montenegro was invited to join NATO": NATO invites
    dimension = _dimension(token, inviters, resolver)
    chars = resolver.sentence.chars(token)
    return [Frame(inviter, invitee.code, dimension, Stance.SUPPORT,
                  st.hedged(verb, governors, lexicon), chars, CONFIDENCE)
            for inviter in inviters for invitee in invitees]


def invites_to_join(hit: Hit, token: Token, resolver: Resolver) -> bool:
    """Whether an inviting verb's own trigger is left to the joining word it invites to (the
    invitation frames above carry the claim, in the body's dimension)."""
    lexicon = resolver.lexicon
    if hit.trigger.kind != "verb" or token.lemma_.lower() not in lexicon.cue("inviting_verbs"):
        return False
    heads = {h.head(resolver.sentence.doc).i for h in resolver.sentence.hits
             if h.trigger.kind == "verb"}
    return any(t.i in heads and t.lemma_.lower() in lexicon.cue("accession_words")
               and (v := _inviting(t, lexicon.cue("inviting_verbs"))) is not None
               and v.i == token.i for t in token.subtree)


def _inviting(token: Token, verbs: frozenset[str]) -> Token | None:
    """The inviting verb a joining word completes, directly ("invited X *to join*") or through
    the steps towards it ("invited X to begin accession talks *to join*")."""
    word = token
    for _ in range(4):
        if word.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "dobj"):
            return None
        word = word.head
        if word.pos_ == "VERB" and word.lemma_.lower() in verbs:
            return word
    return None


def _bodies(joining: Token, resolver: Resolver) -> list[Party]:
    """The bodies named as what is joined ("to join *NATO*")."""
    return [Party(m.code, m.char_start, m.char_end) for w in object_side(joining)
            for m in [resolver.sentence.mention_at(w.i)] if m is not None and m.kind == GROUP
            and w.i == m.end - 1]


def _dimension(joining: Token, inviters: list[Party], resolver: Resolver) -> Dimension:
    """`security` for an invitation into a defence alliance, `diplomatic` otherwise."""
    bodies = {p.code.lower() for p in [*inviters, *_bodies(joining, resolver)]}
    return Dimension.SECURITY if bodies & resolver.lexicon.cue("defence_alliances") \
        else Dimension.DIPLOMATIC
