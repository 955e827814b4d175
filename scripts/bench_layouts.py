"""Score the extractor on the layout matrix: the share of gold paragraphs that come out whole.

Every ``tests/data/layouts/<layout>/<lang>.pdf`` (made by ``scripts/make_layouts.py``) is
extracted with the current extractor and compared with its ``<lang>.gold.json``, ignoring case,
spaces, digits and punctuation (as ``../shared/tools/real_pdf_check.py`` does, so a label kept
apart or a footnote marker removed does not count against the extractor). A gold unit counts as
whole when one output record has exactly its text; records are used once, so ten ``Article N``
headings need ten records. The extractor is rule-based with no fitted parameters, so
leave-one-layout-out scores are the plain per-layout scores; they are reported as such.

Writes ``metrics/layouts.json``; ``-v`` prints the units that did not come out whole.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline import LANGS
from pipeline.extract.stage import extract_file

ROOT = Path(__file__).resolve().parents[1]
MATRIX = ROOT / "tests" / "data" / "layouts"


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text or "").lower())


def score_file(pdf: Path, lang: str) -> dict:
    """Whole gold units of one matrix PDF, and the ones that were not."""
    gold = json.loads(pdf.with_name(f"{lang}.gold.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = extract_file(pdf, lang, doc=pdf.parent.name, symbol=gold["symbol"])
    seconds = time.perf_counter() - started
    have: Counter = Counter()
    for record in result.paragraphs:
        have[key(record.text)] += 1
    missed = []
    whole = 0
    for unit in gold["paragraphs"]:
        wanted = key(unit["text"])
        if have[wanted] > 0:
            have[wanted] -= 1
            whole += 1
        else:
            missed.append(f"{unit['kind']}: {unit['text'][:90]}")
    return {"whole": whole, "total": len(gold["paragraphs"]), "seconds": seconds, "missed": missed}


def score_matrix(matrix: Path = MATRIX) -> dict[str, dict[str, dict]]:
    """layout -> lang -> score, for every PDF of the matrix."""
    folders = sorted(p for p in matrix.iterdir() if p.is_dir())
    return {
        f.name: {lang: score_file(f / f"{lang}.pdf", lang) for lang in LANGS if (f / f"{lang}.pdf").exists()}
        for f in folders
    }


def summary(scores: dict[str, dict[str, dict]], pages: int) -> dict:
    table = {
        name: {lang: round(s["whole"] / s["total"], 3) for lang, s in langs.items()} for name, langs in scores.items()
    }
    whole = sum(s["whole"] for langs in scores.values() for s in langs.values())
    total = sum(s["total"] for langs in scores.values() for s in langs.values())
    seconds = sum(s["seconds"] for langs in scores.values() for s in langs.values())
    return {
        "method": "rules (no fitted parameters: leave-one-layout-out equals the plain per-layout score)",
        "share_whole": table,
        "worst": min(v for langs in table.values() for v in langs.values()),
        "overall": round(whole / total, 4),
        "units": total,
        "seconds_per_page": round(seconds / max(pages, 1), 3),
    }


def count_pages(matrix: Path) -> int:
    import pdfplumber

    total = 0
    for pdf in matrix.glob("*/*.pdf"):
        with pdfplumber.open(pdf) as doc:
            total += len(doc.pages)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the units that were not whole")
    parser.add_argument("--out", type=Path, default=ROOT / "metrics" / "layouts.json")
    args = parser.parse_args()
    scores = score_matrix()
    result = summary(scores, count_pages(MATRIX))
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{'layout':20}" + "".join(f"{lang:>7}" for lang in LANGS))
    for layout, langs in result["share_whole"].items():
        print(f"{layout:20}" + "".join(f"{langs.get(lang, float('nan')):7.2f}" for lang in LANGS))
        if args.verbose:
            for lang, score in scores[layout].items():
                for miss in score["missed"]:
                    print(f"    {lang} {miss}")
    print(f"overall {result['overall']:.3f} of {result['units']} units; {result['seconds_per_page']} s/page")


if __name__ == "__main__":
    main()
