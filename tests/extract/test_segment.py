"""Sentence segmentation: no sentence, and so no evidence quote, outgrows MAX_SENTENCE_CHARS."""

from __future__ import annotations

import base64
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition.extract.segment import MAX_SENTENCE_CHARS, segment
from coalition.models import Article
from tests.web.articles import HOSTILE_TEXT

NONE: frozenset[str] = frozenset()
PROPERTY = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
# A minified page pasted as text: one line, tags and scripts, no sentence boundary anywhere.
MINIFIED = "".join(
    f'<div class="card-{n}"><span data-id="{n}">item {n}</span>'
    f'<script>var x{n} = {{"k": {n}}}; track("view", x{n})</script></div>'
    for n in range(150)
)


def _pieces(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text, NONE, NONE)]


def _check_cover(text: str) -> None:
    """Sentences are ordered, disjoint, bounded, stripped, and lose no visible character."""
    segments = segment(text, NONE, NONE)
    previous = 0
    for seg in segments:
        piece = text[seg.start:seg.end]
        assert previous <= seg.start < seg.end <= len(text)
        assert len(piece) <= MAX_SENTENCE_CHARS
        assert piece == piece.strip()
        previous = seg.end
    kept = "".join(text[s.start:s.end] for s in segments)
    assert "".join(kept.split()) == "".join(text.split())


def test_minified_markup_is_cut_at_white_space_within_the_bound() -> None:
    pieces = _pieces(MINIFIED)
    assert len(MINIFIED) > 20 * MAX_SENTENCE_CHARS
    assert len(pieces) > len(MINIFIED) // MAX_SENTENCE_CHARS
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    # Cut at white space, not inside a word: every piece starts a word of the original.
    words = set(MINIFIED.split())
    assert all(p.split()[0] in words and p.split()[-1] in words for p in pieces)
    _check_cover(MINIFIED)


def test_a_run_without_white_space_is_cut_at_the_bound() -> None:
    blob = base64.b64encode(random.Random(7).randbytes(3000)).decode()
    label, *pieces = _pieces(f"Attachment: {blob}")
    assert label == "Attachment:"
    assert [len(p) for p in pieces[:-1]] == [MAX_SENTENCE_CHARS] * (len(pieces) - 1)
    assert "".join(pieces) == blob


def test_an_overlong_span_is_cut_after_its_clauses() -> None:
    clauses = [f"item {n} of the list was approved by the committee; " for n in range(40)]
    text = "".join(clauses).rstrip("; ") + "."
    pieces = _pieces(text)
    assert len(pieces) > 1
    assert all(p.endswith(";") for p in pieces[:-1])
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    _check_cover(text)


def test_real_sentences_stay_whole() -> None:
    sentence = ("Germany will send 14 Leopard 2 tanks to Ukraine and allow other European "
                "countries to re-export theirs, Chancellor Olaf Scholz announced on Wednesday, "
                "ending weeks of hesitation that had strained ties with allies; Poland, Finland "
                "and Spain said they would follow, and the United States said it would send 31 "
                "Abrams tanks of its own, officials said.")
    assert _pieces(f"{sentence} {sentence}") == [sentence, sentence]


def test_a_tag_after_a_full_stop_starts_a_new_sentence() -> None:
    pieces = _pieces(HOSTILE_TEXT)
    assert pieces[0] == ("Iran has sent hundreds of Shahed drones to Russia, officials said "
                         "on Monday.")
    assert pieces[-1].startswith("<a href=")


@PROPERTY
@given(st.lists(st.sampled_from(["word", "Iran", " ", "  ", ".", ";", "; ", ". ", "\n", "<p>",
                                 "x" * 97, "”", "U.S.", "\t"]), max_size=400).map("".join))
def test_any_text_is_covered_by_bounded_sentences(text: str) -> None:
    _check_cover(text)


def test_claims_in_an_overlong_line_quote_bounded_evidence(extractor) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    # A scraped list with semicolons for full stops: one line, no sentence boundary in 8 kB.
    clauses = ["Iran sent drones to Russia", "Belarus sent tanks to Russia",
               "the committee met again without a decision", "Hungary sent food to Ukraine"]
    text = "; ".join(clauses * 40) + "."
    article = Article(id="overlong", text=text, source="overlong.txt")
    claims = extractor.extract(article)
    found = {(c.actor, c.target, c.dimension.value) for c in claims}
    assert {("IRN", "RUS", "arms"), ("BLR", "RUS", "arms")} <= found
    assert all(len(c.evidence) <= MAX_SENTENCE_CHARS for c in claims)
    assert all(c.evidence == text[c.start:c.end] for c in claims)
