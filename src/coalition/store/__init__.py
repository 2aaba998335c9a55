"""The store stage: articles and claims in SQLite or PostgreSQL, and the queries over them."""

from coalition.store._fulltext import SearchHit
from coalition.store._store import Store

__all__ = ["SearchHit", "Store"]
