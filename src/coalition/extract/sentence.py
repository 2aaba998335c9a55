"""A parsed candidate sentence with its mentions and triggers, in the parser's token indices."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from coalition.models import Stance
from coalition.resolve import Trigger
from coalition.resolve.gazetteer import ADJECTIVE

CARRIER_PERSON, CARRIER_STATE, CARRIER_ANY = "carrier_person", "carrier_state", "carrier_any"
# "the three countries", "both nations": only ever several states, never one.
CARRIER_PLURAL = "carrier_plural"


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor name or carry-over word: token range in the sentence, code, kind, chars."""

    start: int
    end: int
    code: str
    kind: str
    char_start: int
    char_end: int

    @property
    def carrier(self) -> bool:
        """Whether this word stands for an actor named earlier ("he", "the country")."""
        return self.kind in (CARRIER_PERSON, CARRIER_STATE, CARRIER_ANY, CARRIER_PLURAL)

    @property
    def adjective(self) -> bool:
        """Whether this is a demonym/adjective, which names a state only through a head noun."""
        return self.kind == ADJECTIVE


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger occurrence: token range in the sentence and its lexicon row."""

    start: int
    end: int
    trigger: Trigger

    def head(self, doc: Doc) -> Token:
        """The token that carries the trigger: the verb of a verb phrase, else the last noun."""
        return doc[self.start] if self.trigger.kind == "verb" else doc[self.end - 1]

    @property
    def generic(self) -> bool:
        """A trigger that only says "help" ("support", "back", "allow") without saying how."""
        return self.trigger.dimension is None and self.trigger.object_role == "target"

    @property
    def seizable(self) -> bool:
        """Goods whose trigger opposes their owner ("assets"): only a seizure verb makes a
        claim of them."""
        return self.trigger.kind == "goods" and self.trigger.stance is Stance.OPPOSE


@dataclass(slots=True)
class Sentence:
    """A parsed sentence; ``offsets[i]`` is the article offset of token ``i``."""

    doc: Doc
    offsets: list[int]
    mentions: list[Mention]
    hits: list[Hit]
    _by_token: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self._by_token[i] = mention

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token ``i``, if any."""
        return self._by_token.get(i)

    def chars(self, token: Token) -> tuple[int, int]:
        """Article offsets of one token."""
        start = self.offsets[token.i]
        return start, start + len(token.text)
