"""The :class:`Extractor`: articles in, claims out, one spaCy pipeline loaded once."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from coalition.errors import InputError
from coalition.extract import component, mentions, triggers  # noqa: F401  (registers factories)
from coalition.extract.component import DOC_KEY, PARSE_PIPES, RULES_KEY, TEXT_KEY, claims_of
from coalition.extract.mentions import PUBLISHED_KEY
from coalition.extract.model import load_model
from coalition.extract.pieces import PIECE_CHARS, pieces
from coalition.models import Article, Claim
from coalition.resolve import Gazetteer, Lexicon, rules_version, user_data
from coalition.resolve.when import WhenReader
from coalition.settings import Settings

CutOff = Callable[[Article, str], None]
"""Told of an article whose extraction was cut off, with the reason; it yields no claims."""


def build_pipeline(model: str, *, prefilter: bool = True) -> Language:
    """The model with coalition's components added and its own pipes run only on demand.

    Args:
        model: the spaCy model package.
        prefilter: parse only candidate sentences (claims are the same either way).

    Returns:
        A pipeline whose ``nlp.pipe`` leaves claims on each doc (:func:`claims_of`).
    """
    nlp = load_model(model)
    parse_with = [name for name in PARSE_PIPES if name in nlp.pipe_names]
    for name in parse_with:
        nlp.disable_pipe(name)
    names, hits, claims = (
        nlp.add_pipe("coalition_mentions"),
        nlp.add_pipe("coalition_triggers"),
        nlp.add_pipe("coalition_claims",
                     config={"prefilter": prefilter, "parse_with": parse_with}),
    )
    # load the data once here, not in every worker process, and each file once, not per pipe
    lexicon, gazetteer = Lexicon.load(), Gazetteer.load()
    cast(Any, names).initialize(gazetteer=gazetteer, lexicon=lexicon)
    cast(Any, hits).initialize(lexicon=lexicon)
    cast(Any, claims).initialize(lexicon=lexicon, gazetteer=gazetteer)
    return nlp


class Extractor:
    """Extracts claims from articles, each dated by its sentence (:mod:`coalition.resolve.when`);
    the spaCy model loads once, in the constructor.

    The rule data is the packaged data with ``settings.data_dir`` laid over it; ``version``
    names both, and every claim carries it.
    """

    def __init__(self, settings: Settings, *, prefilter: bool = True) -> None:
        self.settings = settings
        self.prefilter = prefilter
        self.version = rules_version(settings.data_dir)
        with user_data(settings.data_dir):
            self.nlp = build_pipeline(settings.model, prefilter=prefilter)
        self.dates = WhenReader()

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article, in text order.

        Raises:
            InputError: the article went over ``max_claims`` or ``article_seconds``.
        """
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article], *, n_process: int = 1,
                     batch_size: int = 64,
                     on_cut: CutOff | None = None) -> Iterator[tuple[Article, list[Claim]]]:
        """Stream ``(article, claims)`` pairs in input order.

        An article over :data:`~coalition.extract.pieces.PIECE_CHARS` is read in pieces, one
        at a time. One that finds more than ``settings.max_claims`` claims, or whose pieces
        take longer than ``settings.article_seconds``, is cut off: no pair, ``on_cut`` is told
        why. (With ``n_process`` over 1, pieces go through in batches like articles, so a
        cut-off takes effect a batch later.)

        Args:
            articles: any iterable; it is consumed lazily, so memory stays flat.
            n_process: worker processes (spaCy's ``nlp.pipe(n_process=...)``).
            batch_size: articles (pieces) per batch.
            on_cut: told of each cut-off article; without it, a cut-off raises
                :class:`~coalition.errors.InputError` and ends the stream.

        Returns:
            An iterator of pairs.
        """
        reading = _Reading()
        if n_process > 1:
            # Worker processes start once per nlp.pipe call, so everything is one stream.
            stream = self.nlp.pipe(self._pieces(articles, reading), as_tuples=True,
                                   n_process=n_process, batch_size=batch_size)
        else:
            # A long article goes through alone, one piece per batch, so the bounds are
            # checked after each piece rather than after a batch of them.
            stream = chain.from_iterable(
                self.nlp.pipe(self._pieces(group, reading), as_tuples=True, batch_size=size)
                for group, size in _groups(articles, batch_size))
        for doc, piece in stream:
            if piece.article is reading.cut:
                continue  # already in flight when its article was cut off
            reading.found += _shifted(claims_of(doc), piece.start)
            reason = piece.reason or self._over_claims(reading.found, piece)
            if reason:
                reading.cut, reading.found = piece.article, []
                if on_cut is None:
                    raise InputError(piece.article.source, reason)
                on_cut(piece.article, reason)
            elif piece.last:
                yield piece.article, self.dates.date_claims(piece.article, reading.found)
                reading.found = []

    def _pieces(self, articles: Iterable[Article],
                reading: _Reading) -> Iterator[tuple[Doc, _Piece]]:
        """Each article's pieces as docs; a piece of an article that ran out of time is
        replaced by an empty one carrying the reason, and the rest are not read."""
        limit = self.settings.article_seconds
        for article in articles:
            spans = pieces(article.text)
            began = time.monotonic()
            for n, (start, end) in enumerate(spans):
                if reading.cut is article:
                    break
                if n and time.monotonic() - began > limit:
                    reason = (f"cut off after {limit:g} s (article_seconds): {start} of "
                              f"{len(article.text)} characters read")
                    yield self._doc(article, 0, 0), _Piece(article, start, True, reason)
                    break
                yield self._doc(article, start, end), _Piece(article, start, n + 1 == len(spans))

    def _over_claims(self, found: list[Claim], piece: _Piece) -> str | None:
        most = self.settings.max_claims
        if len(found) <= most:
            return None
        return (f"over the max_claims limit: more than {most} claims; not read past "
                f"character {found[-1].end} of {len(piece.article.text)}")

    def _doc(self, article: Article, start: int, end: int) -> Doc:
        text = article.text[start:end]
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        doc.user_data[DOC_KEY] = article.id
        doc.user_data[RULES_KEY] = self.version
        if article.published is not None:
            doc.user_data[PUBLISHED_KEY] = article.published.isoformat()
        return doc


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep every object alive now (a loaded model and its rule data are most of them) out of
    the cyclic garbage collector's full passes until the block ends.

    A run of extraction makes and drops many objects, so full collections come often, and
    each walked the model and the rule data again (about 5% of extraction CPU on the real-news
    texts). At the end they are handed back to the collector (``gc.unfreeze``), so a process
    that loads extractors again and again frees them as before.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _groups(articles: Iterable[Article], size: int) -> Iterator[tuple[list[Article], int]]:
    """Runs of up to ``size`` short articles, and each long one alone: (group, batch size)."""
    group: list[Article] = []
    for article in articles:
        if len(article.text) > PIECE_CHARS:
            if group:
                yield group, size
                group = []
            yield [article], 1
            continue
        group.append(article)
        if len(group) == size:
            yield group, size
            group = []
    if group:
        yield group, size


@dataclass(frozen=True, slots=True)
class _Piece:
    """Which article a doc is a piece of, where in its text it starts, and whether it is the
    last; ``reason`` says why it is an empty stand-in for pieces not read."""

    article: Article
    start: int
    last: bool
    reason: str | None = None


@dataclass(slots=True)
class _Reading:
    """The claims found so far of the article being read, and the last article cut off."""

    found: list[Claim] = field(default_factory=list)
    cut: Article | None = None


def _shifted(claims: list[Claim], offset: int) -> list[Claim]:
    """A piece's claims with their positions in the whole article's text."""
    if not offset:
        return claims
    return [replace(c, start=c.start + offset, end=c.end + offset,
                    actor_start=_moved(c.actor_start, offset),
                    actor_end=_moved(c.actor_end, offset),
                    trigger_start=_moved(c.trigger_start, offset),
                    trigger_end=_moved(c.trigger_end, offset)) for c in claims]


def _moved(position: int | None, offset: int) -> int | None:
    return None if position is None else position + offset
