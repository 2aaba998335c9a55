"""Quality gate: dev-set F1 and precision floors that only go up.

The floors are what the extractor measured when they were set, rounded down; they are never
below the project's targets (strict F1 0.80, precision 0.85). Lower one only on purpose.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coalition.evaluate import load_rows, score
from coalition.models import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "coalition" / "data" / "sample"
SAMPLE_GOLD = ROOT / "tests" / "data" / "sample_gold.jsonl"
# The sample corpus is held out: no rule was written for its sentences. Its floors are lower
# than the dev floors because it is unseen text, and they guard against regressions there.
SAMPLE_FLOORS = {"f1": 0.76, "precision": 0.84}
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
FLOORS = {"f1": 0.97, "precision": 1.0, "lenient_f1": 0.97}


@pytest.fixture(scope="module")
def dev_predictions(extractor) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    if not (DEV / "gold.jsonl").is_file():
        pytest.skip("shared dev corpus not present")
    rows = []
    for path in sorted(DEV.glob("*.txt")):
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path))
        rows += [claim.as_dict() for claim in extractor.extract(article)]
    return rows


def test_dev_floors(dev_predictions: list[dict[str, object]]) -> None:
    result = score(load_rows([DEV / "gold.jsonl"]), dev_predictions)
    assert result.strict.f1 >= max(FLOORS["f1"], 0.80), result.strict
    assert result.strict.precision >= max(FLOORS["precision"], 0.85), result.strict
    assert result.lenient.f1 >= FLOORS["lenient_f1"], result.lenient


def test_sample_corpus_floors(extractor) -> None:  # type: ignore[no-untyped-def]
    from coalition.ingest import read_sources
    from coalition.settings import Settings

    if not SAMPLE_GOLD.is_file():
        pytest.skip("sample corpus not present")
    articles = [a for a in read_sources([str(SAMPLE)], Settings()) if isinstance(a, Article)]
    rows = [c.as_dict() for _, claims in extractor.extract_many(articles) for c in claims]
    result = score(load_rows([SAMPLE_GOLD]), rows)
    assert result.strict.f1 >= SAMPLE_FLOORS["f1"], result.strict
    assert result.strict.precision >= SAMPLE_FLOORS["precision"], result.strict


def test_score_agrees_with_the_shared_scorer(dev_predictions: list[dict[str, object]],
                                             tmp_path: Path) -> None:
    # Disturb the predictions so that every branch of the scorer is exercised: a duplicate, a
    # military/arms cross-match, a stance flip (lenient only) and a document without gold.
    rows = list(dev_predictions)
    rows.append(dict(rows[0]))
    rows.append({**rows[1], "dimension": "military"})
    rows.append({**rows[2], "stance": "oppose" if rows[2]["stance"] == "refuse" else "refuse"})
    rows.append({**rows[3], "doc": "not-in-gold"})
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(DEV / "gold.jsonl"), "--pred", str(pred),
         "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    ours = score(load_rows([DEV / "gold.jsonl"]), rows)
    for name, figures in (("strict", ours.strict), ("lenient", ours.lenient)):
        for field in ("precision", "recall", "f1", "predicted", "correct", "required", "found"):
            assert getattr(figures, field) == theirs[name][field], (name, field)
        assert [list(k) for k in figures.false_alarms] == theirs[name]["false_alarms"]
        assert [list(k) for k in figures.misses] == theirs[name]["misses"]
