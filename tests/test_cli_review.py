"""`coalition review` and `coalition reviews`: a token names the reviewer; without one, nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coalition.cli import app
from coalition.models import ClaimQuery
from coalition.pipeline import store_articles
from coalition.settings import Settings
from coalition.store import Store
from tests.web.articles import web_articles


@pytest.fixture
def db(tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with Store(url) as store:
        store_articles(web_articles(), store, Settings(), extractor=extractor)
    monkeypatch.setenv("COALITION_REVIEWER_TOKENS", "alice:s3cret")
    monkeypatch.delenv("COALITION_REVIEW_TOKEN", raising=False)
    return url


def _ids(db: str) -> list[int]:
    with Store(db) as store:
        return [row.id for row in store.claims(ClaimQuery(limit=3, target="RUS"))]


def test_review_needs_a_token_and_changes_nothing_without_one(db: str) -> None:
    first = _ids(db)[0]
    runner = CliRunner()
    for token in ([], ["--token", "guess"]):
        result = runner.invoke(app, ["review", str(first), "--accept", "--db", db, *token])
        assert result.exit_code == 1 and "reviewer token" in result.output
    usage = runner.invoke(app, ["review", str(first), "--db", db, "--token", "s3cret"])
    assert usage.exit_code == 2
    with Store(db) as store:
        assert store.reviews() == [] and store.review_log() == []


def test_accept_reject_correct_and_add_from_the_command_line(db: str) -> None:
    accepted, rejected, corrected = _ids(db)
    runner = CliRunner(env={"COALITION_REVIEW_TOKEN": "s3cret"})
    steps = [
        ["review", str(accepted), "--accept"],
        ["review", str(rejected), "--reject", "--note", "a quotation"],
        ["review", str(corrected), "--set", "stance=refuse", "dimension=military"],
        ["review", "--article", "iran-drones", "--evidence", "ballistic missiles",
         "--set", "actor=IRN", "target=RUS", "dimension=arms", "stance=support"],
    ]
    answers = []
    for step in steps:
        result = runner.invoke(app, [*step, "--db", db])
        assert result.exit_code == 0, result.output
        answers.append(json.loads(result.stdout))
    assert [a["verdict"] for a in answers] == ["accept", "reject", "correct", "add"]
    assert (answers[2]["stance"], answers[2]["dimension"]) == ("refuse", "military")
    assert answers[3]["evidence"].startswith("Tehran also supplied")
    log = runner.invoke(app, ["reviews", "--log", "--format", "json", "--db", db])
    assert [(e["reviewer"], e["action"]) for e in json.loads(log.stdout)] == [
        ("alice", "accept"), ("alice", "reject"), ("alice", "correct"), ("alice", "add")]
    card = runner.invoke(app, ["scorecard", "--view", "reviewed", "--format", "json",
                               "--db", db])
    cells = json.loads(card.stdout)
    assert sum(c["reviewed"] for c in cells) == 3
    listed = runner.invoke(app, ["claims", "--target", "RUS", "--db", db])
    assert f"#{rejected} rejected by alice" in listed.stdout
    bad = runner.invoke(app, ["scorecard", "--view", "mine", "--db", db])
    assert bad.exit_code == 2


def test_reextract_names_each_article_it_cuts_off_and_exits_3(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "leaders.csv").write_text("name,aliases,code,role,start,end\n"
                                      "Jane Example,,FRA,president,2020-01-01,\n", encoding="utf-8")
    monkeypatch.setenv("COALITION_DATA_DIR", str(mine))  # a new rules version
    monkeypatch.setenv("COALITION_MAX_CLAIMS", "1")
    result = CliRunner().invoke(app, ["reextract", "--db", db])
    assert result.exit_code == 3, result.output
    assert "skipped" in result.output and "max_claims" in result.output
