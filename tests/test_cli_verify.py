"""``coalition verify``: exit 0 on a store kept by its writes, 1 naming each difference."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from coalition.cli import app

runner = CliRunner()


def test_verify_is_clean_after_ingest_and_names_a_difference(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Belarus sent tanks to Russia last week.\n")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0

    clean = runner.invoke(app, ["verify", "--db", db])
    assert clean.exit_code == 0, clean.output
    assert "ok: 1 articles" in clean.stdout

    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE stance_totals SET articles = 7"))
    engine.dispose()
    wrong = runner.invoke(app, ["verify", "--db", db])
    assert wrong.exit_code == 1
    assert "stance_totals: RUS BLR" in wrong.stderr and "stored (7," in wrong.stderr
