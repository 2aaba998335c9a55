"""Batches in flight: bounded, and handed back in the order they were given."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from coalition._inflight import batches, in_order


def test_batches_cut_lazily_and_keep_the_rest() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


def test_in_order_hands_back_in_submission_order_with_a_bounded_window() -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def work(n: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02 * (5 - n % 5))  # later items finish first
        with lock:
            running -= 1
        return n * n

    submitted: list[int] = []
    with ThreadPoolExecutor(8) as pool:

        def submit(n: int) -> Future[int]:
            submitted.append(n)
            return pool.submit(work, n)

        got = []
        for n, future in in_order(range(12), submit, window=3):
            assert len(submitted) <= len(got) + 4  # the one handed back, three more
            got.append((n, future.result()))
    assert got == [(n, n * n) for n in range(12)]
    assert most <= 4
