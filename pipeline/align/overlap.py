"""Blocks of consecutive units (1..k) and what the scorer needs of them: text, embedding, length,
anchors. Block ``(a, i)`` is the ``a`` units ending before position ``i`` (units ``i-a .. i-1``),
as in Vecalign's overlap files: a 2-1 link compares the embedding of two concatenated source
units with one target unit."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from pipeline.align.anchors import anchors
from pipeline.core.embed import ComposedUnits, Embedder

MID_SENTENCE = (",", "،", "，", "、")
"""Endings of a unit cut inside a sentence. Only commas: a semicolon or a colon ends many whole UN
sentences (each operative paragraph of a resolution, "decides the following:"), and counting them
as mid-sentence made the dangling price break true merges ending in one (UN dev set: 7-10 of about
265 such merges lost per language, 2-3 without; ``tests/test_align_unpc.py``)."""


@dataclass
class Blocks:
    vectors: dict[int, np.ndarray]
    """a -> (n + 1, d) array; row i is the embedding of block (a, i), zeros where i < a."""
    lengths: dict[int, np.ndarray]
    anchors: dict[int, sparse.csr_matrix]
    """a -> (n + 1, V) binary anchor matrix over a vocabulary shared by both sides."""
    anchor_counts: dict[int, np.ndarray]
    background: dict[int, np.ndarray]
    """a -> (n + 1,) mean similarity of each block to the other side's units (margin baseline)."""
    dangling: np.ndarray
    """(n + 1,) whether the unit ending at position i ends mid-sentence (``MID_SENTENCE``)."""
    ends: tuple[np.ndarray, np.ndarray] | None = None
    """(n + 1, d) vectors of the first and of the last few tokens of the unit ending at position
    i (``Embedder.encode_units``), or None when the embedder cannot give them."""


def block_texts(units: list[str], size: int, joiner: str) -> list[str]:
    return [joiner.join(units[i - size : i]) if i >= size else "" for i in range(len(units) + 1)]


