"""The bundled sample corpus and its gold claims are well-formed.

Extraction quality on the corpus is measured elsewhere; these tests only guard the data: every
article parses, every gold claim follows the claim contract (shared/claims.md) and quotes its
article verbatim, so a typo in either file fails here rather than as a silent scoring miss.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from coalition.models import Certainty, Dimension, Stance

DATA = Path(__file__).parent / "data"
SAMPLE = Path(str(resources.files("coalition") / "data" / "sample"))
ARTICLES = sorted(path for path in SAMPLE.glob("*.md") if path.name != "README.md")
ALLIANCES = {"CSTO", "NATO", "EU", "UN", "WAGNER"}
FRONT_MATTER_KEYS = {"title", "date", "url", "author", "site"}
GOLD_KEYS = {"doc", "actor", "target", "dimension", "stance", "certainty", "evidence"}


def split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """The YAML front matter of an article and the body text after it."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path.name}: does not start with a front matter fence"
    header, fence, body = text[4:].partition("\n---\n")
    assert fence, f"{path.name}: front matter is not closed by a '---' line"
    meta = yaml.safe_load(header)
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, body


def load_gold() -> list[dict[str, Any]]:
    lines = (DATA / "sample_gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def iso3_codes() -> set[str]:
    text = (DATA / "iso3166_alpha3.txt").read_text(encoding="utf-8")
    return {code for line in text.splitlines() if not line.startswith("#") for code in line.split()}


def test_corpus_has_a_dozen_articles_all_listed_in_the_readme() -> None:
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert 12 <= len(ARTICLES) <= 14
    assert [p.name for p in ARTICLES if f"`{p.name}`" not in readme] == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article_front_matter_and_body(path: Path) -> None:
    meta, body = split_front_matter(path)
    assert set(meta) == FRONT_MATTER_KEYS
    assert isinstance(meta["date"], date)
    assert date(2022, 1, 1) <= meta["date"] <= date(2025, 12, 31)
    assert meta["url"] == f"https://example.org/coalition-sample/{path.stem}"
    assert all(isinstance(meta[key], str) and meta[key] for key in ("title", "author", "site"))
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 6
    assert 250 <= len(body.split()) <= 500


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_article_has_required_gold_claims(path: Path) -> None:
    required = [row for row in load_gold() if row["doc"] == path.stem and not row.get("optional")]
    assert len(required) >= 4


def test_gold_rows_follow_the_claim_contract() -> None:
    codes = iso3_codes() | ALLIANCES
    docs = {path.stem for path in ARTICLES}
    for n, row in enumerate(load_gold(), 1):
        where = f"sample_gold.jsonl:{n}"
        assert GOLD_KEYS <= set(row) <= GOLD_KEYS | {"optional"}, where
        assert row["doc"] in docs, f"{where}: no article named {row['doc']!r}"
        assert row["actor"] in codes and row["target"] in codes, where
        assert row["actor"] != row["target"], where
        assert row["dimension"] in {d.value for d in Dimension}, where
        assert row["stance"] in {s.value for s in Stance}, where
        assert row["certainty"] in {c.value for c in Certainty}, where
        assert row.get("optional", True) is True, f"{where}: optional is only ever true"


def test_gold_codes_are_known_to_the_gazetteer() -> None:
    """A code the resolver cannot name is a gold claim the extractor can never produce."""
    from coalition.resolve import Gazetteer

    known = Gazetteer.load().names
    codes = {row[field] for row in load_gold() for field in ("actor", "target")}
    assert sorted(codes - set(known)) == []


def test_gold_evidence_is_verbatim_article_text() -> None:
    bodies = {path.stem: split_front_matter(path)[1] for path in ARTICLES}
    misquoted = [
        (row["doc"], row["evidence"])
        for row in load_gold()
        if not row["evidence"].strip() or row["evidence"] not in bodies[row["doc"]]
    ]
    assert misquoted == []


def test_gold_has_no_duplicate_rows() -> None:
    keys = [tuple(sorted(row.items())) for row in load_gold()]
    assert len(keys) == len(set(keys))
