"""Errors coalition raises; the library never prints or exits, the CLI turns these into messages.

Hierarchy::

    CoalitionError
    ├── InputError        an input (file, URL, feed, record) cannot become an article
    │   └── FetchError    a URL could not be fetched (dead, refused, too big, not allowed)
    ├── ConfigError       a setting, database URL or data file is wrong
    ├── ModelError        the spaCy model is not installed
    └── StoreError        the database refused an operation
"""

from __future__ import annotations


class CoalitionError(Exception):
    """Base of every error coalition raises on purpose."""


class InputError(CoalitionError):
    """An input cannot become an article; ``source`` names it, the message says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched or was not allowed."""


class ConfigError(CoalitionError):
    """A setting, database URL or data file is wrong."""


class ModelError(CoalitionError):
    """The spaCy model cannot be loaded."""


class StoreError(CoalitionError):
    """The database refused an operation."""


_REASON_CHARS = 240


def shown(value: object, width: int = 40) -> str:
    """A short repr of any value, for a reason line; never builds the whole repr of a big one.

    A YAML alias bomb is a few hundred bytes whose full repr is gigabytes, so the repr is
    bounded in depth and length before it is made, then cut to ``width`` characters.
    """
    import reprlib

    brief = reprlib.Repr()
    brief.maxlevel, brief.maxlist, brief.maxdict = 2, 3, 3
    brief.maxstring = brief.maxother = brief.maxlong = width
    text = brief.repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def one_line(exc: BaseException) -> str:
    """Any exception as a reason of one short line: what a user sees for a skipped input.

    An :class:`InputError` gives its own reason; anything else (a bug, a refused database
    write) gives its type and the first line of its message.
    """
    if isinstance(exc, InputError):
        text = exc.reason
    else:
        first = (str(exc).strip().splitlines() or [""])[0]
        text = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    # A lone surrogate (from a bad name or text) would fail again wherever the reason goes.
    text = " ".join(text.split()).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _REASON_CHARS else text[: _REASON_CHARS - 1] + "…"
