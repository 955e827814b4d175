"""Align two sequences of units (paragraphs or sentences): the scorer and the two-pass search.

Link score = (calibrated similarity of the two blocks + anchor agreement + length-ratio prior),
counted once per unit the link covers, - a price per unit beyond one a side; a unit left without
counterpart scores ``skip``. Counting evidence per unit makes one 2-2 link and two 1-1 links
comparable (a sum of per-link scores favours many small links), and the size price keeps big blocks
from being free. The similarity is calibrated per document pair: the margin over each block's mean
similarity to the other side, divided by the margin a typical best match reaches. So 0 means "like
unrelated text" and 1 "like a typical translation" for any embedder: e5's squeezed cosines (true
pairs .85, random .79) and USE's wide ones (.51 vs .09) land on one scale, and one parameter set
serves both. A link should be a local maximum of block similarity: its evidence is docked by what
it would gain by dropping one of its edge units (an unrelated unit glued to a good pair) or by
taking in a neighbouring unit (each half of a true 2-2, where the sides break sentences at
different points, matches fairly well on its own but grows when the next unit joins it). That
gain is the best of several differences of noisy similarities, so chance inflates it more with a
noisier embedder: it is priced in units of the pair's chance spread of similarity (the spread of
unrelated pairs' calibrated margins, ``calibrate``; e5's is 1.3-1.6 times USE's), as a fixed
price suited one embedder only (UN dev sets: best at 2.0 for USE, 1.5 for e5). A short
unit (a heading, a date) barely moves a composed block vector either way, so a merged link is also
priced by its weakest edge unit's own margin against the other side's block: a piece that belongs
keeps one, a unit dropped on the other side and glued on has none. With edge vectors (USE's end
tokens; for a model that cannot compose, the text of those tokens embedded alone) the piece is also
matched against the few tokens at the same end of the other side's block (where a true piece's
translation is), and the test takes the mean of the two margins. With them, a merged link whose
every edge piece keeps a margin of at least ``deficit_excuse`` that way is not docked by the
deficit: a sentence one side cuts at a clause, or a verse one side sets as two sentences, makes
the composed block match a little worse than its longer piece alone (Bible 003: the left-out
piece's block matched .04 worse, median), which the deficit counted as a glued unit and left the
piece without counterpart, though the piece's own margin said it belongs. A link whose evidence falls
below what any translation reaches (``junk_floor``) pays for the shortfall: a pair of unrelated
units would otherwise score about 0, far above the two skips it replaces. (Docking a 1-1 link by
what joining it with its diagonal neighbour pair gains on both sides found more crossing 2-2 links,
``unpcx`` +.001-.010, but cost .010 on each Bible chapter, where two short related verses joined
match better than either alone; it was reverted.) Tried for the short units and not kept, strict
F1 with USE on the UN dev sets, before the end tokens: asking a merged block to beat its best
sub-block by 0.02 instead of 0 in ``edge_deficit`` (glued short units sit at -.09 to +.06, true
short merges mostly above .02): unpcu ru .979 -> .988, but unpc fr/es/zh/ar -.0012, unpcs ar
-.0025, unpcx fr -.003, since ``unpc``'s merges of a heading with an unrelated line are the same
case; a length prior fitted per document (median and MAD of the log length ratio over the coarse
pass's confident 1-1 links): unpcu +.001-.002, unpc/unpcs -.0005-.0015. For gold 2-2 links: a 2-2
pays a size price of 1.2 while its rival, two 1-1 links, pays no skip, so its evidence must beat
the mean of its halves by 0.6 a unit; a rebate of 0.3 on 2-2 links gave unpcx (300 lines) +.008
but unpcu es/ru/zh -.003-.008 and unpc zh -.005; a rebate of the size price for crossing content
(both diagonal and cross unit pairs match) gained unpcx es/zh +.007/+.005 on first halves but lost
unpc/unpcs/unpcu fr -.002 and Bible 001/003 -.01 on whole sets. An end window scaled to the piece
(4, 8 or 16 tokens, the largest not above its expected length) fixed unpc:es:100 (.987 -> 1.0) and
gained unpcx ru/zh +.0013, but lost one zh link in unpcs/unpcu (-.0013) and made the warm align
stage of the bundled document about 30% slower (three times the edge vectors; parts 10 -> 18 KB a
unit), so it was left out. Pass 1 finds a coarse
1-1/skip path in a wide diagonal band; pass 2 searches all link types in a narrow band around it
(Bertalign's two-step idea), so cost stays linear in length.
Confidence is the link's posterior probability under all paths (forward-backward), so a link that
good alternatives compete with is marked doubtful (``scripts/bench_align.py`` reports how it
relates to correctness).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from pipeline.align import dp
from pipeline.align.coarse import coarse_band
from pipeline.align.overlap import BandMemo, Blocks, build_blocks, finish_anchors, pair_dots, set_background
from pipeline.core.embed import PROGRESS_CHUNK, Embedder
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


TIMES = {"blocks_s": 0.0, "search_s": 0.0}
"""Seconds spent, summed over calls, building blocks (embedding, anchors) and in the search (the
scored band and the DP passes): benchmarks report the DP's share of the time from it."""

