"""Extraction benchmark on real UN PDFs: gold paragraphs whole, resolutions fully right, UDHR, speed.

Writes ``metrics/extract.json`` (shown by ``dvc metrics show``) and prints a summary:
- ``real_un_pdf``: per file, gold paragraphs (25+ letters, masthead excluded) that come out as one
  record (``../shared/corpus/real_un_pdf``, compared as ``real_pdf_check.py`` does);
- ``resolutions``: of the 40 GA resolutions and drafts, how many have every numbered paragraph
  whole with nothing inside (gold-free, ``pipeline.extract.evaluate.check_numbered``); a document
  where the check finds no paragraph (a one-line amendment) is listed apart and not counted right;
- ``udhr``: gold units extracted exactly, per language and rendering;
- ``end_to_end``: each pair through extract, segment and align: gold pairs found, precision;
- ``seconds_per_page`` over all of these PDFs.

Usage: python scripts/bench_extract.py [--out metrics/extract.json] [--skip-udhr] [--skip-align] [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import tempfile
import time
from pathlib import Path

import pdfplumber

from pipeline.extract.evaluate import check_numbered, gold_whole
from pipeline.extract.stage import extract_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
UDHR = {
    "en": ("eng", "Latn.ENG"),
    "fr": ("fra", "Latn.FRA"),
    "es": ("spa", "Latn.SPA"),
    "ru": ("rus", "Cyrl.RUS"),
    "zh": ("cmn_hans", "Hans.CMN"),
    "ar": ("arb", "Arab.ARB"),
}


class Clock:
    """Extraction time and pages, summed over every PDF extracted."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.pages = 0

    def extract(self, path: Path, lang: str) -> list[dict]:
        with pdfplumber.open(path) as pdf:
            self.pages += len(pdf.pages)
        start = time.perf_counter()
        result = extract_file(path, lang, path.parent.name)
        self.seconds += time.perf_counter() - start
        return [p.__dict__ for p in result.paragraphs]


def real_pdfs(clock: Clock, verbose: bool) -> dict:
    out = {}
    for doc in sorted(p for p in (SHARED / "real_un_pdf").iterdir() if p.is_dir()):
        gold_file = next(doc.glob("gold.en-*.json"))
        other = gold_file.stem.split("-")[1]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["paragraphs"]
        gold = [g for g in gold if not g["main_language"].lstrip().startswith("Distr")]
        for side, lang in (("main_language", "en"), ("other_language", other)):
            whole, missing = gold_whole(clock.extract(doc / f"{lang}.pdf", lang), [g[side] for g in gold])
            total = whole + len(missing)
            out[f"{doc.name}/{lang}"] = {"whole": whole, "gold": total, "share": round(whole / total, 4)}
            if verbose:
                for text in missing:
                    print(f"  missing {doc.name}/{lang}: {text[:100]!r}")
    return out


