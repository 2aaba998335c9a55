"""The ``coalition_claims`` component: candidate sentences -> parsed -> frames -> claim rows.

Sentences come from :func:`~coalition.extract.segment.segment`. A sentence is a *candidate*
when it has a trigger and names (or carries over) an actor and a different target could be
found; only candidates are parsed (with the model's own tagger and parser, run on that
sentence alone; the token-wise pipes after them memoised, :mod:`~coalition.extract.memo`),
unless ``prefilter`` is off, in which case every sentence with a trigger goes through the same
code path. The claims (:class:`~coalition.models.Claim`, the one shape every stage speaks) go
to ``doc.user_data["coalition_claims"]``, pickled: user data crosses worker processes through
msgpack, which knows only plain data, and the claims should arrive as the objects they are.
"""

from __future__ import annotations

import pickle
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from coalition.extract.acts import (
    ARMED_REACH,
    CONTINUED_REACH,
    armed_acts,
    continued_target,
    remembered,
)
from coalition.extract.context import Context
from coalition.extract.doers import attack_doers, event_doers
from coalition.extract.frames import frames_for
from coalition.extract.memo import memoised
from coalition.extract.mentions import SPANS_KEY as MENTIONS
from coalition.extract.pairing import Frame
from coalition.extract.parties import Resolver
from coalition.extract.recall import points_back
from coalition.extract.segment import Segment, segment
from coalition.extract.sentence import Hit, Mention, Sentence
from coalition.extract.triggers import SPANS_KEY as TRIGGERS
from coalition.models import EXTRACTOR_VERSION, Certainty, Claim, Dimension, Stance
from coalition.resolve import Gazetteer, Lexicon, article_conflict, load_conflicts, most_named

# Quote marks that may wrap a word or two for emphasis.
OPENING_QUOTES = frozenset({"“", '"', "‘"})
CLOSING_QUOTES = frozenset({"”", '"', "’"})
CLAIMS_KEY = "coalition_claims"
# The caller may name the article here: claims carry its id.
DOC_KEY = "coalition_doc"
# The caller may name the rules version here (packaged data and any data_dir over it).
RULES_KEY = "coalition_rules"
# The caller may leave the text it tokenised here: Doc.text rebuilds it token by token.
TEXT_KEY = "coalition_text"
PARSE_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
# A place in capitals, maybe a country and an agency after it, then a dash; or a place in
# mixed case with the agency's brackets, whole or cut off ("Berlin (Reuters) – ", "Berlin ( – ").
DATELINE = re.compile(r"(?:[A-Z]{2}[A-Z.'’ ]*(?:, [A-Z][\w.'’ ]*)?(?: \([^)]*\))?"
                      r"|[A-Z][a-z]+(?: [A-Z][a-z]+)? \((?:[\w.'’ /]{0,40}\))?) ?[-–—] ")
# The agency after the dateline's dash, as syndicated pages print it: "TAIPEI, Taiwan — (AP) — ".
AGENCY = re.compile(r"\([\w.'’ /]{1,40}\) ?[-–—] ")


@dataclass(slots=True)
class _Item:
    """One sentence of an article on its way through the component."""

    seg: Segment
    mentions: list[Span]
    triggers: list[Span]
    found: list[Mention]
    sub: Doc | None = None
    kept: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class _Sides:
    """Whom each actor was said, with a named target, to back (a party of the article's
    conflict) and to act against, so far in the article."""

    backs: dict[str, str] = field(default_factory=dict)
    foes: dict[str, set[str]] = field(default_factory=dict)

    def learn(self, frames: list[Frame], parties: tuple[str, ...]) -> None:
        for frame in (f for f in frames if f.named_target):
            if frame.stance is Stance.SUPPORT and frame.target in parties:
                self.backs[frame.actor.code] = frame.target
            if frame.stance is Stance.OPPOSE:
                self.foes.setdefault(frame.actor.code, set()).add(frame.target)


@dataclass(slots=True)
class _Plan:
    """An article's sentences, its centre (the default target when none is named) and the
    parties of its conflict."""

    text: str
    doc_id: str
    rules: str
    middle: str | None
    parties: tuple[str, ...] = ()
    items: list[_Item] = field(default_factory=list)


# Candidate sentences per parser batch. With numpy's BLAS (extract/model.py) the products cost
# the same per token from a few dozen sentences up, while a batch of 1,000 sentences made arrays
# of tens of MB that were mapped and zeroed afresh each time: a second of system time per 500
# real articles, against a tenth at 200.
_PARSE_BATCH = 200


