"""The one visible flow: read sources -> skip what is stored -> extract -> store.

Extraction runs in this process, on a pool of local processes (``workers``) or on a
dask.distributed cluster; whichever, the claims are written here, one transaction per article,
so a run killed at any point and started again stores exactly what one uninterrupted run would.

The batch contract: whatever goes wrong with one article (it cannot be read, its extraction
raises or is cut off, the database refuses its rows) becomes that article's
:class:`~coalition.models.Rejected` with a one-line reason, and the batch goes on. Readers
return rejections themselves (:func:`~coalition.ingest.read_sources`); extraction and storing
are guarded here. Only a store that cannot answer at all (the server is down) stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coalition._inflight import batches
from coalition.errors import one_line
from coalition.models import Article, Claim, Rejected
from coalition.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

    from coalition.extract import Extractor
    from coalition.extract.extractor import CutOff
    from coalition.store import Store

Progress = Callable[[str, Article | Rejected], None]
"""Called with an event name (``stored``, ``duplicate``, ``rejected``) and what it concerns."""


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    duplicates: int = 0
    claims: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Inputs that did not become articles."""
        return len(self.rejected)


def run_ingest(
    sources: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    progress: Progress | None = None,
    client: Client | None = None,
) -> IngestReport:
    """Ingest paths and URLs into the store.

    Args:
        sources: paths (files, directories), URLs or feeds, as given on the command line.
        store: where articles and claims go.
        settings: limits, workers and batch size.
        progress: called once per input as it is settled.
        client: a dask.distributed client; extraction then runs on its workers.

    Returns:
        The counts, and every rejected input with its reason.
    """
    from coalition.ingest import read_sources

    return store_articles(read_sources(sources, settings), store, settings,
                          progress=progress, client=client)


def store_articles(
    items: Iterable[Article | Rejected],
    store: Store,
    settings: Settings,
    *,
    progress: Progress | None = None,
    client: Client | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Extract and store articles that are not stored yet; the part of ingest after reading."""
    from coalition.resolve import rules_version

    rules = rules_version(settings.data_dir)
    report = IngestReport()
    notify = progress or (lambda _event, _item: None)

    def reject(article: Article, reason: str) -> None:
        rejected = Rejected(article.source, reason)
        report.rejected.append(rejected)
        notify("rejected", rejected)

    fresh = _fresh(items, store, report, notify)
    results = extract_articles(fresh, settings, on_cut=reject, client=client,
                               extractor=extractor)
    for article, claims in results:
        try:
            stored = store.add_article(article, claims, rules)
        except Exception as exc:  # noqa: BLE001 - the batch contract: one article, one reason
            reject(article, one_line(exc))
            continue
        if stored is None:
            report.duplicates += 1
            notify("duplicate", article)
            continue
        report.ingested += 1
        report.claims += len(claims)
        report.stored_ids.append(stored.id)
        notify("stored", stored)
    return report


def _fresh(
    items: Iterable[Article | Rejected],
    store: Store,
    report: IngestReport,
    notify: Progress,
) -> Iterator[Article]:
    # Skipping stored articles before extraction is what makes a re-run after a crash cheap;
    # the hashes seen in this run catch the same text given twice in one batch.
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Rejected):
            report.rejected.append(item)
            notify("rejected", item)
        elif item.sha256 in seen or store.has_article(item):
            report.duplicates += 1
            notify("duplicate", item)
        else:
            seen.add(item.sha256)
            yield item


def extract_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    on_cut: CutOff,
    client: Client | None = None,
    extractor: Extractor | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """The claims of each article, in input order: on the dask cluster of ``client``, on a
    pool of ``settings.workers`` local processes, or in this process (with ``extractor``, or
    one loaded here). Wherever a batch runs, an article whose extraction raises or is cut off
    is told to ``on_cut`` with its one-line reason, and the rest of its batch goes on
    (:mod:`coalition.extract.guarded`)."""
    if client is not None:
        from coalition.cluster import extract_on_cluster

        return extract_on_cluster(articles, client, settings, on_cut=on_cut)
    if settings.workers > 1:
        from coalition.pool import extract_in_pool

        return extract_in_pool(articles, settings, on_cut=on_cut)
    from coalition.extract import Extractor

    return _here(extractor or Extractor(settings), articles, settings.batch_size, on_cut)


def _here(engine: Extractor, articles: Iterable[Article], size: int,
          on_cut: CutOff) -> Iterator[tuple[Article, list[Claim]]]:
    from coalition.extract.extractor import frozen_heap
    from coalition.extract.guarded import extract_batch, unpack

    with frozen_heap():
        for batch in batches(articles, size):
            yield from unpack(batch, extract_batch(engine, batch), on_cut)
