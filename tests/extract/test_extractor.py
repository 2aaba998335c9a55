"""The extractor end to end: offsets, the prefilter, streaming and worker processes."""

from __future__ import annotations

import gc
import weakref
from importlib import resources
from pathlib import Path

import pytest
from benchmarks.corpus import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from coalition.extract import Extractor
from coalition.extract.extractor import frozen_heap
from coalition.extract.memo import memoised
from coalition.ingest import read_sources
from coalition.models import EXTRACTOR_VERSION, Article
from coalition.resolve import rules_version
from coalition.settings import Settings

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev" / "putin-allies.txt"
EXTRA = (
    "Germany will send more Leopard tanks to Kyiv. Hungary blocked the EU's aid package for "
    "Ukraine.\n\nTurkey has refused to join Western sanctions on Moscow. The Kremlin denied "
    "reports that North Korean troops were fighting in Kursk.\n\nEgypt allowed aid trucks into "
    "Gaza. He said they would not send troops.\n"
)


def _dev() -> Article:
    if not DEV.is_file():
        pytest.skip("shared dev corpus not present")
    return Article(id="putin-allies", text=DEV.read_text(encoding="utf-8"), source=str(DEV))


def test_offsets_bound_evidence_and_spans(extractor) -> None:  # type: ignore[no-untyped-def]
    article = _dev()
    claims = extractor.extract(article)
    assert claims
    for claim in claims:
        assert article.text[claim.start:claim.end] == claim.evidence
        assert claim.start <= claim.trigger_start < claim.trigger_end <= claim.end
        assert claim.actor_start is not None and claim.actor_end is not None
        assert 0.0 <= claim.confidence <= 1.0
        assert claim.extractor == rules_version() and claim.extractor.startswith(EXTRACTOR_VERSION)


def test_page_furniture_yields_no_claims(extractor) -> None:  # type: ignore[no-untyped-def]
    article = _dev()
    bio = article.text.index("Author Expertise")
    assert all(c.start < bio for c in extractor.extract(article))
    assert "Image Credit" not in " ".join(c.evidence for c in extractor.extract(article))


@pytest.mark.parametrize("text", ["dev", EXTRA])
def test_prefilter_changes_nothing(text: str, extractor) -> None:  # type: ignore[no-untyped-def]
    article = _dev() if text == "dev" else Article(id="extra", text=text, source="extra")
    everything = Extractor(Settings(), prefilter=False)
    assert everything.extract(article) == extractor.extract(article)


def _sample() -> list[Article]:
    sample = Path(str(resources.files("coalition") / "data" / "sample"))
    paths = [str(path) for path in sorted(sample.glob("*.md")) if path.name != "README.md"]
    return [a for a in read_sources(paths, Settings()) if isinstance(a, Article)]


def _generated(n: int) -> list[Article]:
    return [Article(id=doc_id, text=text, source=doc_id) for doc_id, text in generate(n, seed=5)]


@pytest.mark.parametrize("corpus", [
    pytest.param(lambda: _sample() + _generated(20), id="sample+20"),
    pytest.param(lambda: _generated(200), id="generated-200", marks=pytest.mark.slow),
])
def test_prefilter_changes_nothing_on_corpora(corpus, extractor) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    articles = corpus()
    everything = Extractor(Settings(), prefilter=False)
    filtered = list(extractor.extract_many(articles))
    assert filtered == list(everything.extract_many(articles))
    assert sum(len(claims) for _, claims in filtered) > len(articles)


def test_prefilter_parses_fewer_sentences(extractor) -> None:  # type: ignore[no-untyped-def]
    everything = Extractor(Settings(), prefilter=False)
    parsed = []
    for engine in (extractor, everything):
        nlp, finder = engine.nlp, engine.nlp.get_pipe("coalition_claims")
        docs = [nlp.get_pipe("coalition_triggers")(nlp.get_pipe("coalition_mentions")(
            nlp.make_doc(article.text))) for article in _generated(10)]
        parsed.append(sum(item.sub is not None for doc in docs
                          for item in finder._plan(doc).items))
    assert 0 < parsed[0] < 0.9 * parsed[1]


