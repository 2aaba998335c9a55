"""Recent results of the expensive reads (stance and actor counts), reused while the data holds.

The store only grows: articles and claims are added, never edited in place. So the numbers of
stored articles and claims (one cheap ``stats()`` call) tell whether anything changed since a
result was computed, whichever process wrote it; a cached result is used only while they match.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from coalition.models import StanceCount

if TYPE_CHECKING:
    from coalition.store import Store

T = TypeVar("T")


class CachedStore:
    """A store whose ``stance_counts`` and ``actor_counts`` answers are kept while data holds.

    Every other attribute is the wrapped store's own.
    """

    def __init__(self, store: Store, size: int = 256) -> None:
        self._store = store
        self._size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def stance_counts(
        self, target: str | None = None, since: date | None = None, until: date | None = None
    ) -> list[StanceCount]:
        """The store's stance counts, from the cache when nothing was added since."""
        return self._cached(
            ("stance_counts", target, since, until),
            lambda: self._store.stance_counts(target=target, since=since, until=until),
        )

    def actor_counts(self) -> list[tuple[str, int, int]]:
        """The store's actor counts, from the cache when nothing was added since."""
        return self._cached(("actor_counts",), self._store.actor_counts)

    def _cached(self, key: Hashable, compute: Callable[[], T]) -> T:
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
