"""Text cut into pieces for highlighting: the actor and trigger in an evidence sentence, and the
claim sentences in an article. Templates render each piece escaped, so the text stays inert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coalition.models import Claim, StoredClaim


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text; ``kind`` is ``None`` for plain text, else what it is highlighted as.

    ``ref`` is the anchor of a claim sentence; ``claims`` the ids of the claims it carries.
    """

    text: str
    kind: str | None = None
    ref: str | None = None
    claims: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str
    ref: str | None = None
    claims: tuple[int, ...] = ()


def split(text: str, spans: Iterable[_Span]) -> list[Piece]:
    """Cut ``text`` at the spans; spans outside the text or overlapping an earlier one are left
    out, so a bad offset costs a highlight, never the text."""
    pieces: list[Piece] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < cursor or not 0 <= span.start < span.end <= len(text):
            continue
        if span.start > cursor:
            pieces.append(Piece(text[cursor : span.start]))
        pieces.append(Piece(text[span.start : span.end], span.kind, span.ref, span.claims))
        cursor = span.end
    if cursor < len(text):
        pieces.append(Piece(text[cursor:]))
    return pieces


def evidence_pieces(claim: Claim) -> list[Piece]:
    """The evidence sentence with the actor mention and the trigger words marked.

    The claim's actor and trigger offsets count from the start of the article, so they are
    moved by the evidence's own start.
    """
    spans = [
        _Span(start - claim.start, end - claim.start, kind)
        for start, end, kind in (
            (claim.actor_start, claim.actor_end, "actor"),
            (claim.trigger_start, claim.trigger_end, "trigger"),
        )
        if start is not None and end is not None
    ]
    return split(claim.evidence, spans)


def sentence_anchor(start: int) -> str:
    """The id of the claim sentence starting at ``start`` on its article page."""
    return f"s{start}"


def article_pieces(text: str, claims: Sequence[StoredClaim]) -> list[Piece]:
    """The article text with every claim sentence marked, each linked to its claims."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for row in claims:
        by_sentence.setdefault((row.claim.start, row.claim.end), []).append(row.id)
    spans = [
        _Span(start, end, "claim", sentence_anchor(start), tuple(ids))
        for (start, end), ids in by_sentence.items()
    ]
    return split(text, spans)
