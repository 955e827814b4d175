"""Tagger quality: precision and recall per tag on the hand-labelled paragraphs.

``tests/data/tagging_gold.yaml`` was written alongside the rules (a regression set);
``tagging_heldout.yaml`` was held out for the first rules, then used to extend them (now a second
regression set); ``tagging_heldout2.yaml`` was written after that and never used to change rules,
so its figures are the honest estimate. Writes ``metrics/tag_quality.json`` and prints a table.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from pipeline.tag.stage import tag_text
from pipeline.tag.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = {
    "dev": DATA / "tagging_gold.yaml",
    "dev2": DATA / "tagging_heldout.yaml",
    "heldout": DATA / "tagging_heldout2.yaml",
}


def evaluate(path: Path, taxonomy) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    tp, fp, fn = Counter(), Counter(), Counter()
    misses = []
    for lang, items in data.items():
        for item in items:
            got, want = set(tag_text(item["text"], lang, taxonomy).tags), set(item["tags"])
            for tag in got & want:
                tp[tag] += 1
            for tag in got - want:
                fp[tag] += 1
                misses.append({"lang": lang, "tag": tag, "error": "false positive", "text": item["text"]})
            for tag in want - got:
                fn[tag] += 1
                misses.append({"lang": lang, "tag": tag, "error": "missed", "text": item["text"]})
    per_tag = {}
    for tag in taxonomy.ids:
        p = tp[tag] / (tp[tag] + fp[tag]) if tp[tag] + fp[tag] else None
        r = tp[tag] / (tp[tag] + fn[tag]) if tp[tag] + fn[tag] else None
        per_tag[tag] = {"precision": p and round(p, 3), "recall": r and round(r, 3), "support": tp[tag] + fn[tag]}
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = {
        "precision": round(total_tp / max(total_tp + total_fp, 1), 3),
        "recall": round(total_tp / max(total_tp + total_fn, 1), 3),
    }
    return {"micro": micro, "per_tag": per_tag, "errors": misses}


def main() -> None:
    taxonomy = load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    results = {name: evaluate(path, taxonomy) for name, path in SETS.items()}
    out = ROOT / "metrics" / "tag_quality.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, result in results.items():
        print(f"{name}: micro P={result['micro']['precision']} R={result['micro']['recall']}")
        for tag, row in result["per_tag"].items():
            print(f"   {tag:28s} P={row['precision']}  R={row['recall']}  n={row['support']}")
        for miss in result["errors"]:
            print(f"   {miss['error']:14s} {miss['lang']} {miss['tag']}: {miss['text'][:80]}")


if __name__ == "__main__":
    main()
