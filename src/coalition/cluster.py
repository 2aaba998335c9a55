"""Extraction on a dask.distributed cluster (imported only when a cluster is used).

Each worker loads the spaCy pipeline once, through a worker plugin, and extracts batches of
articles; their claims come back to the submitting process, which stores them. Only a bounded
number of batches is in flight (:mod:`coalition._inflight`, shared with the local process pool),
so memory stays flat however long the input is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, WorkerPlugin, get_worker

from coalition._inflight import batches, in_order
from coalition.errors import ConfigError
from coalition.extract.guarded import Outcome, extract_batch, unpack
from coalition.models import Article, Claim
from coalition.settings import Settings

PLUGIN_NAME = "coalition-extractor"


class ExtractorPlugin(WorkerPlugin):
    """A dask worker plugin that holds one loaded :class:`~coalition.extract.Extractor`."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.extractor: Any = None

    def setup(self, worker: Any) -> None:
        from coalition.extract import Extractor

        self.extractor = Extractor(self.settings)

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def _extract_batch(batch: list[Article]) -> list[Outcome]:
    # Outcomes alone come back: the submitting process still holds the batch's articles.
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    return extract_batch(plugin.extractor, batch)


def connect(address: str) -> Client:
    """A client for the scheduler at ``address`` (``tcp://host:8786``)."""
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"dask scheduler {address}: cannot connect ({exc})") from exc


def extract_on_cluster(
    articles: Iterable[Article], client: Client, settings: Settings, *,
    on_cut: Callable[[Article, str], None],
) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract claims on the cluster's workers, yielding results in input order.

    Args:
        articles: the articles to extract, read lazily.
        client: a connected dask.distributed client.
        settings: ``batch_size`` sets the articles per task.
        on_cut: told of each article skipped (cut off, or its extraction raised), with the
            reason; the rest of its batch goes on.

    Returns:
        (article, claims) pairs, in the order of ``articles``.
    """
    client.register_plugin(ExtractorPlugin(settings), name=PLUGIN_NAME)
    window = 2 * max(1, sum(client.nthreads().values()))
    sent = in_order(batches(articles, settings.batch_size),
                    lambda batch: client.submit(_extract_batch, batch, pure=False), window)
    for batch, future in sent:
        yield from unpack(batch, future.result(), on_cut)
        future.release()
