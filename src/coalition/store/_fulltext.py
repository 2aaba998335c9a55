"""Full-text search over article text and titles and claim evidence, one way per backend.

SQLite uses FTS5 tables that mirror ``articles`` and ``claims`` through triggers, so every write
path keeps them in sync inside its own transaction. PostgreSQL uses GIN indexes over
``to_tsvector`` expressions and ``websearch_to_tsquery``. Both stem English words, so "supplied"
finds "supplies". Snippets are plain text: the web layer escapes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import CompoundSelect, Connection, Date, Integer, column, select, text, union

from coalition.store._schema import claims

# ts_headline and snippet() need a marker; the empty marker keeps the snippet plain text.
_SNIPPET_WORDS = 24
_ARTICLE_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
_CLAIM_VECTOR = "to_tsvector('english', evidence)"
_TITLE_VECTOR = "to_tsvector('english', coalesce(title, ''))"
# The claims text filter matches titles alone; without its own index that is a scan of every
# article. Added by migration 7 to older PostgreSQL databases.
TITLE_INDEX_POSTGRES = (
    f"CREATE INDEX IF NOT EXISTS articles_title_fts ON articles USING gin ({_TITLE_VECTOR})"
)
_TERM = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")
# A query's cost grows faster than its length (each word is one more index scan to intersect,
# and PostgreSQL's ranking and headlines redo the work per word), so it is bounded.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 500

_SQLITE_DDL = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        evidence, content='claims', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, evidence) VALUES (new.id, new.evidence);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
    END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF evidence ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
        INSERT INTO claims_fts(rowid, evidence) VALUES (new.id, new.evidence);
    END""",
]

_POSTGRES_DDL = [
    f"CREATE INDEX articles_fts ON articles USING gin ({_ARTICLE_VECTOR})",
    f"CREATE INDEX claims_fts ON claims USING gin ({_CLAIM_VECTOR})",
    TITLE_INDEX_POSTGRES,
]

_SQLITE_SEARCH = f"""
SELECT * FROM (
    SELECT 'article' AS kind, a.doc, a.title, NULL AS claim_id,
           snippet(articles_fts, 1, '', '', '…', {_SNIPPET_WORDS}) AS snippet,
           -bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH :query ORDER BY bm25(articles_fts) LIMIT :limit
)
UNION ALL
SELECT * FROM (
    SELECT 'claim', a.doc, a.title, c.id, c.evidence, -bm25(claims_fts)
    FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
    JOIN articles a ON a.id = c.article_id
    WHERE claims_fts MATCH :query ORDER BY bm25(claims_fts) LIMIT :limit
)
"""

_POSTGRES_SEARCH = f"""
WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
top_articles AS (
    SELECT a.doc, a.title, a.text, ts_rank({_ARTICLE_VECTOR}, q.query) AS rank, q.query
    FROM articles a, q WHERE {_ARTICLE_VECTOR} @@ q.query
    ORDER BY rank DESC, a.id LIMIT :limit
)
SELECT 'article' AS kind, doc, title, NULL::integer AS claim_id,
       ts_headline('english', text, query,
                   'StartSel="", StopSel="", MaxWords={_SNIPPET_WORDS}, MinWords=8') AS snippet,
       rank
FROM top_articles
UNION ALL
SELECT * FROM (
    SELECT 'claim', a.doc, a.title, c.id, c.evidence, ts_rank({_CLAIM_VECTOR}, q.query)
    FROM claims c JOIN articles a ON a.id = c.article_id, q
    WHERE {_CLAIM_VECTOR} @@ q.query
    ORDER BY 6 DESC, c.id LIMIT :limit
) AS top_claims
"""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a whole article or one claim's evidence sentence.

    ``rank`` is higher for better matches; ranks compare within one search only.
    """

    kind: Literal["article", "claim"]
    article_id: str
    title: str | None
    snippet: str
    rank: float
    claim_id: int | None = None


def create_fulltext(conn: Connection) -> None:
    """Create the full-text tables or indexes of the connection's backend."""
    ddl = _SQLITE_DDL if conn.dialect.name == "sqlite" else _POSTGRES_DDL
    for statement in ddl:
        conn.exec_driver_sql(statement)


