"""Rule cases as data: every case in tests/cases/*.yaml, read by one parametrized test."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from coalition.models import Article

CASES = Path(__file__).resolve().parents[1] / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for number, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")), 1):
            assert {"sentence", "claims", "why"} <= set(case), f"{path.name} case {number}"
            params.append(pytest.param(case, id=f"{path.stem}-{number}"))
    return params


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any], extractor) -> None:  # type: ignore[no-untyped-def]
    context = case.get("context", "")
    text = f"{context}\n\n{case['sentence']}" if context else case["sentence"]
    published = case.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    article = Article(id="case", text=text, source="case", published=published)
    offset = len(text) - len(case["sentence"])
    found = sorted(
        f"{c.actor} {c.target} {c.dimension.value} {c.stance.value} {c.certainty.value}"
        for c in extractor.extract(article) if c.start >= offset
    )
    assert found == sorted(case["claims"]), case["why"]
