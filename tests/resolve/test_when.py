"""Reading the date of a claim's act: a table of date expressions, and the choice among them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from coalition.models import Article, Certainty, Claim, Dimension, Precision, Stance, When
from coalition.resolve.when import WhenReader

TABLE = yaml.safe_load((Path(__file__).parent / "when_table.yaml").read_text())


@pytest.fixture(scope="module")
def reader() -> WhenReader:
    return WhenReader()


def _claim(text: str, at: str) -> Claim:
    start = text.index(at)
    return Claim(doc="d", actor="ARM", target="RUS", dimension=Dimension.TROOPS,
                 stance=Stance.REFUSE, certainty=Certainty.ASSERTED, evidence=text,
                 start=0, end=len(text), trigger_start=start, trigger_end=start + len(at))


def _when(reader: WhenReader, row: dict[str, object]) -> When | None:
    claim = _claim(str(row["sentence"]), str(row["sentence"]).split()[0])
    published = row["published"]
    assert isinstance(published, date)
    article = Article(id="d", text=claim.evidence, source="d", published=published)
    return reader.date_claims(article, [claim])[0].when


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 40


def test_at_least_90_percent_of_the_table_is_read_right(reader: WhenReader) -> None:
    wrong = []
    for row in TABLE:
        expected = When(row["when"], Precision(row["precision"]), row.get("fallback", False))
        got = _when(reader, row)
        if got != expected:
            wrong.append(f"{row['sentence']} ({row['published']}): {got} != {expected}")
    assert len(wrong) <= len(TABLE) // 10, "\n".join(wrong)


def test_the_date_nearest_the_trigger_wins(reader: WhenReader) -> None:
    text = "Armenia, which joined the pact in 1994, refused on 3 October 2023 to send troops."
    article = Article(id="d", text=text, source="d", published=date(2023, 10, 5))
    early, late = reader.date_claims(article, [_claim(text, "joined"), _claim(text, "refused")])
    assert early.when == When(date(1994, 1, 1), Precision.YEAR)
    assert late.when == When(date(2023, 10, 3), Precision.DAY)


def test_without_a_publication_date_only_years_named_count(reader: WhenReader) -> None:
    for text, expected in [
        ("On Monday, Armenia refused to send troops.", None),
        ("In March 2021 Armenia refused to send troops.", When(date(2021, 3, 1), Precision.MONTH)),
    ]:
        article = Article(id="d", text=text, source="d")
        assert reader.date_claims(article, [_claim(text, "refused")])[0].when == expected


def test_when_round_trips_through_the_json_lines_form() -> None:
    claim = _claim("Armenia refused.", "refused")
    for when in (None, When(date(2022, 2, 1), Precision.MONTH, fallback=False)):
        dated = Claim.from_dict({**claim.as_dict(), **({} if when is None else when.as_dict())})
        assert dated.when == when
        assert Claim.from_dict(dated.as_dict()) == dated
