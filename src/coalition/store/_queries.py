"""The read side of the store: claim listings, articles, and the counts aggregates start from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Subquery,
    distinct,
    false,
    func,
    or_,
    select,
)

from coalition.errors import StoreError
from coalition.models import (
    Article,
    Certainty,
    Claim,
    ClaimQuery,
    Dimension,
    Precision,
    Stance,
    StoredArticle,
    StoredClaim,
    When,
)
from coalition.store._fulltext import matching_claims
from coalition.store._schema import articles, claims
from coalition.store._stories import copies_of
from coalition.store._wordpage import WordMatches, newest_word_page, word_matches

# Stored values back to members, by a dict lookup (the count queries read thousands of rows)
DIMENSIONS = {d.value: d for d in Dimension}
STANCES = {s.value: s for s in Stance}
CLAIM_COLUMNS = (
    *claims.c,
    articles.c.doc.label("article_doc"),
    articles.c.title,
    articles.c.url,
    articles.c.source,
    articles.c.site,
)
# Article columns for listings: everything but the signature, which only grouping reads.
_LISTED = tuple(c for c in articles.c if c.name != "minhash")
_NEWEST_FIRST = (claims.c.published.desc().nulls_last(), claims.c.id)


def claim_page(conn: Connection, query: ClaimQuery) -> tuple[int, list[StoredClaim]]:
    """How many claims match ``query`` in all pages, and its page."""
    words = _word_matches(conn, query)
    if words is None:
        return count_claims(conn, query), list_claims(conn, query)
    return words.total, list_claims(conn, query, words=words)


def list_claims(
    conn: Connection, query: ClaimQuery, words: WordMatches | None = None
) -> list[StoredClaim]:
    """Claims matching ``query``, newest article first, then in the order they were stored;
    ``words``, the count of a query of words alone, lets it skip most of the matches."""
    _check_page(query.limit, query.offset)
    dialect = conn.dialect.name
    # The page's ids first, from the indexes, then whole rows and their articles for those only.
    hits = _words_alone(query, dialect, dated=True)
    newest = None
    if hits is not None and query.text and words is not None:
        newest = newest_word_page(conn, query.text, words, query.offset, query.limit)
    if newest is not None:
        page = select(claims.c.id).where(claims.c.id.in_(newest)).subquery()
    elif hits is not None:
        # Words alone: the page comes from the matches' own dates, not from a join with every
        # claim (PostgreSQL's planner chose to hash all 100,000 for 5,000 matches).
        page = (
            select(hits.c.id)
            .order_by(hits.c.published.desc().nulls_last(), hits.c.id)
            .limit(query.limit)
            .offset(query.offset)
            .subquery()
        )
    else:
        page = (
            select(claims.c.id)
            .where(*claim_filters(query, dialect))
            .order_by(*_NEWEST_FIRST)
            .limit(query.limit)
            .offset(query.offset)
            .subquery()
        )
    return claims_of_page(conn, page, _NEWEST_FIRST)


def claims_of_page(conn: Connection, page: Subquery,
                   order: Sequence[ColumnElement[Any]]) -> list[StoredClaim]:
    """The whole claims (with their articles) of a page of claim ids, in ``order``: the page
    is picked from an index first, so only its rows are joined."""
    stmt = (
        select(*CLAIM_COLUMNS)
        .select_from(page)
        .join(claims, claims.c.id == page.c.id)
        .join(articles, claims.c.article_id == articles.c.id)
        .order_by(*order)
    )
    return [stored_claim(row) for row in conn.execute(stmt)]


def iter_claims(conn: Connection, query: ClaimQuery) -> Iterator[StoredClaim]:
    """Every claim matching ``query`` (limit and offset ignored) in stored order, in batches."""
    stmt = (
        select(*CLAIM_COLUMNS)
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .where(*claim_filters(query, conn.dialect.name))
        .order_by(claims.c.id)
    )
    for row in conn.execution_options(yield_per=2000).execute(stmt):
        yield stored_claim(row)


def count_claims(conn: Connection, query: ClaimQuery) -> int:
    """How many claims match ``query``, ignoring its limit and offset."""
    dialect = conn.dialect.name
    hits = _words_alone(query, dialect)
    words = _word_matches(conn, query) if hits is not None else None
    if words is not None:
        return words.total
    if hits is not None:
        stmt = select(func.count()).select_from(hits)
    else:
        stmt = select(func.count()).select_from(claims).where(*claim_filters(query, dialect))
    return int(conn.execute(stmt).scalar_one())


def _word_matches(conn: Connection, query: ClaimQuery) -> WordMatches | None:
    """The count of a query of words alone, from the full-text index (SQLite)."""
    if not query.text or claim_filters(replace(query, text=None), conn.dialect.name):
        return None
    return word_matches(conn, query.text)


def _words_alone(query: ClaimQuery, dialect: str, *, dated: bool = False) -> Subquery | None:
    """The full-text matches when words are the query's only filter (and have a word)."""
    if not query.text or claim_filters(replace(query, text=None), dialect):
        return None
    found = matching_claims(dialect, query.text, dated=dated)
    return None if found is None else found.subquery("hits")


