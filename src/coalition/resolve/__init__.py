"""resolve stage: names to actor codes by date, and the rule data the extractor reads.

Gazetteer, leaders (with terms), trigger and cue lexicons and conflicts load lazily from the
CSV/YAML files in ``coalition/data`` (documented in ``data/README.md``).
"""

from __future__ import annotations

from coalition.resolve._files import rules_version, user_data
from coalition.resolve.conflicts import (
    Conflict,
    article_conflict,
    centre,
    load_conflicts,
    mentioned,
    most_named,
)
from coalition.resolve.gazetteer import Entry, Gazetteer, actor_name, choose
from coalition.resolve.lexicon import Lexicon, Trigger

__all__ = [
    "Conflict",
    "Entry",
    "Gazetteer",
    "Lexicon",
    "Trigger",
    "actor_name",
    "article_conflict",
    "centre",
    "choose",
    "load_conflicts",
    "mentioned",
    "most_named",
    "rules_version",
    "user_data",
]
