"""Gazetteer, leaders by date, lexicons and conflicts, read from the real data files."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from coalition.errors import ConfigError
from coalition.resolve import Gazetteer, Lexicon, actor_name, centre, choose, load_conflicts
from coalition.resolve.gazetteer import ADJECTIVE, CAPITAL

ISO = Path(__file__).resolve().parents[1] / "data" / "iso3166_alpha3.txt"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _resolve(gazetteer: Gazetteer, form: str, on: date | None = None) -> str | None:
    entry = choose(gazetteer.by_form().get(form.casefold(), []), on)
    return entry.code if entry else None


def test_every_un_member_state_is_covered(gazetteer: Gazetteer) -> None:
    codes = {line for text in ISO.read_text().splitlines() if not text.startswith("#")
             for line in text.split()}
    states = {e.code for e in gazetteer.entries if e.kind == "state"}
    assert len(states) >= 193
    assert states - codes <= {"XKX"}  # Kosovo has no ISO code; XKX is the usual stand-in


@pytest.mark.parametrize(("form", "code"), [
    ("the Kremlin", "RUS"), ("Almaty", "KAZ"), ("New Delhi", "IND"), ("Zhongnanhai", "CHN"),
    ("CCP", "CHN"), ("Brussels", "EU"), ("CTSO", "CSTO"), ("Wagner", "WAGNER"),
    ("Belarusian", "BLR"), ("Syrian", "SYR"), ("Pyongyang", "PRK"), ("White House", "USA"),
])
def test_names_metonyms_and_demonyms(gazetteer: Gazetteer, form: str, code: str | None) -> None:
    assert _resolve(gazetteer, form) == code


def test_leaders_stand_for_their_state_only_in_office(gazetteer: Gazetteer) -> None:
    assert _resolve(gazetteer, "Assad", date(2020, 1, 1)) == "SYR"
    assert _resolve(gazetteer, "Assad", date(2025, 6, 1)) is None
    assert _resolve(gazetteer, "Raisi", date(2024, 7, 1)) is None
    assert _resolve(gazetteer, "Pezeshkian", date(2024, 9, 1)) == "IRN"
    assert _resolve(gazetteer, "Trump", date(2019, 1, 1)) == "USA"
    assert _resolve(gazetteer, "Trump", date(2022, 1, 1)) is None
    assert _resolve(gazetteer, "Trump") == "USA"  # no date: any term


def test_kinds_and_names(gazetteer: Gazetteer) -> None:
    kinds = {e.kind for e in gazetteer.by_form()["syrian"]}
    assert kinds == {ADJECTIVE}
    assert {e.kind for e in gazetteer.by_form()["damascus"]} == {CAPITAL}
    assert actor_name("RUS") == "Russia" and actor_name("CSTO").startswith("Collective")
    assert actor_name("ZZZ") == "ZZZ"
    assert gazetteer.as_target("WAGNER") == "RUS"


def test_short_codes_are_case_sensitive(gazetteer: Gazetteer) -> None:
    us = [e for e in gazetteer.by_form()["us"] if e.form == "US"]
    assert us and all(e.case_sensitive for e in us)


def test_lexicon_and_conflicts_load() -> None:
    lexicon = Lexicon.load()
    assert {t.dimension for t in lexicon.triggers if t.dimension} >= {"recognition", "territory"}
    assert "wary" in lexicon.cue("refusal_adjectives")
    send = next(t for t in lexicon.triggers if t.term == "send")
    assert ["sent"] in send.inflected() and ["sending"] in send.inflected()
    conflicts = load_conflicts()
    assert centre(conflicts, "war in Ukraine, Kyiv", Counter({"RUS": 5, "UKR": 1})) == "RUS"
    assert centre(conflicts, "nothing relevant", Counter()) is None


def test_bad_data_files_are_named(tmp_path: Path) -> None:
    for name in ("countries.csv", "groups.csv", "leaders.csv", "non_actors.csv", "regions.csv"):
        source = Path(Gazetteer.load.__code__.co_filename).parents[1] / "data" / name
        (tmp_path / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "leaders.csv").write_text(
        "name,aliases,code,role,start,end\nX,,RUS,president,yesterday,\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"leaders.csv: start 'yesterday'"):
        Gazetteer.load(tmp_path)
    (tmp_path / "triggers.csv").write_text("term,kind\nsend,verb\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"triggers.csv: missing column"):
        Lexicon.load(tmp_path)
