"""A small deterministic embedder for the aligner's unit tests: no model, no download, no cache.

Texts are hashed character trigrams (a bag of n-grams), so a unit and its copy embed alike and a
merged block embeds close to the concatenation of its parts, which is all the DP needs to be
tested on hand-made sequences. Real quality is measured with real models in the slow layer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

DIM = 512


class FakeEmbedder:
    embedded = 0
    cached = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f"  {text.lower()}  "
            for k in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[k : k + 3].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % DIM] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
