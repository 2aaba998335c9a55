"""extract stage: spaCy components that find actor mentions, triggers and claim frames.

``Extractor(settings, prefilter=True)`` loads the model once; ``extract(article)`` and
``extract_many(articles, n_process=..., batch_size=...)`` return claims. The components
(``coalition_mentions``, ``coalition_triggers``, ``coalition_claims``) are registered with
spaCy and exposed through the ``spacy_factories`` entry point.
"""

from __future__ import annotations

from coalition.extract.component import claims_of
from coalition.extract.extractor import Extractor, build_pipeline

__all__ = ["Extractor", "build_pipeline", "claims_of"]
