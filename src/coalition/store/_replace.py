"""Replacing one article's claims with those of newer rules, and attaching its reviews again.

All in the caller's transaction: the old claims leave the summaries, the new ones enter them,
each review is attached to the new claim with its key whose evidence overlaps the reviewed
span most (or orphaned, and logged so), and an ``extractions`` row records the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, func, select

from coalition.models import Article, Certainty, Claim, Dimension, Stance
from coalition.review import Verdict
from coalition.store._reviews import now, write_log
from coalition.store._schema import articles, claims, extractions, review_log, reviews
from coalition.store._totals import add_totals, remove_totals
from coalition.store._writes import _claim_row

REEXTRACT = "reextract"  # the reviewer name of the log entries re-extraction writes


@dataclass(frozen=True, slots=True)
class Replaced:
    """What re-extracting one article changed."""

    article_id: str
    previous: str
    added: int = 0
    removed: int = 0
    changed: int = 0
    reattached: tuple[int, ...] = ()
    orphaned: tuple[int, ...] = field(default_factory=tuple)


def latest_rules(conn: Connection, article_pks: Sequence[int]) -> dict[int, str]:
    """The rules version each article was last extracted with ('' when unknown)."""
    if not article_pks:
        return {}
    latest = (
        select(extractions.c.article_id, extractions.c.extractor)
        .where(extractions.c.article_id.in_(article_pks))
        .order_by(extractions.c.article_id, extractions.c.id)
    )
    return {row.article_id: row.extractor for row in conn.execute(latest)}


def replace_claims(conn: Connection, article_pk: int, found: Sequence[Claim],
                   rules: str) -> Replaced | None:
    """Put ``found`` in place of the article's claims (see the module docstring); ``None``
    when another writer got there first and the article is at ``rules`` already."""
    # The article's row lock (PostgreSQL; SQLite's writers take turns anyway) makes a second
    # re-extraction of the same article wait, then see it done, so two runs can overlap.
    art = conn.execute(select(articles).where(articles.c.id == article_pk)
                       .with_for_update(of=articles)).one()
    previous = latest_rules(conn, [article_pk]).get(article_pk, "")
    if previous == rules:
        return None
    article = Article(id=art.doc, text=art.text, source=art.source, published=art.published,
                      sha256=art.sha256)
    old = list(conn.execute(select(claims).where(claims.c.article_id == article_pk)))
    added, removed, changed = _diff(old, found)
    attached = {row.id: row.claim_id for row in conn.execute(
        select(reviews.c.id, reviews.c.claim_id).where(reviews.c.article_id == article_pk))}
    conn.execute(reviews.update().where(reviews.c.article_id == article_pk).values(claim_id=None))
    remove_totals(conn, [_claim(row, art.doc) for row in old], art.published)
    conn.execute(claims.delete().where(claims.c.article_id == article_pk))
    new_ids: list[int] = []
    if found:
        stmt = claims.insert().returning(claims.c.id, sort_by_parameter_order=True)
        rows = [_claim_row(c, article_pk, article) for c in found]
        new_ids = list(conn.execute(stmt, rows).scalars())
        add_totals(conn, found, art.published)
    reattached, orphaned = _reattach(conn, article_pk, attached, list(zip(new_ids, found,
                                                                           strict=True)), rules)
    conn.execute(extractions.insert().values(
        article_id=article_pk, extractor=rules, previous=previous, at=now(), added=added,
        removed=removed, changed=changed, reattached=len(reattached), orphaned=len(orphaned),
    ))
    return Replaced(art.doc, previous, added, removed, changed, reattached, orphaned)


def _diff(old: list[Row[Any]], found: Sequence[Claim]) -> tuple[int, int, int]:
    """(added, removed, changed): claims are the same claim when key and start agree, and
    changed when their certainty or evidence end differ."""
    before = {(r.actor, r.target, r.dimension, r.stance, r.start): (r.certainty, r.end)
              for r in old}
    after = {(c.actor, c.target, c.dimension.value, c.stance.value, c.start):
             (c.certainty.value, c.end) for c in found}
    both = before.keys() & after.keys()
    changed = sum(before[k] != after[k] for k in both)
    return len(after.keys() - both), len(before.keys() - both), changed


def _reattach(conn: Connection, article_pk: int, attached: dict[int, int | None],
              new: list[tuple[int, Claim]], rules: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    taken: set[int] = set()
    reattached: list[int] = []
    orphaned: list[int] = []
    found = conn.execute(select(reviews).where(reviews.c.article_id == article_pk)
                         .order_by(reviews.c.id))
    for review in found:
        claim_id = _best_match(review, new, taken)
        before = attached.get(review.id)
        if claim_id is not None:
            taken.add(claim_id)
            conn.execute(reviews.update().where(reviews.c.id == review.id)
                         .values(claim_id=claim_id))
            reattached.append(review.id)
        elif review.verdict != Verdict.ADD.value:
            orphaned.append(review.id)
        if claim_id is not None or before is not None:
            action = "reattach" if claim_id is not None else "orphan"
            write_log(conn, review.id, REEXTRACT, action, {"claim": before},
                      {"claim": claim_id}, f"rules {rules}")
    return tuple(reattached), tuple(orphaned)


def _best_match(review: Row[Any], new: list[tuple[int, Claim]], taken: set[int]) -> int | None:
    """The new claim with the review's key whose evidence overlaps the reviewed span most."""
    key = (review.key_actor, review.key_target, review.key_dimension, review.key_stance)
    best: tuple[int, int] | None = None
    for claim_id, claim in new:
        if claim_id in taken or (claim.actor, claim.target, claim.dimension.value,
                                 claim.stance.value) != key:
            continue
        overlap = min(review.end, claim.end) - max(review.start, claim.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim_id)
    return None if best is None else best[1]


def _claim(row: Row[Any], doc: str) -> Claim:
    return Claim(doc=doc, actor=row.actor, target=row.target,
                 dimension=Dimension(row.dimension), stance=Stance(row.stance),
                 certainty=Certainty(row.certainty), evidence=row.evidence, start=row.start,
                 end=row.end)


def article_batch(conn: Connection, after: int, limit: int) -> list[tuple[int, Article, str]]:
    """The next ``limit`` articles above key ``after`` with the rules they were last extracted
    with."""
    rows = list(conn.execute(
        select(articles).where(articles.c.id > after).order_by(articles.c.id).limit(limit)))
    rules = latest_rules(conn, [row.id for row in rows])
    return [
        (row.id, Article(id=row.doc, text=row.text, source=row.source, url=row.url,
                         title=row.title, published=row.published, author=row.author,
                         site=row.site, sha256=row.sha256), rules.get(row.id, ""))
        for row in rows
    ]


def changes(conn: Connection) -> int:
    """The last extraction's id plus the last log entry's: grows with every write."""
    last = select(func.coalesce(func.max(extractions.c.id), 0)).scalar_subquery()
    logged = select(func.coalesce(func.max(review_log.c.id), 0)).scalar_subquery()
    return int(conn.execute(select(last + logged)).scalar_one())
