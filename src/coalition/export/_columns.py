"""The columns of each export, with their types: one declaration that the CSV header, the
Parquet schema and the documentation (``docs/export.md``) follow.

Types are ``str``, ``int``, ``float``, ``bool`` and ``date``; every column may be empty (null)
except where the store never leaves it so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from coalition.models import Certainty, StoredClaim

if TYPE_CHECKING:
    from coalition.aggregate import Cell

Columns = tuple[tuple[str, type], ...]

CLAIM_COLUMNS: Columns = (
    ("id", int), ("doc", str), ("actor", str), ("target", str), ("dimension", str),
    ("stance", str), ("certainty", str), ("evidence", str), ("start", int), ("end", int),
    ("confidence", float), ("actor_start", int), ("actor_end", int), ("trigger_start", int),
    ("trigger_end", int), ("extractor", str), ("article", str), ("title", str), ("url", str),
    ("source", str), ("site", str), ("published", date), ("when", date),
    ("when_precision", str), ("when_fallback", bool),
)
SCORECARD_COLUMNS: Columns = (
    ("actor", str), ("target", str), ("dimension", str), ("stance", str), ("articles", int),
    ("claims", int), ("conflicting", bool), ("first_seen", date), ("last_seen", date),
)
TIMELINE_COLUMNS: Columns = (
    ("month", str), ("actor", str), ("target", str), ("dimension", str), ("stance", str),
    ("claims", int), ("records", int),
)


def claim_row(row: StoredClaim) -> dict[str, Any]:
    """A stored claim (or record) as one flat export row."""
    c = row.claim
    return {
        "id": row.id, "doc": c.doc, "actor": c.actor, "target": c.target,
        "dimension": c.dimension.value, "stance": c.stance.value,
        "certainty": c.certainty.value, "evidence": c.evidence, "start": c.start,
        "end": c.end, "confidence": c.confidence, "actor_start": c.actor_start,
        "actor_end": c.actor_end, "trigger_start": c.trigger_start,
        "trigger_end": c.trigger_end, "extractor": c.extractor, "article": row.article_id,
        "title": row.title, "url": row.url, "source": row.source, "site": row.site,
        "published": row.published,
        "when": c.when.day if c.when else None,
        "when_precision": c.when.precision.value if c.when else None,
        "when_fallback": c.when.fallback if c.when else None,
    }


def scorecard_rows(cells: Iterable[Cell]) -> Iterator[dict[str, Any]]:
    """Scorecard cells as flat rows (the leading stance of each cell)."""
    for cell in cells:
        yield {"actor": cell.actor, "target": cell.target, "dimension": cell.dimension.value,
               "stance": cell.stance.value, "articles": cell.articles, "claims": cell.claims,
               "conflicting": cell.conflicting, "first_seen": cell.first_seen,
               "last_seen": cell.last_seen}


def timeline_rows(found: Iterable[StoredClaim]) -> Iterator[dict[str, Any]]:
    """Claims and records per month (of the publication or record date), actor, target,
    dimension and stance; undated ones are left out. Reads the claims once, keeps the counts."""
    counted: Counter[tuple[str, str, str, str, str, bool]] = Counter()
    for row in found:
        if row.published is None:
            continue
        c = row.claim
        counted[(f"{row.published:%Y-%m}", c.actor, c.target, c.dimension.value,
                 c.stance.value, c.certainty is Certainty.RECORDED)] += 1
    keys = sorted({key[:5] for key in counted})
    for key in keys:
        yield {**dict(zip(("month", "actor", "target", "dimension", "stance"), key, strict=True)),
               "claims": counted[(*key, False)], "records": counted[(*key, True)]}
