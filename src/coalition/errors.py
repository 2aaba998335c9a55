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
