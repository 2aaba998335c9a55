"""Token-wise pipes (attribute ruler, lemmatizer) memoised on the token attributes they read.

The model's attribute ruler runs a :class:`~spacy.matcher.Matcher` with ~180 patterns over every
token, which costs more than the parser on short sentences; the lemmatizer is a Python loop.
Both decide each token from that token alone (the ruler's few multi-token patterns aside), so
their output is a function of a handful of token attributes, and a token seen before needs
only a table look-up. On a miss the real pipe runs on the doc and every token's result is
recorded, so the table only ever holds what the pipe itself computed (the lemmatizer, whose
rule for one token can be called alone, decides just the unseen tokens of a doc). The ruler's
patterns test the lower-case form only against listed words and regular expressions, so every
other form shares one key, and the table fills within a few articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# The memo is cleared when it reaches this many entries, so memory stays flat on any corpus.
MAX_ENTRIES = 100_000
_MISSING = object()


class TokenMemo:
    """A token-wise pipe, memoised: ``memo(doc)`` sets what ``pipe(doc)`` would."""

    def __init__(self, pipe: Any, reads: list[int], writes: list[int],
                 guard: Matcher | None = None,
                 lower_class: Callable[[int], int] | None = None,
                 one: Callable[[Token], None] | None = None) -> None:
        """Wrap ``pipe``, whose output per token depends only on ``reads`` of that token.

        Args:
            pipe: a callable pipe that changes only ``writes`` of each token.
            reads: every attribute the pipe's decision reads, ``writes`` included (their
                value before the pipe runs is part of the key).
            writes: the attributes it sets.
            guard: single-token patterns for tokens that may be decided with their
                neighbours (whether a token matches is a function of its key too); a doc
                with such a token always goes through the real pipe.
            lower_class: maps the ``LOWER`` read to the class of forms the pipe cannot tell
                apart (used in the key instead of the form).
            one: what the pipe does to one token, when it can be asked for that: a doc
                with only some tokens unseen then has only those decided, not the whole doc.
        """
        self.inner, self.reads, self.writes, self.guard = pipe, reads, writes, guard
        self.lower_class, self.one = lower_class, one
        # a key's value is what the pipe wrote, or None when the guard matched such a token
        self._table: dict[tuple[int, ...], tuple[int, ...] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = _rows(doc, self.reads)
        if self.lower_class is not None:
            column, classify = self.reads.index(LOWER), self.lower_class
            for row in rows:
                row[column] = classify(row[column])
        keys = [tuple(row) for row in rows]
        found = [self._table.get(key, _MISSING) for key in keys]
        if _MISSING in found:
            # a doc of unseen tokens only (the very first, always) goes through the real pipe
            if self.one is None or all(value is _MISSING for value in found):
                return self._learn(doc, keys)
            found = self._decide(doc, keys, found)
        if None in found:  # a token that may take part in a multi-token pattern
            ruled: Doc = self.inner(doc)
            return ruled
        if keys:
            doc.from_array(list(self.writes), _array(doc, found))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Like :meth:`spacy.pipeline.Pipe.pipe`: the docs, one at a time."""
        return map(self, docs)

    def _decide(self, doc: Doc, keys: list[tuple[int, ...]],
                found: list[Any]) -> list[Any]:
        """``found`` with the unseen tokens decided one by one, and recorded."""
        assert self.one is not None
        if len(self._table) > MAX_ENTRIES:
            self._table.clear()
        unseen = [i for i, value in enumerate(found) if value is _MISSING]
        for i in unseen:
            self.one(doc[i])
        rows = _rows(doc, self.writes)
        for i in unseen:
            found[i] = self._table[keys[i]] = tuple(rows[i])
        return found

    def _learn(self, doc: Doc, keys: list[tuple[int, ...]]) -> Doc:
        """Run the real pipe and record its result (or, for guarded tokens, that it has none)."""
        if len(self._table) > MAX_ENTRIES:
            self._table.clear()
        guarded = {start for _, start, _ in self.guard(doc)} if self.guard is not None else ()
        for i in guarded:
            self._table[keys[i]] = None
        doc = self.inner(doc)
        if not guarded:
            for key, value in zip(keys, _rows(doc, self.writes), strict=True):
                self._table[key] = tuple(value)
        return doc


