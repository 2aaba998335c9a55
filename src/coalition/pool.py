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


def _extract_batch(batch: list[Article]) -> list[Outcome]:
    # Outcomes alone come back: the submitting process still holds the batch's articles.
    assert _extractor is not None, "pool process without its extractor"
    return extract_batch(_extractor, batch)


def extract_in_pool(
    articles: Iterable[Article], settings: Settings, *, on_cut: CutOff
) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract claims on ``settings.workers`` processes, yielding results in input order.

    Args:
        articles: the articles to extract, read lazily.
        settings: ``workers`` processes, ``batch_size`` articles per task, and the model.
        on_cut: told of each article skipped (cut off, or its extraction raised), with the
            reason; the rest of its batch goes on.

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
            yield from unpack(batch, future.result(), on_cut)
    finally:
        pool.shutdown(cancel_futures=True)
