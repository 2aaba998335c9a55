"""The coalition command, run in-process on real files and a real SQLite database."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition.cli import EXIT_SKIPPED, app

ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "corpus" / "dev"
CONTRACT_FIELDS = {"doc", "actor", "target", "dimension", "stance", "certainty", "evidence"}

runner = CliRunner()

ARTICLE = (
    "North Korea has shipped millions of artillery shells to Russia, officials said.\n\n"
    "Kazakhstan refused to send troops to help Russia in Ukraine.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "shells.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    return folder


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_ingest_names_each_skipped_input_and_exits_3(corpus: Path, db: str) -> None:
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "empty.txt" in result.stderr and "blob.txt" in result.stderr
    assert "ingested" in result.stdout
    again = runner.invoke(app, ["ingest", str(corpus / "shells.txt"), "--db", db])
    assert again.exit_code == 0
    assert "duplicates" in again.stdout


def test_scorecard_formats(corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus / "shells.txt"), "--db", db])
    cells = json.loads(runner.invoke(app, ["scorecard", "--db", db, "--format", "json"]).stdout)
    keys = {"actor", "target", "dimension", "stance", "articles", "claims", "conflicting",
            "first_seen", "last_seen"}
    assert cells and all(keys <= set(cell) for cell in cells)
    found = {(c["actor"], c["target"], c["dimension"], c["stance"]) for c in cells}
    assert ("PRK", "RUS", "arms", "support") in found
    assert ("KAZ", "RUS", "troops", "refuse") in found
    csv_text = runner.invoke(app, ["scorecard", "--db", db, "--format", "csv"]).stdout
    assert csv_text.splitlines()[0].startswith("actor,target,troops,arms")
    markdown = runner.invoke(app, ["scorecard", "--db", db, "-f", "markdown", "--target", "rus"])
    assert "| PRK | RUS |" in markdown.stdout
    table = runner.invoke(app, ["scorecard", "--db", db])
    assert table.exit_code == 0 and "PRK" in table.stdout


def test_bad_date_is_a_usage_error_naming_the_flag(db: str) -> None:
    result = runner.invoke(app, ["scorecard", "--db", db, "--since", "last year"])
    assert result.exit_code == 2
    assert "--since" in result.output


def test_claims_lists_evidence_with_its_article(corpus: Path, db: str) -> None:
    runner.invoke(app, ["ingest", str(corpus / "shells.txt"), "--db", db])
    result = runner.invoke(app, ["claims", "--db", db, "--actor", "kaz", "--format", "json"])
    rows = json.loads(result.stdout)
    assert [r["stance"] for r in rows] == ["refuse"]
    assert rows[0]["evidence"].startswith("Kazakhstan refused")
    assert rows[0]["source"].endswith("shells.txt")


def test_extract_writes_the_contract_without_a_database(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", str(corpus / "shells.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(CONTRACT_FIELDS <= set(r) for r in rows)
    assert {r["doc"] for r in rows} == {"shells"}
    text = (corpus / "shells.txt").read_text()
    assert all(text[r["start"]:r["end"]] == r["evidence"] for r in rows)
    assert not (Path.cwd() / "coalition.db").exists() or "coalition.db" not in result.output


def test_unusable_database_is_one_clear_line(corpus: Path) -> None:
    result = runner.invoke(app, ["ingest", str(corpus / "shells.txt"), "--db", "nonsense://x"])
    assert result.exit_code == 1
    assert "error:" in result.stderr and "nonsense" in result.stderr


@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="shared dev corpus not beside the repo")
def test_evaluate_agrees_with_the_shared_scorer(tmp_path: Path) -> None:
    gold = SHARED_DEV / "gold.jsonl"
    files = sorted(str(p) for p in SHARED_DEV.glob("*.txt"))
    ours = runner.invoke(app, ["evaluate", "--gold", str(gold), *files])
    assert ours.exit_code == 0, ours.output
    pred = tmp_path / "pred.jsonl"
    runner.invoke(app, ["extract", *files, "--out", str(pred)])
    shared = subprocess.run(
        [sys.executable, str(ROOT.parent / "shared" / "eval" / "score.py"), "--gold", str(gold),
         "--pred", str(pred)], capture_output=True, text=True, check=True)
    assert shared.stdout.splitlines()[0] in ours.stdout


def test_help_does_not_load_heavy_libraries() -> None:
    code = ("import sys, coalition.cli; heavy = {'spacy', 'sqlalchemy', 'fastapi', 'distributed'}"
            " & set(sys.modules); print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
