"""The benchmark corpus generator (benchmarks/corpus.py) is deterministic and never repeats."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.corpus import generate, write


def test_two_thousand_articles_are_distinct_and_the_same_for_a_seed() -> None:
    first = list(generate(2000, seed=7))
    assert first == list(generate(2000, seed=7))
    assert len({doc_id for doc_id, _ in first}) == 2000
    assert len({text for _, text in first}) == 2000
    assert all(500 <= len(text.split()) <= 900 for _, text in first)


def test_article_depends_on_seed_and_index_not_on_corpus_size() -> None:
    assert list(generate(5, seed=1)) == list(generate(50, seed=1))[:5]
    other_seed = {text for _, text in generate(50, seed=2)}
    assert other_seed.isdisjoint(text for _, text in generate(50, seed=1))


def test_write_creates_one_text_file_per_article(tmp_path: Path) -> None:
    paths = write(tmp_path / "out", 20, seed=3)
    assert sorted(paths) == sorted((tmp_path / "out").glob("*.txt"))
    written = [(path.stem, path.read_text(encoding="utf-8")) for path in paths]
    assert written == list(generate(20, seed=3))


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        list(generate(-1))
