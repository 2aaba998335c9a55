"""The batch contract for extraction, wherever a batch runs (this process, a pool process or a
dask worker): each article of a batch ends as its claims or as a one-line reason, never as an
exception that loses the rest of the batch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from coalition.errors import one_line
from coalition.models import Article, Claim

if TYPE_CHECKING:
    from coalition.extract.extractor import CutOff, Extractor

Outcome = list[Claim] | str
"""An article's claims, or the reason it was skipped."""


def extract_batch(engine: Extractor, batch: Sequence[Article]) -> list[Outcome]:
    """Each article's outcome, in the order of ``batch``.

    The batch goes through spaCy together; if that raises, it is read again one article at a
    time, so only the article at fault is skipped, with the exception as its reason. An
    article cut off (``max_claims``, ``article_seconds``) is skipped with the cut's reason.
    """
    try:
        return _outcomes(engine, batch)
    except Exception:  # noqa: BLE001 - found again below, article by article
        return [_alone(engine, article) for article in batch]


def _alone(engine: Extractor, article: Article) -> Outcome:
    try:
        return _outcomes(engine, [article])[0]
    except Exception as exc:  # noqa: BLE001 - the batch contract: one article, one reason
        return one_line(exc)


def _outcomes(engine: Extractor, batch: Sequence[Article]) -> list[Outcome]:
    # Keyed by identity: the same article object twice in a batch has one outcome.
    found: dict[int, Outcome] = {}

    def cut(article: Article, reason: str) -> None:
        found[id(article)] = reason

    for article, claims in engine.extract_many(batch, batch_size=len(batch), on_cut=cut):
        found[id(article)] = claims
    return [found[id(article)] for article in batch]


def unpack(batch: Sequence[Article], outcomes: Sequence[Outcome],
           on_cut: CutOff) -> Iterator[tuple[Article, list[Claim]]]:
    """``(article, claims)`` pairs of a batch's outcomes; ``on_cut`` is told of each skipped
    article, with its reason, in its place in the batch."""
    for article, outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, str):
            on_cut(article, outcome)
        else:
            yield article, outcome
