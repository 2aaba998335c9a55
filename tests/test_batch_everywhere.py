"""The batch contract wherever extraction runs (this process, the process pool, a dask worker):
an article whose extraction raises is that article's one-line reason, and the rest of its batch
is stored."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from coalition.models import Article
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store

CLAIM = "Iran sent drones to Russia."


def _batch() -> list[Article]:
    # A library caller can hand over what no reader makes: a publication date that is text.
    odd: Any = "next spring"
    return [Article(id="a", text=CLAIM, source="a.txt"),
            Article(id="odd", text="Belarus sent tanks to Russia.", source="odd.txt",
                    published=odd),
            Article(id="b", text="Kazakhstan refused to send troops to Russia.", source="b.txt")]


@contextmanager
def _dask_client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


@pytest.mark.slow
@pytest.mark.parametrize("where", ["here", "pool", "dask"])
def test_an_article_whose_extraction_raises_is_one_rejection(
    tmp_path: Path, where: str, extractor: Any
) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'batch.db'}",
                        workers=2 if where == "pool" else 1, batch_size=3)
    with Store(settings.db) as store:
        if where == "dask":
            with _dask_client() as client:
                report = store_articles(_batch(), store, settings, client=client)
        else:
            report = store_articles(_batch(), store, settings,
                                    extractor=extractor if where == "here" else None)

        assert (report.ingested, report.skipped) == (2, 1)
        (rejected,) = report.rejected
        assert rejected.source == "odd.txt" and "\n" not in rejected.reason
        assert rejected.reason.startswith("AttributeError")
        assert sorted(report.stored_ids) == ["a", "b"]
        assert report.claims == 2
        assert store.verify() == []
