"""Recent results of the expensive reads and renderings, reused while the data holds.

The store only grows: articles and claims are added, never edited in place. So the store's
``version()`` (the number of stored articles, one cheap count) tells whether anything changed
since a result was computed, whichever process wrote it; a cached result is used only while it
matches.
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
    """A store with :meth:`memo`; every other attribute is the wrapped store's own.

    Results are dropped least recently used first once their rough size passes ``budget``
    bytes.
    """

    def __init__(self, store: Store, budget: int = 64_000_000) -> None:
        self._store = store
        self._budget = budget
        self._used = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
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
                found: T = self._items[full][0]
                return found
        value = compute()
        cost = _cost(value)
        with self._lock:
            if full not in self._items:
                self._items[full] = (value, cost)
                self._used += cost
            while self._used > self._budget and len(self._items) > 1:
                _key, (_value, freed) = self._items.popitem(last=False)
                self._used -= freed
        return value


def _cost(value: Any) -> int:
    # Encoded bodies count their bytes; other results a rough size per item, so that many date
    # ranges of a big database cannot grow the cache without bound.
    if isinstance(value, bytes):
        return len(value)
    return 200 * len(value) if hasattr(value, "__len__") else 1_000
