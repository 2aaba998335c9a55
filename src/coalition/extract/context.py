"""Carry-over: what "he", "they", "the country" stand for, from what came before.

Only the gazetteer matches of earlier sentences are used (never their parse), so the result
does not depend on which sentences the prefilter sent to the parser; the one exception, the
doers of attacks, comes from sentences that are always parsed. Rules, in order:
person words ("he", "the autocrat") take the latest leader named earlier in the paragraph;
state words ("the country", "the government") and persons without such a leader take the
section's state (a heading that names one state, like "Serbia"), else the first state named
in the paragraph, else (persons) the latest leader or (state words) the first state of the
latest paragraph that named one; pronouns ("they", "its") may also take a group
("Hezbollah"); group words ("the group", "the militia") take only a group: the first of the
paragraph, else the first of the latest paragraph that named one.

Plural words stand for several states: "they" for the latest list of states ("Mali, Burkina
Faso and Niger") named or described ("the three nations") in this paragraph, or in the one
before when the state it would stand for is on the list; "the three countries", "both
nations" for the latest list of that many; "the leaders", "the countries" for a list named in
this paragraph; "the group", when no group is named, for a list named in this paragraph or the
one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from coalition.extract.acts import Act
from coalition.extract.sentence import CARRIER_ANY, CARRIER_PERSON, CARRIER_PLURAL, Mention
from coalition.resolve.gazetteer import ADJECTIVE, GROUP, LEADER, REGION

# What may stand between the names of a list: "Mali, Burkina Faso, and Niger".
LIST_GAP = re.compile(r"\s*(?:,|,? and|,? or|,? as well as)\s*", re.IGNORECASE)
# The sizes plural descriptions give ("the *three* countries", "*both* nations").
SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# Group words that, with no group named, stand for the states just listed ("Mali, Burkina Faso
# and Niger formed an alliance. *The group* expelled French forces").
COLLECTIVES = frozenset({"the group", "the bloc", "the alliance", "the coalition"})


@dataclass(slots=True)
class Context:
    """What the article has said so far, as the extractor walks its sentences in order."""

    section: str | None = None
    paragraph: int = -1
    leaders: list[str] = field(default_factory=list)
    first_state: str | None = None
    first_actor: str | None = None
    first_group: str | None = None
    earlier_group: str | None = None
    # The first state of the latest paragraph that named one: a paragraph that opens with
    # "the country" goes on about it.
    earlier_state: str | None = None
    earlier_leader: str | None = None
    # Who did each attack named so far, by the verb's lemma ("struck": "strike"). Sentences
    # with an attack verb are always parsed, so this too is the same with or without prefilter.
    doers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The latest list of two or more states and the paragraph that named it.
    members: tuple[str, ...] = ()
    members_paragraph: int = -1
    # The acts told of so far (extract/recall.py) and the number of the current sentence.
    acts: list[Act] = field(default_factory=list)
    sentence: int = -1

    def enter(self, paragraph: int, heading: bool, mentions: list[Mention]) -> None:
        """Update the context for a new sentence (call before resolving it)."""
        self.sentence += 1
        if paragraph != self.paragraph:
            self.earlier_leader = self.leaders[-1] if self.leaders else None
            self.paragraph, self.leaders = paragraph, []
            self.earlier_group = self.first_group or self.earlier_group
            self.earlier_state = self.first_state or self.earlier_state
            self.first_state = self.first_actor = self.first_group = None
            if heading:
                codes = {m.code for m in mentions if m.code and not m.carrier}
                self.section = codes.pop() if len(codes) == 1 else None

    def remember(self, mentions: list[Mention], text: str = "") -> None:
        """Record a sentence's names once it has been resolved (``text``: the text their
        character offsets point into, to find lists of states)."""
        self._lists(mentions, text)
        for mention in mentions:
            if mention.carrier or not mention.code:
                continue
            if mention.kind == LEADER:
                self.leaders.append(mention.code)
            if self.first_state is None and mention.kind not in (ADJECTIVE, GROUP, REGION):
                self.first_state = mention.code
            if self.first_actor is None and mention.kind not in (ADJECTIVE, REGION):
                self.first_actor = mention.code
            if mention.kind == GROUP and self.first_group is None:
                self.first_group = mention.code

    def _lists(self, mentions: list[Mention], text: str) -> None:
        states = [m for m in mentions if m.code and not m.carrier
                  and m.kind not in (ADJECTIVE, GROUP, REGION)]
        run: list[str] = []
        for before, mention in zip([None, *states], states, strict=False):
            if before is None or not LIST_GAP.fullmatch(
                    text[before.char_end:mention.char_start]):
                self._keep_list(run)
                run = []
            if mention.code not in run:
                run.append(mention.code)
        self._keep_list(run)
        if any(m.kind == CARRIER_PLURAL and self.plural(text[m.char_start:m.char_end].lower())
               == self.members for m in mentions):
            self.members_paragraph = self.paragraph  # "the three nations" brings the list back

    def _keep_list(self, run: list[str]) -> None:
        if len(run) >= 2:
            self.members, self.members_paragraph = tuple(run), self.paragraph

    def plural(self, words: str, code: str | None = None) -> tuple[str, ...]:
        """The states a plural carry-over word stands for, or ``()``.

        Args:
            words: the word or words, lower case ("they", "the three countries").
            code: the one state a pronoun would stand for otherwise, if any.
        """
        recent = self.members_paragraph >= self.paragraph - 1
        if words in COLLECTIVES:
            return self.members if code is None and recent else ()
        if words in PLURAL_PRONOUNS:
            if self.members_paragraph == self.paragraph:
                return self.members
            return self.members if recent and (code is None or code in self.members) else ()
        size = next((SIZES[w] for w in words.split() if w in SIZES), 0)
        if not size:  # "the leaders", "the countries": the list of this paragraph
            return self.members if self.members_paragraph == self.paragraph else ()
        return self.members if len(self.members) == size else ()

    def carry_group(self) -> str | None:
        """What "the group" stands for: the first group of this paragraph, else of the latest
        paragraph that named one (its first group is its topic, later ones are asides)."""
        return self.first_group or self.earlier_group

    def carry(self, kind: str) -> str | None:
        """The actor a carry-over word of ``kind`` stands for, or ``None``."""
        if kind == CARRIER_PERSON and self.leaders:
            return self.leaders[-1]
        if kind == CARRIER_PLURAL:
            return None  # several states: see plural()
        if kind == CARRIER_ANY:
            return self.section or self.first_actor
        if kind == CARRIER_PERSON:
            return self.section or self.first_state or self.earlier_leader
        return self.section or self.first_state or self.earlier_state
