"""coalition.evaluate on small hand-made rows: each rule of the scoring contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition.errors import InputError
from coalition.evaluate import load_rows, score


def row(actor: str, target: str, dim: str, stance: str, **extra: object) -> dict[str, object]:
    return {"doc": "d", "actor": actor, "target": target, "dimension": dim, "stance": stance,
            **extra}


def test_military_matches_troops_and_arms_and_duplicates_count_once() -> None:
    gold = [row("IRN", "RUS", "arms", "support"), row("KAZ", "RUS", "troops", "refuse")]
    pred = [row("IRN", "RUS", "military", "support"), row("irn", "rus", "military", "support"),
            row("KAZ", "RUS", "troops", "oppose")]
    result = score(gold, pred)
    assert (result.strict.precision, result.strict.recall) == (0.5, 0.5)
    assert result.lenient.f1 == 1.0


def test_optional_gold_is_right_but_not_required() -> None:
    gold = [row("CHN", "RUS", "economic", "support"),
            row("CHN", "TUR", "security", "support", optional=True)]
    result = score(gold, [row("CHN", "TUR", "security", "support")])
    assert result.strict.precision == 1.0 and result.strict.recall == 0.0
    assert result.strict.required == 1


def test_bad_lines_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text('{"doc": "d"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"claims.jsonl:2"):
        load_rows([path])
    with pytest.raises(InputError, match="missing"):
        score([{"doc": "d"}], [])
