"""A small deterministic embedder for the aligner's unit tests: no model, no download, no cache.

Real quality is measured with real models in the slow layer; these tests only need texts that
share words to embed alike, and a way to squeeze all cosines together as some models do.
"""

from __future__ import annotations

import numpy as np


class FakeEmbedder:
    """A unit is a text of concept words (``c12 c13``); its vector is the normalised sum of one
    fixed random vector per concept, plus a shared component that squeezes all cosines together
    (``squeeze`` 0.9 makes unrelated texts score ~.8, like e5)."""

    embedded = 0
    cached = 0

    def __init__(self, squeeze: float = 0.0, dim: int = 64) -> None:
        rng = np.random.default_rng(3)
        self.common = rng.normal(size=dim)
        self.common /= np.linalg.norm(self.common)
        self.squeeze, self.dim = squeeze, dim

    def concept(self, word: str) -> np.ndarray:
        seed = sum(ord(c) * 31**k for k, c in enumerate(word)) % (2**32)
        return np.random.default_rng(seed).normal(size=self.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            v = sum((self.concept(w) for w in text.split()), np.zeros(self.dim))
            v = v / max(np.linalg.norm(v), 1e-9)
            v = np.sqrt(self.squeeze) * self.common + np.sqrt(1 - self.squeeze) * v
            rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32)
