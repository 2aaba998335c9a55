"""Long articles are read in pieces, with offsets into the whole text; an article over the claim
or time bound is cut off with a reason and the stream goes on."""

from __future__ import annotations

import copy
from itertools import pairwise

import pytest

from coalition.errors import InputError
from coalition.extract import Extractor
from coalition.extract.pieces import PIECE_CHARS, pieces
from coalition.models import Article, Claim
from coalition.settings import Settings

FILLER = "The weather stayed mild and the markets were calm all week.\n\n"
CLAIM = "Iran sent drones to Russia."


def _long(total: int, claim_every: int) -> str:
    paragraphs = []
    size = 0
    while size < total:
        text = CLAIM + "\n\n" if len(paragraphs) % claim_every == 0 else FILLER
        paragraphs.append(text)
        size += len(text)
    return "".join(paragraphs)


def _limited(extractor: Extractor, **limits: object) -> Extractor:
    # The loaded pipeline is shared; only the settings differ.
    limited = copy.copy(extractor)
    limited.settings = Settings().merged(dict(limits))
    return limited


@pytest.mark.parametrize("text", ["short", "x" * 250_000, _long(330_000, 50),
                                  ("word " * 30_000 + "\n\n") * 4])
def test_pieces_cover_the_text_within_the_size(text: str) -> None:
    spans = pieces(text)

    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in pairwise(spans))
    assert all(0 < end - start <= PIECE_CHARS for start, end in spans)


def test_pieces_end_at_paragraph_breaks_when_there_are_some() -> None:
    text = _long(330_000, 50)

    assert all(text[end - 2:end] == "\n\n" for _, end in pieces(text)[:-1])


def test_an_article_over_spacys_limit_is_read_whole(extractor: Extractor) -> None:
    text = _long(1_200_000, 400)  # over nlp.max_length, which spaCy refuses outright
    article = Article(id="long", text=text, source="long.txt")

    claims = extractor.extract(article)

    expected = {i for i in range(len(text)) if text.startswith(CLAIM, i)}
    assert len(text) > extractor.nlp.max_length
    assert {c.start for c in claims} == expected
    for claim in claims:
        assert (claim.actor, claim.target, claim.evidence) == ("IRN", "RUS", CLAIM)
        assert text[claim.trigger_start:claim.trigger_end] == "sent"  # type: ignore[misc]


def test_an_article_over_max_claims_is_cut_off_and_the_next_read(extractor: Extractor) -> None:
    limited = _limited(extractor, max_claims=5)
    dense = Article(id="dense", text=(CLAIM + " ") * 20, source="dense.txt")
    fine = Article(id="fine", text=CLAIM, source="fine.txt")
    cut: list[tuple[str, str]] = []

    pairs = list(limited.extract_many([dense, fine], on_cut=lambda a, r: cut.append((a.id, r))))

    assert [(a.id, len(c)) for a, c in pairs] == [("fine", 1)]
    assert len(cut) == 1 and cut[0][0] == "dense"
    assert "over the max_claims limit: more than 5 claims" in cut[0][1]
    with pytest.raises(InputError, match="max_claims"):
        limited.extract(dense)


def test_an_article_out_of_time_is_cut_off_between_pieces(extractor: Extractor) -> None:
    hurried = _limited(extractor, article_seconds=0)
    long = Article(id="long", text=_long(250_000, 100), source="long.txt")
    short = Article(id="short", text=CLAIM, source="short.txt")
    cut: list[str] = []
    claims: list[Claim] = []

    pairs = list(hurried.extract_many([short, long, short], on_cut=lambda a, r: cut.append(r)))

    assert [a.id for a, _ in pairs] == ["short", "short"]  # one piece: never cut off
    claims = [c for _, found in pairs for c in found]
    assert len(claims) == 2
    assert len(cut) == 1
    assert cut[0].startswith("cut off after 0 s (article_seconds): ")
    assert f"of {len(long.text)} characters read" in cut[0]
