"""One writer ingests while several readers query the same SQLite file: no errors, no torn reads."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from coalition.models import ClaimQuery, Dimension, Stance
from coalition.store import Store
from tests.store.build import article, claim

ARTICLES = 60
CLAIMS_EACH = 3
READERS = 3


def _writer(url: str, errors: list[BaseException], done: threading.Event) -> None:
    try:
        with Store(url) as store:
            for i in range(ARTICLES):
                sentences = [f"Sentence {j} of article {i} on arms." for j in range(CLAIMS_EACH)]
                art = article(f"a{i}", sentences)
                found = [claim(art, s, "IRN", "RUS", Dimension.ARMS, Stance.SUPPORT)
                         for s in sentences]
                assert store.add_article(art, found) is not None
    except BaseException as exc:  # noqa: B036 - any failure of the thread must fail the test
        errors.append(exc)
    finally:
        done.set()


def _reader(url: str, errors: list[BaseException], done: threading.Event,
            seen: list[int]) -> None:
    try:
        with Store(url) as store:
            while not done.is_set():
                stats = store.stats()
                # Each article commits with all its claims, so counts never disagree.
                assert stats["claims"] == CLAIMS_EACH * stats["articles"], stats
                counts = store.stance_counts(target="RUS")
                assert sum(c.claims for c in counts) % CLAIMS_EACH == 0
                page = store.claims(ClaimQuery(actor="IRN", limit=10))
                for row in page[:1]:
                    stored = store.article(row.article_id)
                    assert stored is not None and len(stored.claims) == CLAIMS_EACH
                seen.append(stats["articles"])
    except BaseException as exc:  # noqa: B036
        errors.append(exc)


def test_readers_keep_answering_while_a_writer_ingests(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    Store(url).close()
    errors: list[BaseException] = []
    done = threading.Event()
    seen: list[list[int]] = [[] for _ in range(READERS)]
    readers = [threading.Thread(target=_reader, args=(url, errors, done, seen[i]))
               for i in range(READERS)]
    writer = threading.Thread(target=_writer, args=(url, errors, done))
    start = time.monotonic()
    for thread in [*readers, writer]:
        thread.start()
    for thread in [writer, *readers]:
        thread.join(timeout=60)
    assert not errors, errors
    assert time.monotonic() - start < 30
    for counts in seen:
        assert counts, "a reader never got an answer"
        assert counts == sorted(counts)  # a reader never sees the store go back in time
    assert any(0 < n < ARTICLES for counts in seen for n in counts), "reads never overlapped"
    with Store(url) as store:
        stats = store.stats()
        assert (stats["articles"], stats["claims"]) == (ARTICLES, ARTICLES * CLAIMS_EACH)
        assert store.verify() == []