class ClaimFinder:
    """Parses candidate sentences and applies the frame rules to them."""

    def __init__(self, nlp: Language, name: str, prefilter: bool, parse_with: list[str]) -> None:
        self.nlp = nlp
        self.name = name
        self.prefilter = prefilter
        self.parse_with = parse_with
        self._data: tuple[Lexicon, Gazetteer, Any] | None = None
        self._parsers: list[Any] = []
        self._attack_forms: frozenset[str] = frozenset()
        self._recall_words: frozenset[str] = frozenset()

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None) -> None:
        """Load the lexicon, gazetteer and conflicts."""
        self._data = (lexicon or Lexicon.load(), gazetteer or Gazetteer.load(), load_conflicts())
        self._parsers = [memoised(self.nlp, name) for name in self.parse_with]
        # Sentences that may name who attacked are always parsed (the doers are carried).
        lexicon = self._data[0]
        self._attack_forms = lexicon.verb_forms("attack_verbs") | {
            form for noun in lexicon.cue("event_heads") for form in (noun, noun + "s")}
        self._recall_words = lexicon.cue("recall_nouns") | lexicon.cue("rebutted_nouns")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Process docs in batches, parsing all their candidate sentences together.

        The parser is much faster on a batch than one sentence at a time, so the candidates
        of a whole batch of articles go through it at once.
        """
        if self._data is None:
            self.initialize()
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            plans = [self._plan(doc) for doc in batch]
            pending = [item for plan in plans for item in plan.items if item.sub is not None]
            parsed = [item.sub for item in pending if item.sub is not None]
            for proc in self._parsers:
                parsed = list(proc.pipe(parsed, batch_size=_PARSE_BATCH))
            for item, sub in zip(pending, parsed, strict=True):
                item.sub = sub
            for doc, plan in zip(batch, plans, strict=True):
                doc.user_data[CLAIMS_KEY] = pickle.dumps(_best(self._claims(plan)))
                yield doc

    def _plan(self, doc: Doc) -> _Plan:
        """The article's sentences, each with its mentions, triggers and (unparsed) doc.

        A sentence is parsed only when the frame rules could make a claim of it: it needs a
        trigger, and an actor and a different target must be reachable. Every party the rules
        find is a gazetteer name of the sentence or what a carry-over word of it stands for,
        which is a name of this or an earlier sentence (:class:`Context` reads nothing else);
        a target may also be the default one (section state or centre). A sentence whose
        reachable codes fall short of that is skipped with no claim lost.
        """
        assert self._data is not None
        lexicon, _, conflicts = self._data
        text = doc.user_data.pop(TEXT_KEY, None) or doc.text
        mentions = sorted(doc.spans[MENTIONS] if MENTIONS in doc.spans else [],
                          key=lambda span: span.start_char)
        hits = sorted(doc.spans[TRIGGERS] if TRIGGERS in doc.spans else [],
                      key=lambda span: span.start_char)
        named_count = Counter(m.label_ for m in mentions if m.label_)
        conflict = article_conflict(conflicts, text, named_count)
        plan = _Plan(text, str(doc.user_data.pop(DOC_KEY, "")),
                     str(doc.user_data.pop(RULES_KEY, EXTRACTOR_VERSION)), None)
        if conflict is not None:
            plan.middle, plan.parties = most_named(conflict, named_count), conflict.parties
        mention_starts = [m.start_char for m in mentions]
        hit_starts = [h.start_char for h in hits]
        context = Context()
        named: set[str] = set()
        for seg in segment(text, lexicon.cue("furniture_lines"),
                           lexicon.cue("furniture_headings")):
            if seg.furniture:
                continue
            lead = _body_start(text, seg.start)
            inside = mentions[bisect_left(mention_starts, lead):
                              bisect_left(mention_starts, seg.end)]
            triggers = hits[bisect_left(hit_starts, lead):bisect_left(hit_starts, seg.end)]
            item = _Item(seg, inside, triggers, [_mention(m) for m in inside])
            context.enter(seg.paragraph, seg.heading, item.found)
            here = {m.code for m in item.found if not m.carrier and m.code}
            named |= here
            carried = any(m.carrier for m in item.found)
            if carried:
                here = here | named  # "he", "the country"
            words = doc.char_span(lead, seg.end, alignment_mode="expand") if here else None
            if not carried and words is not None and \
                    points_back(words, triggers, lexicon, self._recall_words):
                # "condemned *the decision*": the parties of the acts just before (recall)
                here = here | _recent_codes(plan.items[-ARMED_REACH:], named)
            attack = words is not None and any(t.lower_ in self._attack_forms for t in words)
            recent = _recent_codes(plan.items[-CONTINUED_REACH:], named) if triggers else set()
            if here & recent:  # a target the same actor's act before fixed (continued_target)
                here = here | recent
            if attack or (triggers and (not self.prefilter or
                                        _can_claim(here, {context.section, *plan.parties}))):
                item.sub, item.kept = self._sentence_doc(doc, lead, seg.end)
                item.sub = item.sub if item.kept else None
            context.remember(item.found, plan.text)
            plan.items.append(item)
        return plan

    def _claims(self, plan: _Plan) -> list[Claim]:
        """Walk the sentences in order, carrying context, and apply the frames."""
        assert self._data is not None
        lexicon, gazetteer, conflicts = self._data
        context = Context()
        sides = _Sides()
        claims: list[Claim] = []
        for item in plan.items:
            context.enter(item.seg.paragraph, item.seg.heading, item.found)
            if item.sub is not None:
                sentence = self._sentence(item, lexicon)
                resolver = Resolver(sentence, context, lexicon, conflicts)
                frames = [f for f in map(partial(_recognised, gazetteer),
                                         self._frames(resolver, context, plan, sides))
                          if not gazetteer.own_proxy(f.actor.code, f.target)]
                claims += [_claim(f, item.seg, plan, gazetteer) for f in frames]
                sides.learn(frames, plan.parties)
                armed = attack_doers(resolver) | event_doers(resolver)
                context.doers |= armed
                context.acts += armed_acts(armed, context.sentence) + remembered(
                    frames, context.sentence)
            context.remember(item.found, plan.text)
        return claims

    def _sentence_doc(self, doc: Doc, start: int, end: int) -> tuple[Doc, list[Token]]:
        """The sentence as its own doc, white-space tokens and scare quotes dropped (they
        confuse the parser: 'has *“frozen”* its participation' parses as a noun)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = [t for t in span if not t.is_space] if span is not None else []
        scare = _scare_quotes(tokens)
        kept = [t for n, t in enumerate(tokens) if n not in scare]
        # the parser learnt "n't" with a straight apostrophe: "doesn’t" would lose its negation
        # (same length, so character offsets hold)
        words = ["n't" if t.lower_ == "n\u2019t" else t.text for t in kept]
        spaces = [next_.idx > t.idx + len(t.text) for t, next_ in zip(kept, kept[1:], strict=False)]
        spaces += [bool(kept[-1].whitespace_)] if kept else []
        return Doc(self.nlp.vocab, words=words, spaces=spaces), kept

    @staticmethod
    def _sentence(item: _Item, lexicon: Lexicon) -> Sentence:
        """A parsed sentence with mentions and triggers in its own token indices."""
        assert item.sub is not None
        index = {t.i: n for n, t in enumerate(item.kept)}
        found = [_mention(m, index) for m in item.mentions
                 if m.start in index and m.end - 1 in index]
        hits = [Hit(index[h.start], index[h.end - 1] + 1, lexicon.triggers[int(h.label_)])
                for h in item.triggers if h.start in index and h.end - 1 in index]
        return Sentence(item.sub, [t.idx for t in item.kept], found, hits)

    def _frames(self, resolver: Resolver, context: Context, plan: _Plan,
                sides: _Sides) -> list[Frame]:
        def default_target(actor: str, stance: Stance) -> str | None:
            # a party the actor was said to back earlier is whom it gives or withholds more
            # help ("Tehran denied sending weapons" after "Iran sent drones to Russia"); one it
            # was said to act against is never whom it helps ("the US and UK deployed
            # missiles" after "US and UK strikes on the Houthis")
            side = sides.backs.get(actor) if stance is not Stance.OPPOSE else None
            foes = sides.foes.get(actor, set()) if stance is not Stance.OPPOSE else set()
            # the same actor's act of the sentence before fixes the target best of all
            # ("Japan criticised North Korea. Tokyo also imposed sanctions"; acts of the same
            # sentence were tried and made more false alarms than claims)
            recent = continued_target(context.acts, actor, stance, context.sentence)
            if recent is not None:
                return recent
            for code in (context.section, side, plan.middle):
                if code and code != actor and code not in foes:
                    return code
            return None

        sentence = resolver.sentence
        heads = {hit.head(sentence.doc).i: hit for hit in sentence.hits}
        frames: list[Frame] = []
        for hit in sentence.hits:
            here = hit.head(sentence.doc).i
            others = {i: other for i, other in heads.items() if i != here}
            frames += frames_for(hit, resolver, others, default_target)
        return frames


