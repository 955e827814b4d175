"""Would a learned line-break classifier generalise across layouts better than the reflow rules?

Leave-one-layout-out on the layout matrix (``tests/data/layouts``): for each layout, gradient
boosting is trained on the line breaks of the other layouts (all six languages) and decides the
breaks of the held-out one; the rules (``reflow.is_hard_break``) decide the same breaks. Both run
on the same body lines (after today's furniture and footnote sorting), so only the break decision
differs. Labels come from the gold files: each body line is located in the gold text (compared
ignoring case, spaces, digits and punctuation); a break is hard when the two lines belong to
different gold units. Lines found in no unit (leaked furniture, garbled text) are left out of the
break accuracy but stay in the text, as they would in extraction.

Scores: break accuracy, and the share of gold body units (not footnotes or table rows) that some
block reproduces whole. Then a model trained on the whole matrix meets real documents it never
saw (``../shared/corpus/real_un_pdf``, gold paragraphs of 25+ letters, as ``real_pdf_check.py``
counts them). Writes ``metrics/layouts_learned.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from pipeline import LANGS
from pipeline.core.records import Line
from pipeline.extract import stage
from pipeline.extract.furniture import sort_lines
from pipeline.extract.reflow import LABEL, TERMINAL, Layout, is_full, is_hard_break, join_lines, oriented

ROOT = Path(__file__).resolve().parents[1]
MATRIX = ROOT / "tests" / "data" / "layouts"
REAL = ROOT.parent / "shared" / "corpus" / "real_un_pdf"


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text or "").lower())


@dataclass
class Doc:
    layout: str
    lang: str
    lines: list[Line]
    layout_measure: Layout
    units: list[int | None]
    """Gold unit index of each body line (None: found in no unit)."""
    gold: list[str]
    """Keys of the gold body units."""


def load(pdf: Path, lang: str) -> Doc:
    gold = json.loads(pdf.with_name(f"{lang}.gold.json").read_text(encoding="utf-8"))
    body_units = [u for u in gold["paragraphs"] if u["kind"] not in ("footnote", "table_row")]
    lines, height = stage.read_lines(pdf)
    if lang == "ar":
        for line in lines:
            line.text = stage._fix_rtl_lead(line.text)
    body = sort_lines(lines, symbol=gold["symbol"], page_height=height).body
    layout = Layout.measure(body)
    body = oriented(body, layout)  # right-to-left text set from the right: seen in a mirror
    return Doc(
        pdf.parent.name,
        lang,
        body,
        layout,
        locate(body, body_units),
        [key(u["text"]) for u in body_units],
    )


def locate(lines: list[Line], units: list[dict]) -> list[int | None]:
    """Walk the gold text once, finding each line a little ahead of the last one found."""
    stream, owner = "", []
    for index, unit in enumerate(units):
        k = key(unit["text"])
        stream += k
        owner += [index] * len(k)
    where: list[int | None] = []
    cursor = 0
    for line in lines:
        k = key(line.text)
        found = stream.find(k, cursor, cursor + len(k) + 400) if len(k) >= 2 else -1
        if found < 0:
            where.append(None)
            continue
        where.append(owner[found])
        cursor = found + len(k)
    return where


def features(line: Line, nxt: Line, layout: Layout) -> list[float]:
    size = line.size or 1.0
    width = (layout.right - layout.left) or 1.0

    def start(x: Line) -> float:
        return (x.x0 - layout.left) / size

    def end_room(x: Line) -> float:
        return (layout.right - x.x1) / size

    same_page = line.page == nxt.page and nxt.top > line.top
    gap = (nxt.top - line.bottom - layout.line_gap) / (layout.line_height or 1) if same_page else -1.0
    text, nxt_text = line.text.rstrip(), nxt.text.strip()
    return [
        start(line),
        start(nxt),
        start(nxt) - start(line),
        end_room(line),
        end_room(nxt),
        (line.x1 - line.x0) / width,
        gap,
        float(same_page),
        (nxt.size or 1) / size,
        float(line.bold),
        float(nxt.bold),
        float(text.endswith(TERMINAL)),
        float(text.endswith((",", "،", "，", ";", "；"))),
        float(bool(LABEL.match(nxt.text))),
        float(nxt_text[:1].islower()),
        float(nxt_text[:1].isupper()),
        float(is_full(line, nxt, layout)),
        float(len(text) < 60),
        float("\t" in line.text or "\t" in nxt.text),
    ]


def pairs(doc: Doc) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, gold labels (-1 when a side is unlocated) and rule decisions of every break."""
    x, y, rule = [], [], []
    for i in range(len(doc.lines) - 1):
        line, nxt = doc.lines[i], doc.lines[i + 1]
        x.append(features(line, nxt, doc.layout_measure))
        a, b = doc.units[i], doc.units[i + 1]
        y.append(-1 if a is None or b is None else int(a != b))
        rule.append(int(is_hard_break(line, nxt, doc.layout_measure)))
    return np.array(x, dtype=float), np.array(y), np.array(rule)


