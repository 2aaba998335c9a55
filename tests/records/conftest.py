"""A store with a few hand-written news claims and the shipped roll calls, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from coalition.models import Dimension, Stance
from coalition.records import example_files, read_records
from coalition.store import Store
from tests.store.build import article, claim

SERBIA = "Serbia stood firmly behind Russia diplomatically at the United Nations, officials said."
ERITREA = "Eritrea backed Russia diplomatically in every forum it could."
KAZAKH = "Kazakhstan refused to send troops to help Russia in Ukraine."


def news_store(url: str) -> Store:
    """The store at ``url`` with three news claims and both roll calls."""
    store = Store(url)
    news = article("serbia-un", [SERBIA, ERITREA, KAZAKH], published=date(2022, 3, 10),
                   url="https://news.example.org/serbia-un", title="Serbia at the UN")
    store.add_article(news, [
        claim(news, SERBIA, "SRB", "RUS", Dimension.DIPLOMATIC, Stance.SUPPORT),
        claim(news, ERITREA, "ERI", "RUS", Dimension.DIPLOMATIC, Stance.SUPPORT),
        claim(news, KAZAKH, "KAZ", "RUS", Dimension.TROOPS, Stance.REFUSE),
    ])
    store.add_records(read_records(example_files()).records)
    return store


@pytest.fixture
def records_store(store_url: str) -> Iterator[Store]:
    """News and records in a fresh SQLite file or PostgreSQL database."""
    with news_store(store_url) as store:
        yield store
