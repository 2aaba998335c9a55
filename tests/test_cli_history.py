"""The timeline, shifts and conflicts commands on the drift corpus, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition.cli import app
from tests.drift import fill_drift

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, extractor) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('cli')) / 'drift.db'}"
    fill_drift(url, extractor)
    return url


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_timeline_of_a_pair(db: str) -> None:
    points = json.loads(_run("timeline", "--actor", "ARM", "--target", "RUS", "--dimension",
                             "diplomatic", "--format", "json", "--db", db))
    assert [(p["month"], p["stance"]) for p in points][-2:] == [
        ("2024-03", "oppose"), ("2025-02", "oppose")]
    table = _run("timeline", "--actor", "arm", "--target", "rus", "--db", db)
    assert "ARM → RUS" in table and "2021-09" in table


def test_shifts_since_a_date(db: str) -> None:
    report = json.loads(_run("shifts", "--target", "RUS", "--since", "2024-01-01",
                             "--format", "json", "--db", db))
    assert report["split"] == "2024-01-01"
    first = report["shifts"][0]
    assert (first["actor"], first["before"], first["after"]) == ("ARM", "support", "oppose")
    assert first["first_after"]["evidence"] == "On Monday, Armenia condemned Russia."
    assert first["first_after"]["when"] == "2024-03-04"
    table = _run("shifts", "--target", "RUS", "--since", "2024-01-01", "--db", db)
    assert "2 shifts at 2024-01-01" in table and "condemned" in table


def test_conflicts_side_by_side(db: str) -> None:
    found = json.loads(_run("conflicts", "--format", "json", "--db", db))
    assert [(c["support"]["outlet"], c["against"]["outlet"]) for c in found] == [
        ("kremlin-wire.example", "minsk-free.example")]
    table = _run("conflicts", "--target", "RUS", "--db", db)
    assert "1 contradictions" in table and "minsk-free.example" in table


def test_claims_filter_by_when(db: str) -> None:
    rows = json.loads(_run("claims", "--actor", "ARM", "--when-until", "2021-12-31",
                           "--format", "json", "--db", db))
    assert {r["when"][:4] for r in rows} == {"2021"}
    assert len(rows) == 4  # three 2021 acts reported then, one recalled in 2025


def test_bad_dates_are_usage_errors(db: str) -> None:
    result = runner.invoke(app, ["shifts", "--since", "March", "--db", db])
    assert result.exit_code == 2
