"""Storing one article with its claims: one transaction, idempotent, safe between two writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from coalition.errors import StoreError
from coalition.models import EXTRACTOR_VERSION, Article, Claim, When
from coalition.store._engine import writer
from coalition.store._schema import articles, claims, extractions
from coalition.store._stories import Fingerprint, find_story, fingerprint, others_in, record
from coalition.store._totals import add_totals

# Two attempts cover the one race that is not a duplicate: another writer took our id between
# our check and our insert, and the second attempt stores under the suffixed id (which only a
# writer of the same text, hence a duplicate, could take).
_ATTEMPTS = 2


def add_article(
    engine: Engine, article: Article, found: Sequence[Claim], rules: str | None = None
) -> Article | None:
    """Store ``article`` and its claims, or nothing; ``None`` when it is stored already.

    ``rules`` is the version that extracted it (default: that of its claims, or this
    coalition's extractor when it has none).
    """
    article = _without_nul(article)
    made_by = rules or (found[0].extractor if found else EXTRACTOR_VERSION)
    error: IntegrityError | None = None
    # The signature is plain arithmetic on the text: computed before the write lock is taken.
    print_ = fingerprint(article.text)
    for _ in range(_ATTEMPTS):
        try:
            with writer(engine).begin() as conn:
                return _insert(conn, article, found, print_, made_by)
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
    """Whether an article with the same content hash is stored (the same URL with another
    text is a new revision, not the same article)."""
    with engine.connect() as conn:
        return _stored(conn, article)


def _stored(conn: Connection, article: Article) -> bool:
    same = select(articles.c.id).where(articles.c.sha256 == article.sha256).limit(1)
    return conn.execute(same).first() is not None


def _insert(
    conn: Connection,
    article: Article,
    found: Sequence[Claim],
    print_: Fingerprint,
    rules: str = EXTRACTOR_VERSION,
) -> Article | None:
    if _stored(conn, article):
        return None
    earlier = _earlier_revision(conn, article)
    stored = replace(article, id=_free_id(conn, article))
    copied = find_story(conn, print_)
    row = {**_article_row(stored), "revision_of": earlier}
    article_pk = conn.execute(articles.insert().values(row).returning(articles.c.id)).scalar_one()
    story = record(conn, article_pk, copied, print_)
    if found:
        conn.execute(claims.insert(), [_claim_row(c, article_pk, stored) for c in found])
        others = others_in(conn, None if copied is None else story, article_pk)
        add_totals(conn, found, (article_pk, stored.published), others)
    conn.execute(extractions.insert().values(
        article_id=article_pk, extractor=rules, at=row["ingested_at"], added=len(found),
        removed=0, changed=0, reattached=0, orphaned=0,
    ))
    return stored


def _earlier_revision(conn: Connection, article: Article) -> int | None:
    """The stored article at the same URL, which hands its URL to this newer text."""
    if not article.url:
        return None
    found = conn.execute(select(articles.c.id).where(articles.c.url == article.url)).first()
    if found is None:
        return None
    conn.execute(articles.update().where(articles.c.id == found.id).values(url=None))
    return int(found.id)


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
    when = claim.when or When.of_article(article.published)
    row.update(
        when=when.day if when else None,
        when_precision=when.precision.value if when else None,
        when_fallback=when.fallback if when else None,
        doc=article.id,
        article_id=article_pk,
        published=article.published,
        dimension=claim.dimension.value,
        stance=claim.stance.value,
        certainty=claim.certainty.value,
        confidence=claim.confidence,
    )
    return row
