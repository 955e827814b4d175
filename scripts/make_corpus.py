"""Generate a corpus of document sets for corpus-mode tests and benchmarks, from real UN text.

Six-way aligned paragraphs come from the shared data: the UDHR (units linked through the gold
alignments) and the opening of resolution 55/100 (line-aligned). Each generated document strings
together random sections (runs of 3-12 consecutive paragraphs) up to a length drawn from 5-60
pages (3 paragraphs a page), then, in each language on its own, merges a paragraph with the next
now and then or drops one, as translations do. Files are text exports: lines wrapped at the width
of a page, a blank line between paragraphs. Also writes ``manifest.csv``.

Usage: python scripts/make_corpus.py OUT --sets 200 [--seed 1] [--min-pages 5] [--max-pages 60]
"""

from __future__ import annotations

import argparse
import csv
import random
import textwrap
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")
UDHR_CODES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "zh": "cmn_hans", "ar": "arb"}


def udhr_rows() -> list[dict[str, str]]:
    units = {}
    for lang, code in UDHR_CODES.items():
        with open(SHARED / "udhr" / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
            units[lang] = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    links: dict[str, dict[tuple[int, ...], tuple[int, ...]]] = {}
    for lang, code in UDHR_CODES.items():
        if lang == "en":
            continue
        links[lang] = {}
        for line in (SHARED / "udhr" / "gold" / f"udhr_gold.eng-{code}.align").read_text().splitlines():
            src, tgt = (tuple(int(x) for x in side.strip("[]").split(",") if x.strip()) for side in line.split(":")[:2])
            if src:
                links[lang][src] = tgt
    rows = []
    for src in sorted(links["fr"], key=lambda s: s[0]):
        if all(links[lang].get(src) for lang in links):
            row = {"en": " ".join(units["en"][i] for i in src)}
            for lang in links:
                joiner = "" if lang == "zh" else " "
                row[lang] = joiner.join(units[lang][j] for j in links[lang][src])
            rows.append(row)
    return rows


def resolution_rows() -> list[dict[str, str]]:
    with open(SHARED / "a_res_55_100" / "A_RES_55_100.6way.tsv", encoding="utf-8") as handle:
        return [{lang: row[lang] for lang in LANGS} for row in csv.DictReader(handle, delimiter="\t")]


def wrap(text: str, lang: str) -> str:
    if lang == "zh":
        return "\n".join(text[k : k + 38] for k in range(0, len(text), 38))
    return textwrap.fill(text, width=88, break_long_words=False, break_on_hyphens=False)


def make(out: Path, sets: int, seed: int, min_pages: int, max_pages: int) -> Path:
    rng = random.Random(seed)
    pools = [udhr_rows(), resolution_rows()]
    out.mkdir(parents=True, exist_ok=True)
    manifest = [("symbol", "languages", "source")]
    for number in range(1, sets + 1):
        target = 3 * rng.randint(min_pages, max_pages)
        rows: list[dict[str, str]] = []
        while len(rows) < target:
            pool = rng.choice(pools)
            start = rng.randrange(len(pool))
            rows += pool[start : start + rng.randint(3, 12)]
        rows = rows[:target]
        symbol = f"GEN/{seed}/{number:04d}"
        folder = out / symbol.replace("/", "_")
        folder.mkdir(exist_ok=True)
        for lang in LANGS:
            paragraphs = [row[lang] for row in rows]
            if lang != "en":
                paragraphs = perturb(paragraphs, rng, "" if lang == "zh" else " ")
            (folder / f"{lang}.txt").write_text("\n\n".join(wrap(p, lang) for p in paragraphs) + "\n", encoding="utf-8")
        manifest.append((symbol, "", folder.name))
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(manifest)
    return out / "manifest.csv"


def perturb(paragraphs: list[str], rng: random.Random, joiner: str) -> list[str]:
    out: list[str] = []
    for text in paragraphs:
        roll = rng.random()
        if roll < 0.01:
            continue
        if roll < 0.04 and out:
            out[-1] = out[-1] + joiner + text
            continue
        out.append(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sets", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-pages", type=int, default=5)
    parser.add_argument("--max-pages", type=int, default=60)
    args = parser.parse_args()
    print(make(args.out, args.sets, args.seed, args.min_pages, args.max_pages))


if __name__ == "__main__":
    main()
