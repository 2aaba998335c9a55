"""Extraction on a pool of local processes: batches of articles go out, claims come back.

Each process loads the spaCy pipeline once; the process that reads the inputs keeps each
batch and gets back only the claims, then stores them, one transaction per article, as a
single process would and in the same order. Unlike spaCy's own ``n_process``, which sends every
parsed ``Doc`` back to the main process, nothing heavier than claims crosses between processes,
so two processes extract nearly twice as fast as one.

A process that dies (a crash in native code, the kernel's out-of-memory killer) breaks the
whole pool: it is started again, and the batches it held are read again one article to a task,
so only an article that kills its process a second time is skipped, with that as its reason.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coalition._inflight import batches, in_order
from coalition.extract.guarded import Outcome, extract_batch, unpack
from coalition.models import Article, Claim
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.extract import Extractor
    from coalition.extract.extractor import CutOff

# The one extractor of a pool process, set by its initializer: a task function can reach
# per-process state no other way.
_extractor: Extractor | None = None


def _load(settings: Settings) -> None:
    global _extractor
    from coalition.extract import Extractor

    _extractor = Extractor(settings)
    # the process lives as long as its extractor: the model and rule data stay out of the
    # collector's full passes for good (coalition.extract.extractor.frozen_heap says why)
    gc.freeze()


def _extract_batch(batch: list[Article]) -> list[Outcome]:
    # Outcomes alone come back: the submitting process still holds the batch's articles.
    assert _extractor is not None, "pool process without its extractor"
    return extract_batch(_extractor, batch)


@dataclass(frozen=True)
class _Task:
    """A batch sent to the pool, and which start of the pool it went to."""

    future: Future[list[Outcome]]
    generation: int

    def result(self) -> list[Outcome]:
        return self.future.result()


class _Workers:
    """The pool's processes, started again when one of them dies."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._generation = 0
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # Spawned, not forked: the parent may run threads (a progress bar) whose locks a fork
        # would copy in a held state.
        return ProcessPoolExecutor(max(1, self._settings.workers),
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_load, initargs=(self._settings,))

    def submit(self, batch: list[Article]) -> _Task:
        return _Task(self._pool.submit(_extract_batch, batch), self._generation)

    def outcomes(self, batch: list[Article], task: _Task) -> list[Outcome]:
        """The batch's outcomes; if its pool broke, each article again in a task of its own."""
        try:
            return task.result()
        except BrokenProcessPool:
            self._restart(task.generation)
        return [self._alone(article) for article in batch]

    def _alone(self, article: Article) -> Outcome:
        task = self.submit([article])
        try:
            return task.result()[0]
        except BrokenProcessPool:
            self._restart(task.generation)
            return "its extraction process died (a crash or out of memory) twice; skipped"

    def _restart(self, broken: int) -> None:
        # The other batches of a broken pool fail too: only the first to tell starts a new one.
        if broken == self._generation:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._generation += 1
            self._pool = self._start()

    def shutdown(self) -> None:
        self._pool.shutdown(cancel_futures=True)


def extract_in_pool(
    articles: Iterable[Article], settings: Settings, *, on_cut: CutOff
) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract claims on ``settings.workers`` processes, yielding results in input order.

    Args:
        articles: the articles to extract, read lazily.
        settings: ``workers`` processes, ``batch_size`` articles per task, and the model.
        on_cut: told of each article skipped (cut off, its extraction raised, or it killed its
            process twice), with the reason; the rest of its batch goes on.

    Returns:
        (article, claims) pairs, in the order of ``articles``.
    """
    workers = _Workers(settings)
    try:
        sent = in_order(batches(articles, settings.batch_size), workers.submit,
                        window=2 * max(1, settings.workers))
        for batch, task in sent:
            yield from unpack(batch, workers.outcomes(batch, task), on_cut)
    finally:
        workers.shutdown()
