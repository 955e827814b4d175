"""Align stage: every language of a document set against the English pivot, paragraphs first and
then sentences inside each aligned paragraph group, and the six-way table built from the pairs.

Outputs under ``<out>/<doc>/``: ``en-<lang>.paragraphs.jsonl`` and ``en-<lang>.sentences.jsonl``
(one link per line: ids on both sides, type such as ``2-1``, confidence in [0, 1]),
``sixway.jsonl`` (one row per English paragraph group with the linked paragraphs of every
language), and ``report.json`` (counts, mean confidence, warnings).
"""

from __future__ import annotations

import json
import logging
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from pipeline.align import corrections
from pipeline.align.aligner import Link, align_units, align_with_fixed
from pipeline.align.corrections import Correction
from pipeline.core.atomic import atomic_write_text
from pipeline.core.docset import check_out, document_sets, language_files
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.langcheck import check_language
from pipeline.core.params import AlignParams, Params, embedder_from
from pipeline.core.records import read_extracted, read_segmented, write_jsonl
from pipeline.core.report import StageReport

log = logging.getLogger(__name__)
PIVOT = "en"
"""Every language is aligned against the English text, the version UN documents are drafted in."""
JOINERS = {"zh": ""}
DOUBTFUL = 0.05
"""Confidence cap for every link of a language whose text failed the language check."""
LOW_CONFIDENCE = 0.5
"""Links below this are counted as doubtful in the reports and listed first in the review page."""


@dataclass
class Side:
    lang: str
    paragraphs: list[dict]
    sentences: dict[str, list[dict]]

    @property
    def joiner(self) -> str:
        return JOINERS.get(self.lang, " ")

    def texts(self) -> dict[str, str]:
        """Paragraph texts by id, in document order."""
        return {p["para_id"]: p["text"] for p in self.paragraphs}


def load_side(extracted: Path, segmented: Path | None, lang: str) -> Side:
    rows = read_extracted(extracted)
    sentences: dict[str, list[dict]] = defaultdict(list)
    if segmented is not None and segmented.exists():
        for row in read_segmented(segmented, rows):
            sentences[row["para_id"]].append(row)
    return Side(lang, rows, sentences)


def align_pair(
    src: Side, tgt: Side, embedder: Embedder, params: AlignParams, fixed: list[Correction] | None = None
) -> tuple[list[Link], list[dict], list[Correction]]:
    """Paragraph links (around the links people fixed), and sentence links inside every aligned
    paragraph group. Also returns the fixed links that could not be kept (they cross another)."""
    src_index = {p["para_id"]: k for k, p in enumerate(src.paragraphs)}
    tgt_index = {p["para_id"]: k for k, p in enumerate(tgt.paragraphs)}
    by_link = {(tuple(src_index[i] for i in c.src_ids), tuple(tgt_index[i] for i in c.tgt_ids)): c for c in fixed or []}
    links, rejected = align_with_fixed(
        [p["text"] for p in src.paragraphs],
        [p["text"] for p in tgt.paragraphs],
        embedder,
        params,
        list(by_link),
        [p["label"] for p in src.paragraphs],
        [p["label"] for p in tgt.paragraphs],
        (src.joiner, tgt.joiner),
    )
    sentence_links: list[dict] = []
    sentence_params = params.model_copy(update={"coarse_band": 10, "band": 4})
    for group, link in enumerate(links):
        if not (link.src and link.tgt):
            continue
        s_sents = [s for i in link.src for s in src.sentences.get(src.paragraphs[i]["para_id"], [])]
        t_sents = [s for j in link.tgt for s in tgt.sentences.get(tgt.paragraphs[j]["para_id"], [])]
        if not s_sents or not t_sents:
            continue
        if len(s_sents) == 1 and len(t_sents) == 1:
            inner = [Link((0,), (0,), link.score, link.confidence)]
        else:
            inner = align_units(
                [s["text"] for s in s_sents],
                [s["text"] for s in t_sents],
                embedder,
                sentence_params,
                joiners=(src.joiner, tgt.joiner),
            )
        for sl in inner:
            sentence_links.append(
                {
                    "group": group,
                    "src_ids": [s_sents[k]["sent_id"] for k in sl.src],
                    "tgt_ids": [t_sents[k]["sent_id"] for k in sl.tgt],
                    "type": sl.kind,
                    "confidence": round(sl.confidence, 4),
                }
            )
    return links, sentence_links, [by_link[r] for r in rejected]


