"""Bytes to text: UTF-8 first, a declared charset next, the charset detector last.

A file that is mostly valid UTF-8 with a few invalid bytes is refused as mixed encodings rather
than guessed, because a guess would garble the valid part; a file the detector cannot read with
confidence is refused too. Text comes out with ``\\n`` line ends and at most one blank line
between paragraphs, since extraction works on paragraphs.
"""

from __future__ import annotations

import codecs
import re

from coalition.errors import InputError

# More chaos than this (charset-normalizer's share of odd characters) is a guess, not a reading.
_MAX_CHAOS = 0.1
# Control characters other than tab, line feed, carriage return and form feed mean binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
# Accented Latin letters, Latin Extended-A, Cyrillic letters, dashes, quotes and ellipsis.
_ORDINARY = re.compile(
    r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u0400-\u045f\u2013\u2014\u2018-\u201e\u2026]"
)
_BLANK_LINES = re.compile(r"\n(?:[ \t\f\v]*\n)+")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")
)


def decode(data: bytes, source: str, *, charset: str | None = None) -> str:
    """Decode the bytes of one input to normalised text.

    Args:
        data: the raw bytes.
        source: what error messages name.
        charset: a declared encoding (HTTP header, HTML meta), tried after UTF-8.

    Returns:
        The text, normalised by :func:`normalise`.

    Raises:
        InputError: empty, binary, mixed or undecodable bytes.
    """
    if not data.strip():
        raise InputError(source, "empty: no text in the input")
    text = _decode_bom(data, source)
    if text is None:
        if b"\x00" in data:
            raise InputError(source, "binary content (NUL bytes), not text")
        text = (
            _decode_utf8(data, source) or _decode_declared(data, charset) or _detect(data, source)
        )
    if len(_CONTROL.findall(text[:100_000])) > _MAX_CONTROL_SHARE * min(len(text), 100_000):
        raise InputError(source, "binary content (control characters), not text")
    return normalise(text)


def normalise(text: str) -> str:
    """``\\n`` line ends, at most one blank line between paragraphs, no outer white space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _BLANK_LINES.sub("\n\n", text).strip()


def _decode_bom(data: bytes, source: str) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"starts with a {encoding.upper()} byte-order mark but is not "
                    f"{encoding.upper()} (byte {exc.start})"
                ) from None
    return None


def _decode_utf8(data: bytes, source: str) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    valid_multibyte = sum(1 for ch in data.decode("utf-8", "ignore") if ord(ch) > 0x7F)
    invalid = data.decode("utf-8", "replace").count("\ufffd")
    if valid_multibyte >= invalid:
        raise InputError(
            source,
            f"mixed encodings: UTF-8 text with {invalid} invalid byte(s), the first at byte "
            f"{first_bad}; re-save it as UTF-8",
        )
    return None


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _detect(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(source, "undecodable: not UTF-8 and no text encoding fits it")
    # On short texts several single-byte codecs fit about equally well; the reading with the
    # most ordinary letters and punctuation wins, and windows-1252 (the web's default for
    # undeclared Latin text) wins ties.
    readings = [(str(m), m.encoding) for m in matches if m.chaos <= best.chaos + _MAX_CHAOS]
    return max(readings, key=lambda r: (_ordinary_share(r[0]), r[1] == "cp1252"))[0]


def _ordinary_share(text: str) -> float:
    unusual = [ch for ch in text[:20_000] if ord(ch) > 0x7F]
    if not unusual:
        return 1.0
    return sum(1 for ch in unusual if _ORDINARY.match(ch)) / len(unusual)
