"""Claims found by words alone, counted and paged without reading every match (SQLite).

A word common in a million claims matches tens of thousands of them; joining each back to its
claim for its date, to sort them newest first, cost 150 ms. Here the count comes from the
full-text index itself, and the page from the newest claims only: as many as the matches'
share of all claims says should hold the page, looked up in the index, widened until they do.
PostgreSQL answers the same questions with the plain queries of :mod:`._queries`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Date, bindparam, func, select, text

from coalition.store._fulltext import fts5_query
from coalition.store._schema import claims

# Claims matched by title alone are counted one by one against the evidence index; past this
# many, the plain union is cheaper.
_TITLED_MOST = 2_000
# Each widening looks at this many times more of the newest claims.
_WIDEN = 4

_EVIDENCE_COUNT = text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :words")
_TITLED = text(
    "SELECT id FROM claims WHERE article_id IN "
    "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH :title_words) LIMIT :most"
)
_BOTH = text(
    "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :words AND rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
# The unary plus keeps SQLite on the date index, with the matches as a list it builds once,
# instead of looking up every match by id.
_NEWEST = text(
    "SELECT id FROM claims WHERE published >= :cut AND "
    "(+id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :words) OR +id IN :titled) "
    "ORDER BY published DESC, id LIMIT :need"
).bindparams(bindparam("cut", type_=Date), bindparam("titled", expanding=True))


@dataclass(frozen=True, slots=True)
class WordMatches:
    """How many claims have every word (in their evidence or their article's title), and the
    ids of the claims of the articles whose title has them."""

    total: int
    titled: tuple[int, ...]


def word_matches(conn: Connection, words: str) -> WordMatches | None:
    """The claims whose evidence or article title has every word, counted; ``None`` when the
    titles match too many claims for this way (or the backend is not SQLite)."""
    if conn.dialect.name != "sqlite":
        return None
    params = _params(words)
    if params is None:
        return WordMatches(0, ())
    titled = tuple(conn.execute(_TITLED, {**params, "most": _TITLED_MOST + 1}).scalars())
    if len(titled) > _TITLED_MOST:
        return None
    evidence = int(conn.execute(_EVIDENCE_COUNT, params).scalar_one())
    both = int(conn.execute(_BOTH, {**params, "ids": titled}).scalar_one()) if titled else 0
    return WordMatches(evidence + len(titled) - both, titled)


def newest_word_page(
    conn: Connection, words: str, matches: WordMatches, offset: int, limit: int
) -> list[int] | None:
    """Ids of one page of the claims that have ``words``, newest first; ``None`` when the
    matches are too few for a walk down the newest claims to pay, or run out before the page
    is full."""
    need = offset + limit
    params = _params(words)
    if params is None or not matches.total or not need:
        return None
    stored = int(conn.execute(select(func.max(claims.c.id))).scalar_one() or 0)
    # Joining each match costs about what looking at stored * need / matches claims does.
    if matches.total * matches.total < need * stored:
        return None
    span = need * stored // matches.total * 5 // 4 + 1
    newest = _NEWEST.bindparams(titled=list(matches.titled))
    while span <= stored:
        cut = conn.execute(
            select(claims.c.published).where(claims.c.published.is_not(None))
            .order_by(claims.c.published.desc()).offset(span - 1).limit(1)
        ).scalar()
        if cut is None:
            return None
        found = list(conn.execute(newest, {"words": params["words"], "cut": cut,
                                           "need": need}).scalars())
        if len(found) == need:
            return found[offset:]
        span *= _WIDEN
    return None


def _params(words: str) -> dict[str, str] | None:
    match = fts5_query(words)
    return {"words": match, "title_words": f"title : ({match})"} if match else None
