"""Sponsorship written as a compound adjective: "*Turkish-backed* Azerbaijan"."""

from __future__ import annotations

from spacy.tokens import Token

from coalition.extract.pairing import Frame
from coalition.extract.parties import Party, Resolver
from coalition.extract.sentence import Hit
from coalition.models import Dimension, Stance

# "Turkish-backed Azerbaijan": sponsorship written as a compound adjective is military backing.
HYPHEN_DIMENSION = Dimension.MILITARY


def hyphen_actor(token: Token, resolver: Resolver) -> Party | None:
    """The sponsor in "Turkish-backed": a name joined to the trigger by a hyphen."""
    if token.i < 2 or token.nbor(-1).text not in ("-", "–"):
        return None
    mention = resolver.sentence.mention_at(token.i - 2)
    if mention is None or mention.carrier:
        return None
    return Party(mention.code, mention.char_start, mention.char_end)


def hyphen_frames(hit: Hit, token: Token, actor: Party, resolver: Resolver) -> list[Frame]:
    if hit.trigger.stance is not Stance.SUPPORT:
        return []
    backed = token.head if token.head.i != token.i else token
    while backed.dep_ in ("amod", "compound") and backed.head.i != backed.i:
        backed = backed.head
    dimension = hit.trigger.dimension or HYPHEN_DIMENSION
    return [Frame(actor, target.code, dimension, Stance.SUPPORT, False,
                  resolver.sentence.chars(token), 0.7)
            for target in resolver.parties(backed) if target.code != actor.code]