def query_problem(query: str) -> str | None:
    """Why ``query`` is over the bounds on a search, or ``None`` when it is within them."""
    words = len(_WORD.findall(query[: MAX_QUERY_CHARS * 100]))
    if words > MAX_QUERY_WORDS:
        return f"{words} words, over the limit of {MAX_QUERY_WORDS}"
    if len(query) > MAX_QUERY_CHARS:
        return f"{len(query)} characters, over the limit of {MAX_QUERY_CHARS}"
    return None


def bounded(query: str) -> str:
    """``query`` cut to its first :data:`MAX_QUERY_CHARS` characters and
    :data:`MAX_QUERY_WORDS` words: what the store searches for, whoever asks."""
    query = query[:MAX_QUERY_CHARS]
    ends = [word.end() for word in _WORD.finditer(query)]
    return query[:ends[MAX_QUERY_WORDS - 1]] if len(ends) > MAX_QUERY_WORDS else query


def search(conn: Connection, query: str, limit: int) -> list[SearchHit]:
    """The best ``limit`` hits for ``query``: all words must match; "quoted phrases" as phrases.

    Only the first :data:`MAX_QUERY_WORDS` words (and :data:`MAX_QUERY_CHARS` characters)
    are searched for.
    """
    query = bounded(query)
    if conn.dialect.name == "sqlite":
        match = fts5_query(query)
        if not match:
            return []
        rows = conn.execute(text(_SQLITE_SEARCH), {"query": match, "limit": limit})
    else:
        if not _WORD.search(query):
            return []
        rows = conn.execute(text(_POSTGRES_SEARCH), {"query": query, "limit": limit})
    hits = [
        SearchHit(kind=r.kind, article_id=r.doc, title=r.title, snippet=r.snippet,
                  rank=float(r.rank), claim_id=r.claim_id)
        for r in rows
    ]
    hits.sort(key=lambda h: (-h.rank, h.kind, h.article_id, h.claim_id or 0))
    return hits[:limit]


def matching_claims(
    dialect: str, query: str, *, dated: bool = False
) -> CompoundSelect[Any] | None:
    """Ids of the claims whose evidence, or whose article's title, has every word of ``query``;
    with ``dated``, (id, published) pairs.

    Word matching (stemmed), as in :func:`search`, rather than substrings. Ids alone come from
    the full-text indexes without reading a claim, for counting and filtering; the dates let a
    listing of matches alone pick its newest-first page from these rows instead of joining
    them back to every claim. ``None`` when ``query`` has no words. Bounded as in
    :func:`search`.
    """
    query = bounded(query)
    if dialect == "sqlite":
        match = fts5_query(query)
        if not match:
            return None
        claim_hits = text(
            "SELECT c.id, c.published FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
            "WHERE claims_fts MATCH :claim_words" if dated
            else "SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH :claim_words")
        article_ids = text("SELECT rowid AS id FROM articles_fts "
                           "WHERE articles_fts MATCH :title_words")
        params = {"claim_words": match, "title_words": f"title : ({match})"}
    else:
        if not _WORD.search(query):
            return None
        claim_hits = text(f"SELECT id{', published' if dated else ''} FROM claims "
                          f"WHERE {_CLAIM_VECTOR} @@ websearch_to_tsquery('english', :claim_words)")
        article_ids = text(f"SELECT id FROM articles WHERE {_TITLE_VECTOR} "
                           "@@ websearch_to_tsquery('english', :title_words)")
        params = {"claim_words": query, "title_words": query}
    id_column = column("id", Integer)
    hit_columns = [id_column, column("published", Date)] if dated else [id_column]
    by_evidence = (claim_hits.bindparams(claim_words=params["claim_words"])
                   .columns(*hit_columns).subquery("evidence_hits"))
    titled = article_ids.bindparams(title_words=params["title_words"]).columns(id_column)
    by_title = (select(claims.c.id, claims.c.published) if dated else select(claims.c.id)).where(
        claims.c.article_id.in_(titled))
    return union(select(*by_evidence.c), by_title)


def fts5_query(query: str) -> str:
    """User text as an FTS5 query that cannot be a syntax error: quoted words and phrases."""
    terms = []
    for phrase, word in _TERM.findall(query):
        words = _WORD.findall(phrase) if phrase else [word]
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)