def pair_dots(src: np.ndarray, tgt: np.ndarray, rows: np.ndarray, js: np.ndarray, step: int = 64) -> np.ndarray:
    """``src[rows[k]] @ tgt[js[k]]`` for band cells given row by row: one small matrix product
    per ``step`` rows over the span of columns they use, instead of gathering two vectors per
    cell (memory traffic 2 x 512 floats a cell, the slow part of scoring a band)."""
    out = np.empty(rows.size, dtype=np.float32)
    bounds = np.flatnonzero(np.diff(rows // step)) + 1
    for s, e in zip(np.concatenate(([0], bounds)), np.concatenate((bounds, [rows.size]))):
        r0, r1 = int(rows[s]), int(rows[e - 1])
        j0, j1 = int(js[s:e].min()), int(js[s:e].max())
        block = src[r0 : r1 + 1] @ tgt[j0 : j1 + 1].T
        out[s:e] = block[rows[s:e] - r0, js[s:e] - j0]
    return out


class BandMemo:
    """Values of a function of (block type, cell), computed once over one band of the DP.

    A link's score asks for the evidence of its own blocks and, for the edge terms, of the blocks
    one unit smaller or larger at the neighbouring cells: over all link types every evidence value
    was computed three times (14.7 million cells for 4.4 million distinct on a 5,000-verse text),
    each time in a matrix product over the band's span. Here a block type's values are computed in
    one sweep over the band widened by a cell on each side (the neighbours), in the DP's layout:
    cell (i, j) at row i, column j - lo[i] + 1. Cells beyond that are computed when asked."""

    STEP = 50_000
    """Cells per call of the function: bounds its temporaries on a wide band."""

    def __init__(self, lo: np.ndarray, hi: np.ndarray) -> None:
        self.lo = lo
        self.width = int((hi - lo).max()) + 3
        first = np.maximum(lo - 1, 0)  # the cells kept in row i: first .. last
        counts = np.minimum(hi + 1, hi[-1]) - first + 1  # hi[-1] is the last column, m
        self.rows = np.repeat(np.arange(len(lo), dtype=np.int32), counts)
        offsets = np.concatenate(([0], np.cumsum(counts)))
        self.js = (np.arange(offsets[-1]) - np.repeat(offsets[:-1] - first, counts)).astype(np.int32)
        self.values: dict[Hashable, np.ndarray] = {}

    def get(
        self, key: Hashable, rows: np.ndarray, js: np.ndarray, compute: Callable[[np.ndarray, np.ndarray], np.ndarray]
    ) -> np.ndarray:
        """``compute(rows, js)``, which must depend on the cell only, from the kept values."""
        if key not in self.values:
            table = self.values[key] = np.full(len(self.lo) * self.width, np.nan)  # NaN: not kept
            for k in range(0, self.rows.size, self.STEP):
                r, j = self.rows[k : k + self.STEP], self.js[k : k + self.STEP]
                table[r * self.width + j - self.lo[r] + 1] = compute(r, j)
        cols = js - self.lo[rows] + 1
        inside = (cols >= 0) & (cols < self.width)
        out = self.values[key].take(np.where(inside, rows * self.width + cols, 0))
        fresh = ~inside | np.isnan(out)
        if fresh.any():
            out[fresh] = compute(rows[fresh], js[fresh])
        return out


def block_lengths(unit_lengths: np.ndarray, size: int, joiner: int) -> np.ndarray:
    """Characters of every block of ``size`` units joined by a ``joiner``-character string, in
    the ``block_texts`` layout (0 where i < size), without building the texts."""
    out = np.zeros(len(unit_lengths) + 1)
    if len(unit_lengths) >= size:
        out[size:] = np.convolve(unit_lengths, np.ones(size))[size - 1 : len(unit_lengths)] + joiner * (size - 1)
    return out


def build_blocks(
    units: list[str],
    labels: list[str],
    max_size: int,
    embedder: Embedder,
    joiner: str,
    vocabulary: dict[str, int],
    encoded: ComposedUnits | None = None,
) -> Blocks:
    """Embeddings, lengths and anchors of every block; ``vocabulary`` (anchor -> column) is
    shared with the other side and grows as new anchors are met. ``encoded``: the units' composed
    blocks when the caller has them already (``aligner.encode_sides``)."""
    vectors, lengths, found, counts = {}, {}, {}, {}
    if encoded is None:
        encoded = getattr(embedder, "encode_units", lambda *_: None)(units, max_size)
    composed, edges = (None, None) if encoded is None else (encoded.blocks, encoded.ends)
    if composed is None:  # an encoder that cannot compose: embed every block's joined text
        edges = getattr(embedder, "encode_ends", lambda _: None)(units)
        texts = {a: block_texts(units, a, joiner) for a in range(1, max_size + 1)}
        every = [t for a in texts for t in texts[a] if t]
        table = dict(zip(every, embedder.encode(every))) if every else {}
        dim = next(iter(table.values())).shape[0] if table else 1
        composed = {
            a: np.vstack([table[t] if t else np.zeros(dim, dtype=np.float32) for t in row]) for a, row in texts.items()
        }
    n = len(units)
    unit_lengths = np.array([len(u) for u in units], dtype=np.float64)
    unit_anchors = [set(anchors(u, lab)) for u, lab in zip(units, labels)]
    # (unit, anchor column) pairs; block (a, i) holds the anchors of units i-a .. i-1, so unit k's
    # land in rows k+1 .. k+a, and a set union is a de-duplication of those pairs (vectorised:
    # set unions per block were a tenth of the non-embedding time of a long text).
    unit_rows = np.repeat(np.arange(n, dtype=np.int64), [len(x) for x in unit_anchors])
    unit_cols = np.array(
        [vocabulary.setdefault(x, len(vocabulary)) for found_set in unit_anchors for x in found_set], dtype=np.int64
    )
    stride = max(len(vocabulary), 1)  # a (row, column) pair as one integer, for np.unique
    for a in range(1, max_size + 1):
        vectors[a] = composed[a]
        lengths[a] = block_lengths(unit_lengths, a, len(joiner))
        rows = np.concatenate([unit_rows + shift for shift in range(1, a + 1)])
        cols = np.tile(unit_cols, a)
        keep = (rows >= a) & (rows <= n)
        pairs = np.unique(rows[keep] * stride + cols[keep])
        rows, cols = pairs // stride, pairs % stride
        found[a] = (rows, cols)
        counts[a] = np.bincount(rows, minlength=n + 1).astype(np.float64)
    dangling = np.array([False] + [u.rstrip().endswith(MID_SENTENCE) for u in units])
    ends = None if edges is None else tuple(np.vstack([np.zeros((1, e.shape[1]), e.dtype), e]) for e in edges)
    return Blocks(vectors, lengths, found, counts, {}, dangling, ends)


def finish_anchors(blocks: Blocks, width: int) -> None:
    """Turn the collected (row, column) pairs into sparse matrices once the vocabulary is complete."""
    size = len(blocks.anchor_counts[1])
    for a, (rows, cols) in list(blocks.anchors.items()):
        data = np.ones(len(rows), dtype=np.float32)
        blocks.anchors[a] = sparse.csr_matrix((data, (rows, cols)), shape=(size, max(width, 1)))


def set_background(src: Blocks, tgt: Blocks) -> None:
    """Margin baseline: a block's mean similarity to all single units of the other side (the mean
    of dot products is the dot product with the mean vector)."""
    src_mean = src.vectors[1][1:].mean(axis=0) if len(src.vectors[1]) > 1 else 0
    tgt_mean = tgt.vectors[1][1:].mean(axis=0) if len(tgt.vectors[1]) > 1 else 0
    src.background = {a: v @ tgt_mean for a, v in src.vectors.items()}
    tgt.background = {b: v @ src_mean for b, v in tgt.vectors.items()}