def _recognised(gazetteer: Gazetteer, frame: Frame) -> Frame:
    """A recognition of a breakaway entity as what it does to the state it broke from."""
    if frame.dimension is not Dimension.RECOGNITION:
        return frame
    target, stance = gazetteer.recognised(frame.actor.code, frame.target, frame.stance)
    return replace(frame, target=target, stance=stance)


def _mention(span: Span, index: dict[int, int] | None = None) -> Mention:
    """A gazetteer span as a :class:`Mention`, in sentence token indices when given."""
    start, end = span.start, span.end
    if index is not None:
        start, end = index[span.start], index[span.end - 1] + 1
    return Mention(start, end, span.label_, span.kb_id_, span.start_char, span.end_char)


def _scare_quotes(tokens: list[Token]) -> set[int]:
    """Positions of quote marks around one to three words inside a sentence ('has “frozen”
    its', 'a “special role”'): emphasis, not speech. A quote that starts the sentence or
    holds punctuation is speech and stays."""
    found: set[int] = set()
    for n, token in enumerate(tokens):
        if n == 0 or token.text not in OPENING_QUOTES:
            continue
        for m in range(n + 2, min(n + 5, len(tokens))):
            if tokens[m].text in CLOSING_QUOTES:
                if all(t.is_alpha for t in tokens[n + 1:m]):
                    found |= {n, m}
                break
    return found


