"""The :class:`Extractor`: articles in, claims out, one spaCy pipeline loaded once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from coalition.extract import component, mentions, triggers  # noqa: F401  (registers factories)
from coalition.extract.component import CLAIMS_KEY, PARSE_PIPES, TEXT_KEY
from coalition.extract.mentions import PUBLISHED_KEY
from coalition.extract.model import load_model
from coalition.models import EXTRACTOR_VERSION, Article, Certainty, Claim, Dimension, Stance
from coalition.resolve import rules_version, user_data
from coalition.resolve.when import WhenReader
from coalition.settings import Settings


def build_pipeline(model: str, *, prefilter: bool = True) -> Language:
    """The model with coalition's components added and its own pipes run only on demand.

    Args:
        model: the spaCy model package.
        prefilter: parse only candidate sentences (claims are the same either way).

    Returns:
        A pipeline whose ``nlp.pipe`` leaves claim rows in ``doc.user_data``.
    """
    nlp = load_model(model)
    parse_with = [name for name in PARSE_PIPES if name in nlp.pipe_names]
    for name in parse_with:
        nlp.disable_pipe(name)
    added: list[Any] = [
        nlp.add_pipe("coalition_mentions"),
        nlp.add_pipe("coalition_triggers"),
        nlp.add_pipe("coalition_claims",
                     config={"prefilter": prefilter, "parse_with": parse_with}),
    ]
    for pipe in added:  # load the data once here, not in every worker process
        pipe.initialize()
    return nlp


class Extractor:
    """Extracts claims from articles, each dated by its sentence (:mod:`coalition.resolve.when`);
    the spaCy model loads once, in the constructor.

    The rule data is the packaged data with ``settings.data_dir`` laid over it; ``version``
    names both, and every claim carries it.
    """

    def __init__(self, settings: Settings, *, prefilter: bool = True) -> None:
        self.settings = settings
        self.prefilter = prefilter
        self.version = rules_version(settings.data_dir)
        with user_data(settings.data_dir):
            self.nlp = build_pipeline(settings.model, prefilter=prefilter)
        self.dates = WhenReader()

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article, in text order."""
        found = claims_from(article, self.nlp(self._doc(article)), self.version)
        return self.dates.date_claims(article, found)

    def extract_many(self, articles: Iterable[Article], *, n_process: int = 1,
                     batch_size: int = 64) -> Iterator[tuple[Article, list[Claim]]]:
        """Stream ``(article, claims)`` pairs in input order.

        Args:
            articles: any iterable; it is consumed lazily, so memory stays flat.
            n_process: worker processes (spaCy's ``nlp.pipe(n_process=...)``).
            batch_size: articles per batch.

        Returns:
            An iterator of pairs.
        """
        pairs = ((self._doc(article), article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, n_process=n_process,
                                          batch_size=batch_size):
            yield article, self.dates.date_claims(article, claims_from(article, doc, self.version))

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc.user_data[TEXT_KEY] = article.text
        if article.published is not None:
            doc.user_data[PUBLISHED_KEY] = article.published.isoformat()
        return doc


def claims_from(article: Article, doc: Doc, rules: str = EXTRACTOR_VERSION) -> list[Claim]:
    """The claim rows a pipeline left on a doc, as claims (one per key and sentence), each
    marked with the ``rules`` version that made it."""
    best: dict[tuple[Any, ...], Claim] = {}
    for row in doc.user_data.get(CLAIMS_KEY, []):
        claim = Claim(
            doc=article.id, actor=row["actor"], target=row["target"],
            dimension=Dimension(row["dimension"]), stance=Stance(row["stance"]),
            certainty=Certainty.HEDGED if row["hedged"] else Certainty.ASSERTED,
            evidence=article.text[row["start"]:row["end"]], start=row["start"],
            end=row["end"], confidence=row["confidence"],
            actor_start=row["actor_start"], actor_end=row["actor_end"],
            trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
            extractor=rules,
        )
        key = (*claim.key, claim.start)
        if key not in best or best[key].confidence < claim.confidence:
            best[key] = claim
    return sorted(best.values(), key=lambda c: (c.start, c.trigger_start or 0))
