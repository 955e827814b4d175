"""The DP core on hand-made scores: link types, empty links, banding, posteriors."""

from __future__ import annotations

import numpy as np

from pipeline.align import dp

TYPES = [(1, 1), (1, 2), (2, 1), (0, 1), (1, 0)]


def scorer(table: dict[tuple[tuple[int, ...], tuple[int, ...]], float], default: float = -1.0):
    """Scores from a table of links; anything else scores ``default``."""

    def score(i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        if a == 0 or b == 0:
            return np.full(js.size, -0.3)
        out = []
        for j in js:
            link = (tuple(range(i - a, i)), tuple(range(j - b, j)))
            out.append(table.get(link, default))
        return np.array(out, dtype=float)

    return score


def test_finds_many_to_one_and_empty_links() -> None:
    gold = {((0,), (0,)): 1.0, ((1, 2), (1,)): 1.5, ((3,), ()): -0.3, ((4,), (2, 3)): 1.2}
    score = scorer(gold)
    lo, hi = dp.diagonal_band(5, 4, 5)
    path = dp.align(dp.prepare(5, 4, TYPES, score, -0.3, lo, hi))
    assert [tuple(link) for link in path.links] == [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((4,), (2, 3))]
    assert path.types == [(1, 1), (2, 1), (1, 0), (1, 2)]


def test_target_only_units_become_0_1_links() -> None:
    score = scorer({((0,), (0,)): 1.0, ((1,), (2,)): 1.0})
    lo, hi = dp.diagonal_band(2, 3, 3)
    path = dp.align(dp.prepare(2, 3, TYPES, score, -0.3, lo, hi))
    assert path.links == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def test_band_limits_work_to_near_the_path() -> None:
    n = m = 400
    score = scorer({((i,), (i,)): 1.0 for i in range(n)})
    cells = [(i, i) for i in range(n + 1)]
    lo, hi = dp.band_around(cells, n, m, 3)
    assert int((hi - lo + 1).max()) <= 2 * 3 + 1 + 6
    path = dp.align(dp.prepare(n, m, TYPES, score, -0.3, lo, hi))
    assert path.links == [((i,), (i,)) for i in range(n)]


def test_posteriors_are_high_when_clear_and_split_when_ambiguous() -> None:
    clear = scorer({((0,), (0,)): 1.0, ((1,), (1,)): 1.0})
    lo, hi = dp.diagonal_band(2, 2, 2)
    links = [((0,), (0,)), ((1,), (1,))]
    probs = dp.posteriors(dp.prepare(2, 2, TYPES, clear, -0.3, lo, hi), 0.05, links)
    assert all(p > 0.99 for p in probs)
    # Two equally good readings: 1-1 + 1-1, or 2-1 + 0-1 ... make 1-1 and 2-2 equally good.
    ambiguous = scorer({((0,), (0,)): 0.5, ((1,), (1,)): 0.5, ((0, 1), (0, 1)): 1.0}, default=-5)
    probs = dp.posteriors(dp.prepare(2, 2, [(1, 1), (2, 2), (0, 1), (1, 0)], ambiguous, -0.3, lo, hi), 0.05, links)
    assert 0.3 < probs[0] < 0.7
