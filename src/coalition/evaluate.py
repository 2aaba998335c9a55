"""Scoring extracted claims against gold claims, with the semantics of ``shared/eval/score.py``.

A prediction is right when doc, actor, target, dimension and stance agree with a gold claim
of the same document; ``military`` matches ``troops`` and ``arms`` either way; recall counts
only gold claims not marked ``optional``; duplicate predictions count once; predictions for
documents without gold are ignored. The lenient score also takes ``refuse`` and ``oppose`` as
one stance.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coalition.errors import InputError

FIELDS = ("doc", "actor", "target", "dimension", "stance")
MILITARY_FAMILY = frozenset({"military", "troops", "arms"})

Key = tuple[str, str, str, str, str]


@dataclass(frozen=True, slots=True)
class Figures:
    """Precision, recall and F1 (rounded to three places, as the shared scorer prints them)."""

    precision: float
    recall: float
    f1: float
    predicted: int
    correct: int
    required: int
    found: int
    false_alarms: tuple[Key, ...]
    misses: tuple[Key, ...]


@dataclass(frozen=True, slots=True)
class Score:
    """The strict and the lenient figures of one comparison."""

    strict: Figures
    lenient: Figures


def load_rows(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Read claim rows from JSON Lines files; a bad line raises naming the file and line."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(path), f"cannot read claims ({exc})") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise InputError(f"{path}:{number}", f"not a JSON claim ({exc})") from exc
            if not isinstance(row, dict):
                raise InputError(f"{path}:{number}", "not a JSON object")
            rows.append(row)
    return rows


def score(gold_rows: Iterable[Mapping[str, Any]],
          pred_rows: Iterable[Mapping[str, Any]]) -> Score:
    """Compare predicted claim rows with gold rows (both as in the claim contract).

    Args:
        gold_rows: gold claims; ``optional: true`` rows do not count towards recall.
        pred_rows: predicted claims, e.g. ``Claim.as_dict()`` output.

    Returns:
        Strict and lenient figures.
    """
    gold = [(_key(row), bool(row.get("optional", False))) for row in gold_rows]
    pred = [_key(row) for row in pred_rows]
    return Score(_figures(gold, pred, lenient=False), _figures(gold, pred, lenient=True))


def _key(row: Mapping[str, Any]) -> Key:
    try:
        doc, actor, target, dim, stance = (str(row[f]).strip() for f in FIELDS)
    except KeyError as exc:
        raise InputError(str(dict(row))[:80], f"not a claim (missing {exc})") from exc
    return doc, actor.upper(), target.upper(), dim.lower(), stance.lower()


def _matches(p: Key, g: Key, lenient: bool) -> bool:
    dims = p[3] == g[3] or ({p[3], g[3]} <= MILITARY_FAMILY and "military" in (p[3], g[3]))
    stances = p[4] == g[4] or (lenient and {p[4], g[4]} <= {"refuse", "oppose"})
    return p[:3] == g[:3] and dims and stances


def _figures(gold: list[tuple[Key, bool]], pred: list[Key], lenient: bool) -> Figures:
    docs = {g[0] for g, _ in gold}
    predicted = sorted({p for p in pred if p[0] in docs})
    by_doc: dict[str, list[Key]] = defaultdict(list)
    for g, _ in gold:
        by_doc[g[0]].append(g)
    good = [p for p in predicted if any(_matches(p, g, lenient) for g in by_doc[p[0]])]
    required = sorted({g for g, optional in gold if not optional})
    found = [g for g in required if any(_matches(p, g, lenient) for p in predicted
                                        if p[0] == g[0])]
    precision = len(good) / len(predicted) if predicted else 0.0
    recall = len(found) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Figures(
        round(precision, 3), round(recall, 3), round(f1, 3), len(predicted), len(good),
        len(required), len(found),
        tuple(p for p in predicted if p not in set(good)),
        tuple(g for g in required if g not in set(found)),
    )
