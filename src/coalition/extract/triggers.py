"""The ``coalition_triggers`` component: words that can carry a claim, by token matching.

Spans go to ``doc.spans["coalition_triggers"]``; a span's label is the index of its row in
``triggers.csv``. Matching is a phrase match on lower-case forms (regular inflections plus
the listed irregular ones), so it needs only the tokenizer; the parser later checks the part
of speech.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from coalition.resolve import Lexicon

SPANS_KEY = "coalition_triggers"


class TriggerFinder:
    """Finds trigger words and phrases from the lexicon."""

    def __init__(self, nlp: Language, name: str = "coalition_triggers") -> None:
        self.nlp = nlp
        self.name = name
        self._matcher: PhraseMatcher | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   lexicon: Lexicon | None = None) -> None:
        """Build the phrase matcher from ``triggers.csv``."""
        lexicon = lexicon or Lexicon.load()
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for index, trigger in enumerate(lexicon.triggers):
            patterns = [self.nlp.make_doc(" ".join(form)) for form in trigger.inflected()]
            matcher.add(str(index), patterns)
        self._matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        if self._matcher is None:
            self.initialize()
        assert self._matcher is not None
        found = [(start, end, key) for key, start, end in self._matcher(doc)]
        # "backed away" is one trigger, not "backed" plus "backed away": longer phrases win.
        # Only a match starting at most the longest phrase's length before can hold another, so
        # the check is linear in the matches (all pairs took seconds on a long text).
        ends: dict[int, list[int]] = {}
        for s, e, _ in found:
            ends.setdefault(s, []).append(e)
        longest = max((e - s for s, e, _ in found), default=0)
        kept = [(s, e, k) for s, e, k in found
                if not any(e <= e2 and (e2 - s2) > (e - s) for s2 in range(s - longest, s + 1)
                           for e2 in ends.get(s2, ()))]
        doc.spans[SPANS_KEY] = [Span(doc, s, e, label=k) for s, e, k in kept]
        return doc


@Language.factory("coalition_triggers", assigns=["doc.spans"])
def make_trigger_finder(nlp: Language, name: str) -> TriggerFinder:
    """spaCy factory for :class:`TriggerFinder`."""
    return TriggerFinder(nlp, name)
