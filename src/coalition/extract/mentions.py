"""The ``coalition_mentions`` component: actor names and carry-over words, by phrase matching.

Spans go to ``doc.spans["coalition_mentions"]``; a span's label is the actor code and its
``kb_id_`` the kind of mention (state, capital, adjective, group, leader, or ``carrier_person`` /
``carrier_state`` / ``carrier_any`` for words like "he", "the country" and "they" that stand
for an actor named earlier).
Leaders resolve by the article date in ``doc.user_data["coalition_published"]``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coalition.extract.sentence import CARRIER_ANY, CARRIER_PERSON, CARRIER_STATE
from coalition.resolve import Gazetteer, Lexicon, choose
from coalition.resolve.gazetteer import NON_ACTOR, Entry

SPANS_KEY = "coalition_mentions"
PUBLISHED_KEY = "coalition_published"


class MentionFinder:
    """Finds actor names (gazetteer) and carry-over words (cue lists) in a doc."""

    def __init__(self, nlp: Language, name: str = "coalition_mentions") -> None:
        self.nlp = nlp
        self.name = name
        self._table: dict[str, list[Entry]] | None = None
        self._matchers: list[PhraseMatcher] = []

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None) -> None:
        """Build the phrase matchers from the gazetteer and the carrier cue lists."""
        gazetteer = gazetteer or Gazetteer.load()
        lexicon = lexicon or Lexicon.load()
        table = gazetteer.by_form()
        for kind, cue in ((CARRIER_PERSON, "carriers_person"), (CARRIER_STATE, "carriers_state"),
                          (CARRIER_ANY, "carriers_any")):
            for word in lexicon.cue(cue):
                table.setdefault(word, []).append(Entry(word, "", kind))
        by_case = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        by_lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for key, entries in table.items():
            for entry in entries:
                matcher = by_case if entry.case_sensitive else by_lower
                matcher.add(key, [self.nlp.make_doc(entry.form)])
        self._table, self._matchers = table, [by_case, by_lower]

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self.initialize()
        assert self._table is not None
        published = doc.user_data.get(PUBLISHED_KEY)
        on = date.fromisoformat(published) if published else None
        found: list[Span] = []
        for matcher in self._matchers:
            for key, start, end in matcher(doc):
                found.append(Span(doc, start, end, label=key))
        spans = []
        for span in filter_spans(found):
            entry = choose(self._table[span.label_], on)
            if entry is None or entry.kind == NON_ACTOR:
                continue
            spans.append(Span(doc, span.start, span.end, label=entry.code, kb_id=entry.kind))
        doc.spans[SPANS_KEY] = spans
        return doc


@Language.factory("coalition_mentions", assigns=["doc.spans"])
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    """spaCy factory for :class:`MentionFinder`."""
    return MentionFinder(nlp, name)