def end_to_end(work: Path) -> dict:
    """Each real_un_pdf pair as a document set through extract, segment and align (the default
    embedder of params.yaml, no cache): gold pairs found, and precision on the links whose English
    side is a gold paragraph."""
    from pipeline.align.stage import run_align
    from pipeline.core.params import embedder_from, load_params
    from pipeline.extract.evaluate import key
    from pipeline.extract.stage import run_extract
    from pipeline.segment.stage import run_segment

    params = load_params(ROOT / "params.yaml")
    docs = sorted(p for p in (SHARED / "real_un_pdf").iterdir() if p.is_dir())
    others = {}
    for doc in docs:
        others[doc.name] = next(doc.glob("gold.en-*.json")).stem.split("-")[1]
        folder = work / "sets" / doc.name
        folder.mkdir(parents=True, exist_ok=True)
        for lang in ("en", others[doc.name]):
            shutil.copy(doc / f"{lang}.pdf", folder / f"{lang}.pdf")
    run_extract(work / "sets", work / "extracted")
    run_segment(work / "extracted", work / "segmented", str(ROOT / "configs"))
    run_align(work / "extracted", work / "segmented", work / "aligned", params, None, embedder_from(params, False))
    out = {}
    for doc in docs:
        gold_file = next(doc.glob("gold.en-*.json"))
        other = others[doc.name]
        texts = {}
        for lang in ("en", other):
            for line in (work / "extracted" / doc.name / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                texts[rec["para_id"]] = key((rec.get("label") or "") + rec["text"])
        aligned = work / "aligned" / doc.name / f"en-{other}.paragraphs.jsonl"
        links = [json.loads(line) for line in aligned.read_text(encoding="utf-8").splitlines()]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["paragraphs"]
        gold = {
            key(g["main_language"]): key(g["other_language"])
            for g in gold
            if len(key(g["main_language"])) >= 25 and not g["main_language"].lstrip().startswith("Distr")
        }
        pairs = {
            ("".join(texts[i] for i in link["src_ids"]), "".join(texts[i] for i in link["tgt_ids"])) for link in links
        }
        found = sum((en, xx) in pairs for en, xx in gold.items())
        judged = [(en, xx) for en, xx in pairs if en in gold]
        right = sum(gold[en] == xx for en, xx in judged)
        out[f"{doc.name}/en-{other}"] = {
            "gold": len(gold),
            "found": found,
            "recall": round(found / len(gold), 4),
            "precision": round(right / max(len(judged), 1), 4),
        }
    return out


def resolutions(clock: Clock, verbose: bool) -> dict:
    files = sorted((SHARED / "un_resolutions_en").glob("*.pdf"))
    right, paragraphs, whole, wrong, empty = 0, 0, 0, [], []
    for path in files:
        check = check_numbered(path, clock.extract(path, "en"))
        right += check.right
        paragraphs += check.numbered
        whole += check.whole
        if not check.numbered:
            empty.append(path.stem)  # the check found no paragraph to check: not counted right
        elif not check.right:
            wrong.append(path.stem)
            if verbose:
                print(f"  {path.stem}: {check.whole}/{check.numbered}; " + "; ".join(check.problems[:4]))
    return {
        "documents": len(files),
        "fully_right": right,
        "numbered_paragraphs": paragraphs,
        "whole": whole,
        "not_right": wrong,
        "nothing_to_check": empty,
    }


def udhr(clock: Clock) -> dict:
    out = {}
    for lang, (code, script) in UDHR.items():
        with open(SHARED / "udhr" / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
            gold = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
        for font in ("Serif_12", "Sans_12"):
            got = {r["text"] for r in clock.extract(SHARED / "udhr" / "pdf" / f"udhr_{script}_{font}.pdf", lang)}
            out[f"{lang}/{font}"] = sum(unit in got for unit in gold)
    out["units"] = len(gold)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "metrics" / "extract.json"))
    parser.add_argument("--skip-udhr", action="store_true")
    parser.add_argument("--skip-align", action="store_true", help="no end-to-end alignment of the pairs")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    clock = Clock()
    metrics = {"real_un_pdf": real_pdfs(clock, args.verbose), "resolutions": resolutions(clock, args.verbose)}
    if not args.skip_udhr:
        metrics["udhr"] = udhr(clock)
    if not args.skip_align:
        with tempfile.TemporaryDirectory() as work:
            metrics["end_to_end"] = end_to_end(Path(work))
    metrics["pages"] = clock.pages
    metrics["seconds_per_page"] = round(clock.seconds / max(clock.pages, 1), 4)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"extract": metrics}, indent=2, ensure_ascii=False) + "\n")
    for name, row in metrics["real_un_pdf"].items():
        print(f"{name}: {row['whole']}/{row['gold']} gold paragraphs whole")
    res = metrics["resolutions"]
    print(
        f"resolutions: {res['fully_right']}/{res['documents']} fully right "
        f"({res['whole']}/{res['numbered_paragraphs']} numbered paragraphs whole)"
    )
    if "udhr" in metrics:
        print("udhr: " + ", ".join(f"{k} {v}" for k, v in metrics["udhr"].items()))
    for name, row in metrics.get("end_to_end", {}).items():
        print(f"{name} end to end: {row['found']}/{row['gold']} gold pairs found, precision {row['precision']}")
    print(f"{metrics['seconds_per_page']} s per page over {clock.pages} pages")


if __name__ == "__main__":
    main()
