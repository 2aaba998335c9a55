"""Recent results of the expensive reads and renderings, reused while the data holds.

The store's ``version()`` (two index lookups) grows with every stored article, re-extraction
and review, so it tells whether anything changed since a result was computed, whichever
process wrote it; a cached result is used only while it matches. With ``fresh_for`` seconds, a
version read is trusted that long: while another process ingests, each result is then rebuilt
at most once in that time instead of for every article stored, and a page shows an article at
most ``fresh_for`` seconds after it is stored. A write through this object is seen at once.
"""

from __future__ import annotations

import functools
import gc
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from coalition.store import Store

T = TypeVar("T")
# What callers read through this object without writing; any other store method may write.
_READS = frozenset({"claims", "claim_page", "count_claims", "article", "articles", "stance_counts",
                    "actor_counts", "search", "stats", "version", "url", "schema_version",
                    "records", "count_records", "record_counts", "stream"})


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered response kept by the size of its body, with the headers it goes out with."""

    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


class CachedStore:
    """A store with :meth:`memo`; every other attribute is the wrapped store's own.

    Encoded bodies (``bytes``, :class:`Rendered`) are kept until their sizes pass ``budget``
    bytes; other results (cells, networks: thousands of small objects each) only the
    ``objects`` most recent, since every object kept is walked again by each full garbage
    collection: a hundred cached all-target scorecards made collections of over half a second.
    Least recently used go first.
    """

    def __init__(
        self, store: Store, budget: int = 64_000_000, objects: int = 16, fresh_for: float = 0.0
    ) -> None:
        self._store = store
        self._budget = budget
        self._objects = objects
        self._fresh_for = fresh_for
        self._checked: tuple[float, int] | None = None
        self._bytes_used = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._building: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._store, name)
        if name in _READS or not callable(found):
            return found

        @functools.wraps(found)
        def then_look_again(*args: Any, **kwargs: Any) -> Any:
            # A write through the app shows in the next result, whatever ``fresh_for``.
            try:
                return found(*args, **kwargs)
            finally:
                self._checked = None

        return then_look_again

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or its result from an earlier call with ``key`` if nothing was added.

        Concurrent callers of one key and version wait for the first one's result rather than
        computing it again.

        Args:
            key: what the result depends on besides the data (view name and parameters).
            compute: makes the result; it must not be mutated by callers afterwards.
        """
        full = (key, self._version())
        while True:
            with self._lock:
                if full in self._items:
                    self._items.move_to_end(full)
                    found: T = self._items[full]
                    return found
                building = self._building.get(full)
                if building is None:
                    building = self._building[full] = threading.Lock()
                    building.acquire()
                    break
            with building:  # another thread builds it: wait, then look again
                pass
        try:
            with collector_paused():
                value = compute()
            with self._lock:
                self._items[full] = value
                self._bytes_used += _size(value) or 0
                self._evict()
        finally:
            with self._lock:
                del self._building[full]
            building.release()
        return value

    def _version(self) -> int:
        now = time.monotonic()
        checked = self._checked
        if checked is not None and now - checked[0] < self._fresh_for:
            return checked[1]
        version = self._store.version()
        self._checked = (now, version)
        return version

    def _evict(self) -> None:
        bodies = [k for k, v in self._items.items() if _size(v) is not None]
        others = [k for k, v in self._items.items() if _size(v) is None]
        # The newest of each kind always stays, however large.
        for key in bodies[:-1]:
            if self._bytes_used <= self._budget:
                break
            self._bytes_used -= _size(self._items.pop(key)) or 0
        for key in others[:max(0, len(others) - max(1, self._objects))]:
            del self._items[key]


def _size(value: object) -> int | None:
    """The bytes a body holds; ``None`` for results of many objects."""
    if isinstance(value, bytes):
        return len(value)
    if isinstance(value, Rendered):
        return len(value.body)
    return None


_pause_lock = threading.Lock()
_pausers = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body without the cyclic garbage collector, which is switched back on (if it was
    on) once no thread is inside such a body any more.

    A cached result is built from tens of thousands of acyclic objects (rows, counts, cells,
    dicts) that live until it is encoded: collections during the build promote them all and
    then walk them again in full collections, which at 100,000 claims cost up to 0.4 s and
    landed in whichever request came next. Reference counting frees them without the
    collector.
    """
    global _pausers, _was_enabled
    with _pause_lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()