NOISE_FLOOR = 0.05
"""Least chance spread of calibrated similarity ``calibrate`` reports (UN dev set: USE .12-.14,
e5 .16-.19; Bible 001: .20 and .25), so that a tiny text does not make its edge gains weigh
without bound."""

MIN_SCALE = 1e-3
"""Least typical best margin ``calibrate`` reports. A pair at it has no contrast: every unit is as
like every other-side unit as its best match (a text of one repeated line), so calibrated evidence
is 0 everywhere and cannot tell translations from unrelated pairs."""

CHUNK = 20000
"""Band cells scored per vectorised step: bounds the memory of the gathered block vectors."""


class Scorer:
    def __init__(self, src: Blocks, tgt: Blocks, params: AlignParams) -> None:
        self.src, self.tgt, self.params = src, tgt, params
        total_src = max(src.lengths[1].sum(), 1.0)
        self.ratio = max(tgt.lengths[1].sum(), 1.0) / total_src
        self.scale, noise = calibrate(src, tgt)
        self.edge_price = params.edge_weight / noise  # per unit of evidence gained at an edge
        # Without contrast no link reaches the junk floor: docking them all made every unit a skip;
        # position and length then decide, as they would for a person.
        self.junk_weight = params.junk_weight if self.scale > MIN_SCALE else 0.0
        self.band: tuple[np.ndarray, np.ndarray] | None = None
        self.tables: dict[tuple[int, int], np.ndarray] = {}
        self.memo: BandMemo | None = None
        ends = src.ends is not None and tgt.ends is not None
        self.piece_weight = params.end_piece_weight if ends else params.piece_weight
        self.excuse = params.deficit_excuse if ends else None  # chosen on the end-token witness only
        self.max_size = max(src.vectors)
        self.baselines: dict[tuple[bool, int], np.ndarray] = {}
        """(on_src, end) -> each unit's mean similarity to the other side's end vectors: a product
        with a mean over the whole text, the same for every band and link type, so made once."""

    def evidence(self, a: int, b: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        """Calibrated similarity and anchor agreement of the blocks (a, rows[k]) and (b, js[k]),
        each computed once per band (``BandMemo``)."""
        if self.memo is None:
            return self._evidence(a, b, rows, js)
        return self.memo.get((a, b), rows, js, lambda r, j: self._evidence(a, b, r, j))

    def _evidence(self, a: int, b: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        one_row = rows[0] == rows[-1]
        margin = self.piece(a, b, 0, 0, rows, js)
        anchor_term = np.zeros(js.size)
        n_src = self.src.anchor_counts[a][rows]
        n_tgt = self.tgt.anchor_counts[b][js]
        both = (n_src > 0) & (n_tgt > 0)  # no anchors on one side is no evidence either way
        if both.any():
            pick = np.flatnonzero(both)
            if one_row:  # read the CSR arrays directly: scipy's row indexing costs more than the row
                shared = shared_anchors(self.src.anchors[a], int(rows[0]), self.tgt.anchors[b], js[pick])
            else:
                product = self.src.anchors[a][rows[pick]].multiply(self.tgt.anchors[b][js[pick]])
                shared = np.asarray(product.sum(axis=1)).ravel()
            anchor_term[pick] = 2 * shared / (n_src[pick] + n_tgt[pick]) - 0.5
        return margin + self.params.anchor_weight * anchor_term

    def band_table(self, a: int, b: int, lo: np.ndarray, hi: np.ndarray, width: int) -> np.ndarray:
        """Scores of the type-(a, b) links ending in every cell of the band, ``(n + 1, width)``
        with cell (i, k) at j = lo[i] + k (the DP's layout; cells where no such link can end
        hold garbage the DP masks), computed vectorised over the cells in chunks. The tables of
        the last band are kept: the search and the posterior passes share them."""
        if self.band is None or self.band[0] is not lo or self.band[1] is not hi:
            self.band, self.tables, self.memo = (lo, hi), {}, BandMemo(lo, hi)
        if (a, b) not in self.tables:
            self.tables[(a, b)] = self._band_table(a, b, lo, hi, width)
        return self.tables[(a, b)]

    def _band_table(self, a: int, b: int, lo: np.ndarray, hi: np.ndarray, width: int) -> np.ndarray:
        n = len(lo) - 1
        starts = np.maximum(lo, b)
        widths = np.where(np.arange(n + 1) >= a, np.clip(hi - starts + 1, 0, None), 0)
        offsets = np.concatenate(([0], np.cumsum(widths)))
        rows = np.repeat(np.arange(n + 1), widths)
        js = np.arange(offsets[-1]) - np.repeat(offsets[:-1], widths) + np.repeat(starts, widths)
        out = np.zeros((n + 1, width), dtype=np.float32)
        for k in range(0, rows.size, CHUNK):
            r, j = rows[k : k + CHUNK], js[k : k + CHUNK]
            out[r, j - lo[r]] = self.compute(a, b, r, j)
        return out

    def __call__(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        if a == 0 or b == 0:
            return np.full(js.size, self.params.skip)
        return self.compute(a, b, np.full(js.size, i), js)

    def compute(self, a: int, b: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        ls = self.src.lengths[a][rows]
        lt = self.tgt.lengths[b][js]
        length = -np.abs(np.log((lt + 20.0 * self.ratio) / ((ls + 20.0) * self.ratio)))
        size = self.params.size_penalty * ((a - 1) + (b - 1))
        dangling = self.params.dangling_penalty * ((a > 1) * self.src.dangling[rows] + (b > 1) * self.tgt.dangling[js])
        evidence = self.evidence(a, b, rows, js)
        junk = self.junk_weight * np.maximum(self.params.junk_floor - evidence, 0.0)
        piece = 0.0
        weakest = None
        if self.piece_weight and (a > 1 or b > 1):
            weakest = self.weakest_piece(a, b, rows, js)
            piece = self.piece_weight * np.maximum(self.params.piece_floor - weakest, 0.0)
        if self.params.edge_weight:
            gap = self.edge_surplus(a, b, rows, js, evidence)
            if a > 1 or b > 1:
                deficit = self.edge_deficit(a, b, rows, js, evidence)
                if weakest is not None and self.excuse is not None:  # every edge piece keeps its margin
                    deficit = np.where(weakest >= self.excuse, 0.0, deficit)
                gap = np.maximum(gap, deficit)
            evidence = evidence - self.edge_price * gap
        per_unit = evidence - junk + self.params.length_weight * length
        return 0.5 * (a + b) * per_unit - size - dangling - piece

    def weakest_piece(self, a: int, b: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        """The lowest calibrated margin of an edge unit of a merged side, alone, against the
        other side's whole block.

        A short unit (a heading, a date) barely moves a composed block vector, so the
        block's evidence is the same whether the unit belongs to the link or was dropped on the
        other side; its own vector is all of it, and matched alone against the other block it
        keeps a clear margin when its content is there (UN dev set: median .32 for true short
        pieces, -.03 for dropped ones glued to a neighbour's link)."""
        found = []
        if a > 1:  # the last and the first source unit against the target block
            found += [self.piece(1, b, 0, 0, rows, js), self.piece(1, b, a - 1, 0, rows, js)]
        if b > 1:
            found += [self.piece(a, 1, 0, 0, rows, js), self.piece(a, 1, 0, b - 1, rows, js)]
        if self.src.ends is not None and self.tgt.ends is not None:
            first_rows, first_js = rows - (a - 1), js - (b - 1)  # the blocks' first units
            ends = []
            if a > 1:  # the last source unit against the tail of the last target unit, the first the head
                ends += [self.end_margin(True, 1, rows, js), self.end_margin(True, 0, first_rows, first_js)]
            if b > 1:
                ends += [self.end_margin(False, 1, rows, js), self.end_margin(False, 0, first_rows, first_js)]
            found = [0.5 * (whole + end) for whole, end in zip(found, ends)]
        return np.min(found, axis=0)

    def end_margin(self, on_src: bool, end: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        """Calibrated margin of the unit ending at ``rows`` (source, ``on_src``) or ``js`` (target)
        against the first (``end`` 0) or last (1) few tokens of the other side's unit there.

        A true short piece merged on one side is at the same end of the other side's text, where
        it is most of those tokens; a unit dropped on the other side and glued on matches nothing
        there. The end tokens are a noisy witness and the whole block a diluted one, so the piece
        test takes their mean (UN dev set, short merges against glued drops: AUC .95, .88 with
        the block alone, .93 with the end alone)."""
        baseline = self.end_baseline(on_src, end)

        def margin(r: np.ndarray, j: np.ndarray) -> np.ndarray:
            if on_src:
                sim = pair_dots(self.src.vectors[1], self.tgt.ends[end], r, j)
                return (sim - baseline[r]) / self.scale
            sim = pair_dots(self.src.ends[end], self.tgt.vectors[1], r, j)
            return (sim - baseline[j]) / self.scale

        rows, js = np.maximum(rows, 0), np.maximum(js, 0)
        if self.memo is None:
            return margin(rows, js)
        return self.memo.get(("end", on_src, end), rows, js, margin)

    def end_baseline(self, on_src: bool, end: int) -> np.ndarray:
        """Margin baseline of ``end_margin``: the side's unit vectors against the mean of the other
        side's end vectors (recomputed per call, it was a tenth of a long text's search)."""
        if (on_src, end) not in self.baselines:
            side, other = (self.src, self.tgt) if on_src else (self.tgt, self.src)
            self.baselines[(on_src, end)] = side.vectors[1] @ other.ends[end][1:].mean(axis=0)
        return self.baselines[(on_src, end)]

    def piece(self, a: int, b: int, di: int, dj: int, rows: np.ndarray, js: np.ndarray) -> np.ndarray:
        """Calibrated margin (no anchors) of blocks (a, rows - di) and (b, js - dj): one table per
        block-type pair over the band, read at shifted cells (the first unit of a 3-1 link is the
        last unit of the block ending two rows earlier). ``_evidence`` reads the same table, so a
        block pair's products are made once per band for both."""

        def margin(r: np.ndarray, j: np.ndarray) -> np.ndarray:
            sim = pair_dots(self.src.vectors[a], self.tgt.vectors[b], r, j)
            background = 0.5 * (self.src.background[a][r] + self.tgt.background[b][j])
            return (sim - background) / self.scale

        rows, js = np.maximum(rows - di, 0), np.maximum(js - dj, 0)
        if self.memo is None:
            return margin(rows, js)
        return self.memo.get(("piece", a, b), rows, js, margin)

    def edge_deficit(self, a: int, b: int, rows: np.ndarray, js: np.ndarray, evidence: np.ndarray) -> np.ndarray:
        """How much better the block matches with one of its edge units left out (0 if it never does).

        A short unrelated unit (a dropped sentence, a heading) glued to a good pair barely moves
        the block's embedding, so per-unit counting would credit it with the pair's evidence;
        a unit that truly belongs to the link makes the block match better, not worse."""
        subs = []
        if a > 1:  # without the first or the last source unit
            subs += [self.evidence(a - 1, b, rows, js), self.evidence(a - 1, b, rows - 1, js)]
        if b > 1:
            subs += [self.evidence(a, b - 1, rows, js), self.evidence(a, b - 1, rows, js - 1)]
        return np.maximum(np.max(subs, axis=0) - evidence, 0.0)

    def edge_surplus(self, a: int, b: int, rows: np.ndarray, js: np.ndarray, evidence: np.ndarray) -> np.ndarray:
        """How much better the block matches with a neighbouring unit added (0 if it never does).

        The mirror of ``edge_deficit``: where two sides break sentences at different points (a
        true 2-2), each half-link matches fairly well on its own, but it grows when the next unit
        joins it; a complete link does not."""
        best = np.zeros(js.size)
        n, m = len(self.src.lengths[1]) - 1, len(self.tgt.lengths[1]) - 1
        grown = []  # (cells where the larger block exists, its type, its end rows, its end js)
        if a + 1 <= self.max_size:
            grown += [(rows + 1 <= n, a + 1, b, 1, 0), (rows >= a + 1, a + 1, b, 0, 0)]  # next / previous unit
        if b + 1 <= self.max_size:
            grown += [(js + 1 <= m, a, b + 1, 0, 1), (js >= b + 1, a, b + 1, 0, 0)]
        for ok, a2, b2, di, dj in grown:
            if ok.any():
                gain = self.evidence(a2, b2, rows[ok] + di, js[ok] + dj) - evidence[ok]
                best[ok] = np.maximum(best[ok], gain)
        return best


def shared_anchors(src: sparse.csr_matrix, i: int, tgt: sparse.csr_matrix, js: np.ndarray) -> np.ndarray:
    """Anchors that source row ``i`` shares with each target row in ``js``, read straight from
    the CSR arrays over the rows' span (scipy's row indexing costs more than a whole DP row)."""
    mark = np.zeros(src.shape[1])
    mark[src.indices[src.indptr[i] : src.indptr[i + 1]]] = 1.0
    r0, r1 = int(js.min()), int(js.max())
    start = tgt.indptr[r0]
    hits = np.concatenate(([0.0], np.cumsum(mark[tgt.indices[start : tgt.indptr[r1 + 1]]])))
    bounds = tgt.indptr[r0 : r1 + 2] - start
    return (hits[bounds[1:]] - hits[bounds[:-1]])[js - r0]


def calibrate(src: Blocks, tgt: Blocks, rows: int = 300) -> tuple[float, float]:
    """The margin a typical best match reaches in this document pair (the median, over up to
    ``rows`` source units spread through the text, of the best margin against any target unit),
    and the spread of the other margins (unrelated pairs) on that scale: how far similarity
    moves by chance. The spread is floored at ``NOISE_FLOOR`` (a few repetitive units say
    little about it)."""
    s_vecs, t_vecs = src.vectors[1][1:], tgt.vectors[1][1:]
    if len(s_vecs) == 0 or len(t_vecs) == 0:
        return 1.0, NOISE_FLOOR
    picks = np.unique(np.linspace(0, len(s_vecs) - 1, min(rows, len(s_vecs))).astype(int))
    margins = s_vecs[picks] @ t_vecs.T
    margins -= 0.5 * (src.background[1][1:][picks, None] + tgt.background[1][1:][None, :])
    best = margins[np.arange(len(picks)), margins.argmax(axis=1)].astype(np.float64)
    scale = max(float(np.median(best)), MIN_SCALE)
    others = margins.size - len(best)
    if others < 2:
        return scale, NOISE_FLOOR
    # Moments of the margins without each row's best, from sums: a copy without them, or the
    # squares, would add 100 MB at the aligner's peak on a 40,000-line side.
    mean = (margins.sum(dtype=np.float64) - best.sum()) / others
    square = (np.einsum("ij,ij->", margins, margins, dtype=np.float64) - best @ best) / others
    return scale, max(float(np.sqrt(max(square - mean * mean, 0.0))) / scale, NOISE_FLOOR)


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
    # One BLAS thread: scoring is many small matrix products, which a second thread does not
    # speed up and which, on a busy machine, spin-waiting threads made 80x slower (measured).
    with threadpool_limits(limits=1, user_api="blas"):
        return _align(src, tgt, embedder, params, src_labels, tgt_labels, joiners)


def _align(src, tgt, embedder, params, src_labels, tgt_labels, joiners) -> list[Link]:
    started = time.perf_counter()
    n, m = len(src), len(tgt)
    use_labels = bool(src_labels and tgt_labels and any(src_labels) and any(tgt_labels))
    max_size = params.max_link - 1
    vocabulary: dict[str, int] = {}
    encoded = encode_sides(embedder, (src, tgt), max_size)
    src_blocks = build_blocks(
        src, (src_labels if use_labels else None) or [""] * n, max_size, embedder, joiners[0], vocabulary, encoded[0]
    )
    tgt_blocks = build_blocks(
        tgt, (tgt_labels if use_labels else None) or [""] * m, max_size, embedder, joiners[1], vocabulary, encoded[1]
    )
    for blocks in (src_blocks, tgt_blocks):
        finish_anchors(blocks, len(vocabulary))
    set_background(src_blocks, tgt_blocks)
    scorer = Scorer(src_blocks, tgt_blocks, params)
    searched = time.perf_counter()

    coarse_types = [t for t in params.types if t in ((1, 1), (0, 1), (1, 0))]
    show = None if n + m >= 4 * PROGRESS_CHUNK else True  # big inputs, on a terminal (as embedding)
    with tqdm(total=3, desc="aligning", unit="pass", leave=False, disable=show) as bar:
        lo, hi = coarse_band(src_blocks.vectors[1][1:], tgt_blocks.vectors[1][1:], params.coarse_band, params.skip)
        coarse = dp.align(dp.prepare(n, m, coarse_types, scorer, params.skip, lo, hi))
        bar.update()
        lo, hi = dp.band_around(_cells(coarse.links), n, m, params.band)
        band = dp.prepare(n, m, params.types, scorer, params.skip, lo, hi)  # shared by both passes
        best = dp.align(band)
        bar.update()
        probs = dp.posteriors(band, params.temperature, best.links)
        del band
        bar.update()
    TIMES["blocks_s"] += searched - started
    TIMES["search_s"] += time.perf_counter() - searched
    return [Link(s, t, value, p) for (s, t), value, p in zip(best.links, best.scores, probs)]


def encode_sides(embedder: Embedder, sides: tuple[list[str], list[str]], max_size: int) -> list:
    """Both sides' units through ``encode_units``, at once in two threads: embedding is most of a
    long text's time, USE runs on one core and its numpy work releases the GIL (3,000 Bible lines
    a side: 9.5 s one after the other, 5.6 s at once on two cores). One after the other when the
    model is told to keep to one thread (corpus workers share the cores). None for a side when the
    embedder cannot compose blocks (``build_blocks`` embeds the joined texts then)."""
    if not getattr(embedder, "composes", False):
        return [None, None]
    if embedder.spec.threads == 1 or (os.cpu_count() or 1) < 2:
        return [embedder.encode_units(units, max_size) for units in sides]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda units: embedder.encode_units(units, max_size), sides))


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
