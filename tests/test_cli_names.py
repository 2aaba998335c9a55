"""What the CLI prints about skipped inputs is the input's name as it is: never markup, never raw
control characters, one line each."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coalition.cli import EXIT_SKIPPED, app

runner = CliRunner()
GOOD = "Kazakhstan refused to send troops to help Russia in Ukraine.\n"


def test_names_with_markup_or_control_characters_are_printed_plainly(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "[").mkdir()  # so the path reads m/[/x].pdf, a closing tag to rich
    names = ["[/x].pdf", "[bold]loud[bold].pdf", "two\nlines.pdf", "bell\x07\x1b[31mred.pdf"]
    for name in names:
        (folder / name).write_bytes(b"%PDF-1.7\n")

    result = runner.invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'c.db'}"])

    assert result.exit_code == EXIT_SKIPPED, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == len(names), result.stderr
    assert "[/x].pdf" in result.stderr
    assert "[bold]loud[bold].pdf" in result.stderr
    assert "two\\nlines.pdf" in result.stderr
    assert "bell\\x07\\x1b[31mred.pdf" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "ingested" in result.stdout


def test_an_empty_folder_gets_a_message(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()

    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"),
                                 "--db", f"sqlite:///{tmp_path / 'c.db'}"])

    assert result.exit_code == EXIT_SKIPPED
    assert "no article files in the folder" in result.stderr
