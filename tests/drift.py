"""The drift corpus (tests/data/drift.jsonl): Armenia turning away from Russia over 2021-2025, with
dated events, and two outlets contradicting each other on Belarus. Read by the real extractor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coalition.ingest._jsonl import read_jsonl
from coalition.models import Article
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store

DRIFT = Path(__file__).parent / "data" / "drift.jsonl"


def drift_articles() -> list[Article]:
    """The corpus's articles, every record valid."""
    found = read_jsonl(DRIFT.read_bytes(), source=str(DRIFT))
    assert all(isinstance(item, Article) for item in found)
    return [item for item in found if isinstance(item, Article)]


def fill_drift(url: str, extractor: Any) -> None:
    """Extract and store the drift corpus at ``url``."""
    with Store(url) as store:
        report = store_articles(drift_articles(), store, Settings(db=url), extractor=extractor)
    assert report.ingested == len(drift_articles())
