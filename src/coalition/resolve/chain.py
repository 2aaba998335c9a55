"""Who a description stands for: "the Gulf kingdom", "the Central Asian republic", "the island".

An article names a state, then goes on describing it. ``descriptions.csv`` lists each
description with the states it can describe; a definite description stands for the latest of
those states the article named before it, else for the only one of them the article names at
all, else for nobody (a description never invents a party). ``offices.csv`` lists the words of
office that join a state to a person's name ("*Iraqi President* Saddam Hussein", "*Niger's
ambassador* Brah Mohamane"): the person then stands for that state. Both files are documented
in ``data/README.md``. ``non_state.csv`` lists the words after a demonym that make the people
named no state's ("Syrian *Kurdish* fighters", "Sudanese *paramilitary* forces").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coalition.resolve._files import data_path, read_csv, split_list


@dataclass(frozen=True, slots=True)
class Description:
    """A description ("Gulf kingdom") and the codes of the states it can stand for."""

    form: str
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Chain:
    """The descriptions and words of office the article-level chain reads."""

    descriptions: tuple[Description, ...]
    offices: frozenset[str]
    non_state: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path | None = None) -> Chain:
        """Read ``descriptions.csv`` and ``offices.csv`` (default: the package data)."""
        def path(name: str) -> Path:
            return folder / name if folder else data_path(name)

        descriptions = tuple(
            Description(row["form"], frozenset(c.upper() for c in split_list(row["codes"])))
            for row in read_csv(path("descriptions.csv"), ("form", "codes")))
        offices, non_state = (
            frozenset(row["word"].lower() for row in read_csv(path(name), ("word",)))
            for name in ("offices.csv", "non_state.csv"))
        return cls(descriptions, offices, non_state)

    def candidates(self, form: str) -> frozenset[str]:
        """The states a description (any case) can stand for."""
        wanted = form.casefold()
        return next((d.codes for d in self.descriptions if d.form.casefold() == wanted),
                    frozenset())


def antecedent(candidates: Collection[str], earlier: Sequence[str],
               named: Collection[str]) -> str | None:
    """What a description stands for.

    Args:
        candidates: the states it can describe.
        earlier: codes the article named before it, in text order.
        named: every code the article names.

    Returns:
        The latest earlier code among the candidates, else the only candidate the article
        names, else ``None``.
    """
    for code in reversed(earlier):
        if code in candidates:
            return code
    present = [code for code in candidates if code in named]
    return present[0] if len(present) == 1 else None


@cache
def default_chain() -> Chain:
    """The package's descriptions and offices, read on first use."""
    return Chain.load()
