"""Recent results of the expensive reads and renderings, reused while the data holds.

The store only grows: articles and claims are added, never edited in place. So the numbers of
stored articles and claims (one cheap ``stats()`` call) tell whether anything changed since a
result was computed, whichever process wrote it; a cached result is used only while they match.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from coalition.store import Store

T = TypeVar("T")


class CachedStore:
    """A store with :meth:`memo`; every other attribute is the wrapped store's own."""

    def __init__(self, store: Store, size: int = 256) -> None:
        self._store = store
        self._size = size
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
        full = (key, tuple(sorted(self._store.stats().items())))
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                found: T = self._items[full]
                return found
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value
