"""The public face of coalition.ingest: the names of docs/architecture.md, and a cheap import."""

from __future__ import annotations

import subprocess
import sys

import coalition.ingest


def test_public_names_are_the_architecture_interface() -> None:
    assert sorted(coalition.ingest.__all__) == [
        "article_from_text", "fetch_url", "read_bytes", "read_sources"
    ]
    for name in coalition.ingest.__all__:
        assert callable(getattr(coalition.ingest, name))


def test_importing_ingest_loads_no_parser_or_http_library() -> None:
    heavy = ["trafilatura", "feedparser", "httpx", "lxml", "yaml", "charset_normalizer"]
    code = ("import sys, coalition.ingest; "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules))")

    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()

    assert loaded == ""
