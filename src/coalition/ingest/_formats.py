"""One input's bytes to articles, by its file name: text, Markdown, HTML, JSON Lines, feeds, gzip.

Size policy: the only size rule is ``Settings.max_bytes``, applied to the bytes as read and again
to a gzip member as it is decompressed (so a small bomb cannot expand past it). A long line is
no reason to refuse text: a single 1 MB line is read like any other text within the limit.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import PurePosixPath

from coalition.errors import InputError
from coalition.ingest._decode import decode
from coalition.ingest._feed import read_feed
from coalition.ingest._html import declared_charset, read_html
from coalition.ingest._ids import file_id
from coalition.ingest._jsonl import read_jsonl
from coalition.ingest._text import read_text
from coalition.models import Article, Rejected
from coalition.settings import Settings

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
JSONL_SUFFIXES = (".jsonl",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + JSONL_SUFFIXES + (".gz",)


def read_bytes(data: bytes, *, name: str, settings: Settings) -> list[Article | Rejected]:
    """Articles from an upload or a file's bytes, by the file name's extension.

    Args:
        data: the bytes.
        name: the file name (or path); its extension picks the format and it names errors.
        settings: ``max_bytes`` limits the input and anything decompressed from it.

    Returns:
        Articles and rejections; a bad input is one :class:`Rejected`, never an exception.
    """
    try:
        return parse(data, name=name, settings=settings)
    except InputError as exc:
        return [Rejected(exc.source, exc.reason)]


def parse(data: bytes, *, name: str, settings: Settings, source: str | None = None,
          charset: str | None = None) -> list[Article | Rejected]:
    """Like :func:`read_bytes` but raises :class:`InputError` for an input refused whole.

    ``source`` names the input in errors when it differs from ``name`` (a URL whose name only
    carries the format); ``charset`` is a declared encoding, such as an HTTP header's.
    """
    source = source or name
    if len(data) > settings.max_bytes:
        raise InputError(source, f"too large: {len(data)} bytes, over the max_bytes limit of "
                                 f"{settings.max_bytes}")
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if suffix == ".gz":
        inner = name[: -len(".gz")]
        return parse(gunzip(data, source, settings.max_bytes), name=inner, settings=settings,
                     source=source)
    if suffix not in KNOWN_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "no extension"
        raise InputError(source, f"unknown file type ({shown}); expected one of "
                                 f"{', '.join(KNOWN_SUFFIXES)}")
    article_id = file_id(name)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(data, source=source)
    if suffix in FEED_SUFFIXES:
        return read_feed(data, source=source, id_prefix=article_id)
    if suffix in HTML_SUFFIXES:
        text = decode(data, source, charset=charset or declared_charset(data))
        return [read_html(text, source=source, id=article_id)]
    return [read_text(decode(data, source, charset=charset), source=source, id=article_id)]


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress gzip bytes, refusing output over ``limit`` before it is all in memory."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except EOFError:
        raise InputError(source, "truncated gzip: the compressed data ends early") from None
    except (OSError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        raise InputError(source, f"not valid gzip ({exc})") from None
    if len(out) > limit:
        raise InputError(source, f"too large: decompresses to over the max_bytes limit of {limit}")
    return out
