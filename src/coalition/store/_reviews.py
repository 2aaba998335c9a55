"""Writing and reading reviews: each change in one transaction with its entry in the log."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, exists, select

from coalition.errors import InputError
from coalition.models import StoredClaim
from coalition.review import REVIEWED_FIELDS, Decision, LogEntry, Review, Verdict
from coalition.store._schema import articles, claims, review_log, reviews

_KEY = ("actor", "target", "dimension", "stance")
_REVIEW_COLUMNS = (*reviews.c, articles.c.doc.label("article_doc"))


def now() -> str:
    """The time of a change, as the log and the review rows keep it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def review_claim(
    conn: Connection, claim_id: int, decision: Decision, reviewer: str
) -> Review | None:
    """Review a machine claim (again); ``None`` when there is no such claim."""
    if decision.verdict is Verdict.ADD:
        raise InputError("review", "add a claim on an article's sentence, not on a claim")
    # The claim's row lock makes a second reviewer of the same claim wait and then revise the
    # review the first one made, rather than both inserting one.
    found = conn.execute(
        select(claims, articles.c.sha256)
        .join_from(claims, articles, claims.c.article_id == articles.c.id)
        .where(claims.c.id == claim_id)
        .with_for_update(of=claims)
    ).first()
    if found is None:
        return None
    existing = conn.execute(select(reviews.c.id).where(reviews.c.claim_id == claim_id)).first()
    if existing is not None:
        return revise(conn, int(existing.id), decision, reviewer)
    machine = {name: getattr(found, name) for name in REVIEWED_FIELDS}
    stamp = now()
    row = {
        "article_id": found.article_id, "sha256": found.sha256, "claim_id": claim_id,
        "verdict": decision.verdict.value, "start": found.start, "end": found.end,
        "evidence": found.evidence, **{f"key_{k}": machine[k] for k in _KEY},
        **machine, **decision.values, "published": found.published, "note": decision.note,
        "reviewer": reviewer, "created_at": stamp, "updated_at": stamp,
    }
    review_id = conn.execute(reviews.insert().values(row).returning(reviews.c.id)).scalar_one()
    write_log(conn, review_id, reviewer, decision.verdict.value,
              {"claim": claim_id, **machine}, state(row), decision.note)
    return get_review(conn, review_id)


def revise(conn: Connection, review_id: int, decision: Decision, reviewer: str) -> Review | None:
    """Give a review a new verdict (a correction starts from the values it has)."""
    old = conn.execute(select(reviews).where(reviews.c.id == review_id)).first()
    if old is None:
        return None
    if decision.verdict is Verdict.ADD:
        raise InputError("review", "a review cannot become an added claim; correct it instead")
    # An added claim stays added when accepted or corrected; only a rejection withdraws it.
    added = old.verdict == Verdict.ADD.value and decision.verdict is not Verdict.REJECT
    change = {"verdict": Verdict.ADD.value if added else decision.verdict.value,
              **decision.values, "note": decision.note, "reviewer": reviewer,
              "updated_at": now()}
    conn.execute(reviews.update().where(reviews.c.id == review_id).values(change))
    write_log(conn, review_id, reviewer, decision.verdict.value, state(old._mapping),
              state({**old._mapping, **change}), decision.note)
    return get_review(conn, review_id)


def add_claim(
    conn: Connection, article_doc: str, span: tuple[int, int], decision: Decision, reviewer: str
) -> Review | None:
    """A claim the engine missed, on the evidence ``span`` of an article; ``None`` when there
    is no such article.

    Raises:
        InputError: a field is missing or the span is not inside the article's text.
    """
    missing = [name for name in REVIEWED_FIELDS if name not in decision.values
               and name != "certainty"]
    if missing:
        raise InputError("review", f"an added claim needs {', '.join(missing)}")
    art = conn.execute(select(articles).where(articles.c.doc == article_doc)).first()
    if art is None:
        return None
    start, end = span
    if not 0 <= start < end <= len(art.text):
        raise InputError("review", f"evidence {start}..{end} is not inside the article's text "
                                   f"(0..{len(art.text)})")
    values = {"certainty": "asserted", **decision.values}
    stamp = now()
    row = {
        "article_id": art.id, "sha256": art.sha256,
        "claim_id": _same_claim(conn, art.id, (start, end), values), "verdict": "add",
        "start": start, "end": end, "evidence": art.text[start:end],
        **{f"key_{k}": values[k] for k in _KEY}, **values, "published": art.published,
        "note": decision.note, "reviewer": reviewer, "created_at": stamp, "updated_at": stamp,
    }
    review_id = conn.execute(reviews.insert().values(row).returning(reviews.c.id)).scalar_one()
    write_log(conn, review_id, reviewer, "add", None, state(row), decision.note)
    return get_review(conn, review_id)


