"""Storing one article with its claims: one transaction, idempotent, safe between two writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, or_, select
from sqlalchemy.exc import IntegrityError

from coalition.errors import StoreError
from coalition.models import Article, Claim
from coalition.store._engine import writer
from coalition.store._schema import articles, claims
from coalition.store._totals import add_totals

# Two attempts cover the one race that is not a duplicate: another writer took our id between
# our check and our insert, and the second attempt stores under the suffixed id (which only a
# writer of the same text, hence a duplicate, could take).
_ATTEMPTS = 2


def add_article(engine: Engine, article: Article, found: Sequence[Claim]) -> Article | None:
    """Store ``article`` and its claims, or nothing; ``None`` when it is stored already."""
    article = _without_nul(article)
    error: IntegrityError | None = None
    for _ in range(_ATTEMPTS):
        try:
            with writer(engine).begin() as conn:
                return _insert(conn, article, found)
        except IntegrityError as exc:
            # The unique constraints are the real guard: a concurrent writer may have stored
            # the same article after our check. Anything else is a bad row and fails again.
            if has_article(engine, article):
                return None
            error = exc
    reason = str(error.orig if error is not None else "unknown").splitlines()[0]
    raise StoreError(f"{article.source}: article {article.id!r} was not stored: {reason}")


def _without_nul(article: Article) -> Article:
    """PostgreSQL cannot store NUL and SQLite can; both must store the same. NUL is dropped
    from metadata, and a text with NUL is refused, since claim offsets index the text."""
    if "\x00" in article.text:
        raise StoreError(f"{article.source}: article {article.id!r} was not stored: its text "
                         "has NUL characters")
    def clean(value: str | None) -> str | None:
        return value.replace("\x00", "") or None if value else value

    return replace(article, id=article.id.replace("\x00", ""),
                   source=article.source.replace("\x00", ""), url=clean(article.url),
                   title=clean(article.title), author=clean(article.author),
                   site=clean(article.site))


def has_article(engine: Engine, article: Article) -> bool:
    """Whether an article with the same URL or the same content hash is stored."""
    with engine.connect() as conn:
        return _stored(conn, article)


def _stored(conn: Connection, article: Article) -> bool:
    same = articles.c.sha256 == article.sha256
    if article.url:
        same = or_(same, articles.c.url == article.url)
    return conn.execute(select(articles.c.id).where(same).limit(1)).first() is not None


def _insert(conn: Connection, article: Article, found: Sequence[Claim]) -> Article | None:
    if _stored(conn, article):
        return None
    stored = replace(article, id=_free_id(conn, article))
    inserted = articles.insert().values(_article_row(stored)).returning(articles.c.id)
    article_pk = conn.execute(inserted).scalar_one()
    if found:
        conn.execute(claims.insert(), [_claim_row(c, article_pk, stored) for c in found])
        add_totals(conn, found, stored.published)
    return stored


def _free_id(conn: Connection, article: Article) -> str:
    taken = select(articles.c.id).where(articles.c.doc == article.id)
    if conn.execute(taken).first() is None:
        return article.id
    return f"{article.id}-{article.sha256[:8]}"


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "doc": article.id,
        "url": article.url or None,  # an empty URL is no URL, not one all articles share
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "site": article.site,
        "source": article.source,
        "text": article.text,
        "sha256": article.sha256,
        "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _claim_row(claim: Claim, article_pk: int, article: Article) -> dict[str, Any]:
    row = claim.as_dict()
    row.update(
        doc=article.id,
        article_id=article_pk,
        published=article.published,
        dimension=claim.dimension.value,
        stance=claim.stance.value,
        certainty=claim.certainty.value,
        confidence=claim.confidence,
    )
    return row
