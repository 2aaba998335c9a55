"""MinHash signatures tell lightly edited copies from different articles on the same events."""

from __future__ import annotations

import itertools
from pathlib import Path

from coalition.store._minhash import (
    NUM_PERM,
    THRESHOLD,
    band_keys,
    closest_story,
    gram_hashes,
    lsh_shape,
    signature,
    similarity,
)
from tests.web.wire import own_report, wire_copies

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "coalition" / "data" / "sample"


def test_signatures_are_fixed_size_and_repeatable() -> None:
    text = wire_copies()[0].text
    assert signature(text) == signature(text) and len(signature(text)) == 4 * NUM_PERM
    assert signature("Short.") != signature("Other.")
    # Case, spacing and Unicode forms do not make a text new.
    assert signature(text) == signature("  " + text.upper().replace(" ", "\n"))


def test_copies_are_above_the_threshold_and_other_reports_far_below() -> None:
    copies = [signature(a.text) for a in wire_copies()]
    for one, other in itertools.combinations(copies, 2):
        assert similarity(one, other) >= THRESHOLD + 0.05
    report = signature(own_report().text)
    assert all(similarity(report, copy) < 0.2 for copy in copies)


def test_the_sample_articles_are_all_different_stories() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.md"))
             if p.name != "README.md"]
    sigs = [signature(text) for text in texts]
    assert max(similarity(a, b) for a, b in itertools.combinations(sigs, 2)) < 0.2


def test_near_copies_share_a_band_and_the_closest_story_wins() -> None:
    first, second = (signature(a.text) for a in wire_copies()[:2])
    bands, rows = lsh_shape()
    assert bands * rows <= NUM_PERM and len(band_keys(first)) == bands
    assert set(band_keys(first)) & set(band_keys(second))
    far = signature(own_report().text)
    assert closest_story(second, [(7, far), (3, first)]) == 3
    assert closest_story(second, [(7, far)]) is None


def test_signature_and_bands_are_datasketchs_own() -> None:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert lsh_shape() == (lsh.b, lsh.r)
    for text in ["Short.", "", own_report().text, *(a.text for a in wire_copies())]:
        minhash = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=lambda value: value)
        minhash.update_batch(gram_hashes(text).tolist())
        assert signature(text) == minhash.hashvalues.astype("<u4").tobytes()
