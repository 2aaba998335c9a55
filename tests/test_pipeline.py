"""The ingest flow on a real SQLite file: idempotent, transactional, and the same on a cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks import corpus as bench_corpus

from coalition.models import Article, ClaimQuery, Rejected
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "coalition" / "data" / "sample"

ARTICLES = {
    "drones": "Iran has sent hundreds of Shahed drones to Russia since the autumn.\n\n"
    "Tehran has refused to recognise Russia's annexation of four Ukrainian regions.",
    "oil": "India has kept buying discounted Russian oil, New Delhi confirmed on Monday.",
}


def claim_rows(store: Store) -> set[tuple[object, ...]]:
    rows = store.claims(ClaimQuery(limit=100_000))
    return {(r.claim.doc, *r.claim.key[1:], r.claim.certainty.value, r.claim.evidence,
             r.claim.start, r.claim.end) for r in rows}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_reingest_is_a_no_op(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(db=f"sqlite:///{tmp_path / 'c.db'}")
    folder = write_articles(tmp_path / "in")
    store = Store(settings.db)
    first = store_articles(_read(folder, settings), store, settings, extractor=extractor)
    before = claim_rows(store)
    second = store_articles(_read(folder, settings), store, settings, extractor=extractor)
    assert (first.ingested, first.duplicates) == (2, 0)
    assert first.claims > 0
    assert (second.ingested, second.duplicates, second.claims) == (0, 2, 0)
    assert claim_rows(store) == before
    assert store.stats()["articles"] == 2


def test_same_text_twice_in_one_batch_is_stored_once(
    tmp_path: Path, extractor  # type: ignore[no-untyped-def]
) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'c.db'}")
    text = ARTICLES["oil"]
    items: list[Article | Rejected] = [
        Article(id="a", text=text, source="a.txt"),
        Article(id="b", text=text + "  \n", source="b.txt"),
        Rejected("broken.bin", "binary file, not text"),
    ]
    store = Store(settings.db)
    report = store_articles(items, store, settings, extractor=extractor)
    assert (report.ingested, report.duplicates, report.skipped) == (1, 1, 1)
    assert report.rejected[0].source == "broken.bin"


def _read(folder: Path, settings: Settings) -> list[Article | Rejected]:
    from coalition.ingest import read_sources

    return list(read_sources([str(folder)], settings))


@pytest.mark.slow
def test_kill_9_then_rerun_gives_the_claims_of_one_run(tmp_path: Path, store_url: str) -> None:
    corpus = tmp_path / "corpus"
    bench_corpus.write(corpus, 60)
    env = {**os.environ, "COALITION_BATCH_SIZE": "4"}
    command = [sys.executable, "-m", "coalition", "ingest", str(corpus)]

    whole = tmp_path / "whole.db"
    subprocess.run([*command, "--db", f"sqlite:///{whole}"], env=env, check=True,
                   capture_output=True, timeout=600)

    killed = Store(store_url)  # made before the ingest, so the two do not race to migrate
    proc = subprocess.Popen([*command, "--db", store_url], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while killed.version() < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    interrupted_at = killed.version()
    assert 8 <= interrupted_at < 60
    assert killed.verify() == []

    rerun = subprocess.run([*command, "--db", store_url], env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert claim_rows(killed) == claim_rows(Store(f"sqlite:///{whole}"))
    assert killed.version() == 60
    assert killed.verify() == []
    killed.close()


@pytest.mark.slow
def test_dask_local_cluster_gives_the_claims_of_one_process(
    tmp_path: Path, extractor  # type: ignore[no-untyped-def]
) -> None:
    from distributed import LocalCluster
    from typer.testing import CliRunner

    from coalition.cli import app

    folder = write_articles(tmp_path / "in")
    for name, text in bench_corpus.generate(10, seed=7):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    local = Settings(db=f"sqlite:///{tmp_path / 'local.db'}")
    store_articles(_read(folder, local), Store(local.db), local, extractor=extractor)

    spread = f"sqlite:///{tmp_path / 'dask.db'}"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        result = CliRunner().invoke(app, ["ingest", str(folder), "--db", spread, "--dask",
                                          cluster.scheduler_address, "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "12" in result.stdout
    assert claim_rows(Store(spread)) == claim_rows(Store(local.db))
    assert claim_rows(Store(spread))
