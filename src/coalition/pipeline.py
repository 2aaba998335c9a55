"""The one visible flow: read sources -> skip what is stored -> extract -> store.

Extraction runs in this process, on a pool of local processes (``workers``) or on a
dask.distributed cluster; whichever, the claims are written here, one transaction per article,
so a run killed at any point and started again stores exactly what one uninterrupted run would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coalition.models import Article, Claim, Rejected
from coalition.settings import Settings

if TYPE_CHECKING:
    from distributed import Client

    from coalition.extract import Extractor
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
    fresh = _fresh(items, store, report, notify)
    results = extract_articles(fresh, settings, client=client, extractor=extractor)
    for article, claims in results:
        stored = store.add_article(article, claims, rules)
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
    client: Client | None = None,
    extractor: Extractor | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """The claims of each article, in input order: on the dask cluster of ``client``, on a
    pool of ``settings.workers`` local processes, or in this process (with ``extractor``, or
    one loaded here)."""
    if client is not None:
        from coalition.cluster import extract_on_cluster

        return extract_on_cluster(articles, client, settings)
    if settings.workers > 1:
        from coalition.pool import extract_in_pool

        return extract_in_pool(articles, settings)
    from coalition.extract import Extractor

    engine = extractor or Extractor(settings)
    return engine.extract_many(articles, batch_size=settings.batch_size)
