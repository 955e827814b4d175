"""Where the coarse pass looks: a diagonal band, narrowed first on a shrunken grid when it is big.

The coarse 1-1 pass searches a diagonal band ``coarse_band + |n - m|`` units wide, so that a
text with a long stretch missing on one side still fits. For two long texts of different length
(30,000 English verses against 42,700 Chinese lines) that band is 25,000 cells wide: 750 million
cells, far beyond memory. Then the texts are first cut into ``k`` equal runs of units per side,
each run a normalised sum of its unit vectors, and the k x k grid of runs is aligned in the same
band scaled down (a run's vector locates the text well: a few hundred runs pin down where every
part of one text lies in the other). The unit-level coarse pass then searches a narrow band around
that path: as wide as ``coarse_band`` plus one run, so its cost grows with length, not length
squared. Small or equal-length texts keep the plain band (``CELLS``), so nothing changes for them.
"""

from __future__ import annotations

import math

import numpy as np

from pipeline.align import dp

CELLS = 4_000_000
"""Most band cells the unit-level coarse pass may search directly (about 100 MB of DP tables)."""


class RunScore:
    """Calibrated similarity of two runs, on the aligner's scale: the margin over each run's
    mean similarity to the other side, divided by the margin a typical best match reaches."""

    def __init__(self, src: np.ndarray, tgt: np.ndarray) -> None:
        self.src, self.tgt = src, tgt
        self.src_bg = src @ tgt.mean(axis=0)
        self.tgt_bg = tgt @ src.mean(axis=0)
        # Every run against every run: the scale needs each row's best, and the band is then read
        # from the scaled margins (the band is a good part of the grid, and scoring it cell by
        # cell cost 7x the whole product: 0.41 s against 0.06 s for 2,500 runs).
        # In place, a block of rows at a time: each whole-grid temporary was a fresh allocation
        # whose page faults cost more than the product itself (2,500 runs: 25 MB each).
        margins = src @ tgt.T
        for start in range(0, len(margins), 256):
            part = slice(start, start + 256)
            margins[part] -= 0.5 * (self.src_bg[part, None] + self.tgt_bg[None, :])
        self.scale = max(float(np.median(margins.max(axis=1))), 1e-3)
        margins /= self.scale
        self.margins = margins

    def band_table(self, a: int, b: int, lo: np.ndarray, hi: np.ndarray, width: int) -> np.ndarray:
        """Row r (run r - 1), column c: the margin against run ``min(lo[r] + c, m) - 1``, 0 where
        that is -1. A row is a slice of the margins (and their last column repeated past the
        end), copied row by row: a gather of ``(k, width)`` indices cost more than the DP."""
        m = len(self.tgt)
        out = np.zeros((len(lo), width), dtype=np.float32)
        for r in range(1, len(lo)):
            first = int(lo[r])
            start, stop = max(first, 1), min(first + width, m + 1)  # columns j with 1 <= j <= m
            if start < stop:
                out[r, start - first : stop - first] = self.margins[r - 1, start - 1 : stop - 1]
            if first + width > m + 1:
                out[r, max(m + 1 - first, 0) :] = self.margins[r - 1, m - 1]
        return out


def runs(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """``k`` runs of (nearly) equal numbers of consecutive vectors: their normalised sums and the
    unit position where each run starts (plus the end)."""
    bounds = np.linspace(0, len(vectors), k + 1).round().astype(np.int64)
    sums = np.add.reduceat(vectors, bounds[:-1], axis=0)
    return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9), bounds


def coarse_band(src: np.ndarray, tgt: np.ndarray, base: int, skip: float) -> tuple[np.ndarray, np.ndarray]:
    """Row bounds of the band for the coarse pass over unit vectors ``src`` (n, d) and ``tgt``
    (m, d): the plain diagonal band ``base + |n - m|`` wide when it has at most ``CELLS`` cells,
    else a band ``base`` + one run wide around the path found on the grid of runs."""
    n, m = len(src), len(tgt)
    width = base + abs(n - m)
    lo, hi = dp.diagonal_band(n, m, width)
    total = int((hi - lo + 1).sum())
    if total <= CELLS:
        return lo, hi
    shrink = math.ceil(math.sqrt(total / CELLS))
    k = max(2, math.ceil(min(n, m) / shrink))
    src_runs, src_bounds = runs(src, k)
    tgt_runs, tgt_bounds = runs(tgt, k)
    run_lo, run_hi = dp.diagonal_band(k, k, math.ceil(width * k / min(n, m)) + 1)
    path = dp.align(dp.prepare(k, k, [(1, 1), (0, 1), (1, 0)], RunScore(src_runs, tgt_runs), skip, run_lo, run_hi))
    i = j = 0
    corners = [(0, 0)]
    for s, t in path.links:
        i, j = i + len(s), j + len(t)
        corners.append((int(src_bounds[i]), int(tgt_bounds[j])))
    return dp.band_around(corners, n, m, base + math.ceil(max(n, m) / k))