def _body_start(text: str, start: int) -> int:
    """Where a sentence starts after its dateline ("UNITED NATIONS - ", "RAFAH, Egypt - ",
    "TAIPEI, Taiwan — (AP) — "): the place it was filed from is neither actor nor target."""
    match = DATELINE.match(text, start)
    if match is None:
        return start
    agency = AGENCY.match(text, match.end())
    return agency.end() if agency else match.end()


def _recent_codes(items: list[_Item], named: set[str]) -> set[str]:
    """The codes the acts of the sentences before can have (:mod:`acts`): only parsed
    sentences tell of acts; their names, or every name so far when one of them has a
    carry-over word."""
    parsed = [item for item in items if item.sub is not None]
    if any(m.carrier for item in parsed for m in item.found):
        return named
    return {m.code for item in parsed for m in item.found if m.code}


def _can_claim(reachable: set[str], defaults: set[str | None]) -> bool:
    """Whether a sentence that can name these codes has an actor and a different target."""
    return bool(reachable) and len(reachable | defaults - {None}) >= 2


def _claim(frame: Frame, seg: Segment, plan: _Plan, gazetteer: Gazetteer) -> Claim:
    return Claim(
        doc=plan.doc_id, actor=frame.actor.code, target=gazetteer.as_target(frame.target),
        dimension=frame.dimension, stance=frame.stance,
        certainty=Certainty.HEDGED if frame.hedged else Certainty.ASSERTED,
        evidence=plan.text[seg.start:seg.end], start=seg.start, end=seg.end,
        confidence=round(frame.confidence, 3),
        actor_start=frame.actor.start, actor_end=frame.actor.end,
        trigger_start=frame.trigger[0], trigger_end=frame.trigger[1], extractor=plan.rules,
    )


def _best(claims: list[Claim]) -> list[Claim]:
    """One claim per key and sentence (the most confident), in text order."""
    best: dict[tuple[Any, ...], Claim] = {}
    for claim in claims:
        key = (*claim.key, claim.start)
        if key not in best or best[key].confidence < claim.confidence:
            best[key] = claim
    return sorted(best.values(), key=lambda c: (c.start, c.trigger_start or 0))


def claims_of(doc: Doc) -> list[Claim]:
    """The claims the component left on a doc."""
    data = doc.user_data.get(CLAIMS_KEY)
    return list(pickle.loads(data)) if data else []


@Language.factory(
    "coalition_claims",
    default_config={"prefilter": True, "parse_with": PARSE_PIPES},
    assigns=["doc.user_data"],
    requires=["doc.spans"],
)
def make_claim_finder(nlp: Language, name: str, prefilter: bool,
                      parse_with: list[str]) -> ClaimFinder:
    """spaCy factory for :class:`ClaimFinder`."""
    return ClaimFinder(nlp, name, prefilter, parse_with)
