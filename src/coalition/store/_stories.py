"""Stories: the copies of one wire story, found as near-duplicates when each article is stored.

Every article belongs to one story, named by the id of the story's first stored article. A new
article joins the story of its most similar stored article when their MinHash estimate reaches
the threshold of :mod:`._minhash`, and starts its own story otherwise. Candidates are the
articles sharing an LSH band key with it (``article_bands``), so a lookup reads a few index
entries however many articles are stored. Two PostgreSQL writers storing copies of one story at
the same moment may each start a story, since neither sees the other's uncommitted article; the
counts stay exact for the stories as recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from coalition.store._minhash import band_keys, closest_story, signature
from coalition.store._schema import article_bands, articles, claims

Key = tuple[str, str, str, str]
Copy = tuple[int, date | None]  # an article's id and its day

_GROUP_BATCH = 500


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's signature and its band keys, computed before its write transaction."""

    sig: bytes
    keys: tuple[int, ...]


def fingerprint(text: str) -> Fingerprint:
    """The near-duplicate fingerprint of an article text."""
    sig = signature(text)
    return Fingerprint(sig, tuple(band_keys(sig)))


def find_story(conn: Connection, print_: Fingerprint) -> int | None:
    """The story a new article with this fingerprint copies, or ``None`` for a new story."""
    sharing = select(article_bands.c.article_id).where(article_bands.c.key.in_(print_.keys))
    rows = conn.execute(
        select(articles.c.story, articles.c.minhash)
        .where(articles.c.id.in_(sharing))
        .order_by(articles.c.id)
    ).tuples()
    return closest_story(print_.sig, ((story, sig) for story, sig in rows if sig is not None))


def record(conn: Connection, article_pk: int, story: int | None, print_: Fingerprint) -> int:
    """Give a just-inserted article its story (its own id when ``None``) and its band keys."""
    chosen = article_pk if story is None else story
    conn.execute(
        update(articles).where(articles.c.id == article_pk)
        .values(story=chosen, minhash=print_.sig)
    )
    conn.execute(article_bands.insert(),
                 [{"key": key, "article_id": article_pk} for key in set(print_.keys)])
    return chosen


def first_copies(conn: Connection, story: int, besides: int) -> dict[Key, Copy]:
    """Per (target, actor, dimension, stance) key that the story's other copies have claims in,
    the first of those copies (lowest id), which the story counts on the day of."""
    keys = [claims.c.target, claims.c.actor, claims.c.dimension, claims.c.stance]
    copies = select(articles.c.id).where(articles.c.story == story, articles.c.id != besides)
    first = (
        select(*keys, func.min(claims.c.article_id).label("first"))
        .where(claims.c.article_id.in_(copies))
        .group_by(*keys)
        .subquery("first")
    )
    rows = conn.execute(
        select(first.c.target, first.c.actor, first.c.dimension, first.c.stance, first.c.first,
               articles.c.published)
        .join_from(first, articles, articles.c.id == first.c.first)
    ).tuples()
    return {(t, a, d, s): (pk, day) for t, a, d, s, pk, day in rows}


def others_in(
    conn: Connection, story: int | None, article_pk: int
) -> Callable[[], dict[Key, Copy]]:
    """The ``others`` argument of the summaries' writes for an article of ``story`` (``None``:
    a story no other article has joined)."""
    return lambda: {} if story is None else first_copies(conn, story, article_pk)


def copies_of(conn: Connection, article_pk: int, story: int | None) -> list[int]:
    """The ids of the other articles in the story, first stored first."""
    if story is None:
        return []
    rows = conn.execute(
        select(articles.c.id)
        .where(articles.c.story == story, articles.c.id != article_pk)
        .order_by(articles.c.id)
    ).scalars()
    return list(rows)


def group_all(conn: Connection) -> None:
    """Group every stored article into stories again, in the order they were stored.

    Used by the migration that brought stories in; the same rule as :func:`find_story`, with
    the band keys kept in memory while the articles are read in batches.
    """
    conn.execute(article_bands.delete())
    sharing: dict[int, list[int]] = {}
    kept: dict[int, tuple[int, bytes]] = {}
    last = 0
    while batch := conn.execute(
        select(articles.c.id, articles.c.text).where(articles.c.id > last)
        .order_by(articles.c.id).limit(_GROUP_BATCH)
    ).tuples().all():
        rows = [_group_one(pk, fingerprint(text), sharing, kept) for pk, text in batch]
        conn.execute(_SET_STORY, rows)
        conn.execute(article_bands.insert(), [
            {"key": key, "article_id": row["pk"]} for row in rows for key in row["keys"]])
        last = batch[-1][0]


_SET_STORY = (
    update(articles).where(articles.c.id == bindparam("pk"))
    .values(story=bindparam("new_story"), minhash=bindparam("new_minhash"))
)


def _group_one(pk: int, print_: Fingerprint, sharing: dict[int, list[int]],
               kept: dict[int, tuple[int, bytes]]) -> dict[str, Any]:
    near = sorted({other for key in print_.keys for other in sharing.get(key, ())})
    found = closest_story(print_.sig, (kept[other] for other in near))
    story = pk if found is None else found
    kept[pk] = (story, print_.sig)
    keys = set(print_.keys)
    for key in keys:
        sharing.setdefault(key, []).append(pk)
    return {"pk": pk, "new_story": story, "new_minhash": print_.sig, "keys": keys}
