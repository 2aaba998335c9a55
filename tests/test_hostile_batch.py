"""The batch contract end to end: every hostile input of the corpus in one ``coalition ingest``
with good articles, on SQLite and PostgreSQL: exit 3, one line per bad input, the good articles
stored, the summaries verified, peak memory under 1 GiB."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from coalition.models import Article
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store
from tests.ingest.test_bad_inputs import CASES, GOOD_TEXT

CLAIM = "Iran sent drones to Russia."
FILLER = "The weather stayed mild and the markets were calm all week.\n\n"
GIB = 1 << 30


def _hostile_folder(folder: Path) -> tuple[int, int]:
    """Every bad input of the corpus and a few more, and good articles: (bad, good) counts."""
    for name, build, _ in CASES:
        build(folder / name)
    (folder / "[").mkdir()
    extra = {
        "[/x].pdf": b"%PDF-1.7",  # a closing tag to rich
        "bell\x07\x1b[31mred.txt": b"",  # escape codes in a name
        os.fsdecode(b"latin-\xe9.pdf"): b"%PDF-1.7",  # a name that is not UTF-8
        "dense.txt": ((CLAIM + " ") * 6_000).encode(),  # over max_claims (set below)
    }
    for name, data in extra.items():
        (folder / name).write_bytes(data)
    (folder / os.fsdecode(b"good-\xe9.txt")).write_text(GOOD_TEXT)
    (folder / "good-b.md").write_text("---\ntitle: B\ndate: 2024-02-29\n---\n" + CLAIM)
    # Over spaCy's max_length of 1,000,000 characters: read in pieces, its claims stored.
    (folder / "long.txt").write_text(CLAIM + "\n\n" + FILLER * 20_000 + "Belarus sent tanks "
                                     "to Russia.")
    record = {"id": "nul", "text": "Kazakhstan refused to send troops to Russia.",
              "title": "Nul\u0000 title"}
    (folder / "nul-title.jsonl").write_text(json.dumps(record))
    return len(CASES) + len(extra), 4  # good-\xe9, good-b, long, nul


@pytest.mark.slow
def test_one_batch_of_every_hostile_input(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    bad, good = _hostile_folder(folder)
    env = {**os.environ, "COALITION_MAX_CLAIMS": "500"}

    done = subprocess.run([sys.executable, "-m", "coalition", "ingest", str(folder),
                           "--db", store_url], env=env, capture_output=True, text=True,
                          timeout=900)

    assert done.returncode == 3, done.stderr[-3000:]
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == bad, done.stderr
    assert "\x1b" not in done.stderr
    assert any("dense.txt: over the max_claims limit" in line for line in skipped)
    with Store(store_url) as store:
        assert store.stats()["articles"] == good
        stored = {a.article.id: a.article for a in store.articles(limit=10)}
        assert stored["nul"].title == "Nul title"
        assert "good-\ufffd" in stored, sorted(stored)
        long = store.article("long")
        assert long is not None and len(long.claims) == 2
        assert store.verify() == []
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak < GIB, f"peak memory {peak / 2**20:.0f} MiB"


def test_an_article_the_database_refuses_is_one_rejection(
    store_url: str, extractor: object
) -> None:
    """A library caller can hand over what no reader makes: a title with a lone surrogate."""
    items = [Article(id="a", text=GOOD_TEXT, source="a.txt"),
             Article(id="s", text=CLAIM, source="s.txt", title="x\ud800"),
             Article(id="b", text=CLAIM + " Again.", source="b.txt")]

    with Store(store_url) as store:
        report = store_articles(items, store, Settings(), extractor=extractor)  # type: ignore[arg-type]

        assert (report.ingested, report.skipped) == (2, 1)
        (rejected,) = report.rejected
        assert rejected.source == "s.txt" and "\n" not in rejected.reason
        assert "surrogate" in rejected.reason
        assert store.verify() == []
