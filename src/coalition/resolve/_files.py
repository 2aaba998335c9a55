"""Reading the CSV and YAML data files of ``coalition/data``, with errors that name the file.

A user's folder (the ``data_dir`` setting) may hold files named like the packaged ones; each is
laid over its packaged file while :func:`user_data` is active: CSV rows are added after the
packaged rows, YAML mappings are merged (lists extended; a list entry with the ``id`` of a
packaged entry replaces it). :func:`rules_version` names the rules and the data in use, so
claims made with other data carry another version.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from coalition.errors import ConfigError
from coalition.models import EXTRACTOR_VERSION

DATA_SUFFIXES = (".csv", ".yaml")
# The loaders are called from spaCy components' initialize(), which cannot take our settings;
# the extractor sets the user's folder around building its pipeline, and nothing else does.
_USER_DIR: ContextVar[Path | None] = ContextVar("coalition_user_data", default=None)


def data_path(name: str) -> Path:
    """The path of a data file shipped in ``coalition/data``."""
    return Path(str(resources.files("coalition") / "data" / name))


def data_files(folder: str | Path | None = None) -> dict[str, list[Path]]:
    """Each packaged data file's name and the files read for it: packaged, then the user's.

    Raises:
        ConfigError: ``folder`` is not a folder, or holds a data file of no packaged name.
    """
    packaged = data_path("")
    files = {p.name: [p] for p in sorted(packaged.iterdir()) if p.suffix in DATA_SUFFIXES}
    if not folder:
        return files
    user = Path(folder).expanduser()
    if not user.is_dir():
        raise ConfigError(f"data_dir {str(user)!r} is not a folder")
    for path in sorted(user.iterdir()):
        if path.suffix not in DATA_SUFFIXES:
            continue
        if path.name not in files:
            raise ConfigError(f"{path}: no packaged data file has this name; "
                              f"use one of {', '.join(files)}")
        files[path.name].append(path)
    return files


def rules_version(folder: str | Path | None = None) -> str:
    """The extractor's version plus a short hash of the data files in use, e.g.
    ``coalition-rules/0.3.0+1a2b3c4d``: it changes whenever a rule file or the user's data does.
    """
    digest = hashlib.sha256()
    for name, paths in data_files(folder).items():
        for path in paths:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:8]}"


@contextmanager
def user_data(folder: str | Path | None) -> Iterator[None]:
    """Lay the data files of ``folder`` over the packaged ones for the loads in the body."""
    data_files(folder)  # refuses a missing folder or a misnamed file before anything loads
    token = _USER_DIR.set(Path(folder).expanduser() if folder else None)
    try:
        yield
    finally:
        _USER_DIR.reset(token)


def _overlay(path: Path) -> Path | None:
    """The user's file laid over ``path``, when ``path`` is a packaged file and one exists."""
    user = _USER_DIR.get()
    if user is None or path.parent != data_path(""):
        return None
    mine = user / path.name
    return mine if mine.is_file() else None


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of stripped strings; every ``required`` column must exist.

    The user's file of the same name, if any, adds its rows after the packaged ones.
    """
    rows = _read_csv(path, required)
    mine = _overlay(path)
    return rows + _read_csv(mine, required) if mine else rows


def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
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
    """A YAML file whose top level is a mapping, with the user's file of its name merged in."""
    loaded = _read_yaml(path)
    mine = _overlay(path)
    return _merged(loaded, _read_yaml(mine)) if mine else loaded


def _merged(base: Any, extra: Any) -> Any:
    """``extra`` laid over ``base``: mappings merge, lists extend, an ``id`` replaces its twin."""
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{k: _merged(base[k], v) if k in base else v for k, v in extra.items()}}
    if isinstance(base, list) and isinstance(extra, list):
        ids = {item["id"] for item in extra if isinstance(item, dict) and "id" in item}
        kept = [item for item in base if not (isinstance(item, dict) and item.get("id") in ids)]
        return kept + extra
    return extra


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
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
