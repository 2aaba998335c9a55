"""The data that moves through coalition: articles in, claims out, and what queries return.

Every stage speaks these types: ingest makes :class:`Article` or :class:`Rejected`, extraction
makes :class:`Claim`, the store returns :class:`StoredClaim` and :class:`StanceCount`, and the
aggregates are built from those. Enum values are the contract strings of ``shared/claims.md``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from coalition.review import Review

EXTRACTOR_VERSION = "coalition-rules/0.6.0"


class Dimension(StrEnum):
    """The way an actor backs, withholds from or works against a target."""

    TROOPS = "troops"
    ARMS = "arms"
    MILITARY = "military"
    TERRITORY = "territory"
    ECONOMIC = "economic"
    RECOGNITION = "recognition"
    DIPLOMATIC = "diplomatic"
    HUMANITARIAN = "humanitarian"
    SECURITY = "security"


class Stance(StrEnum):
    """What the actor does in a dimension."""

    SUPPORT = "support"
    REFUSE = "refuse"
    OPPOSE = "oppose"


class Precision(StrEnum):
    """How exactly a claim's ``when`` is known: the day, or only its month or year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Certainty(StrEnum):
    """Whether the article asserts the claim or only reports, alleges or speculates it;
    ``recorded`` marks a claim read from a structured record (a roll-call vote), not news."""

    ASSERTED = "asserted"
    HEDGED = "hedged"
    RECORDED = "recorded"


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for duplicates: NFKC, case-folded, white space collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the same article re-ingested gets the same hash."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as ingested.

    ``id`` is the document id of the claim contract: a file's name without its extension, a
    JSONL record's ``id``, or a slug of the URL. ``source`` is where it was read from (a path or
    URL) and is what error messages name.
    """

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    author: str | None = None
    site: str | None = None
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.text))


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with the reason a user can act on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class When:
    """The date a claim's act took place.

    ``day`` is the first day of the month or year when ``precision`` is coarser than a day;
    ``fallback`` is true where the sentence gave no date and the article's publication date
    stands in for it.
    """

    day: date
    precision: Precision
    fallback: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The added fields of a claim's JSON Lines form."""
        return {"when": self.day.isoformat(), "when_precision": self.precision.value,
                "when_fallback": self.fallback}

    @classmethod
    def of_article(cls, published: date | None) -> When | None:
        """The fallback: the article's publication date, or ``None`` for an undated article."""
        return None if published is None else cls(published, Precision.DAY, fallback=True)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> When | None:
        """Read :meth:`as_dict` fields back; ``None`` when the row has no ``when``."""
        if not row.get("when"):
            return None
        return cls(date.fromisoformat(str(row["when"])),
                   Precision(str(row.get("when_precision") or "day")),
                   bool(row.get("when_fallback", False)))


_NO_WHEN = {"when": None, "when_precision": None, "when_fallback": None}


