"""How the model is loaded for extraction: numpy's BLAS, and the lemmatizer's lemma index."""

from __future__ import annotations

import pickle

from spacy.tokens import Doc

from coalition.extract.memo import memoised
from coalition.extract.model import load_model

SENTENCES = [
    "Germany sent howitzers to Ukraine, and the shipments were welcomed by the ministers.",
    "Hungary has been blocking the EU's aid packages while Poland keeps training soldiers.",
]


def _blis(nlp) -> set[bool]:  # type: ignore[no-untyped-def]
    return {layer.ops.use_blis for name in ("tok2vec", "tagger")
            for layer in nlp.get_pipe(name).model.walk()}


def test_extraction_model_multiplies_with_numpy_and_spacy_default_with_blis() -> None:
    assert _blis(load_model("en_core_web_sm")) == {False}
    assert _blis(load_model("en_core_web_sm", numpy_blas=False)) == {True}


def test_both_ways_of_multiplying_parse_alike() -> None:
    ours, spacys = load_model("en_core_web_sm"), load_model("en_core_web_sm", numpy_blas=False)

    def parse(nlp) -> list[list[tuple[str, str, int]]]:  # type: ignore[no-untyped-def]
        return [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(SENTENCES)]

    assert parse(ours) == parse(spacys)


def test_lemma_index_answers_as_the_list_did_and_still_serialises() -> None:
    nlp = load_model("en_core_web_sm")
    lemmatizer = nlp.get_pipe("lemmatizer")
    before = {key: list(words) for key, words in
              lemmatizer.lookups.get_table("lemma_index").items()}
    memoised(nlp, "lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in before.items():
        assert list(table[key]) == words
        assert all(word in table[key] for word in words[:500])
        assert "qqzzx" not in table[key]
    assert pickle.loads(pickle.dumps(table[key])) == words
    untouched = load_model("en_core_web_sm").get_pipe("lemmatizer")
    restored = load_model("en_core_web_sm").get_pipe("lemmatizer")
    restored.from_bytes(lemmatizer.to_bytes())

    def lemmas(pipe) -> list[str]:  # type: ignore[no-untyped-def]
        doc = Doc(nlp.vocab, words=["the", "shipments", "were", "welcomed", "drones"],
                  pos=["DET", "NOUN", "AUX", "VERB", "NOUN"])
        return [t.lemma_ for t in pipe(doc)]

    assert lemmas(restored) == lemmas(untouched) == lemmas(lemmatizer)
    assert lemmas(lemmatizer)[1] == "shipment"