class _LowerClasses:
    """The class of a lower-case form for the attribute ruler: the form itself when a pattern
    names it or one of its regular expressions matches it, else 0 (all other forms)."""

    def __init__(self, strings: Any, named: set[str], regexes: list[str]) -> None:
        self.strings, self.named = strings, named
        self.regexes = [re.compile(r) for r in regexes]
        self._seen: dict[int, int] = {}

    def __call__(self, lower: int) -> int:
        found = self._seen.get(lower)
        if found is None:
            if len(self._seen) > MAX_ENTRIES:
                self._seen.clear()
            form = self.strings[lower]
            named = form in self.named or any(r.search(form) for r in self.regexes)
            found = self._seen[lower] = lower if named else 0
        return found


def _lower_classes(strings: Any, rules: list[dict[str, Any]]) -> _LowerClasses | None:
    """The lower-case classes of a ruler's patterns, or ``None`` when a pattern reads more
    than tag, lower-case form (by equality, ``IN``, ``NOT_IN`` or ``REGEX``), dependency
    and white space, or has an operator (then there is no token-wise shortcut)."""
    named: set[str] = set()
    regexes: list[str] = []
    for token in (t for rule in rules for pattern in rule["patterns"] for t in pattern):
        if not set(token) <= {"TAG", "LOWER", "DEP", "IS_SPACE"}:
            return None
        test = token.get("LOWER", {})
        if isinstance(test, str):
            test = {"IN": [test]}
        if not set(test) <= {"IN", "NOT_IN", "REGEX"}:
            return None
        named.update(test.get("IN", []), test.get("NOT_IN", []))
        regexes += [test["REGEX"]] if "REGEX" in test else []
    return _LowerClasses(strings, named, regexes)


def _rows(doc: Doc, attrs: list[int]) -> list[list[int]]:
    # to_array drops the second axis when given one attribute
    array: Any = doc.to_array(list(attrs))
    rows: list[list[int]] = array.reshape(len(doc), -1).tolist()
    return rows


def _array(doc: Doc, rows: list[Any]) -> Any:
    import numpy

    return numpy.asarray(rows, dtype="uint64").reshape(len(doc), -1)


def memoised(nlp: Language, name: str) -> Any:
    """The pipe ``name`` of ``nlp``, memoised when it is a known token-wise pipe.

    The attribute ruler reads tag, lower-case form, dependency and white space, and writes
    tag, part of speech, morphology and lemma; the guard sends docs where one of its
    multi-token patterns (or a pattern setting the dependency label) could apply to the real
    ruler; a ruler whose patterns read more keeps running as it is. The lemmatizer reads
    the form, part of speech, morphology and any lemma set.
    """
    pipe: Any = nlp.get_pipe(name)
    if name == "attribute_ruler":
        rules = pipe.patterns
        classes = _lower_classes(nlp.vocab.strings, rules)
        if classes is None:
            return pipe
        guard = Matcher(nlp.vocab)
        for number, rule in enumerate(rules):
            # a multi-token pattern matches only where its first token does
            starts = [[p[0]] for p in rule["patterns"] if len(p) > 1 or "DEP" in rule["attrs"]]
            if starts:
                guard.add(str(number), starts)
        return TokenMemo(pipe, [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA],
                         [TAG, POS, MORPH, LEMMA], guard, classes)
    if name == "lemmatizer" and getattr(pipe, "mode", None) == "rule":
        _index_as_sets(pipe)
        return TokenMemo(pipe, [ORTH, POS, MORPH, LEMMA], [LEMMA], one=partial(_lemmatise, pipe))
    return pipe


class _Index(list[str]):
    """A list of known lemmas whose ``in`` is a set look-up: the rule lemmatizer asks ``form in
    index`` of each candidate form, and a list of 57,000 nouns took a quarter of a millisecond
    a word. Still a list, so the table serialises as before."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._set = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._set


def _index_as_sets(pipe: Any) -> None:
    """The lemmatizer's known-lemma lists (one per part of speech) as :class:`_Index`."""
    if "lemma_index" not in pipe.lookups:
        return
    table = pipe.lookups.get_table("lemma_index")
    for key in list(table):
        if isinstance(table[key], list) and not isinstance(table[key], _Index):
            table[key] = _Index(table[key])


def _lemmatise(pipe: Any, token: Token) -> None:
    """What spaCy's lemmatizer does to one token (``Lemmatizer.__call__``, token by token)."""
    if pipe.overwrite or token.lemma == 0:
        token.lemma_ = pipe.lemmatize(token)[0]
