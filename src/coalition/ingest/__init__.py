"""Ingest: paths, URLs, feeds, JSON Lines and uploads to :class:`~coalition.models.Article`.

Every reader gives an :class:`~coalition.models.Article` per article and a
:class:`~coalition.models.Rejected` with a one-line reason per input that cannot be one;
:func:`read_sources` and :func:`read_bytes` never raise for a bad input. Limits come from
:class:`~coalition.settings.Settings`: ``max_bytes`` (the one size rule, also for what a gzip
member or a download expands to; a single long line within it is accepted), ``fetch_timeout``,
``max_redirects``, ``allow_private_urls`` and ``user_agent``.
"""

from coalition.ingest._fetch import fetch_url
from coalition.ingest._formats import read_bytes
from coalition.ingest._sources import read_sources
from coalition.ingest._text import article_from_text

__all__ = ["article_from_text", "fetch_url", "read_bytes", "read_sources"]