def whole(doc: Doc, breaks: np.ndarray) -> float:
    """Share of gold body units reproduced exactly by some block, with these break decisions."""
    blocks, current = [], [doc.lines[0]] if doc.lines else []
    for i, hard in enumerate(breaks):
        if hard:
            blocks.append(current)
            current = []
        current.append(doc.lines[i + 1])
    if current:
        blocks.append(current)
    have = Counter(key(join_lines(b, cjk=doc.lang == "zh")) for b in blocks)
    hits = 0
    for k in doc.gold:
        if have[k] > 0:
            have[k] -= 1
            hits += 1
    return hits / max(len(doc.gold), 1)


def load_real(pdf: Path, lang: str, side: str) -> Doc:
    """A real UN PDF with the gold paragraphs of one side; lines are not located (no labels)."""
    gold = json.loads(next(pdf.parent.glob("gold.en-*.json")).read_text(encoding="utf-8"))["paragraphs"]
    keys = [
        key(p[side]) for p in gold if len(key(p[side])) >= 25 and not p["main_language"].lstrip().startswith("Distr")
    ]
    lines, height = stage.read_lines(pdf)
    body = sort_lines(lines, page_height=height).body
    return Doc(pdf.parent.name, lang, body, Layout.measure(body), [None] * len(body), keys)


def real_documents() -> list[Doc]:
    docs = []
    for folder in sorted(p for p in REAL.iterdir() if p.is_dir()):
        other = next(folder.glob("gold.en-*.json")).stem.split("-")[1]
        docs += [
            load_real(folder / "en.pdf", "en", "main_language"),
            load_real(folder / f"{other}.pdf", other, "other_language"),
        ]
    return docs


def main() -> None:
    docs = [
        load(MATRIX / layout.name / f"{lang}.pdf", lang)
        for layout in sorted(MATRIX.iterdir())
        if layout.is_dir()
        for lang in LANGS
    ]
    data = {id(d): pairs(d) for d in docs}
    layouts = sorted({d.layout for d in docs})
    result: dict = {"method": __doc__.split("\n\n")[1].replace("\n", " "), "layouts": {}}
    for held in layouts:
        train = [data[id(d)] for d in docs if d.layout != held]
        x = np.vstack([t[0] for t in train])
        y = np.concatenate([t[1] for t in train])
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, random_state=0)
        model.fit(x[y >= 0], y[y >= 0])
        row: dict = {}
        for doc in (d for d in docs if d.layout == held):
            feats, labels, rule = data[id(doc)]
            learned = model.predict(feats) if len(feats) else np.array([], dtype=int)
            known = labels >= 0
            row[doc.lang] = {
                "rules_break_acc": round(float((rule[known] == labels[known]).mean()), 3) if known.any() else None,
                "learned_break_acc": round(float((learned[known] == labels[known]).mean()), 3) if known.any() else None,
                "rules_whole": round(whole(doc, rule), 3),
                "learned_whole": round(whole(doc, learned), 3),
            }
        result["layouts"][held] = row
        print(
            f"{held:18} rules whole "
            + " ".join(f"{row[lang]['rules_whole']:.2f}" for lang in LANGS)
            + " | learned "
            + " ".join(f"{row[lang]['learned_whole']:.2f}" for lang in LANGS),
            flush=True,
        )
    cells = [c for row in result["layouts"].values() for c in row.values()]
    for name in ("rules_whole", "learned_whole", "rules_break_acc", "learned_break_acc"):
        values = [c[name] for c in cells if c[name] is not None]
        result[f"mean_{name}"] = round(sum(values) / len(values), 3)
        result[f"min_{name}"] = round(min(values), 3)
    if REAL.exists():
        x = np.vstack([data[id(d)][0] for d in docs])
        y = np.concatenate([data[id(d)][1] for d in docs])
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, random_state=0)
        model.fit(x[y >= 0], y[y >= 0])
        result["real_un_pdf"] = {}
        for doc in real_documents():
            feats, _, rule = pairs(doc)
            cell = {
                "rules_whole": round(whole(doc, rule), 3),
                "learned_whole": round(whole(doc, model.predict(feats)), 3),
            }
            result["real_un_pdf"][f"{doc.layout} {doc.lang}"] = cell
            print(f"real {doc.layout} {doc.lang}: {cell}", flush=True)
    out = ROOT / "metrics" / "layouts_learned.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print({k: v for k, v in result.items() if k.startswith(("mean", "min"))})


if __name__ == "__main__":
    main()