def _same_claim(conn: Connection, article_pk: int, span: tuple[int, int],
                values: dict[str, str]) -> int | None:
    """An unreviewed machine claim the added one repeats (same key, overlapping evidence): the
    addition is attached to it, as re-extraction would, so the two are not counted twice."""
    start, end = span
    found = conn.execute(
        select(claims.c.id)
        .where(claims.c.article_id == article_pk, claims.c.start < end, claims.c.end > start,
               *(claims.c[k] == values[k] for k in _KEY),
               ~exists().where(reviews.c.claim_id == claims.c.id))
        .order_by(claims.c.start, claims.c.id)
        .limit(1)
    ).first()
    return None if found is None else int(found.id)


def state(row: Any) -> dict[str, Any]:
    """What the log keeps of a review: its verdict, attachment and values."""
    return {"verdict": row["verdict"], "claim": row["claim_id"],
            **{name: row[name] for name in REVIEWED_FIELDS}, "note": row["note"]}


def write_log(conn: Connection, review_id: int, reviewer: str, action: str,
              before: dict[str, Any] | None, after: dict[str, Any] | None, note: str) -> None:
    """One entry of the audit log."""
    conn.execute(review_log.insert().values(
        review_id=review_id, at=now(), reviewer=reviewer, action=action,
        before=None if before is None else json.dumps(before, sort_keys=True),
        after=None if after is None else json.dumps(after, sort_keys=True), note=note,
    ))


def get_review(conn: Connection, review_id: int) -> Review | None:
    """One review by id."""
    found = list_reviews(conn, [reviews.c.id == review_id], limit=1)
    return found[0] if found else None


def list_reviews(conn: Connection, where: Sequence[Any] = (), limit: int = 1000) -> list[Review]:
    """Reviews matching ``where``, newest change first."""
    stmt = (
        select(*_REVIEW_COLUMNS)
        .join_from(reviews, articles, reviews.c.article_id == articles.c.id)
        .where(*where)
        .order_by(reviews.c.updated_at.desc(), reviews.c.id.desc())
        .limit(limit)
    )
    return [_review(row) for row in conn.execute(stmt)]


def reviews_of(conn: Connection, claim_ids: Iterable[int]) -> dict[int, Review]:
    """The reviews attached to these claims, by claim id."""
    ids = list(claim_ids)
    if not ids:
        return {}
    found = list_reviews(conn, [reviews.c.claim_id.in_(ids)], limit=len(ids))
    return {r.claim_id: r for r in found if r.claim_id is not None}


def with_reviews(conn: Connection, rows: list[StoredClaim]) -> list[StoredClaim]:
    """The claims, each with its review when it has one."""
    found = reviews_of(conn, [row.id for row in rows])
    return [replace(row, review=found[row.id]) if row.id in found else row for row in rows]


def read_log(conn: Connection, review_id: int | None, limit: int) -> list[LogEntry]:
    """The audit log, oldest first; of one review when ``review_id`` is given."""
    stmt = select(review_log).order_by(review_log.c.id).limit(limit)
    if review_id is not None:
        stmt = stmt.where(review_log.c.review_id == review_id)
    return [
        LogEntry(id=row.id, review_id=row.review_id, at=row.at, reviewer=row.reviewer,
                 action=row.action, before=_loads(row.before), after=_loads(row.after),
                 note=row.note)
        for row in conn.execute(stmt)
    ]


def _loads(text: str | None) -> dict[str, Any] | None:
    return None if text is None else dict(json.loads(text))


def _review(row: Row[Any]) -> Review:
    return Review(
        id=row.id, article_id=row.article_doc, claim_id=row.claim_id,
        verdict=Verdict(row.verdict), start=row.start, end=row.end, evidence=row.evidence,
        key=(row.key_actor, row.key_target, row.key_dimension, row.key_stance),
        values={name: getattr(row, name) for name in REVIEWED_FIELDS},
        published=row.published, note=row.note, reviewer=row.reviewer,
        created_at=row.created_at, updated_at=row.updated_at,
    )


def orphaned() -> list[Any]:
    """The condition of an orphaned review."""
    return [reviews.c.claim_id.is_(None), reviews.c.verdict != Verdict.ADD.value]


def of_article(article_doc: str) -> Any:
    """The condition of one article's reviews."""
    return articles.c.doc == article_doc


def reviewed_claims(conn: Connection) -> list[StoredClaim]:
    """Every claim as a reviewer has it (accepted, corrected or added; not rejected), with its
    article; an unattached one's id is the review's, negated."""
    stmt = (
        select(*_REVIEW_COLUMNS, articles.c.title, articles.c.url, articles.c.source,
               articles.c.site)
        .join_from(reviews, articles, reviews.c.article_id == articles.c.id)
        .where(reviews.c.verdict != Verdict.REJECT.value)
        .order_by(reviews.c.id)
    )
    return [
        StoredClaim(id=row.claim_id or -row.id, claim=_review(row).as_claim(),
                    article_id=row.article_doc, title=row.title, url=row.url, source=row.source,
                    published=row.published, site=row.site, review=_review(row))
        for row in conn.execute(stmt)
    ]


def reviewed_ids(conn: Connection) -> set[int]:
    """The machine claims a review is attached to."""
    stmt = select(reviews.c.claim_id).where(reviews.c.claim_id.is_not(None))
    return set(conn.execute(stmt).scalars())
