"""JSON Lines: one article per line as ``{"id", "text", "url", "title", "date", ...}``.

Records are written by people or scripts, so they are read strictly: a record with a missing or
mistyped field is rejected with its line number and the field, and the other records go on.
"""

from __future__ import annotations

import json
from typing import Any

from coalition.errors import InputError, shown
from coalition.ingest._text import article_from_text, parse_date
from coalition.models import Article, Rejected

# "text" first: a file whose records all lack it is no file of articles (a gold file, say).
_REQUIRED = ("text", "id")
_NO_TEXT = "missing field 'text'"
_OPTIONAL_TEXT = {"url": "url", "title": "title", "author": "author", "site": "site"}


def read_jsonl(data: bytes, *, source: str) -> list[Article | Rejected]:
    """Every record of a JSON Lines file, as an article or a rejection naming ``source:LINE``.

    Raises:
        InputError: the file has no records, or none with a ``text`` field.
    """
    results: list[Article | Rejected] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            article = _record(raw, where)
        except InputError as exc:
            results.append(Rejected(where, exc.reason))
            continue
        if article.id in first_line:
            results.append(Rejected(where, f"duplicate id {article.id!r} (first on line "
                                           f"{first_line[article.id]})"))
            continue
        first_line[article.id] = number
        results.append(article)
    if not results:
        raise InputError(source, "empty: no records in the JSON Lines file")
    if all(isinstance(r, Rejected) and r.reason == _NO_TEXT for r in results):
        raise InputError(source, "no record has a 'text' field: not a JSON Lines file of articles")
    return results


def _record(raw: bytes, where: str) -> Article:
    try:
        row = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(where, "not UTF-8, as JSON Lines must be") from None
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "not valid JSON: nested too deeply") from None
    if not isinstance(row, dict):
        raise InputError(where, f"a record must be a JSON object, not {type(row).__name__}")
    for name in _REQUIRED:
        if name not in row:
            raise InputError(where, f"missing field {name!r}")
        if not isinstance(row[name], str) or not row[name].strip():
            raise InputError(where, f"field {name!r} must be non-empty text, got "
                                    f"{shown(row[name])}")
    meta: dict[str, Any] = {}
    for name, field in _OPTIONAL_TEXT.items():
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"field {name!r} must be text, got {shown(value)}")
        meta[field] = value or None
    if row.get("date") is not None:
        try:
            meta["published"] = parse_date(row["date"])
        except ValueError:
            raise InputError(where, f"field 'date' must be an ISO date (YYYY-MM-DD), got "
                                    f"{shown(row['date'])}") from None
    return article_from_text(row["text"], source=where, id=row["id"].strip(), **meta)