@dataclass(frozen=True, slots=True)
class Claim:
    """One article's assertion that ``actor`` supports, refuses or opposes ``target``.

    Offsets are character offsets into the article text: ``start``/``end`` bound the evidence
    sentence (``text[start:end] == evidence``); the actor and trigger spans, when known, bound
    the words that named the actor and the words that carried the claim, for highlighting.
    ``when`` is the date of the act (:mod:`coalition.resolve.when`), ``None`` until it is read.
    """

    doc: str
    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    certainty: Certainty
    evidence: str
    start: int
    end: int
    confidence: float = 1.0
    actor_start: int | None = None
    actor_end: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    extractor: str = EXTRACTOR_VERSION
    when: When | None = None

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What the scorer compares: doc, actor, target, dimension, stance."""
        return (self.doc, self.actor, self.target, self.dimension.value, self.stance.value)

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON Lines form, plus offsets, confidence, extractor version and when."""
        return {
            "doc": self.doc,
            "actor": self.actor,
            "target": self.target,
            "dimension": self.dimension.value,
            "stance": self.stance.value,
            "certainty": self.certainty.value,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "actor_start": self.actor_start,
            "actor_end": self.actor_end,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "extractor": self.extractor,
            **(self.when.as_dict() if self.when else _NO_WHEN),
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Claim:
        """Read a claim back from :meth:`as_dict` output (or a contract row without offsets)."""
        return cls(
            doc=str(row["doc"]),
            actor=str(row["actor"]).upper(),
            target=str(row["target"]).upper(),
            dimension=Dimension(str(row["dimension"]).lower()),
            stance=Stance(str(row["stance"]).lower()),
            certainty=Certainty(str(row.get("certainty", "asserted")).lower()),
            evidence=str(row.get("evidence", "")),
            start=int(row.get("start") or 0),
            end=int(row.get("end") or 0),
            confidence=float(row.get("confidence", 1.0)),
            actor_start=row.get("actor_start"),
            actor_end=row.get("actor_end"),
            trigger_start=row.get("trigger_start"),
            trigger_end=row.get("trigger_end"),
            extractor=str(row.get("extractor", EXTRACTOR_VERSION)),
            when=When.from_dict(row),
        )


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as the store returns it: with its row id and the article it came from."""

    id: int
    claim: Claim
    article_id: str
    title: str | None
    url: str | None
    source: str
    published: date | None
    site: str | None = None
    review: Review | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store returns it, with its claims when asked for."""

    article: Article
    ingested_at: str
    claims: tuple[StoredClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters for listing claims; every field left ``None`` does not filter."""

    actor: str | None = None
    target: str | None = None
    dimension: Dimension | None = None
    stance: Stance | None = None
    certainty: Certainty | None = None
    since: date | None = None
    until: date | None = None
    when_since: date | None = None
    when_until: date | None = None
    text: str | None = None
    article_id: str | None = None
    limit: int = 50
    offset: int = 0
    involving: str | None = None


class StanceCount(NamedTuple):
    """How much evidence one (actor, target, dimension, stance) has: the input of aggregates.

    ``stories`` counts independent stories: the near-duplicate copies of one wire story in
    several articles count once (``articles`` counts each copy).

    A tuple because the store makes one per key and range, thousands per scorecard, and a
    frozen dataclass costs about twice as much to build.
    """

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    articles: int
    stories: int
    claims: int
    first_seen: date | None
    last_seen: date | None
    reviewed: int = 0
    """Of ``claims``, how many a reviewer accepted, corrected or added (or, in the machine
    view, reviewed at all)."""


class MonthCount(NamedTuple):
    """Evidence for one (actor, target, dimension, stance) in one month (``YYYY-MM``) of the
    claims' ``when``: the input of timelines and contradictions."""

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    month: str
    articles: int
    claims: int


class PeriodCount(NamedTuple):
    """Evidence for one (actor, target, dimension, stance) before or after the start of a later
    period (``later``): the input of shifts."""

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    later: bool
    articles: int
    claims: int


@dataclass(frozen=True, slots=True)
class Record:
    """A structured record read as a claim: a roll-call vote, a row of a records CSV.

    Unlike a news claim it has no article: ``evidence`` is its own text, ``url`` where it can
    be checked, ``on`` the day it happened and ``title`` what it belongs to (a resolution).
    ``source`` is the file it was loaded from.
    """

    actor: str
    target: str
    dimension: Dimension
    stance: Stance
    evidence: str
    source: str
    url: str | None = None
    on: date | None = None
    title: str | None = None

    @property
    def key(self) -> str:
        """A stable id: the same record loaded twice is stored once."""
        parts = (self.actor, self.target, self.dimension.value, self.stance.value,
                 self.on.isoformat() if self.on else "", self.url or "", self.evidence)
        return "rec-" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def as_claim(self) -> Claim:
        """The record as a claim with certainty ``recorded``; its ``doc`` is :attr:`key`."""
        return Claim(doc=self.key, actor=self.actor, target=self.target,
                     dimension=self.dimension, stance=self.stance,
                     certainty=Certainty.RECORDED, evidence=self.evidence, start=0,
                     end=len(self.evidence), extractor="record")
