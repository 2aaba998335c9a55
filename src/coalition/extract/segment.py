"""Cheap sentence segmentation that knows paragraphs, headings and page furniture.

It runs on raw text with a regular expression, so the expensive parser only ever sees the few
sentences that can carry a claim. A line is a paragraph, except that a hard-wrapped line (no
closing punctuation, the next line going on in lower case, as wire copy is often stored) runs
on into the next; a short line without a closing full stop is a heading (a state named alone in
a heading, like "Serbia", is the section's topic). Page furniture is marked and never yields
claims: furniture lines ("Image Credit", "Skip to main content", bylines), everything under a
furniture heading ("Written By", "Author Expertise") up to the next heading, a run of three or
more headings after the body has begun (lists of related stories), a date stamp opening a line,
and a paragraph's last sentence when the page cut it off (no closing punctuation after an
earlier full sentence, or at the end of the text). Sentences run together without a space
("the website.He said") are still split.
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
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9<])"
                       # scraped text that lost its spaces: "the website.He said", 'fronts.""I'
                       r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[.!?][\"”])(?=[\"“][A-Z])")
# What closes a sentence or a line that is whole.
_CLOSING = frozenset(".!?:;\"”’)»")
# A date stamp the page put at the start of a line ("date 2024-09-02 Israel said ...").
_STAMP = re.compile(r"(?:date\s+)?\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)
# A byline: "By Jane Doe", "Reporting by Jane Doe" on a short line of its own.
_BYLINE = re.compile(r"(?:(?:[Rr]eporting|[Ww]ritten|[Ww]ords|[Tt]ext|[Ss]tory) )?[Bb][Yy] "
                     r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,? (?:and|in|for) [\w ]+)?$")
MAX_BYLINE_WORDS = 10
# A hard-wrapped text has at least this many lines that run on in lower case.
MIN_WRAPPED_LINES = 3
# A wrapped line is at least this long (a heading above body text is shorter).
MIN_WRAPPED_CHARS = 40
# So many headings in a row after the body began are a list of links, not section titles.
MIN_LINK_RUN = 3
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
    paragraphs = _paragraphs(text)
    headings = [_is_heading(text, start, end) for start, end in paragraphs]
    links = _link_runs(headings)
    segments: list[Segment] = []
    silenced = False
    for number, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        lowered = line.lower()
        heading = headings[number]
        if heading:
            silenced = any(lowered.startswith(h) for h in furniture_headings)
        furniture = silenced or number in links or _byline(line) or (
            len(line.split()) <= MAX_FURNITURE_WORDS
            and any(cue in lowered for cue in furniture_lines))
        body = _after_stamp(text, start, end)
        if body[0] > start:
            segments.append(Segment(start, _stripped_end(text, start, body[0]), number,
                                    heading, True))
        pieces = [piece for sentence in _sentences(text, *body)
                  for piece in _capped(text, *sentence)]
        cut_off = _cut_off(text, pieces, last=number == len(paragraphs) - 1)
        for n, (s, e) in enumerate(pieces):
            segments.append(Segment(s, e, number, heading,
                                    furniture or (cut_off and n == len(pieces) - 1)))
    return segments


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line that does not close like a sentence and holds no sentence end inside."""
    line = text[start:end]
    return len(line.split()) <= MAX_HEADING_WORDS and not line.rstrip("\"”’ ").endswith(".") \
        and len(list(_sentences(text, start, end))) == 1


def _byline(line: str) -> bool:
    """ "By Jane Doe": a short line naming the writer (its first word is "by", any case)."""
    return len(line.split()) <= MAX_BYLINE_WORDS and _BYLINE.match(line) is not None and \
        line.split()[0].lower() in ("by", "reporting", "written", "words", "text", "story")


def _link_runs(headings: list[bool]) -> set[int]:
    """Paragraphs in runs of ``MIN_LINK_RUN`` or more headings after the first body paragraph."""
    body = next((n for n, heading in enumerate(headings) if not heading), len(headings))
    runs: set[int] = set()
    run: list[int] = []
    for number in range(body + 1, len(headings) + 1):
        if number < len(headings) and headings[number]:
            run.append(number)
            continue
        if len(run) >= MIN_LINK_RUN:
            runs.update(run)
        run = []
    return runs


def _after_stamp(text: str, start: int, end: int) -> tuple[int, int]:
    """The line without a leading date stamp (the stamp is a furniture segment of its own)."""
    stamp = _STAMP.match(text, start, end)
    return (stamp.end(), end) if stamp and stamp.end() < end else (start, end)


def _stripped_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cut_off(text: str, pieces: list[tuple[int, int]], *, last: bool) -> bool:
    """Whether the page cut a paragraph's last sentence off: it does not close, and either an
    earlier sentence of the paragraph did or the paragraph ends the text and is no heading."""
    if not pieces or text[pieces[-1][1] - 1] in _CLOSING:
        return False
    whole = len(text[pieces[0][0]:pieces[-1][1]].split()) > MAX_HEADING_WORDS
    return len(pieces) > 1 or (last and whole)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The text's lines, a hard-wrapped line joined with the lines it runs on into."""
    lines = list(_lines(text))
    wrapped = sum(_runs_on(text, a, b) for a, b in zip(lines, lines[1:], strict=False))
    merged: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(lines):
        previous = lines[n - 1] if n else None
        if previous is not None and merged and text.count("\n", previous[1], start) == 1 and (
                _runs_on(text, previous, (start, end)) or (
                    wrapped >= MIN_WRAPPED_LINES and _open(text, previous)
                    and previous[1] - previous[0] >= MIN_WRAPPED_CHARS)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _open(text: str, line: tuple[int, int]) -> bool:
    """Whether a line stops without closing punctuation (a comma or a word)."""
    return text[line[1] - 1] not in _CLOSING


def _runs_on(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether ``following`` goes on with the sentence ``line`` left open: a line of some
    length without closing punctuation, then one starting in lower case."""
    return _open(text, line) and len(text[line[0]:line[1]].split()) >= 4 and \
        text[following[0]].islower()


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
