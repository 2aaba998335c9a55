"""The records and check commands, on real files and a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from coalition.cli import EXIT_SKIPPED, app
from tests.fixtures.records import SERBIA, news_store

runner = CliRunner()


def test_records_load_once_and_name_the_rows_they_skip(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")  # a plain path works as --db
    first = runner.invoke(app, ["records", "--example", "--db", db])
    assert first.exit_code == 0, first.output
    assert "654" in first.stdout and "22" in first.stdout  # records read; absentees
    again = runner.invoke(app, ["records", "--example", "--db", db])
    assert "stored already 654" in " ".join(again.stdout.replace("│", " ").split())
    bad = tmp_path / "bad.csv"
    bad.write_text("actor,target,dimension,stance,date,source_url,description\n"
                   "Atlantis,UKR,arms,support,,,Sunk.\n", encoding="utf-8")
    result = runner.invoke(app, ["records", str(bad), "--db", db])
    assert result.exit_code == EXIT_SKIPPED
    assert f"{bad}:2" in result.stderr and "Atlantis" in result.stderr


def test_check_prints_both_sentences(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'check.db'}"
    news_store(db).close()
    result = runner.invoke(app, ["check", "--db", db])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "1 disagreement(s)" in text
    assert "records say oppose" in text and "say support" in text
    assert " ".join(SERBIA.split()) in text.replace("“", "").replace("”", "")
    assert "Serbia voted in favour of UN General Assembly resolution" in text
    as_json = json.loads(runner.invoke(app, ["check", "--db", db, "--json"]).stdout)
    assert as_json[0]["news"][0]["evidence"] == SERBIA
    assert as_json[0]["records"][0]["certainty"] == "recorded"


def test_claims_lists_records_apart_with_certainty_recorded(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    news_store(db).close()
    result = runner.invoke(app, ["claims", "--db", db, "--certainty", "recorded",
                                 "--actor", "Armenia", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["actor"], r["target"], r["stance"], r["certainty"]) for r in rows] == [
        ("ARM", "UKR", "refuse", "recorded")] * 2
