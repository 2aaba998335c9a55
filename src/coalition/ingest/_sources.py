"""Paths and URLs to a stream of articles and rejections, in a stable order."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from coalition.errors import InputError
from coalition.ingest._fetch import fetch_url
from coalition.ingest._formats import read_bytes
from coalition.models import Article, Rejected
from coalition.settings import Settings

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def read_sources(sources: Iterable[str], settings: Settings) -> Iterator[Article | Rejected]:
    """Articles from paths (files, directories recursively), http(s) URLs and feeds.

    A directory's files are read sorted by relative path, skipping hidden files and
    directories and README files, so the same tree always yields the same sequence.

    Args:
        sources: paths and URLs, as given on the command line.
        settings: the limits (``max_bytes``, fetch settings) to apply.

    Yields:
        An :class:`Article` per article read, a :class:`Rejected` per input that could not be
        read; a bad input never stops the others.
    """
    for source in sources:
        if not source.strip():
            # Path("") is the working directory; an empty argument is a mistake, not a request.
            yield Rejected(repr(source), "empty path")
            continue
        if _SCHEME.match(source):
            yield from _read_url(source, settings)
            continue
        path = Path(source)
        if not path.is_dir():
            yield from read_file(path, settings)
            continue
        files, unreadable = _walk(path)
        if not files and not unreadable:
            yield Rejected(source, "no article files in the folder")
        for file in files:
            yield from read_file(file, settings)
        yield from unreadable


def read_file(path: Path, settings: Settings) -> list[Article | Rejected]:
    """One file's articles; its size is checked before a byte of it is read."""
    name = _name(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return [Rejected(name, "not a regular file")]
        if info.st_size > settings.max_bytes:
            return [Rejected(name, f"too large: {info.st_size} bytes, over the max_bytes limit "
                                   f"of {settings.max_bytes}")]
        with path.open("rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except FileNotFoundError:
        return [Rejected(name, "no such file or directory")]
    except PermissionError:
        return [Rejected(name, "cannot read: permission denied")]
    except OSError as exc:
        return [Rejected(name, f"cannot read: {exc.strerror or exc}")]
    return read_bytes(data, name=name, settings=settings)


def _read_url(url: str, settings: Settings) -> list[Article | Rejected]:
    try:
        return fetch_url(url, settings)
    except InputError as exc:
        return [Rejected(url, exc.reason)]


def _walk(root: Path) -> tuple[list[Path], list[Rejected]]:
    """Every article file under ``root`` sorted by relative path, and unreadable folders."""
    found: list[Path] = []
    errors: list[OSError] = []
    # os.walk does not follow directory symlinks, so a link loop cannot recurse forever.
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(folder, name) for name in files if _is_article_file(name))
    unreadable = [Rejected(_name(Path(e.filename)), f"cannot read directory: {e.strerror or e}")
                  for e in errors]
    return sorted(found, key=lambda path: path.relative_to(root).parts), unreadable


def _name(path: Path) -> str:
    """The path as text; bytes of a name that are not UTF-8 (which Python keeps as lone
    surrogates, unstorable and unprintable) become U+FFFD, as ``ls`` shows them as ``?``."""
    return os.fsencode(path).decode("utf-8", "replace")


def _is_article_file(name: str) -> bool:
    # A README describes its folder; it is read only when named on its own.
    return not name.startswith(".") and not name.upper().startswith("README")
