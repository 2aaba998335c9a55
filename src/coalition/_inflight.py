"""A bounded number of extraction batches in flight, whatever runs them (local processes or a
dask cluster): memory stays flat however long the input is, and results come back in input
order, so a run stores its articles in the order one process would."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol, TypeVar

T = TypeVar("T")
R_co = TypeVar("R_co", covariant=True)


class Pending(Protocol[R_co]):
    """What both ``concurrent.futures`` and dask futures offer."""

    def result(self) -> R_co: ...


F = TypeVar("F", bound=Pending[object])


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    source = iter(items)
    while batch := list(islice(source, max(1, size))):
        yield batch


def in_order(work: Iterable[T], submit: Callable[[T], F], window: int) -> Iterator[tuple[T, F]]:
    """Submit ``work`` items, yielding each with its future in submission order.

    The next item is submitted before the oldest is handed back, so while the caller waits on
    that one, ``window`` more are in flight, and never more.
    """
    source = iter(work)
    pending = deque((item, submit(item)) for item in islice(source, max(1, window)))
    while pending:
        oldest = pending.popleft()
        following = next(source, None)
        if following is not None:
            pending.append((following, submit(following)))
        yield oldest
