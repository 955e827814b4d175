"""The monotonic alignment DP: best path of links through a band of the (source x target) grid.

A link covers ``a`` consecutive source units and ``b`` consecutive target units ((a, b) in the
allowed link types, including (0, 1) and (1, 0) for units with no counterpart). The caller gives
a scoring function for all links of one type ending in one source row; the DP keeps only the band
``lo[i] <= j <= hi[i]`` of each row, so time and memory grow with length x band width, not with
length squared. The scores of every link type over the whole band are gathered into one
``(n + 1, types, width)`` table first (one vectorised call per type when the scorer offers
``band_table``); then each row is a handful of numpy operations whatever the number of link types:
one gather of the rows the links start from, one add, one max over types. The within-row (0, 1)
moves are a max-plus scan (``j * skip + cummax(x - k * skip)``). 20,000 rows of a 14-type band
take seconds, where a loop over types per row took minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

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
    """Row bounds of a band ``width`` cells around a path given as (i, j) grid points: row r
    reaches from the least j - width to the greatest j + width of the points within ``width``
    rows of it (sliding-window minimum and maximum)."""
    cells = np.asarray(path_cells, dtype=np.int64).reshape(-1, 2)
    first = np.full(n + 1 + 2 * width, m + width, dtype=np.int64)  # padded by width on both ends
    last = np.full(n + 1 + 2 * width, -width, dtype=np.int64)
    inside = (cells[:, 0] >= 0) & (cells[:, 0] <= n)
    np.minimum.at(first, cells[inside, 0] + width, cells[inside, 1])
    np.maximum.at(last, cells[inside, 0] + width, cells[inside, 1])
    lo = np.clip(sliding_window_view(first, 2 * width + 1).min(axis=1) - width, 0, m)
    hi = np.clip(sliding_window_view(last, 2 * width + 1).max(axis=1) + width, 0, m)
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


def band_tables(
    n: int, types: list[tuple[int, int]], score: ScoreRow, skip: float, lo: np.ndarray, hi: np.ndarray
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The moving link types (a > 0) and the score of every link of each that can end in each
    band cell: an ``(n + 1, types, width)`` float32 array, cell ``(i, t, k)`` the type-t link
    ending at ``j = lo[i] + k`` (NEG where none can). A scorer with a ``band_table(a, b, lo, hi,
    width)`` method fills a type in one vectorised call; any other callable is asked row by row."""
    moving = [t for t in types if t[0] > 0]
    width = int((hi - lo).max()) + 1
    vectorised = hasattr(score, "band_table")
    scored = [score.band_table(a, b, lo, hi, width) if b > 0 and vectorised else None for a, b in moving]
    out = np.empty((n + 1, len(moving), width), dtype=np.float32)
    # Filled a block of rows at a time, with masked copies in place: whole-band masks and boolean
    # gathers made temporaries as big as the band (a wide coarse band: 2,500 x 1,345 cells), and
    # fresh memory is costly to touch.
    step = max(1, 2**16 // width)
    for start in range(0, n + 1, step):
        part = slice(start, start + step)
        cols = lo[part, None] + np.arange(width)[None, :]
        inside = cols <= hi[part, None]
        out[part] = NEG
        for t, (a, b) in enumerate(moving):
            ok = inside & (cols >= b)
            ok[: max(a - start, 0)] = False  # rows i < a: no type-(a, b) link ends there
            if b == 0:
                np.copyto(out[part, t], np.float32(skip), where=ok)
            elif vectorised:
                np.copyto(out[part, t], scored[t][part], where=ok)
            else:
                for i in np.flatnonzero(ok.any(axis=1)):
                    out[start + i, t, ok[i]] = score(int(start + i), a, b, cols[i, ok[i]])
    return moving, out


@dataclass
class Band:
    """One alignment problem inside its band: the grid (``n`` x ``m``, rows ``lo``..``hi``), the
    skip score, the link scores (``band_tables``) and the cells each link starts from
    (``_sources``, looking back). The search and the posteriors both read it, so it is made once
    (``prepare``) and the tables are never computed twice."""

    n: int
    m: int
    skip: float
    skips: bool  # (0, 1) allowed: a target unit may go unmatched
    lo: np.ndarray
    hi: np.ndarray
    moving: list[tuple[int, int]]
    table: np.ndarray
    flat: np.ndarray


def prepare(
    n: int, m: int, types: list[tuple[int, int]], score: ScoreRow, skip: float, lo: np.ndarray, hi: np.ndarray
) -> Band:
    moving, table = band_tables(n, types, score, skip, lo, hi)
    flat, _ = _sources(n, moving, lo, table.shape[2], 1)
    return Band(n, m, skip, (0, 1) in types, lo, hi, moving, table, flat)


def _sources(n: int, moving: list[tuple[int, int]], lo: np.ndarray, width: int, direction: int):
    """Where each link type reaches from each band cell, as flat indices into an
    ``(n + 1, width + 1)`` array of DP values (its last column a pad that stays NEG or -inf):
    ``(n + 1, types, width)`` int32, the row ``i - a`` and column ``j - b`` looking back
    (direction 1) or ``i + a``, ``j + b`` looking forward (-1); the pad where that leaves the
    grid or the band. Also the reached rows, ``(n + 1, types)``."""
    a = np.array([t[0] for t in moving])
    b = np.array([t[1] for t in moving])
    rows = np.arange(n + 1)[:, None] - direction * a[None, :]
    outside = (rows < 0) | (rows > n)
    other = np.clip(rows, 0, n)
    # Column k of cell (i, t) reaches column shift + k of row ``other``; the k in first .. last
    # stay in that row's band (none where the row is off the grid). Per (i, t) bounds and int32
    # temporaries: the per-cell masks in int64 were a tenth of a long text's search.
    shift = (lo[:, None] - lo[other] - direction * b[None, :]).astype(np.int32)
    first = np.where(outside, width + 1, np.maximum(-shift, 0)).astype(np.int32)
    last = width - shift
    base = (other * (width + 1)).astype(np.int32)
    flat = np.empty((n + 1, len(moving), width), dtype=np.int32)
    k = np.arange(width, dtype=np.int32)
    pad = np.int32(width)
    step = max(1, 2**16 // (len(moving) * width))  # temporaries that stay in cache
    for start in range(0, n + 1, step):
        part = slice(start, start + step)
        inside = (k >= first[part, :, None]) & (k <= last[part, :, None])
        flat[part] = base[part, :, None] + np.where(inside, shift[part, :, None] + k, pad)
    return flat, other


def align(band: Band) -> Path:
    """Best-scoring monotonic path from (0, 0) to (n, m) inside the band."""
    n, m, skip, lo, hi = band.n, band.m, band.skip, band.lo, band.hi
    moving, table, flat = band.moving, band.table, band.flat
    width = table.shape[2]
    best = np.full((n + 1, width + 1), NEG)  # the last column pads gathers that leave the band
    values = best.reshape(-1)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    skips = band.skips
    offset = np.arange(width) * skip
    ends = hi - lo + 1
    run = np.empty(width)
    # Each row is written in place into ``best`` and ``back`` (no temporaries beyond the gathered
    # candidates: at a few hundred cells a row, numpy's per-call cost is most of the time).
    for i in range(n + 1):
        row = best[i, :width]
        if i == 0:
            row[0] = 0.0  # lo[0] == 0: the path starts at (0, 0)
        else:
            cand = values.take(flat[i])
            cand += table[i]
            back[i] = cand.argmax(axis=0)
            cand.max(axis=0, out=row)
        if skips:
            # Skips along the row: best[j] = max_k<=j (best[k] + (j - k) * skip).
            np.subtract(row, offset, out=run)
            np.maximum.accumulate(run, out=run)
            run += offset
            back[i][run > row + 1e-12] = len(moving)
            row[:] = run
        row[ends[i] :] = NEG
    return _backtrack(n, m, moving, best, back, lo, table, skip)


def _backtrack(n, m, moving, best, back, lo, table, skip) -> Path:
    links: list[Link] = []
    scores: list[float] = []
    types: list[tuple[int, int]] = []
    i, j = n, m
    if best[n, m - lo[n]] <= NEG / 2:
        raise ValueError("no alignment path inside the band")
    while i > 0 or j > 0:
        t = back[i, j - lo[i]]
        if t == len(moving):  # (0, 1): a target unit with no source counterpart
            links.append(((), (j - 1,)))
            scores.append(skip)
            types.append((0, 1))
            j -= 1
            continue
        a, b = moving[t]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        scores.append(float(table[i, t, j - lo[i]]))
        types.append((a, b))
        i, j = i - a, j - b
    links.reverse()
    scores.reverse()
    types.reverse()
    return Path(links, scores, types)


def posteriors(band: Band, temperature: float, links: list[Link]) -> list[float]:
    """Posterior probability of each given link under all paths in the band (forward-backward
    with path probability proportional to exp(total score / temperature)). A link that many
    competing paths avoid gets a low probability: that is the doubt a reviewer should see."""
    n, m, skip, lo, hi = band.n, band.m, band.skip, band.lo, band.hi
    moving, table = band.moving, band.table
    width = table.shape[2]
    logits = np.full((n + 1, len(moving), width + 1), -np.inf, dtype=np.float32)  # padded like the DP rows
    logits[:, :, :width] = np.where(table > NEG / 2, table / temperature, -np.inf)
    del table
    step = np.arange(width) * (skip / temperature)
    skips = band.skips
    ends = hi - lo + 1
    forward = np.full((n + 1, width + 1), -np.inf)
    values = forward.reshape(-1)
    flat = band.flat
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n + 1):
            if i == 0:
                acc = np.full(width, -np.inf)
                acc[0] = 0.0
            else:
                cand = values.take(flat[i])
                cand += logits[i, :, :width]
                acc = _logsumexp(cand)
            if skips:
                acc = np.logaddexp.accumulate(acc - step) + step
            acc[ends[i] :] = -np.inf
            forward[i, :width] = acc
        backward = np.full((n + 1, width + 1), -np.inf)
        values = backward.reshape(-1)
        flat, other = _sources(n, moving, lo, width, -1)
        # The same cells in the padded logits: row other, type t (flat index over types too).
        shift = ((len(moving) - 1) * other + np.arange(len(moving))[None, :]) * (width + 1)
        scores = logits.reshape(-1)
        for i in range(n, -1, -1):
            if i == n:
                acc = np.full(width, -np.inf)
                acc[m - lo[n]] = 0.0
            else:
                reach = values.take(flat[i])
                reach += scores.take(flat[i] + shift[i][:, None])
                acc = _logsumexp(reach)
            acc[ends[i] :] = -np.inf  # before the scan: it carries values leftwards
            if skips:
                acc = (np.logaddexp.accumulate((acc + step)[::-1]) - step[::-1])[::-1]
            backward[i, :width] = acc
    total = forward[n, m - lo[n]]
    out = []
    i = j = 0
    index = {t: x for x, t in enumerate(moving)}
    for src, tgt in links:
        a, b = len(src), len(tgt)
        f = forward[i, j - lo[i]]
        end_i, end_j = i + a, j + b
        s = skip / temperature if a == 0 else float(logits[end_i, index[(a, b)], end_j - lo[end_i]])
        back = backward[end_i, end_j - lo[end_i]]
        out.append(float(np.exp(min(0.0, f + s + back - total))))
        i, j = end_i, end_j
    return out


def _logsumexp(values: np.ndarray) -> np.ndarray:
    """log(sum(exp(values), axis=0)), -inf where every value is."""
    top = values.max(axis=0)
    safe = np.where(np.isfinite(top), top, 0.0)
    return safe + np.log(np.exp(values - safe).sum(axis=0))
