"""Which conflict an article is about, and whom a claim without a named target concerns.

Rule (documented in data/README.md): the article's conflict is the one in ``conflicts.yaml``
with the most cue-word hits plus mentions of its parties, among those with a cue word or two
named parties; its *centre* is the party the article names most, provided it is named at
least a third as often as the article's most named actor (cue words alone, or a party named in
passing, give no default target). A claim whose sentence names
no target is about the section's state (a heading such as "Serbia") when that is not the
actor, else about the party the actor was said to back earlier in the article (for help given
or withheld), else about the centre.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coalition.errors import ConfigError
from coalition.resolve._files import data_path, read_yaml

# The centre of an article is named at least a CENTRAL-th as often as the actor it names most.
CENTRAL = 3


@dataclass(frozen=True, slots=True)
class Conflict:
    """A conflict, its parties (actor codes) and the words that signal it."""

    id: str
    name: str
    parties: tuple[str, ...]
    cues: tuple[str, ...]
    resolution_target: str | None = None
    resolution_cues: tuple[str, ...] = ()


def load_conflicts(path: Path | None = None) -> tuple[Conflict, ...]:
    """Read ``conflicts.yaml`` (default: the package data)."""
    path = path or data_path("conflicts.yaml")
    rows = read_yaml(path).get("conflicts")
    if not isinstance(rows, list):
        raise ConfigError(f"{path}: 'conflicts' must be a list")
    conflicts = []
    for row in rows:
        try:
            conflicts.append(Conflict(
                id=str(row["id"]), name=str(row.get("name", row["id"])),
                parties=tuple(str(p).upper() for p in row["parties"]),
                cues=tuple(str(c).lower() for c in row.get("cues", ())),
                resolution_target=_party(row.get("resolution_target"), row["parties"], path),
                resolution_cues=tuple(str(c).lower() for c in row.get("resolution_cues", ())),
            ))
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: conflict entry {row!r} lacks id or parties") from exc
    return tuple(conflicts)


def _party(value: object, parties: list[object], path: Path) -> str | None:
    """An optional party code of the conflict; a code that is no party is an error."""
    if value is None:
        return None
    code = str(value).upper()
    if code not in {str(p).upper() for p in parties}:
        raise ConfigError(f"{path}: resolution_target {code} is not a party of its conflict")
    return code


def mentioned(cues: tuple[str, ...], text: str) -> bool:
    """Whether lower-case ``text`` contains one of ``cues`` as whole words."""
    return any(_word(cue).search(text) for cue in cues)


@cache
def _word(cue: str) -> re.Pattern[str]:
    """A cue as whole words: "hts" is in "HTS fighters", not in "flights"."""
    return re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")


def _count(cue: str, text: str) -> int:
    """How often ``cue`` is in ``text`` as whole words; the plain substring test first skips
    the regular expression for the many cues an article does not contain at all."""
    return len(_word(cue).findall(text)) if cue in text else 0


def article_conflict(conflicts: tuple[Conflict, ...], text: str,
                     mentions: Counter[str]) -> Conflict | None:
    """The conflict an article is about, or ``None`` when no known conflict is in it.

    Args:
        conflicts: the known conflicts.
        text: the article text (cue words are counted in it, case-insensitively).
        mentions: how often each actor code is named in the article.

    Returns:
        The conflict with the most cue-word hits plus mentions of its parties, among those
        with a cue word or two of their parties named.
    """
    lowered = text.lower()
    best: tuple[int, Conflict] | None = None
    for conflict in conflicts:
        cued = sum(_count(cue, lowered) for cue in conflict.cues)
        hits = cued + sum(mentions[p] for p in conflict.parties)
        # naming one party is not enough: "Russia sold Venezuela jets" is not about its war
        sides = sum(1 for p in conflict.parties if mentions[p])
        if (cued or sides > 1) and (best is None or hits > best[0]):
            best = (hits, conflict)
    return best[1] if best else None


def most_named(conflict: Conflict, mentions: Counter[str]) -> str | None:
    """The party of ``conflict`` the article names most (the first listed on a tie), or
    ``None`` when the article names it less than a ``CENTRAL``-th as often as its most named
    actor (or not at all): cue words ("nuclear", "rebels") must not
    make the target of every claim a party the article never names, or names only in passing
    ("Syria" once in an article about Qatar)."""
    parties = conflict.parties
    best = max(parties, key=lambda p: (mentions[p], -parties.index(p)))
    top = max(mentions.values(), default=0)
    central = mentions[best] > 0 and mentions[best] * CENTRAL >= top
    return best if central else None


def centre(conflicts: tuple[Conflict, ...], text: str, mentions: Counter[str]) -> str | None:
    """The party the article is centred on: the most-named party of its conflict, if any."""
    conflict = article_conflict(conflicts, text, mentions)
    return most_named(conflict, mentions) if conflict else None
