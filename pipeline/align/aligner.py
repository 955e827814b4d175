"""Align two sequences of units (paragraphs or sentences): the scorer and the two-pass search.

Link score = margin-normalised embedding similarity of the two blocks + anchor agreement +
length-ratio prior - a small price for bigger link types; a unit left without counterpart scores
``skip``. Pass 1 finds a coarse 1-1/skip path in a wide diagonal band; pass 2 searches all link
types in a narrow band around it (Bertalign's two-step idea), so cost stays linear in length.
Confidence is the link's posterior probability under all paths (forward-backward), so a link that
good alternatives compete with is marked doubtful (``scripts/bench_align.py`` reports how it
relates to correctness).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.align import dp
from pipeline.align.overlap import Blocks, build_blocks, finish_anchors, set_background
from pipeline.core.embed import Embedder
from pipeline.core.params import AlignParams


@dataclass
class Link:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float
    confidence: float
    fixed: bool = False
    """Decided by a person (a correction), not by the aligner."""

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


class Scorer:
    def __init__(self, src: Blocks, tgt: Blocks, params: AlignParams) -> None:
        self.src, self.tgt, self.params = src, tgt, params
        total_src = max(src.lengths[1].sum(), 1.0)
        self.ratio = max(tgt.lengths[1].sum(), 1.0) / total_src

    def evidence(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        """Similarity and anchors only: what the confidence is computed from."""
        sim = self.tgt.vectors[b][js] @ self.src.vectors[a][i]
        margin = sim - 0.5 * (self.src.background[a][i] + self.tgt.background[b][js])
        anchor_term = np.zeros(js.size)
        n_src = self.src.anchor_counts[a][i]
        if n_src:
            n_tgt = self.tgt.anchor_counts[b][js]
            shared = (self.tgt.anchors[b][js] @ self.src.anchors[a][i].T).toarray().ravel()
            both = n_tgt > 0  # no anchors on one side is no evidence either way
            anchor_term[both] = 2 * shared[both] / (n_src + n_tgt[both]) - 0.5
        return margin + self.params.anchor_weight * anchor_term

    def use_band(self, lo: np.ndarray, hi: np.ndarray) -> None:
        """Score whole band rows once and serve the search and both posterior passes from them."""
        self.lo, self.hi, self.rows = lo, hi, {}

    def __call__(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        if a == 0 or b == 0:
            return np.full(js.size, self.params.skip)
        band = getattr(self, "rows", None)
        if band is None or js.size == 0 or js[0] < self.lo[i] or js[-1] > self.hi[i]:
            return self.compute(i, a, b, js)
        key = (i, a, b)
        if key not in band:
            band[key] = self.compute(i, a, b, np.arange(max(b, self.lo[i]), self.hi[i] + 1))
        start = max(b, self.lo[i])
        out = np.full(js.size, -1e9)
        ok = js >= start
        out[ok] = band[key][js[ok] - start]
        return out

    def compute(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        ls = self.src.lengths[a][i]
        lt = self.tgt.lengths[b][js]
        length = -np.abs(np.log((lt + 20.0) / ((ls + 20.0) * self.ratio)))
        size = self.params.size_penalty * ((a - 1) + (b - 1))
        dangling = self.params.dangling_penalty * ((a > 1 and self.src.dangling[i]) + (b > 1) * self.tgt.dangling[js])
        return self.evidence(i, a, b, js) + self.params.length_weight * length - size - dangling


def align_units(
    src: list[str],
    tgt: list[str],
    embedder: Embedder,
    params: AlignParams | None = None,
    src_labels: list[str] | None = None,
    tgt_labels: list[str] | None = None,
    joiners: tuple[str, str] = (" ", " "),
) -> list[Link]:
    """Align two unit sequences; every unit of either side appears in exactly one link."""
    params = params or AlignParams()
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Link((i,), (), params.skip, 1.0) for i in range(n)] + [
            Link((), (j,), params.skip, 1.0) for j in range(m)
        ]
    use_labels = bool(src_labels and tgt_labels and any(src_labels) and any(tgt_labels))
    max_size = max(max(a, b) for a, b in params.types)
    vocabulary: dict[str, int] = {}
    src_blocks = build_blocks(
        src, (src_labels if use_labels else None) or [""] * n, max_size, embedder, joiners[0], vocabulary
    )
    tgt_blocks = build_blocks(
        tgt, (tgt_labels if use_labels else None) or [""] * m, max_size, embedder, joiners[1], vocabulary
    )
    for blocks in (src_blocks, tgt_blocks):
        finish_anchors(blocks, len(vocabulary))
    set_background(src_blocks, tgt_blocks)
    scorer = Scorer(src_blocks, tgt_blocks, params)

    coarse_types = [t for t in params.types if t in ((1, 1), (0, 1), (1, 0))]
    width = params.coarse_band + abs(n - m)
    lo, hi = dp.diagonal_band(n, m, width)
    coarse = dp.align(n, m, coarse_types, scorer, params.skip, lo, hi)
    cells = _cells(coarse.links)
    lo, hi = dp.band_around(cells, n, m, params.band)
    scorer.use_band(lo, hi)
    best = dp.align(n, m, params.types, scorer, params.skip, lo, hi)
    probs = dp.posteriors(n, m, params.types, scorer, params.skip, lo, hi, params.temperature, best.links)
    return [Link(s, t, value, p) for (s, t), value, p in zip(best.links, best.scores, probs)]


def _cells(links: list[dp.Link]) -> list[tuple[int, int]]:
    i = j = 0
    cells = [(0, 0)]
    for s, t in links:
        i += len(s)
        j += len(t)
        cells.append((i, j))
    return cells


def align_with_fixed(
    src: list[str],
    tgt: list[str],
    embedder: Embedder,
    params: AlignParams,
    fixed: list[tuple[tuple[int, ...], tuple[int, ...]]],
    src_labels: list[str] | None = None,
    tgt_labels: list[str] | None = None,
    joiners: tuple[str, str] = (" ", " "),
) -> tuple[list[Link], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Align around links fixed by people: each fixed link is kept as it is, units fixed as
    having no counterpart are set aside, and the stretches between fixed links are aligned on
    their own. Returns the links and the fixed links that could not be kept (they cross another)."""
    src_labels = src_labels or [""] * len(src)
    tgt_labels = tgt_labels or [""] * len(tgt)
    anchors, rejected = _monotone([f for f in fixed if f[0] and f[1]])
    alone_src = {i for s_ids, t_ids in fixed if not t_ids for i in s_ids} - {i for a in anchors for i in a[0]}
    alone_tgt = {j for s_ids, t_ids in fixed if not s_ids for j in t_ids} - {j for a in anchors for j in a[1]}
    links: list[Link] = []
    i0 = j0 = 0
    for s_ids, t_ids in [*anchors, ((len(src),), (len(tgt),))]:
        si = [i for i in range(i0, s_ids[0]) if i not in alone_src]
        tj = [j for j in range(j0, t_ids[0]) if j not in alone_tgt]
        for link in align_units(
            [src[i] for i in si],
            [tgt[j] for j in tj],
            embedder,
            params,
            [src_labels[i] for i in si],
            [tgt_labels[j] for j in tj],
            joiners,
        ):
            link.src = tuple(si[k] for k in link.src)
            link.tgt = tuple(tj[k] for k in link.tgt)
            links.append(link)
        if s_ids[0] < len(src) or t_ids[0] < len(tgt):
            links.append(Link(tuple(s_ids), tuple(t_ids), 0.0, 1.0, fixed=True))
        i0, j0 = s_ids[-1] + 1, t_ids[-1] + 1
    links += [Link((i,), (), params.skip, 1.0, fixed=True) for i in sorted(alone_src)]
    links += [Link((), (j,), params.skip, 1.0, fixed=True) for j in sorted(alone_tgt)]
    return _in_order(links), rejected


def _monotone(links):
    """Keep fixed links that can all lie on one monotonic path (the later decision loses)."""
    kept, rejected = [], []
    for link in sorted(links, key=lambda f: (f[0][0], f[1][0])):
        if kept and (link[0][0] <= kept[-1][0][-1] or link[1][0] <= kept[-1][1][-1]):
            rejected.append(link)
        else:
            kept.append(link)
    return kept, rejected


def _in_order(links: list[Link]) -> list[Link]:
    """Order links along the path: by source position; target-only links after the link that
    holds the target unit before them."""
    with_src = sorted((link for link in links if link.src), key=lambda link: link.src[0])
    out: list[Link] = []
    pending = sorted((link for link in links if not link.src), key=lambda link: link.tgt[0])
    for link in with_src:
        while pending and link.tgt and pending[0].tgt[0] < link.tgt[0]:
            out.append(pending.pop(0))
        out.append(link)
    return out + pending
