"""Run Bertalign's and Vecalign's alignment algorithms on vectors computed by hexalign's embedder.

Runs in a separate benchmark venv, never in the project's: the peers are GPL/third-party code and
must not become runtime dependencies. How that venv is made (Python 3.11 machines)::

    python3 -m venv /work/bench-venv
    pip download --no-deps --python-version 3.12 --only-binary=:all: bertalign   # 2.0.1, pure Python
    /work/bench-venv/bin/pip install --no-deps --ignore-requires-python bertalign-2.0.1-py3-none-any.whl
    /work/bench-venv/bin/pip install numba scipy numpy sentalign    # numba np.dot needs scipy

bertalign 2.0.1 imports torch only for its top-k search (a matrix product and a top-k); the
offline machines have no CPU torch wheel on PyPI, so this script puts a stub ``torch`` module in
place and runs the same exact top-k in numpy. Everything else (both numba DP passes, the margin
score, the length penalty, the search paths) is Bertalign's own code with its defaults
(max_align=5, top_k=3, win=5, skip=-0.1). Vecalign is ``sentalign.dp_utils.vecalign`` with the
settings of ``vecalign.py -a 4`` (alignment_max_size 4, del_percentile_frac 0.2).

Usage: peer_aligners.py SYSTEM VECTORS.npz OUT.json  (SYSTEM = bertalign | vecalign)
The npz holds src_vecs/tgt_vecs (overlaps, n, d) and src_lens/tgt_lens (overlaps, n) in UTF-8
bytes. OUT.json gets the links and the time split (start-up = imports + JIT warm-up, dp).
"""

from __future__ import annotations

import json
import sys
import time
import types
from functools import cache
from math import ceil

import numpy as np

START = time.perf_counter()


def _numpy_top_k(src_vecs: np.ndarray, tgt_vecs: np.ndarray, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Bertalign's find_top_k_sents without torch: exact inner-product top-k, best first."""
    sims = src_vecs @ tgt_vecs.T
    k = min(k, tgt_vecs.shape[0])
    idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    part = np.take_along_axis(sims, idx, axis=1)
    order = np.argsort(-part, axis=1)
    return np.take_along_axis(part, order, axis=1).astype(np.float32), np.take_along_axis(idx, order, axis=1)


@cache
def _bertalign_corelib() -> types.ModuleType:
    """bertalign/corelib.py alone: the package's __init__ pulls in its 3.12-only aligner module and
    sentence-transformers, neither needed for the DP."""
    import importlib
    import importlib.util

    sys.modules.setdefault("torch", types.ModuleType("torch"))  # only find_top_k_sents used it
    package = types.ModuleType("bertalign")  # the package without running its __init__
    package.__path__ = list(importlib.util.find_spec("bertalign").submodule_search_locations)
    sys.modules["bertalign"] = package
    return importlib.import_module("bertalign.corelib")


def bertalign(data: dict) -> list:
    corelib = _bertalign_corelib()

    src_vecs, tgt_vecs = data["src_vecs"], data["tgt_vecs"]
    src_lens, tgt_lens = data["src_lens"].astype(np.int64), data["tgt_lens"].astype(np.int64)
    n, m = src_vecs.shape[1], tgt_vecs.shape[1]
    max_align, top_k, win, skip = 5, 3, 5, -0.1
    char_ratio = float(np.sum(src_lens[0]) / np.sum(tgt_lens[0]))
    scores, indices = _numpy_top_k(src_vecs[0], tgt_vecs[0], k=top_k)
    first_types = corelib.get_alignment_types(2)
    first_w, first_path = corelib.find_first_search_path(n, m)
    pointers = corelib.first_pass_align(n, m, first_w, first_path, first_types, scores, indices)
    first = corelib.first_back_track(n, m, pointers, first_path, first_types)
    second_types = corelib.get_alignment_types(max_align)
    second_w, second_path = corelib.find_second_search_path(first, win, n, m)
    pointers = corelib.second_pass_align(
        src_vecs,
        tgt_vecs,
        src_lens,
        tgt_lens,
        second_w,
        second_path,
        second_types,
        char_ratio,
        skip,
        margin=True,
        len_penalty=True,
    )
    return corelib.second_back_track(n, m, pointers, second_path, second_types)


def vecalign(data: dict) -> list:
    from sentalign.dp_utils import make_alignment_types
    from sentalign.dp_utils import vecalign as run

    max_size = 4
    np.random.seed(42)
    stack = run(
        vecs0=data["src_vecs"][:max_size].copy(),
        vecs1=data["tgt_vecs"][:max_size].copy(),
        final_alignment_types=make_alignment_types(max_size),
        del_percentile_frac=0.2,
        width_over2=ceil(max_size / 2.0) + 5,
        max_size_full_dp=300,
        costs_sample_size=20000,
        num_samps_for_norm=100,
    )
    return stack[0]["final_alignments"]


def warm_up(system: str) -> None:
    """Numba compiles on first call: run once on a tiny problem so start-up and DP are apart."""
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(4, 12, 8)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=2, keepdims=True)
    lens = np.full((4, 12), 30, dtype=np.int64)
    SYSTEMS[system]({"src_vecs": vecs, "tgt_vecs": vecs.copy(), "src_lens": lens, "tgt_lens": lens})


SYSTEMS = {"bertalign": bertalign, "vecalign": vecalign}


def main() -> None:
    system, vectors, out = sys.argv[1:4]
    warm_up(system)
    ready = time.perf_counter()
    data = dict(np.load(vectors))
    loaded = time.perf_counter()
    links = SYSTEMS[system](data)
    done = time.perf_counter()
    result = {
        "links": [[[int(x) for x in s], [int(y) for y in t]] for s, t in links],
        "startup_s": round(ready - START, 3),
        "io_s": round(loaded - ready, 3),
        "dp_s": round(done - loaded, 3),
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
