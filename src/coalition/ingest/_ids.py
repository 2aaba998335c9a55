"""Article ids: a file's name without its extension, or a readable slug of a URL plus a hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_LENGTH = 48
# Suffixes that belong to the format, not the name: "a.html.gz" is the article "a".
_FORMAT_SUFFIXES = {".gz", ".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml",
                    ".jsonl", ".xml", ".rss", ".atom", ".php", ".aspx", ".asp", ".jsp"}


def file_id(name: str) -> str:
    """The contract's document id of a file: ``putin-allies.txt`` -> ``putin-allies``."""
    path = PurePosixPath(name.replace("\\", "/"))
    stem = path.name
    while PurePosixPath(stem).suffix.lower() in _FORMAT_SUFFIXES and PurePosixPath(stem).stem:
        stem = PurePosixPath(stem).stem
    return stem or "document"


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens, cut at a word boundary."""
    words = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(words) > _SLUG_LENGTH:
        words = words[:_SLUG_LENGTH].rsplit("-", 1)[0]
    return words


def url_id(url: str) -> str:
    """A readable slug of the URL's path (or host) and 8 hex digits of its hash, for uniqueness."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    named = [s for s in segments if re.search(r"[a-zA-Z]", s)]
    base = slug(file_id(named[-1])) if named else ""
    if not base:
        base = slug(parts.hostname or "") or "url"
    return f"{base}-{hashlib.sha256(url.encode('utf-8', 'replace')).hexdigest()[:8]}"
