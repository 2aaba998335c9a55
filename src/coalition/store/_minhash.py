"""Near-duplicate fingerprints of article texts: MinHash signatures and their LSH band keys.

A wire story reprinted by many sites keeps almost all of its word sequences while each site
edits the headline, a sentence or the sign-off. The Jaccard similarity of two texts' sets of
word 3-grams measures that, and a MinHash signature estimates it from 128 numbers.
Locality-sensitive hashing cuts each signature into bands: two texts whose similarity is above
:data:`THRESHOLD` very probably share a band, so only articles sharing a band key are compared.

The signature is ``datasketch``'s (2.0, scheme "affine32") computed here in a few numpy lines,
and the band count and width are datasketch's own optimum for the threshold, written down:
importing datasketch (and the scipy it loads) cost every ``coalition ingest`` over a second.
``tests/store/test_minhash.py`` checks both against datasketch itself.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections.abc import Iterable
from typing import Any

from coalition.models import normalise_text

NUM_PERM = 128
# Lightly edited copies of one story score 0.6-0.95 on word 3-grams; two different stories on
# the same events share phrases but stay under 0.2.
THRESHOLD = 0.5
_SHINGLE = 3
_SEED = 1
_WORD = re.compile(r"\w+")
_BYTES = 4  # datasketch keeps each hash value below 2**32
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)
# What datasketch's MinHashLSH picks for THRESHOLD and NUM_PERM: (bands, rows per band).
_LSH_SHAPE = (25, 5)
# The MurmurHash3 32-bit finalizer datasketch mixes each input hash with: shifts and factors.
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``'s word 3-grams, ``NUM_PERM`` little-endian uint32s."""
    import numpy as np

    mixed = gram_hashes(text).astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX)
    mixed ^= mixed >> s1
    mixed *= m1
    mixed ^= mixed >> s2
    mixed *= m2
    mixed ^= mixed >> s3
    a, b = _permutations()
    # uint32 arithmetic wraps: each permutation is a * h + b modulo 2**32.
    return bytes((mixed * a + b).min(axis=0).astype("<u4").tobytes())


def gram_hashes(text: str) -> Any:
    """A 32-bit hash of each distinct word 3-gram of the normalised text (fewer words: one
    gram of them all), as a numpy array.

    Each word is hashed once (CRC-32) and the grams are mixed from their words' hashes in one
    array operation: hashing every gram's text one by one cost most of the signature's time.
    """
    import numpy as np

    words = _WORD.findall(normalise_text(text)) or [""]
    hashed = np.array([zlib.crc32(word.encode("utf-8")) for word in words], dtype=np.uint64)
    hashed = np.concatenate([hashed, np.zeros(max(0, _SHINGLE - len(hashed)), np.uint64)])
    count = len(hashed) - _SHINGLE + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(_SHINGLE):
        # Multiply-and-add with odd 64-bit constants, wrapping: order matters, so "a b c" and
        # "c b a" differ; the high half of the product is the best mixed.
        mixed = (mixed + hashed[offset:offset + count]) * np.uint64(_MIX[offset])
    return np.unique(mixed >> np.uint64(32))


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per LSH band; the band's number is hashed in, so bands never mix."""
    bands, rows = lsh_shape()
    width = rows * _BYTES
    return [
        int.from_bytes(
            hashlib.blake2b(sig[i * width:(i + 1) * width], digest_size=8,
                            salt=i.to_bytes(2, "big")).digest(),
            "big", signed=True,
        )
        for i in range(bands)
    ]


def similarity(one: bytes, other: bytes) -> float:
    """The Jaccard similarity two signatures estimate: the share of equal hash values."""
    import numpy as np

    return float(np.mean(np.frombuffer(one, "<u4") == np.frombuffer(other, "<u4")))


def closest_story(sig: bytes, candidates: Iterable[tuple[int, bytes]]) -> int | None:
    """The story of the most similar candidate at or above :data:`THRESHOLD`, if any.

    Args:
        sig: the new article's signature.
        candidates: (story, signature) of the stored articles that share a band key with it.
    """
    best, best_score = None, 0.0
    for story, other in candidates:
        score = similarity(sig, other)
        if score >= THRESHOLD and score > best_score:
            best, best_score = story, score
    return best


def lsh_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for :data:`THRESHOLD` and ``NUM_PERM``."""
    return _LSH_SHAPE


@functools.cache
def _permutations() -> Any:
    # datasketch's draw for seed _SEED: odd multipliers a and offsets b, one per permutation.
    import numpy as np

    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b
