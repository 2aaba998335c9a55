"""The store stage: articles and claims in SQLite or PostgreSQL, and the queries over them."""

from coalition.store._fulltext import MAX_QUERY_CHARS, MAX_QUERY_WORDS, SearchHit, query_problem
from coalition.store._store import Store

__all__ = ["MAX_QUERY_CHARS", "MAX_QUERY_WORDS", "SearchHit", "Store", "query_problem"]
