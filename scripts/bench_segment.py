"""Sentence splitting measured on real UN text: boundary precision/recall/F1 per language.

The UN Parallel Corpus dev set (``../shared/corpus/unpc_devset``) is one sentence per line, and its
``.ids`` file gives each line's document and ``lang:paragraph:sentence``. Runs of consecutive
sentence numbers in the same document paragraph are rebuilt into multi-sentence paragraphs
(sentences joined by a space; none in Chinese), split again, and the predicted boundaries are
compared with the real ones (positions counted in non-space characters, so spacing never counts).

Documents are split in two halves by a hash of their symbol: errors were studied on the ``tune``
half only and fixed by general rules; the ``held_out`` half shows whether the fixes generalise.
The baseline is spaCy's rule-based sentencizer on a blank pipeline.

Usage: python scripts/bench_segment.py [--out metrics/segment.json] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

import spacy

from pipeline.segment.stage import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "corpus" / "unpc_devset"
LANGS = ("ar", "en", "es", "fr", "ru", "zh")


def paragraphs(lang: str) -> list[tuple[str, list[str]]]:
    """(document, sentences) for every run of 2+ consecutive sentences of one paragraph."""
    texts = (DEVSET / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
    groups: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
    for line, text in zip((DEVSET / "UNv1.0.devset.ids").read_text().splitlines(), texts):
        doc, *fields = line.split()
        _, para, sent = next(f for f in fields if f.startswith(lang + ":")).split(":")
        groups[(doc, int(para))][int(sent)] = text.strip()
    out = []
    for (doc, _), sentences in sorted(groups.items()):
        run: list[str] = []
        previous = None
        for number in sorted(sentences):
            if previous is not None and number != previous + 1:
                if len(run) > 1:
                    out.append((doc, run))
                run = []
            run.append(sentences[number])
            previous = number
        if len(run) > 1:
            out.append((doc, run))
    return out


def half(doc: str) -> str:
    return "tune" if hashlib.sha1(doc.encode()).digest()[0] % 2 == 0 else "held_out"


def boundaries(pieces: list[str]) -> set[int]:
    """Where each piece after the first starts, counted in non-space characters."""
    out, position = set(), 0
    for piece in pieces[:-1]:
        position += sum(1 for c in piece if not c.isspace())
        out.add(position)
    return out


class Counts:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: set[int], test: set[int]) -> None:
        self.tp += len(gold & test)
        self.fp += len(test - gold)
        self.fn += len(gold - test)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "boundaries": self.tp + self.fn}


def sentencizer(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return lambda text: [s.text for s in nlp(text).sents]


def run(show_errors: int) -> dict:
    results: dict = {}
    for lang in LANGS:
        joiner = "" if lang == "zh" else " "
        baseline = sentencizer(lang)
        counts = {key: Counts() for key in ("hexalign", "hexalign_tune", "hexalign_held_out", "spacy_sentencizer")}
        errors = []
        paras = paragraphs(lang)
        for doc, sentences in paras:
            text = joiner.join(sentences)
            gold = boundaries(sentences)
            ours = boundaries([s for s, _ in split_sentences(text, lang)])
            counts["hexalign"].add(gold, ours)
            counts[f"hexalign_{half(doc)}"].add(gold, ours)
            counts["spacy_sentencizer"].add(gold, boundaries(baseline(text)))
            if gold != ours and half(doc) == "tune":
                errors.append({"doc": doc, "gold": sentences, "split": [s for s, _ in split_sentences(text, lang)]})
        results[lang] = {"paragraphs": len(paras), **{k: c.as_dict() for k, c in counts.items()}}
        for error in errors[:show_errors]:
            print(json.dumps(error, ensure_ascii=False))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "metrics" / "segment.json"))
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per language (tune half)")
    args = parser.parse_args()
    results = run(args.errors)
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for lang, row in results.items():
        cells = "  ".join(
            f"{k}={row[k]['precision']:.3f}/{row[k]['recall']:.3f}/{row[k]['f1']:.3f}"
            for k in ("hexalign", "hexalign_held_out", "spacy_sentencizer")
        )
        print(f"{lang} ({row['paragraphs']} paragraphs) P/R/F1  {cells}")


if __name__ == "__main__":
    main()
