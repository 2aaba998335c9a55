"""Reviews: a person's verdict on a claim, the view that applies them, and who may give them.

A reviewer *accepts* a claim, *rejects* it, *corrects* some of its fields or *adds* a claim
the engine missed on a sentence of an article. Reviews live apart from the machine's claims
and survive re-extraction (:mod:`coalition.reextract`). Aggregates read one of three views:

- ``machine``: the claims as extracted, reviews ignored;
- ``reviewed``: only claims a reviewer accepted, corrected or added;
- ``applied`` (the default): the machine's claims with every review applied: rejected ones
  left out, corrected ones as corrected, added ones in.

The reviewed fields are :data:`REVIEWED_FIELDS`; a field added to claims (such as a date)
becomes reviewable by adding it there, to :data:`_CHECKS` and as a column of ``reviews``.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from coalition.errors import ConfigError, InputError
from coalition.models import Certainty, Claim, ClaimQuery, Dimension, Stance, StoredClaim


class Verdict(StrEnum):
    """What a reviewer says of a claim."""

    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"
    ADD = "add"


class View(StrEnum):
    """Which claims an aggregate counts (see the module docstring)."""

    MACHINE = "machine"
    REVIEWED = "reviewed"
    APPLIED = "applied"


REVIEWED_FIELDS = ("actor", "target", "dimension", "stance", "certainty")
_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,9}")


def _code(value: str) -> str:
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise ValueError(f"{value!r} is not an actor code (ISO alpha-3 like RUS, or NATO)")
    return code


def _member(kind: type[StrEnum]) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            return kind(value.strip().lower()).value
        except ValueError:
            allowed = ", ".join(m.value for m in kind)
            raise ValueError(f"{value!r} is not one of {allowed}") from None

    return check


_CHECKS: dict[str, Callable[[str], str]] = {
    "actor": _code,
    "target": _code,
    "dimension": _member(Dimension),
    "stance": _member(Stance),
    "certainty": _member(Certainty),
}
# A news claim is asserted or hedged; "recorded" belongs to records, which are not reviewed.
_NEWS_CERTAINTY = ("asserted", "hedged")


def checked_values(values: Mapping[str, Any]) -> dict[str, str]:
    """Reviewed field values, normalised (codes upper case, enum values lower case).

    Raises:
        InputError: a field is not reviewable, or its value is not valid for it.
    """
    result: dict[str, str] = {}
    for name, value in values.items():
        if name not in _CHECKS:
            raise InputError("review", f"{name!r} cannot be reviewed; "
                                       f"use {', '.join(REVIEWED_FIELDS)}")
        try:
            result[name] = _CHECKS[name](str(value))
        except ValueError as exc:
            raise InputError("review", f"{name}: {exc}") from None
        if name == "certainty" and result[name] not in _NEWS_CERTAINTY:
            raise InputError("review", f"certainty: use {' or '.join(_NEWS_CERTAINTY)}")
    return result


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["stance=refuse", "dimension=arms"]`` as checked field values.

    Raises:
        InputError: a pair has no ``=`` or names a field or value that is not valid.
    """
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError("review", f"{pair!r} is not FIELD=VALUE")
        values[name.strip().lower()] = value
    return checked_values(values)


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's verdict with the fields it sets (for a correction or an added claim)."""

    verdict: Verdict
    values: Mapping[str, str] = field(default_factory=dict)
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", checked_values(self.values))
        if self.verdict is Verdict.CORRECT and not self.values:
            raise InputError("review", "a correction must set at least one field, "
                                       f"e.g. stance=refuse ({', '.join(REVIEWED_FIELDS)})")
        if self.verdict in (Verdict.ACCEPT, Verdict.REJECT) and self.values:
            raise InputError("review", f"{self.verdict.value} sets no fields; "
                                       "use a correction to change them")


