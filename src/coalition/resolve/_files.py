"""Reading the CSV and YAML data files of ``coalition/data``, with errors that name the file."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from coalition.errors import ConfigError

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str) -> Path:
    """The path of a data file shipped in ``coalition/data``."""
    return Path(str(resources.files("coalition") / "data" / name))


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of stripped strings; every ``required`` column must exist."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise ConfigError(f"{path}: missing column(s) {', '.join(missing)}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path}: cannot read data file ({exc})") from exc


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping."""
    try:
        # libyaml's loader when PyYAML was built with it: the same documents, read ~10x faster
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read data file ({exc})") from exc
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return loaded


def split_list(value: str) -> list[str]:
    """The ``|``-separated values of one CSV cell, blanks dropped."""
    return [part.strip() for part in value.split("|") if part.strip()]


def parse_day(value: str, path: Path, column: str) -> date | None:
    """An ISO date cell, or ``None`` when blank."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{path}: {column} {value!r} is not a YYYY-MM-DD date") from exc
