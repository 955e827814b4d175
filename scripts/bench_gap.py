"""How much each aligner's strict F1 depends on the embedder, with the uncertainty the chapters leave.

Issue 11 asks that hexalign lose no more than Bertalign's algorithm when the embedder changes:
F1(USE) - F1(e5) no larger than Bertalign's own. On sets of 25-150 chapters these differences are
a few thousandths, the size of what swapping a handful of chapters moves, so each is reported with a
95% interval from a paired bootstrap over the pieces (the same resampled chapters for both systems
and both embedders). Reads the per-piece counts ``scripts/bench_peers.py`` records for ``chapters``
sets in ``metrics/align_peers.json`` (USE) and ``metrics/align_peers_e5.json`` (e5); writes
``metrics/align_gap.json``.

Usage: python scripts/bench_gap.py [--peer bertalign] [--out metrics/align_gap.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from pipeline.align.evaluate import paired_interval

ROOT = Path(__file__).resolve().parents[1]


def counts(results: dict, name: str, system: str) -> np.ndarray | None:
    found = results.get("sets", {}).get(name, {}).get(system, {}).get("piece_counts")
    return np.array(found) if found else None


def rounded(values: tuple[float, float, float]) -> dict:
    whole, low, high = values
    return {"value": round(whole, 4), "interval_95": [round(low, 4), round(high, 4)]}


def set_gaps(hu: np.ndarray, he: np.ndarray, pu: np.ndarray, pe: np.ndarray, peer: str) -> dict:
    """Per-piece counts of hexalign and the peer, each with USE (u) and e5 (e)."""
    pieces = len(hu)
    return {
        "pieces": pieces,
        "hexalign_gap": rounded(paired_interval(lambda f1: f1(hu) - f1(he), pieces)),
        f"{peer}_gap": rounded(paired_interval(lambda f1: f1(pu) - f1(pe), pieces)),
        # the target compares sizes: a gap of either sign counts against its system
        "abs_gap_difference": rounded(
            paired_interval(lambda f1: np.abs(f1(hu) - f1(he)) - np.abs(f1(pu) - f1(pe)), pieces)
        ),
    }


def gaps(use: dict, e5: dict, peer: str) -> dict:
    out = {}
    for name in sorted(set(use.get("sets", {})) & set(e5.get("sets", {}))):
        found = [counts(r, name, s) for r, s in ((use, "hexalign"), (e5, "hexalign"), (use, peer), (e5, peer))]
        if any(c is None for c in found) or len({len(c) for c in found}) > 1:
            continue  # not a chapters set, or the two runs cut it differently
        out[name] = set_gaps(*found, peer)
        # Bertalign's block vectors: its own joined texts, or hexalign's composed ones (big sets)
        runs = {"use": use, "e5": e5}
        out[name]["peer_vectors"] = {m: r["sets"][name].get("peer_vectors", "exact") for m, r in runs.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", default="bertalign")
    parser.add_argument("--out", default=str(ROOT / "metrics" / "align_gap.json"))
    args = parser.parse_args()
    use, e5 = (json.loads((ROOT / "metrics" / f).read_text()) for f in ("align_peers.json", "align_peers_e5.json"))
    result = gaps(use, e5, args.peer)
    for name, row in result.items():
        line = "  ".join(
            f"{key} {v['value']:+.4f} [{v['interval_95'][0]:+.4f}, {v['interval_95'][1]:+.4f}]"
            for key, v in row.items()
            if key not in ("pieces", "peer_vectors")
        )
        print(f"{name:14s} ({row['pieces']} pieces)  {line}")
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
