"""The monotonic alignment DP: best path of links through a band of the (source x target) grid.

A link covers ``a`` consecutive source units and ``b`` consecutive target units ((a, b) in the
allowed link types, including (0, 1) and (1, 0) for units with no counterpart). The caller gives
a scoring function for all links of one type ending in one source row; the DP keeps only the band
``lo[i] <= j <= hi[i]`` of each row, so time and memory grow with length x band width, not with
length squared. Rows are vectorised with numpy; the within-row (0, 1) moves are a max-plus scan
(``j * skip + cummax(x - k * skip)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

NEG = -1e18
Link = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Path:
    links: list[Link]
    scores: list[float]
    types: list[tuple[int, int]]


ScoreRow = Callable[[int, int, int, np.ndarray], np.ndarray]
"""score(i, a, b, js) -> scores of the links of type (a, b) whose last source unit is i - 1 and
last target unit is j - 1, for each j in js (the cells are DP positions: i units consumed)."""


def band_around(path_cells: list[tuple[int, int]], n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Row bounds of a band ``width`` cells around a path given as (i, j) grid points."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for i, j in path_cells:
        for di in range(-width, width + 1):
            r = i + di
            if 0 <= r <= n:
                lo[r] = min(lo[r], max(0, j - width))
                hi[r] = max(hi[r], min(m, j + width))
    _make_monotone(lo, hi, m)
    return lo, hi


def diagonal_band(n: int, m: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    rows = np.arange(n + 1)
    centre = np.round(rows * (m / max(n, 1))).astype(np.int64)
    lo = np.clip(centre - width, 0, m)
    hi = np.clip(centre + width, 0, m)
    _make_monotone(lo, hi, m)
    return lo, hi


def _make_monotone(lo: np.ndarray, hi: np.ndarray, m: int) -> None:
    """Bands must let a path through: rows start at 0, end at m, and overlap their neighbours."""
    lo[0], hi[-1] = 0, m
    np.maximum.accumulate(hi, out=hi)
    lo[:] = np.minimum.accumulate(lo[::-1])[::-1]
    hi[:] = np.maximum(hi, lo)


def align(
    n: int, m: int, types: list[tuple[int, int]], score: ScoreRow, skip: float, lo: np.ndarray, hi: np.ndarray
) -> Path:
    """Best-scoring monotonic path from (0, 0) to (n, m) inside the band."""
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    moving = [t for t in types if t[0] > 0]
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(js.size, NEG)
        arg = np.full(js.size, -1, dtype=np.int64)
        if i == 0:
            best[js == 0] = 0.0
        for t, (a, b) in enumerate(moving):
            if i - a < 0:
                continue
            prev_lo, prev = lo[i - a], rows[i - a]
            k = js - b - prev_lo
            ok = (k >= 0) & (k < prev.size)
            if not ok.any():
                continue
            cand = np.full(js.size, NEG)
            cand[ok] = prev[k[ok]]
            live = cand > NEG / 2
            if live.any():
                cand[live] += score(i, a, b, js[live])
            better = cand > best
            best[better], arg[better] = cand[better], t
        if (0, 1) in types and js.size:
            # Skips along the row: best[j] = max_k<=j (best[k] + (j - k) * skip).
            offset = np.arange(js.size) * skip
            run = np.maximum.accumulate(best - offset) + offset
            moved = run > best + 1e-12
            best = np.where(moved, run, best)
            arg = np.where(moved, len(moving), arg)
        rows.append(best)
        back.append(arg)
    return _backtrack(n, m, moving, rows, back, lo, score, skip)


def _backtrack(n, m, moving, rows, back, lo, score, skip) -> Path:
    links: list[Link] = []
    scores: list[float] = []
    types: list[tuple[int, int]] = []
    i, j = n, m
    if rows[n][m - lo[n]] <= NEG / 2:
        raise ValueError("no alignment path inside the band")
    while i > 0 or j > 0:
        t = back[i][j - lo[i]]
        if t == len(moving):  # (0, 1): a target unit with no source counterpart
            links.append(((), (j - 1,)))
            scores.append(skip)
            types.append((0, 1))
            j -= 1
            continue
        a, b = moving[t]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        scores.append(float(score(i, a, b, np.array([j]))[0]))
        types.append((a, b))
        i, j = i - a, j - b
    links.reverse()
    scores.reverse()
    types.reverse()
    return Path(links, scores, types)


def posteriors(
    n: int,
    m: int,
    types: list[tuple[int, int]],
    score: ScoreRow,
    skip: float,
    lo: np.ndarray,
    hi: np.ndarray,
    temperature: float,
    links: list[Link],
) -> list[float]:
    """Posterior probability of each given link under all paths in the band (forward-backward
    with path probability proportional to exp(total score / temperature)). A link that many
    competing paths avoid gets a low probability: that is the doubt a reviewer should see."""
    moving = [t for t in types if t[0] > 0]
    step = skip / temperature
    forward: list[np.ndarray] = []
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        acc = np.full(js.size, -np.inf)
        if i == 0:
            acc[js == 0] = 0.0
        for a, b in moving:
            if i - a < 0:
                continue
            prev = _lookup(forward[i - a], lo[i - a], js - b)
            live = np.isfinite(prev)
            if live.any():
                cand = np.full(js.size, -np.inf)
                cand[live] = prev[live] + score(i, a, b, js[live]) / temperature
                acc = np.logaddexp(acc, cand)
        if (0, 1) in types and js.size:
            k = np.arange(js.size) * step
            acc = np.logaddexp.accumulate(acc - k) + k
        forward.append(acc)
    backward: list[np.ndarray | None] = [None] * (n + 1)
    for i in range(n, -1, -1):
        js = np.arange(lo[i], hi[i] + 1)
        acc = np.full(js.size, -np.inf)
        if i == n:
            acc[js == m] = 0.0
        for a, b in moving:
            if i + a > n:
                continue
            nxt = _lookup(backward[i + a], lo[i + a], js + b)
            live = np.isfinite(nxt)
            if live.any():
                cand = np.full(js.size, -np.inf)
                cand[live] = nxt[live] + score(i + a, a, b, js[live] + b) / temperature
                acc = np.logaddexp(acc, cand)
        if (0, 1) in types and js.size:
            k = np.arange(js.size) * step
            acc = (np.logaddexp.accumulate((acc + k)[::-1]) - k[::-1])[::-1]
        backward[i] = acc
    total = forward[n][m - lo[n]]
    out = []
    i = j = 0
    for src, tgt in links:
        a, b = len(src), len(tgt)
        f = forward[i][j - lo[i]]
        end_i, end_j = i + a, j + b
        s = skip if a == 0 or b == 0 else float(score(end_i, a, b, np.array([end_j]))[0])
        back = backward[end_i][end_j - lo[end_i]]
        out.append(float(np.exp(min(0.0, f + s / temperature + back - total))))
        i, j = end_i, end_j
    return out


def _lookup(row: np.ndarray, row_lo: int, js: np.ndarray) -> np.ndarray:
    k = js - row_lo
    ok = (k >= 0) & (k < row.size)
    out = np.full(js.size, -np.inf)
    out[ok] = row[k[ok]]
    return out
