"""The ``coalition_mentions`` component: actor names and carry-over words, by phrase matching.

Spans go to ``doc.spans["coalition_mentions"]``; a span's label is the actor code and its
``kb_id_`` the kind of mention (state, capital, adjective, group, leader, description, or
``carrier_person`` / ``carrier_state`` / ``carrier_any`` / ``carrier_plural`` for words like
"he", "the country", "they" and "the three countries" that stand for actors named earlier).
Leaders resolve by the article date in ``doc.user_data["coalition_published"]``. Article-level
readings then widen the names: offices join people to states (:mod:`.persons`: "*Iraqi
President* Saddam Hussein", "King Hassan *of Morocco*", "officials *in Tehran*", and later
"Hussein" alone), and a definite description stands for the latest state it can describe
("the Gulf kingdom", :mod:`coalition.resolve.chain`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from coalition.extract.persons import CARRIERS, widen
from coalition.extract.sentence import (
    CARRIER_ANY,
    CARRIER_PERSON,
    CARRIER_PLURAL,
    CARRIER_STATE,
)
from coalition.resolve import Gazetteer, Lexicon, choose
from coalition.resolve.chain import Chain, antecedent
from coalition.resolve.gazetteer import (
    ADJECTIVE,
    DESCRIPTION,
    GROUP,
    NON_ACTOR,
    Entry,
)

SPANS_KEY = "coalition_mentions"
PUBLISHED_KEY = "coalition_published"
# Words before a description that make it definite, and how many modifiers may stand between
# ("the small Gulf kingdom", "the oil-rich Gulf state").
DEFINITE = frozenset({"the", "this", "that"})
MAX_MODIFIERS = 2
# Plural descriptions that stand for a list of states named before ("the three West African
# nations", "both countries", "the leaders"): the sizes and the head nouns.
NUMBERS = frozenset({"two", "three", "four", "five", "six"})
PLURAL_HEADS = ("countries", "nations", "states", "governments", "neighbours", "neighbors",
                "juntas", "capitals", "leaders")


class MentionFinder:
    """Finds actor names (gazetteer) and carry-over words (cue lists) in a doc."""

    def __init__(self, nlp: Language, name: str = "coalition_mentions") -> None:
        self.nlp = nlp
        self.name = name
        self._table: dict[str, list[Entry]] | None = None
        self._matchers: list[PhraseMatcher] = []
        self._chain: Chain | None = None
        self._descriptions: PhraseMatcher | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                   chain: Chain | None = None) -> None:
        """Build the phrase matchers from the gazetteer, the carrier cue lists and the
        descriptions."""
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
        self._chain = chain or Chain.load()
        self._descriptions = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for description in self._chain.descriptions:
            self._descriptions.add(description.form.casefold(),
                                   [self.nlp.make_doc(description.form)])
        self._table, self._matchers = table, [by_case, by_lower]

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self.initialize()
        assert self._table is not None and self._chain is not None
        assert self._descriptions is not None
        published = doc.user_data.get(PUBLISHED_KEY)
        on = date.fromisoformat(published) if published else None
        found: list[Span] = []
        for matcher in self._matchers:
            for key, start, end in matcher(doc):
                found.append(Span(doc, start, end, label=key))
        named = _plurals(doc)
        for span in found:
            # a lower-case match may share its key with a case-sensitive form ("us", "US")
            entry = choose([e for e in self._table[span.label_] if e.written_as(span.text)], on)
            kind = NON_ACTOR if entry is None else entry.kind
            named.append(Span(doc, span.start, span.end, label=entry.code if entry else "",
                              kb_id=kind))
        spans = [s for s in _longest(named) if s.kb_id_ != NON_ACTOR]
        spans = widen(doc, _state_bound(doc, spans, self._chain.non_state),
                      self._chain.offices)
        described = [(doc.vocab.strings[key], start, end)
                     for key, start, end in self._descriptions(doc)]
        doc.spans[SPANS_KEY] = _descriptions(doc, spans, described, self._chain)
        return doc


def _plurals(doc: Doc) -> list[Span]:
    """Plural descriptions ("the three West African nations", "both countries"), found from
    their head nouns back (the heads are looked up in one array, not token by token)."""
    heads = {doc.vocab.strings[word] for word in PLURAL_HEADS}
    found: list[Span] = []
    for head in [i for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in heads]:
        for i in range(head - 1, max(head - 4, -1), -1):
            word = doc[i]
            if word.lower_ == "both" and head - i <= 2:
                found.append(Span(doc, i, head + 1, label="", kb_id=CARRIER_PLURAL))
            elif word.lower_ in NUMBERS and i and doc[i - 1].lower_ == "the":
                found.append(Span(doc, i - 1, head + 1, label="", kb_id=CARRIER_PLURAL))
            elif word.lower_ == "the" and i == head - 1 and not _of_after(doc, head):
                found.append(Span(doc, i, head + 1, label="", kb_id=CARRIER_PLURAL))
            elif word.is_alpha:
                continue
            break
    return found


def _of_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ == "of"  # "the leaders *of* France and ..."


def _longest(spans: list[Span]) -> list[Span]:
    """The longest of overlapping matches; between matches of one length a name wins over a
    carry-over word ("*The State Department*", not "*The State* Department")."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.kb_id_ in CARRIERS, s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _state_bound(doc: Doc, spans: list[Span], non_state: frozenset[str]) -> list[Span]:
    """The spans without demonyms that name a non-state group's people: "Syrian *Kurdish*
    fighters", "Sudanese *paramilitary* forces" are not the state's."""
    return [s for s in spans if not (s.kb_id_ == ADJECTIVE and s.end < len(doc)
                                     and doc[s.end].lower_ in non_state)]


def _descriptions(doc: Doc, spans: list[Span], described: list[tuple[str, int, int]],
                  chain: Chain) -> list[Span]:
    """The spans with each definite description resolved to the state or group it stands for
    (it replaces a carry-over word it overlaps: "the kingdom"); unresolved ones are dropped.
    A group described ("the regional body") stays a group."""
    names = [s for s in spans if s.kb_id_ not in CARRIERS]
    named = {s.label_ for s in names}
    groups = {s.label_ for s in names if s.kb_id_ == GROUP}
    resolved: list[Span] = []
    for form, start, end in sorted(described, key=lambda d: d[1]):
        begin = _definite(doc, start)
        if begin is None or (end < len(doc) and doc[end].lower_ == "of"):
            continue  # "a Gulf state", "the island of Hokkaido"
        earlier = [s.label_ for s in names if s.end <= begin]
        code = antecedent(chain.candidates(form), earlier, named)
        if code is not None:
            resolved.append(Span(doc, begin, end, label=code,
                                 kb_id=GROUP if code in groups else DESCRIPTION))
    kept = [s for s in spans
            if not any(r.start < s.end and s.start < r.end for r in resolved)]
    return sorted([*kept, *resolved], key=lambda s: s.start)


def _definite(doc: Doc, start: int) -> int | None:
    """Where the definite phrase around a description starts ("*the* oil-rich Gulf state"),
    or ``None`` when it is not definite."""
    for i in range(start - 1, max(start - 2 - MAX_MODIFIERS, -1), -1):
        word = doc[i]
        if word.lower_ in DEFINITE:
            return i
        if not (word.is_lower and (word.is_alpha or "-" in word.text)) and word.text != "-":
            return None
    return None


@Language.factory("coalition_mentions", assigns=["doc.spans"])
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    """spaCy factory for :class:`MentionFinder`."""
    return MentionFinder(nlp, name)
