"""Long articles are read in pieces: spaCy refuses a text over ``nlp.max_length`` (1,000,000
characters) and a tokenised text costs memory in proportion to its length.

A piece ends at a paragraph break when one falls in its second half, else at a line end or a
sentence end, else at a space, so a cut seldom splits a sentence. Claims of a piece have their
offsets moved by the piece's start, so they index the whole article's text.
"""

from __future__ import annotations

PIECE_CHARS = 100_000
"""The longest piece handed to spaCy at once."""

# Where to cut, best first: after a paragraph, a line or a sentence, a space.
_BREAKS = (("\n\n",), ("\n", ". ", "! ", "? "), (" ", "\t"))


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of at most ``size`` characters covering ``text``.

    Args:
        text: the article text.
        size: the longest piece.

    Returns:
        One span for a text of ``size`` characters or fewer, else several; never empty.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    middle = start + (limit - start) // 2
    for separators in _BREAKS:
        found = max(text.rfind(sep, middle, limit) + len(sep) for sep in separators)
        if found > middle:  # rfind gives -1 for a separator not there
            return found
    return limit