TRICKY = [
    "There is little doubt that Russia is gonna send troops, and they got ta act.",
    "Let's see: y'all ain't ready, but Iran will not help Syria.",
    "C'mon, it is what it is; I said you gave it to me, nothin' more.",
    "The   minister, who had   arrived, did not have the   papers.\n\nBut he does.",
]


@pytest.mark.parametrize("name", ["attribute_ruler", "lemmatizer"])
def test_memoised_pipes_set_what_the_real_ones_do(name: str, extractor) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    nlp = extractor.nlp
    lines = [line for _, text in generate(2, seed=9) for line in text.splitlines() if line]
    texts = TRICKY + lines + TRICKY + lines
    before = ["tok2vec", "tagger", "parser", "attribute_ruler"]
    parsed = [Doc(nlp.vocab, words=[t.text for t in nlp.make_doc(text)]) for text in texts]
    for step in before[:before.index(name)] if name in before else before:
        parsed = list(nlp.get_pipe(step).pipe(parsed))
    memo = memoised(nlp, name)
    real = [nlp.get_pipe(name)(Doc(nlp.vocab).from_bytes(d.to_bytes())) for d in parsed]
    fast = [memo(Doc(nlp.vocab).from_bytes(d.to_bytes())) for d in parsed]

    def attrs(doc: Doc) -> list[tuple[str, ...]]:
        return [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_) for t in doc]

    assert [attrs(d) for d in fast] == [attrs(d) for d in real]
    assert memo is not nlp.get_pipe(name) and memo._table


def test_extract_many_streams_in_order(extractor) -> None:  # type: ignore[no-untyped-def]
    articles = [Article(id=f"a{i}", text=EXTRA * (i + 1), source="x") for i in range(3)]
    pairs = list(extractor.extract_many(iter(articles), batch_size=2))
    assert [a.id for a, _ in pairs] == ["a0", "a1", "a2"]
    assert [claims for _, claims in pairs] == [extractor.extract(a) for a in articles]


@pytest.mark.slow
def test_two_processes_give_the_same_claims(extractor) -> None:  # type: ignore[no-untyped-def]
    articles = [Article(id=f"a{i}", text=EXTRA, source="x") for i in range(4)]
    one = [(a.id, c) for a, c in extractor.extract_many(articles, n_process=1)]
    two = [(a.id, c) for a, c in extractor.extract_many(articles, n_process=2, batch_size=1)]
    assert one == two and any(c for _, c in one)


TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " " * 5000, "\n\n\n", "\x00\x07\x1b", "Russia.\n\n\nthe country sent troops to it.",
     "Россия отправила войска. 俄罗斯. 🇷🇺 Moscow-backed Kyiv"])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, st.sampled_from(["", " Iran sent drones to Russia.", " He refused to help them."]))
def test_extract_never_crashes(extractor, noise: str, tail: str) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    text = noise + tail
    for claim in extractor.extract(Article(id="h", text=text, source="h")):
        assert text[claim.start:claim.end] == claim.evidence
        assert 0 <= claim.start <= claim.end <= len(text)


def test_components_plug_in_through_the_entry_point() -> None:
    import subprocess
    import sys

    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('coalition_mentions'); "
            "nlp.add_pipe('coalition_triggers'); doc = nlp('The Kremlin sent shells.'); "
            "print([s.label_ for s in doc.spans['coalition_mentions']], "
            "len(doc.spans['coalition_triggers']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['RUS'] 1"


def test_frozen_heap_spares_what_lives_and_hands_it_back() -> None:
    class Node:
        pass

    node = Node()
    node.self = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
    gone = weakref.ref(node)
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
        del node
        gc.collect()
        assert gone() is not None  # frozen: full passes leave it alone
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None
