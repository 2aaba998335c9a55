"""Cheap sentence segmentation that knows paragraphs, headings and page furniture.

It runs on raw text with a regular expression, so the expensive parser only ever sees the few
sentences that can carry a claim. A line is a paragraph; a short line without a closing full
stop is a heading (a state named alone in a heading, like "Serbia", is the section's topic);
furniture lines ("Image Credit", "Connect with us") and everything under a furniture heading
("Written By", "Author Expertise") up to the next heading is marked and never yields claims.
No sentence is longer than ``MAX_SENTENCE_CHARS``: markup or a text without full stops would
otherwise become one sentence thousands of characters long, which the parser is slow on and no
reader can check as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A sentence ends at . ! ? (maybe followed by a closing quote) before a capitalised word or
# a tag: text scraped with its markup left in must not run the sentences on either side together.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9<])")
# Where an overlong span is cut by preference: after a sentence or clause end, whatever follows.
_CLAUSE_END = re.compile(r"[.!?;][\"”’)]?(?=\s)")
# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    "u.s u.k u.n e.u mr mrs ms dr st gen lt col maj sgt capt adm gov sen rep pres prof "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd jr sr".split()
)
MAX_HEADING_WORDS = 12
MAX_FURNITURE_WORDS = 25
# About twice the longest sentence of the sample and dev corpora, so real sentences stay whole.
MAX_SENTENCE_CHARS = 500


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence: character offsets into the text, its paragraph, and what kind it is."""

    start: int
    end: int
    paragraph: int
    heading: bool
    furniture: bool


def segment(text: str, furniture_lines: frozenset[str],
            furniture_headings: frozenset[str]) -> list[Segment]:
    """Split ``text`` into sentences, marking headings and page furniture.

    Args:
        text: the article text.
        furniture_lines: lower-case phrases that mark a short line as furniture.
        furniture_headings: lower-case heading starts that silence the section below them.

    Returns:
        The sentences in text order.
    """
    segments: list[Segment] = []
    silenced = False
    for number, (start, end) in enumerate(_lines(text)):
        line = text[start:end]
        lowered = line.lower()
        words = len(line.split())
        heading = words <= MAX_HEADING_WORDS and not line.rstrip("\"”’ ").endswith(".")
        if heading:
            silenced = any(lowered.startswith(h) for h in furniture_headings)
        furniture = silenced or (
            words <= MAX_FURNITURE_WORDS and any(cue in lowered for cue in furniture_lines))
        for sentence in _sentences(text, start, end):
            for s, e in _capped(text, *sentence):
                segments.append(Segment(s, e, number, heading, furniture))
    return segments


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of each non-blank line, stripped of surrounding white space."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield match.start() + lead, match.start() + len(line.rstrip())


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        before = text[begin:match.start()].rstrip("\"”’)")
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        cut = match.start() + len(match.group()) - len(match.group().lstrip("\"”’)"))
        if text[match.start():match.end()].startswith(("\"", "”", "’", ")")):
            cut = match.start() + 1
        yield begin, cut
        begin = match.end()
    if begin < end:
        yield begin, end


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than ``MAX_SENTENCE_CHARS`` into pieces no longer than that.

    Each piece ends at the last clause end of its window, or at the last white space when no
    clause end falls in the window's second half (cutting there would leave a stub), or, in a
    run with no white space at all, at the limit itself.
    """
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start:start + MAX_SENTENCE_CHARS + 1]
        clause = [m.end() for m in _CLAUSE_END.finditer(window)]
        gaps = [m.start() for m in re.finditer(r"\s+", window) if m.start() > 0]
        if clause and clause[-1] >= MAX_SENTENCE_CHARS // 2:
            cut = clause[-1]
        else:
            cut = gaps[-1] if gaps else MAX_SENTENCE_CHARS
        yield start, start + cut
        start += cut
        while text[start].isspace():
            start += 1
    yield start, end