def get_article(conn: Connection, article_id: str) -> StoredArticle | None:
    """One article by its id, with its claims in text order."""
    row = conn.execute(select(*_LISTED).where(articles.c.doc == article_id)).first()
    if row is None:
        return None
    found = conn.execute(
        select(*CLAIM_COLUMNS)
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .where(claims.c.article_id == row.id)
        .order_by(claims.c.start, claims.c.id)
    )
    return _stored_article(row, tuple(stored_claim(c) for c in found))


def story_copies(conn: Connection, article_id: str) -> list[StoredArticle]:
    """The other stored copies of the article's story (without text or claims), first first."""
    row = conn.execute(
        select(articles.c.id, articles.c.story).where(articles.c.doc == article_id)
    ).first()
    if row is None:
        return []
    pks = copies_of(conn, row.id, row.story)
    if not pks:
        return []
    found = conn.execute(select(*_LISTED).where(articles.c.id.in_(pks)).order_by(articles.c.id))
    return [_stored_article(r, ()) for r in found]


def list_articles(conn: Connection, limit: int, offset: int) -> list[StoredArticle]:
    """Articles newest first (undated last), without their claims."""
    _check_page(limit, offset)
    stmt = (
        select(*_LISTED)
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [_stored_article(row, ()) for row in conn.execute(stmt)]


def stats(conn: Connection) -> dict[str, int]:
    """Articles, stories and claims stored, counted in one statement so they agree."""
    stmt = select(
        select(func.count()).select_from(articles).scalar_subquery().label("articles"),
        select(func.count(distinct(articles.c.story))).scalar_subquery().label("stories"),
        select(func.count()).select_from(claims).scalar_subquery().label("claims"),
    )
    row = conn.execute(stmt).one()
    return {"articles": int(row.articles), "stories": int(row.stories),
            "claims": int(row.claims)}


def claim_filters(query: ClaimQuery, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE terms of ``query`` (all but its page)."""
    where = _dates(query.since, query.until)
    exact = {
        claims.c.actor: query.actor,
        claims.c.target: query.target,
        claims.c.dimension: query.dimension,
        claims.c.stance: query.stance,
        claims.c.certainty: query.certainty,
    }
    where += [column == str(value) for column, value in exact.items() if value is not None]
    if query.when_since is not None:
        where.append(claims.c.when >= query.when_since)
    if query.when_until is not None:
        where.append(claims.c.when <= query.when_until)
    if query.involving is not None:
        where.append(or_(claims.c.actor == query.involving, claims.c.target == query.involving))
    if query.article_id is not None:
        article_pk = select(articles.c.id).where(articles.c.doc == query.article_id)
        where.append(claims.c.article_id == article_pk.scalar_subquery())
    if query.text:
        found = matching_claims(dialect, query.text)
        where.append(false() if found is None
                     else claims.c.id.in_(select(found.subquery().c.id)))
    return where


def check_range(since: date | None, until: date | None) -> None:
    """Refuse an empty date range."""
    if since is not None and until is not None and since > until:
        raise StoreError(f"date range {since} .. {until} is empty: since is after until")


def _dates(since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    check_range(since, until)
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(claims.c.published >= since)
    if until is not None:
        where.append(claims.c.published <= until)
    return where


def _check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise StoreError(f"limit and offset must not be negative (got {limit}, {offset})")


def stored_claim(row: Row[Any]) -> StoredClaim:
    """A claim row, joined with its article's columns, as a :class:`StoredClaim`."""
    claim = Claim(
        doc=row.doc, actor=row.actor, target=row.target, dimension=Dimension(row.dimension),
        stance=Stance(row.stance), certainty=Certainty(row.certainty), evidence=row.evidence,
        start=row.start, end=row.end, confidence=row.confidence, actor_start=row.actor_start,
        actor_end=row.actor_end, trigger_start=row.trigger_start, trigger_end=row.trigger_end,
        extractor=row.extractor, when=_when(row),
    )
    return StoredClaim(
        id=row.id, claim=claim, article_id=row.article_doc, title=row.title, url=row.url,
        source=row.source, published=row.published, site=row.site,
    )


def _when(row: Row[Any]) -> When | None:
    if row.when is None:
        return None
    return When(row.when, Precision(row.when_precision or "day"), bool(row.when_fallback))


def _stored_article(row: Row[Any], found: tuple[StoredClaim, ...]) -> StoredArticle:
    article = Article(
        id=row.doc, text=row.text, source=row.source, url=row.url, title=row.title,
        published=row.published, author=row.author, site=row.site, sha256=row.sha256,
    )
    return StoredArticle(article=article, ingested_at=row.ingested_at, claims=found)
