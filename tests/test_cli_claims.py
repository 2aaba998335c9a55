"""The claims command's filters and formats, and how read commands treat --db."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition.cli import app
from tests.fixtures.records import news_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "claims.db"
    news_store(f"sqlite:///{path}").close()
    return str(path)  # a plain path works as --db


def claims(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "json", *args])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_involving_takes_actor_or_target_and_names_work_as_codes(db: str) -> None:
    assert {c["actor"] for c in claims(db, "--involving", "Russia")} == {"SRB", "ERI", "KAZ"}
    assert [c["actor"] for c in claims(db, "--involving", "kaz")] == ["KAZ"]
    assert [c["actor"] for c in claims(db, "--actor", "Eritrea", "--target", "RUS")] == ["ERI"]


def test_an_unknown_name_or_code_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--target", "Atlantis"])
    assert result.exit_code == 2
    assert "Atlantis" in result.output and "no state or alliance" in result.output


def test_csv_and_jsonl_formats_and_the_truncation_note(db: str) -> None:
    result = runner.invoke(app, ["claims", "--db", db, "--format", "csv", "--limit", "2"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and rows[0]["evidence"]
    assert "2 of 3 claims" in result.stderr
    jsonl = runner.invoke(app, ["claims", "--db", db, "--format", "jsonl"])
    assert len([json.loads(line) for line in jsonl.stdout.splitlines()]) == 3
    table = runner.invoke(app, ["claims", "--db", db, "--limit", "1"])
    assert "1 of 3 claims" in table.stdout
    assert runner.invoke(app, ["claims", "--db", db, "--format", "xml"]).exit_code == 2


def test_a_read_command_on_a_missing_file_says_so_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    for command in (["claims"], ["scorecard"], ["check"], ["export"]):
        result = runner.invoke(app, [*command, "--db", str(missing)])
        assert result.exit_code == 1, command
        assert f"no database at {missing}" in result.stderr
    assert not missing.exists()
