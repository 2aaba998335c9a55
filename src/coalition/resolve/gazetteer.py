"""Who a name stands for: states, capitals, demonyms, alliances, and leaders during their terms.

The gazetteer is built from ``countries.csv``, ``groups.csv``, ``leaders.csv``,
``non_actors.csv``, ``regions.csv`` and ``breakaways.csv`` in ``coalition/data`` (columns in
``data/README.md``).
A leader stands for their state only while in office on the article's date; with no date any
of their terms counts, the latest first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from coalition.models import Stance
from coalition.resolve._files import data_path, parse_day, read_csv, split_list

# Kinds of entry; an adjective names a state only through a governmental head noun, a region
# names its proxy entity only where that is recognised.
STATE, CAPITAL, ADJECTIVE, GROUP, LEADER, NON_ACTOR, REGION = (
    "state", "capital", "adjective", "group", "leader", "non_actor", "region",
)
# A description ("the Gulf kingdom") resolved to a state the article named (resolve.chain).
DESCRIPTION = "description"


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form and what it stands for (``code`` is empty for non-actors)."""

    form: str
    code: str
    kind: str
    start: date | None = None
    end: date | None = None

    def active(self, on: date | None) -> bool:
        """Whether the entry stands for its code on a date (always, with no date)."""
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    @property
    def case_sensitive(self) -> bool:
        """Short capitalised codes ("US", "UN", "CCP") must not match ordinary words ("us")."""
        letters = self.form.replace(".", "")
        return letters.isupper() and len(letters) <= 5

    def written_as(self, text: str) -> bool:
        """Whether ``text`` is this form as the entry's case rule allows: "us" is not "US", and
        a name written in lower case is a word ("turkey", "china"), not the name."""
        if self.case_sensitive:
            return text == self.form
        return not self.form[:1].isupper() or text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Every surface form the extractor recognises as an actor, and the display names."""

    entries: tuple[Entry, ...]
    names: dict[str, str]
    stands_for: dict[str, str]
    # The state a breakaway entity broke from (Abkhazia -> Georgia): recognising the entity
    # opposes that state's claim to it.
    breaks_from: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Read the gazetteer files from ``folder`` (default: the package data)."""
        def path(name: str) -> Path:
            return folder / name if folder else data_path(name)

        entries: list[Entry] = []
        names: dict[str, str] = {}
        stands_for: dict[str, str] = {}
        countries = path("countries.csv")
        for row in read_csv(countries, ("code", "name", "aliases", "adjectives", "capital")):
            code = _code(row["code"], countries)
            names[code] = row["name"]
            entries += [Entry(f, code, STATE) for f in [row["name"], *split_list(row["aliases"])]]
            entries += [Entry(f, code, ADJECTIVE) for f in split_list(row["adjectives"])]
            entries += [Entry(f, code, CAPITAL) for f in split_list(row["capital"])]
        groups = path("groups.csv")
        for row in read_csv(groups, ("code", "name", "aliases", "stands_for")):
            code = _code(row["code"], groups)
            names[code] = row["name"]
            forms = {code, row["name"], *split_list(row["aliases"])}
            entries += [Entry(f, code, GROUP) for f in sorted(forms)]
            if row["stands_for"]:
                stands_for[code] = _code(row["stands_for"], groups)
        entries += _leaders(path("leaders.csv"))
        non_actors = path("non_actors.csv")
        entries += [Entry(r["form"], "", NON_ACTOR) for r in read_csv(non_actors, ("form",))]
        regions = path("regions.csv")
        entries += [Entry(r["form"], _code(r["stands_for"], regions), REGION)
                    for r in read_csv(regions, ("form", "stands_for"))]
        breakaways = path("breakaways.csv")
        breaks_from = {_code(r["code"], breakaways): _code(r["breaks_from"], breakaways)
                       for r in read_csv(breakaways, ("code", "breaks_from"))} \
            if breakaways.exists() else {}
        return cls(tuple(entries), names, stands_for, breaks_from)

    def by_form(self) -> dict[str, list[Entry]]:
        """Entries keyed by their case-folded form (the matcher's match key)."""
        table: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            table[entry.form.casefold()].append(entry)
        return dict(table)

    def name(self, code: str) -> str:
        """A display name for a code; the code itself when unknown."""
        return self.names.get(code.upper(), code)

    def as_target(self, code: str) -> str:
        """The state a group stands for when it is on the receiving end (Wagner -> Russia)."""
        return self.stands_for.get(code, code)

    def own_proxy(self, actor: str, target: str) -> bool:
        """Whether a claim joins a state and its own proxy: toward the proxy ("Russia armed
        the DPR"), or from a breakaway proxy toward its backer ("Abkhazia signed a treaty with
        Russia"), neither is a claim between states."""
        return self.as_target(target) == actor or (
            actor in self.breaks_from and self.stands_for.get(actor) == target)

    def recognised(self, actor: str, target: str, stance: Stance) -> tuple[str, Stance]:
        """Whom ``actor`` recognising ``target`` is aimed at: recognising a breakaway entity
        that is nobody's proxy, or the actor's own ("Russia recognised Abkhazia"), opposes
        the state it broke from; a third state recognising another's proxy backs the patron
        ("Syria recognised the DPR" supports Russia)."""
        parent = self.breaks_from.get(target)
        if parent is None or stance is not Stance.SUPPORT or \
                self.as_target(target) not in (target, actor):
            return target, stance
        return parent, Stance.OPPOSE


def choose(entries: list[Entry], on: date | None) -> Entry | None:
    """The entry a form stands for on a date: non-leaders first, then the latest active term."""
    active = [e for e in entries if e.active(on)]
    if not active:
        return None
    fixed = [e for e in active if e.kind != LEADER]
    if fixed:
        return fixed[0]
    return max(active, key=lambda e: e.start or date.min)


def _leaders(path: Path) -> list[Entry]:
    entries = []
    for row in read_csv(path, ("name", "aliases", "code", "role", "start", "end")):
        start = parse_day(row["start"], path, "start")
        end = parse_day(row["end"], path, "end")
        code = _code(row["code"], path)
        for form in [row["name"], *split_list(row["aliases"])]:
            entries.append(Entry(form, code, LEADER, start, end))
    return entries


def _code(value: str, path: Path) -> str:
    from coalition.errors import ConfigError

    code = value.strip().upper()
    if not code.replace("_", "").isalnum():
        raise ConfigError(f"{path}: {value!r} is not an actor code")
    return code


@cache
def default_gazetteer() -> Gazetteer:
    """The package's gazetteer, read on first use and kept for the process."""
    return Gazetteer.load()


def actor_name(code: str) -> str:
    """A display name for an ISO3 or alliance code ("RUS" -> "Russia")."""
    return default_gazetteer().name(code)
