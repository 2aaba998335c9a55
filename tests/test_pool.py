"""Extraction on a pool of local processes stores the claims one process stores."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from benchmarks import corpus as bench_corpus

from coalition.ingest import read_sources
from coalition.models import Article
from coalition.pipeline import store_articles
from coalition.pool import extract_in_pool
from coalition.settings import Settings
from coalition.store import Store
from tests.test_pipeline import claim_rows, write_articles


@pytest.mark.slow
def test_two_processes_store_the_claims_of_one(
    tmp_path: Path, extractor  # type: ignore[no-untyped-def]
) -> None:
    folder = write_articles(tmp_path / "in")
    for name, text in bench_corpus.generate(12, seed=11):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    one = Settings(db=f"sqlite:///{tmp_path / 'one.db'}")
    store_articles(read_sources([str(folder)], one), Store(one.db), one, extractor=extractor)
    two = Settings(db=f"sqlite:///{tmp_path / 'two.db'}", workers=2, batch_size=3)
    report = store_articles(read_sources([str(folder)], two), Store(two.db), two)
    assert report.ingested == 14
    assert claim_rows(Store(two.db)) == claim_rows(Store(one.db))
    assert claim_rows(Store(two.db))


@pytest.mark.slow
def test_results_come_back_in_input_order() -> None:
    articles = [Article(id=f"a{i}", text=f"Article number {i} says nothing.", source=f"s{i}")
                for i in range(7)]
    settings = Settings(workers=2, batch_size=2)
    cut: list[tuple[Article, str]] = []
    got = list(extract_in_pool(iter(articles), settings,
                               on_cut=lambda article, reason: cut.append((article, reason))))
    assert cut == []
    assert [article.id for article, _claims in got] == [a.id for a in articles]
    assert all(claims == [] for _article, claims in got)


@pytest.mark.slow
def test_a_killed_process_is_replaced_and_no_article_is_lost(extractor: Any) -> None:
    articles = [Article(id=name, text=text, source=name)
                for name, text in bench_corpus.generate(10, seed=5)]
    alone = {article.id: claims for article, claims in extractor.extract_many(articles)}
    settings = Settings(workers=2, batch_size=2)
    cut: list[tuple[Article, str]] = []
    got = []
    for pair in extract_in_pool(iter(articles), settings,
                                on_cut=lambda article, reason: cut.append((article, reason))):
        if not got:  # the pool holds the next batches now: kill its processes under them
            for process in multiprocessing.active_children():
                os.kill(process.pid, signal.SIGKILL)
        got.append(pair)
    assert cut == []
    assert {article.id: claims for article, claims in got} == alone
    assert [article.id for article, _claims in got] == [a.id for a in articles]
