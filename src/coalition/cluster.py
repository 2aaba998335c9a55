"""Extraction on a dask.distributed cluster (imported only when a cluster is used).

Each worker loads the spaCy pipeline once, through a worker plugin, and extracts batches of
articles; the results come back to the submitting process, which stores them. Only a bounded
number of batches is in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from distributed import Client, WorkerPlugin, as_completed, get_worker

from coalition.errors import ConfigError
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


def _extract_batch(batch: list[Article]) -> list[tuple[Article, list[Claim] | str]]:
    """Each article's claims, or the reason its extraction was cut off."""
    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    cut: list[tuple[Article, list[Claim] | str]] = []
    done = list(plugin.extractor.extract_many(batch, on_cut=lambda a, r: cut.append((a, r))))
    return [*done, *cut]


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
    """Extract claims on the cluster's workers, yielding results as batches finish.

    Args:
        articles: the articles to extract, read lazily.
        client: a connected dask.distributed client.
        settings: ``batch_size`` sets the articles per task.
        on_cut: told of each article whose extraction was cut off, with the reason.

    Returns:
        (article, claims) pairs, batch by batch in completion order.
    """
    client.register_plugin(ExtractorPlugin(settings), name=PLUGIN_NAME)
    window = 2 * max(1, sum(client.nthreads().values()))
    source = iter(articles)

    def next_batch() -> list[Article]:
        return list(islice(source, max(1, settings.batch_size)))

    pending = as_completed()
    for _ in range(window):
        batch = next_batch()
        if not batch:
            break
        pending.add(client.submit(_extract_batch, batch, pure=False))
    for future in pending:
        for article, found in future.result():
            if isinstance(found, str):
                on_cut(article, found)
            else:
                yield article, found
        future.release()
        batch = next_batch()
        if batch:
            pending.add(client.submit(_extract_batch, batch, pure=False))
