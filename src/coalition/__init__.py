"""coalition: who backs whom, in what way, since when, and on what evidence.

The public API is small and cheap to import; spaCy, SQLAlchemy and FastAPI load only when a
function that needs them is called.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from coalition.errors import (
    CoalitionError,
    ConfigError,
    FetchError,
    InputError,
    ModelError,
    StoreError,
)
from coalition.models import (
    Article,
    Certainty,
    Claim,
    ClaimQuery,
    Dimension,
    Precision,
    Rejected,
    Stance,
    When,
)
from coalition.settings import Settings

if TYPE_CHECKING:
    from coalition.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Certainty",
    "Claim",
    "ClaimQuery",
    "CoalitionError",
    "ConfigError",
    "Dimension",
    "FetchError",
    "InputError",
    "ModelError",
    "Precision",
    "Rejected",
    "Settings",
    "Stance",
    "StoreError",
    "When",
    "extract_claims",
    "open_store",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract_claims(text: str, doc: str = "doc", **article: Any) -> list[Claim]:
    """Extract the claims of one text without a database.

    Args:
        text: the article text.
        doc: the document id the claims carry.
        article: further :class:`Article` fields (``published``, ``title``, ...).

    Returns:
        The claims, in text order.
    """
    from coalition.extract import Extractor

    return Extractor(Settings.load()).extract(Article(id=doc, text=text, source=doc, **article))


def open_store(url: str | None = None) -> Store:
    """Open (and create if needed) the claim store at a SQLAlchemy URL, default from settings."""
    from coalition.store import Store

    return Store(url or Settings.load().db)
