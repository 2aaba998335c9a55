"""The tables of the claim store, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL.

This is the shape after every migration in :mod:`coalition.store._migrations`; a fresh database
is created from it directly. Full-text indexes are dialect-specific and live in
:mod:`coalition.store._fulltext`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from coalition.models import Certainty, Dimension, Stance

metadata = MetaData()


def _one_of(column: str, values: Iterable[Dimension | Stance | Certainty]) -> str:
    listed = ", ".join(f"'{v.value}'" for v in values)
    return f"{column} IN ({listed})"


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    # No length limits on ids and URLs: ids are URL slugs, and a limit would refuse articles
    # on PostgreSQL that SQLite accepts (migration 5 lifted the first limits).
    Column("doc", String, nullable=False, unique=True),
    # NULL urls never clash: both SQLite and PostgreSQL treat NULLs as distinct in UNIQUE.
    Column("url", String, unique=True),
    Column("title", Text),
    Column("published", Date),
    Column("author", Text),
    Column("site", Text),
    Column("source", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    # ISO 8601 text in UTC, so both backends hand back the same string.
    Column("ingested_at", String(32), nullable=False),
    # The earlier revision of the same URL whose text changed (migration 11); that revision
    # keeps its claims and reviews but gives up its URL, which names the latest text.
    Column("revision_of", Integer),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "article_id",
        Integer,
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("doc", String, nullable=False),
    Column("actor", String(16), nullable=False),
    Column("target", String(16), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("certainty", String(8), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("actor_start", Integer),
    Column("actor_end", Integer),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("confidence", Float, nullable=False),
    Column("extractor", String(100), nullable=False),
    # A copy of the article's date: articles never change once stored, and having it here lets
    # the stance counts and date filters run from one covering index without a join.
    Column("published", Date),
    # When the act took place (coalition.resolve.when): the first day of its month or year when
    # only those are known; the article's date, with when_fallback true, when the sentence
    # names none (migration 9).
    Column("when", Date),
    Column("when_precision", String(8)),
    Column("when_fallback", Boolean),
    CheckConstraint(_one_of("dimension", Dimension), name="claims_dimension"),
    CheckConstraint(_one_of("stance", Stance), name="claims_stance"),
    # Records (certainty ``recorded``) live in ``records``, never here.
    CheckConstraint(_one_of("certainty", (Certainty.ASSERTED, Certainty.HEDGED)),
                    name="claims_certainty"),
    CheckConstraint('0 <= start AND start <= "end"', name="claims_offsets"),
    CheckConstraint("confidence >= 0 AND confidence <= 1", name="claims_confidence"),
)

# Evidence per (target, actor, dimension, stance) over all time, kept up to date by every
# add_article in the same transaction, so the undated scorecard reads a few thousand rows
# instead of grouping every claim. Exact because stored articles never change. The ``id`` names
# the key in ``stance_daily``: one integer compares faster than four strings.
stance_totals = Table(
    "stance_totals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target", String(16), nullable=False),
    Column("actor", String(16), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("first_seen", Date),
    Column("last_seen", Date),
    UniqueConstraint("target", "actor", "dimension", "stance", name="stance_totals_key"),
)

# Evidence per key and publication day, kept like stance_totals, with the running sums up to and
# including that day. An article has one date, so its distinct-article counts add up exactly
# over any date range, and a range is the difference of two running sums: the last row on or
# before ``until`` less the one before the first row on or after ``since`` (that row's running
# sum minus its own day). Two index seeks per key, however many days the range spans. Undated
# articles have no row, as they are left out of dated counts. Without rowid on SQLite, so a
# key's days are stored together in order.
stance_daily = Table(
    "stance_daily",
    metadata,
    Column("stance_id", Integer, ForeignKey("stance_totals.id"), primary_key=True,
           autoincrement=False),
    Column("day", Date, primary_key=True),
    Column("articles", Integer, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("through_articles", Integer, nullable=False),
    Column("through_claims", Integer, nullable=False),
    sqlite_with_rowid=False,
)

Index(
    "claims_by_target",
    claims.c.target,
    claims.c.actor,
    claims.c.dimension,
    claims.c.stance,
    claims.c.published,
    claims.c.article_id,
)
# Newest-first listings of one target's claims read this in order instead of sorting them all.
claims_by_target_newest = Index(
    "claims_by_target_newest", claims.c.target, claims.c.published.desc(), claims.c.id
)
# Newest-first listings of one actor's claims, and their counts by dimension and stance, are
# answered from this index alone.
claims_by_actor_newest = Index(
    "claims_by_actor_newest",
    claims.c.actor,
    claims.c.published.desc(),
    claims.c.id,
    claims.c.dimension,
    claims.c.stance,
)
# Timelines, shifts and contradictions of one target (or pair) read their keys, months and
# articles from this index alone.
claims_by_target_when = Index(
    "claims_by_target_when",
    claims.c.target,
    claims.c.actor,
    claims.c.dimension,
    claims.c.stance,
    claims.c.when,
    claims.c.article_id,
)
Index("claims_by_article", claims.c.article_id)
Index("claims_by_published", claims.c.published, claims.c.id)
Index("articles_by_published", articles.c.published, articles.c.id)

# Reviews (migration 11): a reviewer's verdict on a claim, kept apart from the machine claims.
# ``claim_id`` is the machine claim it is attached to now; re-extraction replaces an article's
# claims and attaches each review again to the new claim with the same key (``key_*``) whose
# evidence overlaps ``start``..``end`` in the same article text (``sha256``), or leaves it
# orphaned (``claim_id`` NULL). ``actor`` .. ``certainty`` are the claim as the reviewer has it:
# the machine's values when accepted, the corrected ones, or those of a claim the reviewer added.
# A corrected field is a column here and in REVIEWED_FIELDS (coalition.review) and nowhere else.
VERDICTS = ("accept", "reject", "correct", "add")
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="SET NULL"), unique=True),
    Column("verdict", String(8), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("key_actor", String(16), nullable=False),
    Column("key_target", String(16), nullable=False),
    Column("key_dimension", String(16), nullable=False),
    Column("key_stance", String(8), nullable=False),
    Column("actor", String(16), nullable=False),
    Column("target", String(16), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("certainty", String(8), nullable=False),
    Column("published", Date),
    Column("note", Text, nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    CheckConstraint("verdict IN ('accept', 'reject', 'correct', 'add')", name="reviews_verdict"),
    CheckConstraint(_one_of("dimension", Dimension), name="reviews_dimension"),
    CheckConstraint(_one_of("stance", Stance), name="reviews_stance"),
    CheckConstraint(_one_of("certainty", Certainty), name="reviews_certainty"),
)
Index("reviews_by_article", reviews.c.article_id)
Index("reviews_by_target", reviews.c.target, reviews.c.actor)

# Every change to a review, never updated or deleted: who, when, what it was and became (JSON).
review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False),
    Column("at", String(32), nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("action", String(16), nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("note", Text, nullable=False),
)
Index("review_log_by_review", review_log.c.review_id, review_log.c.id)

# One row per extraction of an article (ingest or re-extraction), with the rules version that
# made its claims and what changed: the latest row per article says what it was extracted with.
extractions = Table(
    "extractions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", String(100), nullable=False),
    Column("previous", String(100)),
    Column("at", String(32), nullable=False),
    Column("added", Integer, nullable=False, default=0),
    Column("removed", Integer, nullable=False, default=0),
    Column("changed", Integer, nullable=False, default=0),
    Column("reattached", Integer, nullable=False, default=0),
    Column("orphaned", Integer, nullable=False, default=0),
)
Index("extractions_by_article", extractions.c.article_id, extractions.c.id)

# Structured records (roll-call votes, a records CSV): claims with certainty ``recorded`` that
# have no article, so they never count as news. ``key`` makes loading the same file twice a no-op.
records = Table(
    "records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(40), nullable=False, unique=True),
    Column("actor", String(16), nullable=False),
    Column("target", String(16), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("stance", String(8), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("url", String),
    Column("recorded_on", Date),
    Column("title", Text),
    Column("source", Text, nullable=False),
    Column("loaded_at", String(32), nullable=False),
    CheckConstraint(_one_of("dimension", Dimension), name="records_dimension"),
    CheckConstraint(_one_of("stance", Stance), name="records_stance"),
)
records_by_target = Index(
    "records_by_target", records.c.target, records.c.actor, records.c.dimension, records.c.stance
)
records_by_actor = Index("records_by_actor", records.c.actor, records.c.recorded_on)
