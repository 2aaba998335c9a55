"""A user's data folder laid over the packaged data files, and the rules version it changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coalition.errors import ConfigError
from coalition.models import EXTRACTOR_VERSION, Article
from coalition.resolve import Gazetteer, Lexicon, load_conflicts, rules_version, user_data
from coalition.settings import Settings

LEADERS = "name,aliases,code,role,start,end\nJane Example,Example,FRA,president,2020-01-01,\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "leaders.csv").write_text(LEADERS, encoding="utf-8")
    (folder / "cues.yaml").write_text("refusal_adjectives: [unwilling-ish]\n", encoding="utf-8")
    (folder / "conflicts.yaml").write_text(
        "conflicts:\n"
        "  - {id: russia-ukraine, name: Renamed, parties: [RUS, UKR], cues: [donbas]}\n"
        "  - {id: test-war, name: A test war, parties: [AAA, BBB], cues: [testland]}\n",
        encoding="utf-8")
    (folder / "notes.txt").write_text("not data: ignored", encoding="utf-8")
    return folder


def test_user_rows_and_lists_are_laid_over_the_packaged_ones(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    packaged = Gazetteer.load()
    with user_data(folder):
        gazetteer, lexicon, conflicts = Gazetteer.load(), Lexicon.load(), load_conflicts()
    assert [e.code for e in gazetteer.by_form()["jane example"]] == ["FRA"]
    assert "jane example" not in packaged.by_form()
    assert len(gazetteer.entries) == len(packaged.entries) + 2  # name and alias
    # Lists are extended, not replaced.
    assert {"wary", "unwilling-ish"} <= lexicon.cue("refusal_adjectives")
    # A conflict with a packaged id replaces it; a new one is added; the rest stay.
    by_id = {c.id: c for c in conflicts}
    assert by_id["russia-ukraine"].name == "Renamed" and by_id["test-war"].parties == (
        "AAA", "BBB")
    assert len(conflicts) == len(load_conflicts()) + 1
    assert "unwilling-ish" not in Lexicon.load().cue("refusal_adjectives")  # only inside


def test_bad_user_folders_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is not a folder"), user_data(tmp_path / "missing"):
        pass
    (tmp_path / "leader.csv").write_text(LEADERS, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"leader.csv: no packaged data file has this name"):
        rules_version(tmp_path)
    (tmp_path / "leader.csv").unlink()
    (tmp_path / "leaders.csv").write_text("name,code\nX,FRA\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"mine|leaders.csv: missing column"), \
            user_data(tmp_path):
        Gazetteer.load()


def test_the_rules_version_names_the_data_in_use(tmp_path: Path) -> None:
    packaged = rules_version()
    assert packaged.startswith(EXTRACTOR_VERSION + "+") and packaged == rules_version(None)
    folder = _folder(tmp_path)
    mine = rules_version(folder)
    assert mine != packaged and mine.startswith(EXTRACTOR_VERSION + "+")
    (folder / "leaders.csv").write_text(LEADERS + "Joe Other,,DEU,chancellor,2020-01-01,\n",
                                        encoding="utf-8")
    assert rules_version(folder) not in (mine, packaged)


def test_the_extractor_reads_the_user_data_and_marks_its_claims(tmp_path: Path) -> None:
    from coalition.extract import Extractor

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "leaders.csv").write_text(LEADERS, encoding="utf-8")
    extractor = Extractor(Settings(data_dir=str(folder)))
    text = "Jane Example sent tanks to Ukraine last week, her office said."
    found = extractor.extract(Article(id="t", text=text, source="t", published=date(2024, 1, 2)))
    assert [(c.actor, c.target, c.dimension.value, c.stance.value) for c in found] == [
        ("FRA", "UKR", "arms", "support")]
    assert {c.extractor for c in found} == {rules_version(folder)} == {extractor.version}
