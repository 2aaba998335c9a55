"""Extraction on a pool of local processes: batches of articles go out, claims come back.

Each process loads the spaCy pipeline once; the process that reads the inputs keeps each
batch and gets back only the claims, then stores them, one transaction per article, as a
single process would and in the same order. Unlike spaCy's own ``n_process``, which sends every
parsed ``Doc`` back to the main process, nothing heavier than claims crosses between processes,
so two processes extract nearly twice as fast as one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from coalition._inflight import batches, in_order
from coalition.models import Article, Claim
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.extract import Extractor

# The one extractor of a pool process, set by its initializer: a task function can reach
# per-process state no other way.
_extractor: Extractor | None = None


def _load(settings: Settings) -> None:
    global _extractor
    from coalition.extract import Extractor

    _extractor = Extractor(settings)


def _extract_batch(batch: list[Article]) -> list[list[Claim]]:
    assert _extractor is not None, "pool process without its extractor"
    return [found for _article, found in _extractor.extract_many(batch)]


def extract_in_pool(
    articles: Iterable[Article], settings: Settings
) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract claims on ``settings.workers`` processes, yielding results in input order.

    Args:
        articles: the articles to extract, read lazily.
        settings: ``workers`` processes, ``batch_size`` articles per task, and the model.

    Returns:
        (article, claims) pairs, in the order of ``articles``.
    """
    workers = max(1, settings.workers)
    # Spawned, not forked: the parent may run threads (a progress bar) whose locks a fork
    # would copy in a held state.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_load, initargs=(settings,))
    try:
        sent = in_order(batches(articles, settings.batch_size),
                        lambda batch: pool.submit(_extract_batch, batch), window=2 * workers)
        for batch, future in sent:
            yield from zip(batch, future.result(), strict=True)
    finally:
        pool.shutdown(cancel_futures=True)
