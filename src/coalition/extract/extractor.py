"""The :class:`Extractor`: articles in, claims out, one spaCy pipeline loaded once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from coalition.extract import component, mentions, triggers  # noqa: F401  (registers factories)
from coalition.extract.component import DOC_KEY, PARSE_PIPES, RULES_KEY, TEXT_KEY, claims_of
from coalition.extract.mentions import PUBLISHED_KEY
from coalition.extract.model import load_model
from coalition.models import Article, Claim
from coalition.resolve import Gazetteer, Lexicon, rules_version, user_data
from coalition.resolve.when import WhenReader
from coalition.settings import Settings


def build_pipeline(model: str, *, prefilter: bool = True) -> Language:
    """The model with coalition's components added and its own pipes run only on demand.

    Args:
        model: the spaCy model package.
        prefilter: parse only candidate sentences (claims are the same either way).

    Returns:
        A pipeline whose ``nlp.pipe`` leaves claims on each doc (:func:`claims_of`).
    """
    nlp = load_model(model)
    parse_with = [name for name in PARSE_PIPES if name in nlp.pipe_names]
    for name in parse_with:
        nlp.disable_pipe(name)
    names, hits, claims = (
        nlp.add_pipe("coalition_mentions"),
        nlp.add_pipe("coalition_triggers"),
        nlp.add_pipe("coalition_claims",
                     config={"prefilter": prefilter, "parse_with": parse_with}),
    )
    # load the data once here, not in every worker process, and each file once, not per pipe
    lexicon, gazetteer = Lexicon.load(), Gazetteer.load()
    cast(Any, names).initialize(gazetteer=gazetteer, lexicon=lexicon)
    cast(Any, hits).initialize(lexicon=lexicon)
    cast(Any, claims).initialize(lexicon=lexicon, gazetteer=gazetteer)
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
        return self.dates.date_claims(article, claims_of(self.nlp(self._doc(article))))

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
            yield article, self.dates.date_claims(article, claims_of(doc))

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc.user_data[TEXT_KEY] = article.text
        doc.user_data[DOC_KEY] = article.id
        doc.user_data[RULES_KEY] = self.version
        if article.published is not None:
            doc.user_data[PUBLISHED_KEY] = article.published.isoformat()
        return doc
