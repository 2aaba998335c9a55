"""Recent results of the expensive reads and renderings, reused while the data holds.

The store's ``version()`` (two index lookups) grows with every stored article, re-extraction
and review, so it tells whether anything changed since a result was computed, whichever
process wrote it; a cached result is used only while it matches.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from coalition.store import Store

T = TypeVar("T")


class CachedStore:
    """A store with :meth:`memo`; every other attribute is the wrapped store's own.

    Encoded bodies (``bytes``) are kept until their sizes pass ``budget`` bytes; other results
    (cells, networks: thousands of small objects each) only the ``objects`` most recent, since
    every object kept is walked again by each full garbage collection: a hundred cached
    all-target scorecards made collections of over half a second. Least recently used go
    first.
    """

    def __init__(self, store: Store, budget: int = 64_000_000, objects: int = 16) -> None:
        self._store = store
        self._budget = budget
        self._objects = objects
        self._bytes_used = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or its result from an earlier call with ``key`` if nothing was added.

        Args:
            key: what the result depends on besides the data (view name and parameters).
            compute: makes the result; it must not be mutated by callers afterwards.
        """
        full = (key, self._store.version())
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                found: T = self._items[full]
                return found
        with collector_paused():
            value = compute()
        with self._lock:
            if full not in self._items:
                self._items[full] = value
                if isinstance(value, bytes):
                    self._bytes_used += len(value)
                self._evict()
        return value

    def _evict(self) -> None:
        bodies = [k for k, v in self._items.items() if isinstance(v, bytes)]
        others = [k for k, v in self._items.items() if not isinstance(v, bytes)]
        # The newest of each kind always stays, however large.
        for key in bodies[:-1]:
            if self._bytes_used <= self._budget:
                break
            self._bytes_used -= len(self._items.pop(key))
        for key in others[:max(0, len(others) - max(1, self._objects))]:
            del self._items[key]


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