def link_rows(links: list[Link], src: Side, tgt: Side, cap: float = 1.0) -> list[dict]:
    return [
        {
            "src_ids": [src.paragraphs[i]["para_id"] for i in link.src],
            "tgt_ids": [tgt.paragraphs[j]["para_id"] for j in link.tgt],
            "type": link.kind,
            "confidence": round(min(link.confidence, cap), 4),
            "score": round(link.score, 4),
            "reviewed": link.fixed,
        }
        for link in links
    ]


def sixway(pivot: Side, pairs: dict[str, tuple[Side, list[dict]]]) -> list[dict]:
    """One row per group of English paragraphs that some language links together; paragraphs
    with no English counterpart get rows of their own right after the row they follow."""
    index = {p["para_id"]: k for k, p in enumerate(pivot.paragraphs)}
    parent = list(range(len(pivot.paragraphs)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for _, rows in pairs.values():
        for row in rows:
            ks = [index[i] for i in row["src_ids"]]
            for k in ks[1:]:
                parent[find(k)] = find(ks[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(len(pivot.paragraphs)):
        groups[find(k)].append(k)
    order = sorted(groups.values(), key=lambda ks: ks[0])
    slot = {k: n for n, ks in enumerate(order) for k in ks}
    table: dict[tuple[int, int], dict] = {}
    for n, ks in enumerate(order):
        table[(n, 0)] = {"en": [pivot.paragraphs[k]["para_id"] for k in ks], "links": {}}
    for lang, (side, rows) in pairs.items():
        texts = {p["para_id"]: p["text"] for p in side.paragraphs}
        last = -1
        for row in rows:
            if row["src_ids"]:
                last = slot[index[row["src_ids"][0]]]
                key = (last, 0)
            else:
                key = (last, 1)
                table.setdefault(key, {"en": [], "links": {}})
            entry = table[key]["links"].setdefault(lang, {"ids": [], "texts": [], "confidence": 1.0, "types": []})
            entry["ids"] += row["tgt_ids"]
            entry["texts"] += [texts[i] for i in row["tgt_ids"]]
            entry["confidence"] = min(entry["confidence"], row["confidence"])
            entry["types"].append(row["type"])
    pivot_texts = {p["para_id"]: p["text"] for p in pivot.paragraphs}
    out = []
    for number, key in enumerate(sorted(table), 1):
        row = table[key]
        record = {"row": number, "en_ids": row["en"], "en": " ".join(pivot_texts[i] for i in row["en"])}
        for lang, entry in sorted(row["links"].items()):
            record[f"{lang}_ids"] = entry["ids"]
            record[lang] = JOINERS.get(lang, " ").join(entry["texts"])
            record[f"{lang}_confidence"] = round(entry["confidence"], 4)
            record[f"{lang}_type"] = ",".join(entry["types"])
        out.append(record)
    return out


@dataclass
class PairResult:
    rows: list[dict]
    """Paragraph links as written to ``en-<lang>.paragraphs.jsonl``."""
    sentence_links: list[dict]
    warnings: list[str]
    summary: dict


def align_language(
    doc: str,
    pivot: Side,
    tgt: Side,
    embedder: Embedder,
    params: AlignParams,
    records: list[Correction],
) -> PairResult:
    """One language against English, honouring the corrections in force. The align stage and
    the review page both call this, so the page shows exactly what the next run will write."""
    lang = tgt.lang
    warnings = []
    if not tgt.paragraphs:
        warnings.append(f"{doc} {lang}: no paragraphs; every English paragraph left without counterpart")
    language_problem = check_language([p["text"] for p in tgt.paragraphs], lang)
    if language_problem:
        warnings.append(f"{doc} {lang}: {language_problem}; links marked doubtful")
    decided = corrections.in_force(records, pivot.texts(), tgt.texts(), lang)
    for record, why in decided.stale:
        warnings.append(
            f"{doc} {lang}: correction #{record.id} by {record.who or 'someone'} is stale "
            f"({why}); not applied, please review again"
        )
    links, sentence_links, rejected = align_pair(pivot, tgt, embedder, params, decided.active)
    for record in rejected:
        warnings.append(f"{doc} {lang}: correction #{record.id} crosses another correction; not applied")
    rows = link_rows(links, pivot, tgt, DOUBTFUL if language_problem else 1.0)
    empty = sum(1 for r in rows if not (r["src_ids"] and r["tgt_ids"]))
    if rows and empty / len(rows) > 0.3:
        warnings.append(f"{doc} {lang}: {empty} of {len(rows)} links have no counterpart (missing part?)")
    confidences = [r["confidence"] for r in rows]
    summary = {
        "links": len(rows),
        "empty_links": empty,
        "low_confidence_links": sum(1 for c in confidences if c < LOW_CONFIDENCE),
        "types": {t: sum(1 for r in rows if r["type"] == t) for t in sorted({r["type"] for r in rows})},
        "mean_confidence": round(sum(confidences) / len(confidences), 4) if confidences else 0.0,
        "sentence_links": len(sentence_links),
        "corrections_applied": len(decided.active) - len(rejected),
        "corrections_stale": len(decided.stale),
    }
    return PairResult(rows, sentence_links, warnings, summary)


def align_docset(
    folder: Path,
    segmented: Path | None,
    out_dir: Path,
    embedder: Embedder,
    params: AlignParams,
    corrections_root: Path | None = None,
    pivot: str = "en",
) -> dict:
    """Align every language of one extracted document set against its English text."""
    folder, out_dir = Path(folder), Path(out_dir)
    doc = folder.name
    report: dict = {"doc": doc, "pivot": PIVOT, "pairs": {}, "warnings": [], "failed_languages": {}}
    if not (folder / f"{PIVOT}.jsonl").exists():
        raise InputError(folder, "no English text (en.jsonl) to align against")

    def side(lang: str) -> Side:
        return load_side(folder / f"{lang}.jsonl", Path(segmented) / f"{lang}.jsonl" if segmented else None, lang)

    records = corrections.load(corrections.corrections_path(corrections_root, doc)) if corrections_root else []
    pivot_side = side(PIVOT)
    pairs: dict[str, tuple[Side, list[dict]]] = {}
    for lang in language_files(folder):
        if lang == PIVOT:
            continue
        try:
            tgt = side(lang)
        except InputError as err:  # one broken language: the others are still aligned
            report["failed_languages"][lang] = str(err)
            for stale in out_dir.glob(f"{PIVOT}-{lang}.*.jsonl"):
                stale.unlink()  # an old alignment must not pass for one of the current input
            continue
        result = align_language(doc, pivot_side, tgt, embedder, params, records)
        for warning in result.warnings:
            log.warning("%s", warning)
        write_jsonl(out_dir / f"{PIVOT}-{tgt.lang}.paragraphs.jsonl", result.rows)
        write_jsonl(out_dir / f"{PIVOT}-{tgt.lang}.sentences.jsonl", result.sentence_links)
        pairs[tgt.lang] = (tgt, result.rows)
        report["pairs"][tgt.lang] = result.summary
        report["warnings"] += result.warnings
    write_jsonl(out_dir / "sixway.jsonl", sixway(pivot_side, pairs))
    atomic_write_text(out_dir / "report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return report


def run_align(
    extracted: Path,
    segmented: Path | None,
    out: Path,
    params: Params,
    corrections_root: Path | None = None,
    embedder: Embedder | None = None,
) -> StageReport:
    """The align stage over the extract stage's output: a set that cannot be aligned (no
    English, unreadable input) is recorded and the others go on."""
    embedder = embedder or embedder_from(params)
    report = StageReport("align")
    check_out(out, extracted)
    for folder in tqdm(document_sets(Path(extracted)), desc="align", unit="set", disable=None):
        seg = Path(segmented) / folder.name if segmented else None
        try:
            set_report = align_docset(folder, seg, Path(out) / folder.name, embedder, params.align, corrections_root)
        except InputError as err:
            stale = Path(out) / folder.name
            if stale.is_dir():
                shutil.rmtree(stale)  # an old alignment must not pass for one of the current input
            report.fail(folder.name, None, str(err))
            continue
        report.sets[folder.name] = set_report
        report.warnings += set_report["warnings"]
        for lang, problem in set_report["failed_languages"].items():
            report.fail(folder.name, lang, problem)
        report.metrics.setdefault("align", {})[folder.name] = {
            lang: {key: pair[key] for key in ("mean_confidence", "links", "empty_links")}
            for lang, pair in set_report["pairs"].items()
        }
    log.info("embedded %d texts, %d from cache", embedder.embedded, embedder.cached)
    report.write(Path(out))
    return report