@dataclass(frozen=True, slots=True)
class Review:
    """A review as stored: the claim as the reviewer has it, and where it is attached.

    ``claim_id`` is the machine claim it is attached to, ``None`` when it was orphaned by a
    re-extraction (or is an added claim the engine has not found).
    """

    id: int
    article_id: str
    claim_id: int | None
    verdict: Verdict
    start: int
    end: int
    evidence: str
    key: tuple[str, str, str, str]
    values: Mapping[str, str]
    published: date | None
    note: str
    reviewer: str
    created_at: str
    updated_at: str

    @property
    def orphaned(self) -> bool:
        """Reviewed a machine claim that the current rules no longer make."""
        return self.claim_id is None and self.verdict is not Verdict.ADD

    def as_claim(self, extractor: str = "review") -> Claim:
        """The claim as the reviewer has it (for exports of the reviewed and applied views)."""
        return Claim(
            doc=self.article_id, actor=self.values["actor"], target=self.values["target"],
            dimension=Dimension(self.values["dimension"]), stance=Stance(self.values["stance"]),
            certainty=Certainty(self.values["certainty"]), evidence=self.evidence,
            start=self.start, end=self.end, extractor=extractor,
        )

    def as_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "id": self.id, "article": self.article_id, "claim": self.claim_id,
            "verdict": self.verdict.value, "orphaned": self.orphaned, "start": self.start,
            "end": self.end, "evidence": self.evidence,
            "machine": dict(zip(REVIEWED_FIELDS[:4], self.key, strict=True)),
            **self.values, "published": self.published.isoformat() if self.published else None,
            "note": self.note, "reviewer": self.reviewer, "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One step of a review's history: who did what when, and the review before and after."""

    id: int
    review_id: int
    at: str
    reviewer: str
    action: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    note: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"id": self.id, "review": self.review_id, "at": self.at,
                "reviewer": self.reviewer, "action": self.action, "before": self.before,
                "after": self.after, "note": self.note}


def applied(row: StoredClaim) -> StoredClaim | None:
    """A listed machine claim in the applied view: as its review has it, ``None`` when
    rejected, unchanged when unreviewed. (Claims reviewers added are in ``Store.reviews()``.)"""
    review = row.review
    if review is None:
        return row
    if review.verdict is Verdict.REJECT:
        return None
    corrected = review.as_claim(row.claim.extractor)
    return replace(row, claim=replace(row.claim, **{
        name: getattr(corrected, name) for name in REVIEWED_FIELDS}))


def matches(row: StoredClaim, query: ClaimQuery) -> bool:
    """Whether a reviewed claim passes the query's filters (its words, a full-text search of
    stored claims, are not applied to the few reviewed ones)."""
    c, q = row.claim, query
    exact = ((q.actor, c.actor), (q.target, c.target), (q.dimension, c.dimension),
             (q.stance, c.stance), (q.certainty, c.certainty), (q.article_id, row.article_id))
    if any(wanted is not None and wanted != value for wanted, value in exact):
        return False
    if q.involving is not None and q.involving not in (c.actor, c.target):
        return False
    if (q.since or q.until) and row.published is None:
        return False
    return not ((q.since and row.published and row.published < q.since)
                or (q.until and row.published and row.published > q.until))


def reviewer_tokens(setting: str) -> dict[str, str]:
    """The ``reviewer_tokens`` setting (``name:token,name:token``) as name to token.

    Raises:
        ConfigError: an entry is not ``name:token`` or repeats a name.
    """
    named: dict[str, str] = {}
    for entry in filter(None, (part.strip() for part in setting.split(","))):
        name, sep, token = entry.partition(":")
        if not sep or not name.strip() or not token.strip():
            raise ConfigError(f"setting reviewer_tokens: {entry!r} is not name:token")
        if name.strip() in named:
            raise ConfigError(f"setting reviewer_tokens: {name.strip()!r} is named twice")
        named[name.strip()] = token.strip()
    return named


def reviewer_for(token: str | None, setting: str) -> str | None:
    """The reviewer whose token this is, or ``None`` (every token compared in constant time)."""
    found = None
    for name, expected in reviewer_tokens(setting).items():
        if hmac.compare_digest((token or "").encode(), expected.encode()):
            found = name
    return found if token else None


def sentence_around(text: str, piece: str) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``piece`` (its first occurrence).

    Raises:
        InputError: ``piece`` is empty or not in the text.
    """
    at = text.find(piece.strip()) if piece.strip() else -1
    if at < 0:
        raise InputError("review", f"the article does not contain {piece!r}")
    end = at + len(piece.strip())
    for start, stop in sentences(text):
        if start <= at < stop:
            return start, max(stop, end)
    return at, end


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of an article's sentences, for choosing one to add a claim on."""
    from coalition.extract.segment import segment

    return [(seg.start, seg.end) for seg in segment(text, frozenset(), frozenset())]
