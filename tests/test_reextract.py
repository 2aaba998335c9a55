"""Re-extraction with new rules: reviews survive, the applied scorecard holds, kill -9 is safe."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from benchmarks import corpus as bench_corpus

from coalition.aggregate import scorecard
from coalition.models import Article, ClaimQuery, Dimension, Stance
from coalition.pipeline import store_articles
from coalition.reextract import run_reextract, version_key
from coalition.resolve import rules_version
from coalition.review import Decision, Verdict, View
from coalition.settings import Settings
from coalition.store import Store
from tests.test_pipeline import SAMPLE, claim_rows

LEADERS = "name,aliases,code,role,start,end\nJane Example,,FRA,president,2020-01-01,\n"


def _data_dir(folder: Path) -> Path:
    """A user data folder: enough to make a new rules version, without changing any claim."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "leaders.csv").write_text(LEADERS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bumped(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """An extractor whose rules version differs from the packaged one."""
    from coalition.extract import Extractor

    folder = _data_dir(tmp_path_factory.mktemp("data") / "mine")
    return Extractor(Settings(data_dir=str(folder)))


def _sample() -> list[Article]:
    from coalition.ingest import read_sources

    return [a for a in read_sources([str(SAMPLE)], Settings()) if isinstance(a, Article)]


def _review_three(store: Store) -> list[int]:
    rows = store.claims(ClaimQuery(limit=3, dimension=Dimension.ARMS))
    assert len(rows) == 3
    accepted, rejected, corrected = (row.id for row in rows)
    store.review_claim(accepted, Decision(Verdict.ACCEPT, note="checked"), "alice")
    store.review_claim(rejected, Decision(Verdict.REJECT, note="not a claim"), "bob")
    store.review_claim(corrected, Decision(Verdict.CORRECT, {"stance": "refuse",
                                                              "dimension": "military"}), "alice")
    return [accepted, rejected, corrected]


def test_reviews_survive_a_new_rules_version(
    store_url: str, extractor: Any, bumped: Any
) -> None:
    with Store(store_url) as store:
        store_articles(_sample(), store, Settings(), extractor=extractor)
        _review_three(store)
        applied = scorecard(store.stance_counts(view=View.APPLIED))
        assert applied != scorecard(store.stance_counts(view=View.MACHINE))
        report = run_reextract(store, Settings(), extractor=bumped)
        assert report.rules == bumped.version != extractor.version
        assert report.redone == len(_sample()) and report.current == 0
        change = report.by_version[extractor.version]
        assert (change.articles, change.reattached, change.orphaned) == (len(_sample()), 3, [])
        assert (change.added, change.removed, change.changed) == (0, 0, 0)
        assert report.orphans == []
        assert scorecard(store.stance_counts(view=View.APPLIED)) == applied
        attached = {r.claim_id for r in store.reviews()}
        assert None not in attached and len(attached) == 3
        log = [(e.review_id, e.reviewer, e.action) for e in store.review_log()]
        assert [a for _, _, a in log] == ["accept", "reject", "correct", *["reattach"] * 3]
        assert {r for r, who, _ in log if who == "reextract"} == {r for r, _, _ in log}
        # Everything is current now: a second run redoes nothing.
        again = run_reextract(store, Settings(), extractor=bumped)
        assert (again.redone, again.current) == (0, len(_sample()))


def test_since_version_keeps_to_articles_of_that_version_or_later(
    tmp_path: Path, extractor: Any, bumped: Any
) -> None:
    with Store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        store_articles(_sample(), store, Settings(), extractor=extractor)
        later = run_reextract(store, Settings(), extractor=bumped, since_version="99.0")
        assert (later.redone, later.current) == (0, 0)
        same = run_reextract(store, Settings(), extractor=bumped,
                             since_version=extractor.version.split("/")[1].split("+")[0])
        assert same.redone == len(_sample())
    assert version_key("coalition-rules/0.3.0+1a2b3c4d") == (0, 3, 0) > version_key("")
    assert version_key("0.10") > version_key("coalition-rules/0.9.9")


def _done(db: Path, rules: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            query = "select count(*) from extractions where extractor = ?"
            return int(conn.execute(query, (rules,)).fetchone()[0])
    except sqlite3.Error:
        return 0


def _ingest_and_review_one(corpus: Path, db: str, extractor: Any) -> None:
    from coalition.ingest import read_sources

    with Store(db) as store:
        store_articles(read_sources([str(corpus)], Settings()), store, Settings(),
                       extractor=extractor)
        rows = store.claims(ClaimQuery(limit=1, stance=Stance.SUPPORT))
        store.review_claim(rows[0].id, Decision(Verdict.ACCEPT), "alice")


@pytest.mark.slow
def test_kill_9_then_rerun_reextracts_each_article_once(tmp_path: Path, extractor: Any) -> None:
    corpus = tmp_path / "corpus"
    bench_corpus.write(corpus, 40)
    db = tmp_path / "c.db"
    _ingest_and_review_one(corpus, f"sqlite:///{db}", extractor)
    before = claim_rows(Store(f"sqlite:///{db}"))
    folder = _data_dir(tmp_path / "mine")
    rules = rules_version(folder)
    env = {**os.environ, "COALITION_BATCH_SIZE": "2", "COALITION_DATA_DIR": str(folder),
           "COALITION_DB": f"sqlite:///{db}"}
    command = [sys.executable, "-m", "coalition", "reextract"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _done(db, rules) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "reextract finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 5 <= _done(db, rules) < 40

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert _done(db, rules) == 40  # each article once: a killed article's change rolled back
    with Store(f"sqlite:///{db}") as store:
        assert claim_rows(store) == before
        assert [r.claim_id is not None for r in store.reviews()] == [True]
        assert [e.action for e in store.review_log()][-1] == "reattach"


def test_an_article_cut_off_keeps_its_claims_and_the_run_goes_on(
    store_url: str, extractor: Any, tmp_path: Path
) -> None:
    from coalition.extract import Extractor

    sample = _sample()
    found = {article.id: len(claims) for article, claims in extractor.extract_many(sample)}
    most = max(found.values())
    limited = Extractor(Settings(data_dir=str(_data_dir(tmp_path / "mine")), max_claims=most - 1))
    with Store(store_url) as store:
        store_articles(sample, store, Settings(), extractor=extractor)
        before = claim_rows(store)
        report = run_reextract(store, Settings(), extractor=limited)
        over = sorted(a.source for a in sample if found[a.id] == most)
        assert sorted(item.source for item in report.skipped) == over
        assert all("max_claims" in item.reason for item in report.skipped)
        assert report.redone == len(sample) - len(over)
        assert claim_rows(store) == before  # the new data changes no claim; the cut one kept its
        assert run_reextract(store, Settings(), extractor=limited).redone == 0
