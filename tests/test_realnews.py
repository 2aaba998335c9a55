"""The real-news development set: its catalogue and gold hold together, and the floors on it.

The texts are third-party and stay off the repository (eval/realnews/README.md); the floor tests
run only where they have been gathered, the catalogue tests everywhere.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from coalition.evaluate import load_rows, score
from coalition.models import Article, Certainty, Dimension, Stance

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "eval" / "realnews"
# Measured when set (session 8: tune F1 0.648, check 0.392, fresh 0.512), rounded down; they
# only go up. Session 9 grew the tune half from 74 to 231 articles (a10-a15, each batch unseen
# by the rules when it came: F1 0.391 and 0.363 on them); its floor is the grown half's at the
# end of session 9 (0.525).
FLOORS = {"tune": 0.52, "check": 0.39, "fresh": 0.52}


def _known_codes() -> set[str]:
    iso = (ROOT / "tests" / "data" / "iso3166_alpha3.txt").read_text(encoding="utf-8")
    codes = {w for line in iso.splitlines() if not line.startswith("#") for w in line.split()}
    groups = ROOT / "src" / "coalition" / "data" / "groups.csv"
    with groups.open(encoding="utf-8", newline="") as fh:
        return codes | {"XKX"} | {row["code"] for row in csv.DictReader(fh)}


def _catalogue() -> list[dict[str, str]]:
    with (BASE / "articles.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_catalogue_is_varied_as_the_hidden_sets_are() -> None:
    rows = _catalogue()
    assert len(rows) >= 60
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["outlet"] for r in rows}) >= 30
    conflicts = Counter(r["conflict"] for r in rows)
    assert len(conflicts) >= 8
    assert conflicts["russia-ukraine"] <= len(rows) / 2
    assert {date.fromisoformat(r["date"]).year for r in rows} <= set(range(2014, 2027))
    assert {r["split"] for r in rows} == {"tune", "check", "fresh"}


@pytest.mark.parametrize("split", ["tune", "check", "fresh"])
def test_gold_follows_the_claim_contract(split: str) -> None:
    ids = {r["id"] for r in _catalogue() if r["split"] == split}
    known = _known_codes()
    for row in load_rows([BASE / "gold" / f"{split}.jsonl"]):
        assert row["doc"] in ids, row
        assert "evidence" not in row, "third-party text stays off the repository"
        Dimension(row["dimension"]), Stance(row["stance"]), Certainty(row["certainty"])
        assert {row["actor"], row["target"]} <= known, row


def _articles(split: str) -> list[Article]:
    from coalition.ingest import read_sources
    from coalition.settings import Settings

    texts = sorted((BASE / "texts" / split).glob("*.txt"))
    if not texts:
        pytest.skip("the real-news texts are not on this machine (eval/realnews/README.md)")
    return [a for a in read_sources([str(p) for p in texts], Settings()) if isinstance(a, Article)]


# The held-out halves are marked so rule writers can leave them out (`-m "not heldout"`): a
# failing floor there tells which rule to drop, which fits the half the way tune was fitted.
@pytest.mark.slow
@pytest.mark.parametrize("split", ["tune", pytest.param("check", marks=pytest.mark.heldout),
                                   pytest.param("fresh", marks=pytest.mark.heldout)])
def test_real_news_floor(split: str, extractor) -> None:  # type: ignore[no-untyped-def]
    articles = _articles(split)
    rows = [c.as_dict() for _, claims in extractor.extract_many(articles) for c in claims]
    strict = score(load_rows([BASE / "gold" / f"{split}.jsonl"]), rows).strict
    # figures only: the claims missed or wrong would show a held-out half's gold
    assert strict.f1 >= FLOORS[split], (
        f"{split}: P {strict.precision} R {strict.recall} F1 {strict.f1} < {FLOORS[split]}")
