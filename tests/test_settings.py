"""Settings: the precedence of their sources, and each one documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition.errors import ConfigError
from coalition.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_each_setting_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name, _, _ in Settings.documented() if f"| `{name}` |" not in text]
    assert missing == []


def test_config_file_then_environment_then_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "coalition.toml"
    config.write_text('db = "sqlite:///from-file.db"\nworkers = 3\nbatch_size = 7\n')
    monkeypatch.setenv("COALITION_WORKERS", "2")
    monkeypatch.setenv("COALITION_ALLOW_INGEST", "yes")
    settings = Settings.load(config, batch_size=5, db=None)
    assert settings.db == "sqlite:///from-file.db"
    assert settings.workers == 2
    assert settings.batch_size == 5
    assert settings.allow_ingest is True


def test_bad_values_name_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COALITION_WORKERS", "many")
    with pytest.raises(ConfigError, match="workers"):
        Settings.load(tmp_path / "absent.toml")


def test_unknown_setting_in_a_config_file_is_an_error(tmp_path: Path) -> None:
    config = tmp_path / "coalition.toml"
    config.write_text("colour = 'red'\n")
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(config)
