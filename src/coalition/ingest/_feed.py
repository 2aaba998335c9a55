"""RSS and Atom feeds: each entry becomes an article from its content or summary.

Feeds come from third parties, so a feed is read leniently: an entry without a usable date gets
no date, an entry without text is rejected alone, and only a feed with no entries at all is
refused as a whole.
"""

from __future__ import annotations

import io
import re
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

from coalition.errors import InputError
from coalition.ingest._html import fragment_text
from coalition.ingest._ids import url_id
from coalition.ingest._text import article_from_text
from coalition.models import Article, Rejected

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ENTITY = re.compile(rb"<!ENTITY\s")
_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(data: bytes) -> bool:
    """Whether the bytes open an RSS, Atom or RDF document."""
    return _FEED_START.search(data[:2048]) is not None


def read_feed(data: bytes, *, source: str, id_prefix: str) -> list[Article | Rejected]:
    """The entries of a feed as articles, or rejections for entries without text.

    Args:
        data: the feed document.
        source: the feed's path or URL; entries are named ``source#N``.
        id_prefix: ids of entries without a link are ``id_prefix-N``.

    Returns:
        One article or rejection per entry, in feed order.

    Raises:
        InputError: not a feed, or a feed without entries.
    """
    import feedparser

    if not data.strip():
        raise InputError(source, "empty: no feed in the input")
    if _declares_entities(data):
        raise InputError(source, "feed declares XML entities; refused as unsafe")
    # A stream, never a string: feedparser treats strings as URLs or paths and would open them.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = (str(parsed.get("bozo_exception")).splitlines() or ["unreadable"])[0]
            raise InputError(source, f"not a valid RSS or Atom feed ({problem[:120]})")
        if not parsed.get("version"):
            raise InputError(source, "not an RSS or Atom feed")
        raise InputError(source, "feed has no entries")
    site = parsed.feed.get("title") or None
    return [_entry(entry, f"{source}#{n}", f"{id_prefix}-{n}", site)
            for n, entry in enumerate(parsed.entries, start=1)]


def _declares_entities(data: bytes) -> bool:
    """Whether the document declares XML entities anywhere, in any of XML's encodings.

    No real feed does; "billion laughs" and external-entity attacks do. The whole document is
    searched, as a long comment can push the declaration far down, and again without NUL bytes,
    which turns the ASCII of UTF-16 and UTF-32 back into plain bytes.
    """
    return bool(_ENTITY.search(data) or (b"\x00" in data and
                                         _ENTITY.search(data.replace(b"\x00", b""))))


def _entry(entry: Any, source: str, fallback_id: str, site: str | None) -> Article | Rejected:
    link = entry.get("link") or None
    if link and not link.startswith(("http://", "https://")):
        link = None
    contents = [c.get("value", "") for c in entry.get("content", [])]
    html = max(contents, key=len) if contents else entry.get("summary", "")
    try:
        return _article(fragment_text(html), source, link, fallback_id, entry, site)
    except InputError as exc:
        return Rejected(source, f"feed entry {exc.reason}")


def _article(
    text: str, source: str, link: str | None, fallback_id: str, entry: Any, site: str | None
) -> Article:
    return article_from_text(
        text, source=source, id=url_id(link) if link else fallback_id, url=link,
        title=entry.get("title") or None, published=_entry_date(entry),
        author=entry.get("author") or None, site=site,
    )


def _entry_date(entry: Any) -> date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if isinstance(raw, str) and raw.strip():
            return _feed_date(raw.strip(), entry.get(f"{key}_parsed"))
    return None


def _feed_date(raw: str, parsed: Any) -> date | None:
    # feedparser rolls impossible dates over ("2024-13-45" becomes 2025-01-...), so the two
    # standard forms are parsed strictly here and its reading is trusted only for other forms.
    if _ISO_DAY.match(raw):
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    if parsed and f"{parsed.tm_year:04d}" in raw:
        try:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        except (ValueError, TypeError):
            return None
    return None
