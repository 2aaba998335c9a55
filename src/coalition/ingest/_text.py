"""Plain text and Markdown articles, with optional YAML front matter, and pasted text."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from coalition.errors import InputError, shown
from coalition.ingest._decode import normalise
from coalition.ingest._ids import slug
from coalition.models import Article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.DOTALL | re.MULTILINE)
# Front matter keys and the Article field each fills.
_FRONT_FIELDS = {"title": "title", "date": "published", "published": "published", "url": "url",
                 "author": "author", "site": "site"}
# Front matter is a few lines of metadata; a bound on it bounds the YAML parser's work.
MAX_FRONT_MATTER = 65_536
_TEXT_FIELDS = ("id", "url", "title", "author", "site")


def parse_date(value: object) -> date:
    """A date from a YAML/JSON value: a date, a datetime, or an ISO 8601 string.

    Raises:
        ValueError: anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            return datetime.fromisoformat(text).date()
    raise ValueError(f"not a date: {shown(value)}")


def article_from_text(text: str, *, source: str, id: str | None = None, **meta: Any) -> Article:
    """An article from pasted or decoded text.

    Args:
        text: the article text; line ends and blank-line runs are normalised.
        source: where it came from, named in errors.
        id: the document id; without one, a slug of ``source`` plus a hash of the text.
        meta: further :class:`Article` fields (``url``, ``title``, ``published``, ``author``,
            ``site``); ``published`` may be an ISO date string.

    Returns:
        The article.

    Raises:
        InputError: the text is empty, any text field is not valid Unicode, or ``published``
            is not a date.
    """
    clean = normalise(text)
    if not clean:
        raise InputError(source, "empty: no text in the input")
    fields = {"text": clean, "id": id, **meta}
    for name in ("text", *_TEXT_FIELDS):
        _check_unicode(source, name, fields.get(name))
    # NUL is dropped from metadata as normalise drops it from the text: PostgreSQL cannot
    # store it, and both backends must store the same article.
    meta.update({name: meta[name].replace("\x00", "") or None for name in _TEXT_FIELDS
                 if isinstance(meta.get(name), str)})
    if meta.get("published") is not None:
        try:
            meta["published"] = parse_date(meta["published"])
        except ValueError:
            raise InputError(source, f"published: {shown(meta['published'])} is not a "
                                     "date") from None
    article = Article(id=(id or "").replace("\x00", ""), text=clean, source=source, **meta)
    if id:
        return article
    return replace(article, id=f"{slug(source) or 'text'}-{article.sha256[:8]}")


def _check_unicode(source: str, name: str, value: object) -> None:
    if not isinstance(value, str):
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = "" if name == "text" else f"{name}: "
        raise InputError(source, f"{where}not valid Unicode (lone surrogate at "
                                 f"{exc.start})") from None


def read_text(text: str, *, source: str, id: str) -> Article:
    """A text or Markdown article; YAML front matter, when present, gives its metadata.

    Raises:
        InputError: empty text, or front matter that is not a YAML mapping of known fields.
    """
    clean = normalise(text)
    match = _FRONT_MATTER.match(clean)
    if match is None:
        return article_from_text(clean, source=source, id=id)
    meta = _front_matter(match.group(1), source)
    return article_from_text(clean[match.end():], source=source, id=id, **meta)


def _front_matter(block: str, source: str) -> dict[str, Any]:
    import yaml

    if len(block) > MAX_FRONT_MATTER:
        raise InputError(source, f"front matter over {MAX_FRONT_MATTER} characters; not "
                                 "article metadata")
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise InputError(source, f"front matter is not valid YAML{line}") from None
    except RecursionError:
        raise InputError(source, "front matter is nested too deeply") from None
    except ValueError as exc:  # a well-formed value YAML cannot build, such as 2023-02-30
        raise InputError(source, f"front matter: a value is not a date ({exc}); "
                                 "use YYYY-MM-DD") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(source, "front matter must be a YAML mapping of title, date, url, ...")
    meta: dict[str, Any] = {}
    for key, field in _FRONT_FIELDS.items():
        value = loaded.get(key)
        if value is None:
            continue
        if field == "published":
            try:
                meta[field] = parse_date(value)
            except ValueError:
                raise InputError(source, f"front matter {key}: {shown(value)} is not a "
                                         "date") from None
        elif isinstance(value, str | int | float):
            meta[field] = str(value).strip() or None
        else:
            raise InputError(source, f"front matter {key}: expected text, got {shown(value)}")
    return meta
