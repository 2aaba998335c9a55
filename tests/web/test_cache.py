"""The app's result cache: reused while the store is unchanged, dropped when it grows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coalition.models import Article
from coalition.store import Store
from coalition.web.cache import CachedStore, collector_paused


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'cache.db'}") as opened:
        yield opened


def test_result_is_reused_until_an_article_is_added(store: Store) -> None:
    cached = CachedStore(store)
    calls: list[int] = []

    def compute() -> bytes:
        calls.append(1)
        return b"x" * len(calls)

    assert cached.memo("k", compute) == b"x"
    assert cached.memo("k", compute) == b"x"
    assert len(calls) == 1
    # Another process (here: the plain store) adds an article: the version changes.
    store.add_article(Article(id="a", text="Iran sent drones to Russia.", source="a"), [])
    assert cached.memo("k", compute) == b"xx"
    assert len(calls) == 2


def test_old_results_go_once_the_budget_is_spent(store: Store) -> None:
    cached = CachedStore(store, budget=250)
    for key in range(5):
        cached.memo(key, lambda: b"y" * 100)
    computed: list[int] = []

    def again(key: int) -> bytes:
        computed.append(key)
        return b""

    cached.memo(4, lambda: again(4))
    cached.memo(0, lambda: again(0))
    assert computed == [0]  # the newest stayed, the oldest was dropped


def test_other_attributes_are_the_stores(store: Store) -> None:
    assert CachedStore(store).stats() == {"articles": 0, "claims": 0}


def test_only_the_newest_object_results_are_kept(store: Store) -> None:
    """Cells and networks are many small objects that every full collection walks: few stay,
    while encoded bodies stay by their byte budget."""
    cached = CachedStore(store, objects=2)
    for key in range(4):
        cached.memo(("cells", key), lambda: [object()])
        cached.memo(("body", key), lambda: b"z")
    computed: list[tuple[str, int]] = []

    def again(kind: str, key: int) -> list[int]:
        computed.append((kind, key))
        return [key]

    for key in (3, 2, 0):
        cached.memo(("cells", key), lambda key=key: again("cells", key))  # type: ignore[misc]
    for key in range(4):
        assert cached.memo(("body", key), lambda: b"new") == b"z"
    assert computed == [("cells", 0)]


def test_results_are_built_with_the_collector_paused_and_it_comes_back(store: Store) -> None:
    import gc

    seen: list[bool] = []
    with collector_paused():
        CachedStore(store).memo("k", lambda: seen.append(gc.isenabled()) or b"")
        assert not gc.isenabled()  # the outer pause still holds
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector switched off before stays off
    finally:
        gc.enable()


def test_a_version_is_trusted_for_fresh_for_seconds_but_not_after_a_write_through_it(
    store: Store,
) -> None:
    cached = CachedStore(store, fresh_for=3600)
    assert cached.memo("k", lambda: b"before") == b"before"
    with Store(store.url.render_as_string(hide_password=False)) as other:
        other.add_article(Article(id="a", text="Iran sent drones to Russia.", source="a"), [])
    assert cached.memo("k", lambda: b"after") == b"before"  # another process wrote: not yet
    cached.add_article(Article(id="b", text="Spain sent aid to Ukraine.", source="b"), [])
    assert cached.memo("k", lambda: b"after") == b"after"  # written through it: at once


def test_one_key_is_built_once_however_many_threads_ask(store: Store) -> None:
    import threading
    import time

    cached = CachedStore(store)
    calls: list[int] = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.2)
        return b"built"

    got: list[bytes] = []
    threads = [threading.Thread(target=lambda: got.append(cached.memo("k", slow)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert got == [b"built"] * 8
    assert calls == [1]
