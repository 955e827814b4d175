"""Tag stage: recurring positions in every paragraph (and sentence), in its own language.

Rules come from the taxonomy: regular expressions per language, written as stems where the
language inflects. Every tag keeps its evidence (the matched span, its offsets and the rule), so
an analyst can see why. An optional embedding layer adds a tag when a paragraph is close to the
tag's description in the same language (evidence ``embedding:<cosine>``). Through the six-way
alignment, tags are merged per aligned row with per-language agreement, and a tag found in
English but not in an aligned paragraph of another language (or the reverse) is reported.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from pipeline import LANGS
from pipeline.core.atomic import atomic_write_text
from pipeline.core.docset import document_sets
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.records import read_jsonl, write_jsonl
from pipeline.core.report import StageReport
from pipeline.tag.taxonomy import Taxonomy


@dataclass
class Evidence:
    tag: str
    rule: str
    span: str
    start: int
    end: int


@dataclass
class Tagged:
    tags: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def tag_text(text: str, lang: str, taxonomy: Taxonomy) -> Tagged:
    out = Tagged()
    for tag in taxonomy.tags:
        masked = text
        for pattern in tag.exclude.get(lang, []):
            masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
        hits = [
            Evidence(tag.id, pattern.pattern, m.group(0), m.start(), m.end())
            for pattern in tag.rules.get(lang, [])
            for m in pattern.finditer(masked)
        ]
        if hits:
            out.tags.append(tag.id)
            out.evidence.extend(sorted(hits, key=lambda e: e.start))
    return out


class EmbeddingLayer:
    """Tags a paragraph when its embedding is close to a tag description in its language."""

    def __init__(self, taxonomy: Taxonomy, embedder: Embedder, threshold: float) -> None:
        self.taxonomy, self.embedder, self.threshold = taxonomy, embedder, threshold

    def add(self, texts: list[str], lang: str, results: list[Tagged]) -> None:
        if not texts:
            return
        descriptions = [tag.description[lang] for tag in self.taxonomy.tags]
        sims = self.embedder.encode(texts) @ self.embedder.encode(descriptions).T
        for row, result in zip(sims, results):
            for k in np.flatnonzero(row >= self.threshold):
                tag = self.taxonomy.tags[k]
                if tag.kind == "topic" and tag.id not in result.tags:
                    result.tags.append(tag.id)
                    result.evidence.append(Evidence(tag.id, f"embedding:{row[k]:.2f}", "", 0, 0))


def tag_rows(rows: list[dict], lang: str, taxonomy: Taxonomy, layer: EmbeddingLayer | None = None) -> list[dict]:
    """Tag paragraph records (extract output); returns them with ``tags`` and ``evidence``."""
    results = [tag_text(row["text"], lang, taxonomy) for row in rows]
    if layer is not None:
        layer.add([row["text"] for row in rows], lang, results)
    return [{**row, "tags": r.tags, "evidence": [asdict(e) for e in r.evidence]} for row, r in zip(rows, results)]


def tag_docset(
    extracted_dir: Path,
    out_dir: Path,
    taxonomy: Taxonomy,
    layer: EmbeddingLayer | None = None,
    segmented_dir: Path | None = None,
) -> dict[str, int]:
    """Tag every paragraph (``<lang>.jsonl``) and, when segmented, every sentence
    (``<lang>.sentences.jsonl``) of one document set; returns tagged paragraphs per language."""
    counts = {}
    for path in sorted(Path(extracted_dir).glob("*.jsonl")):
        rows = tag_rows(list(read_jsonl(path)), path.stem, taxonomy, layer)
        write_jsonl(Path(out_dir) / path.name, rows)
        counts[path.stem] = sum(1 for row in rows if row["tags"])
        sentences = Path(segmented_dir) / path.name if segmented_dir else None
        if sentences is not None and sentences.exists():
            tagged = tag_rows(list(read_jsonl(sentences)), path.stem, taxonomy)
            write_jsonl(Path(out_dir) / f"{path.stem}.sentences.jsonl", tagged)
    return counts


def consistency(sixway_path: Path, tagged_dir: Path, langs: list[str]) -> dict:
    """Merge tags per aligned row and report where languages disagree with English."""
    tags_of: dict[str, list[str]] = {}
    for lang in langs:
        path = Path(tagged_dir) / f"{lang}.jsonl"
        if path.exists():
            tags_of.update({row["para_id"]: row["tags"] for row in read_jsonl(path)})
    rows_out, disagreements = [], []
    agree = Counter()
    total = Counter()
    for row in read_jsonl(Path(sixway_path)):
        per_lang: dict[str, set[str]] = {}
        for lang in langs:
            ids = row.get(f"{lang}_ids") or []
            if ids:
                per_lang[lang] = {t for i in ids for t in tags_of.get(i, [])}
        merged = sorted(set().union(*per_lang.values())) if per_lang else []
        agreement = {t: round(sum(t in s for s in per_lang.values()) / len(per_lang), 3) for t in merged}
        rows_out.append({"row": row["row"], "tags": merged, "agreement": agreement, "languages": len(per_lang)})
        if "en" in per_lang:
            for lang, found in per_lang.items():
                if lang == "en":
                    continue
                for t in merged:
                    total[lang] += 1
                    if (t in found) == (t in per_lang["en"]):
                        agree[lang] += 1
                    else:
                        side = "only in en" if t in per_lang["en"] else f"only in {lang}"
                        disagreements.append({"row": row["row"], "lang": lang, "tag": t, "where": side})
    summary = {lang: round(agree[lang] / total[lang], 4) if total[lang] else None for lang in sorted(total)}
    return {"rows": rows_out, "disagreements": disagreements, "agreement_with_en": summary}


def write_consistency(report: dict, out_dir: Path) -> None:
    write_jsonl(Path(out_dir) / "rows.jsonl", report["rows"])
    slim = {k: v for k, v in report.items() if k != "rows"}
    atomic_write_text(Path(out_dir) / "consistency.json", json.dumps(slim, ensure_ascii=False, indent=2) + "\n")


def run_tag(
    extracted: Path,
    segmented: Path | None,
    aligned: Path | None,
    out: Path,
    taxonomy: Taxonomy,
    layer: EmbeddingLayer | None = None,
) -> StageReport:
    """The tag stage over the extract stage's output: paragraphs and sentences of every set, then
    the cross-language consistency through the six-way table when the set is aligned."""
    report = StageReport("tag")
    for folder in tqdm(document_sets(Path(extracted)), desc="tag", unit="set", disable=None):
        out_dir = Path(out) / folder.name
        try:
            tagged = tag_docset(folder, out_dir, taxonomy, layer, Path(segmented) / folder.name if segmented else None)
            sixway = Path(aligned) / folder.name / "sixway.jsonl" if aligned else None
            agreement = None
            if sixway is not None and sixway.exists():
                found = consistency(sixway, out_dir, list(LANGS))
                write_consistency(found, out_dir / "consistency")
                agreement = found["agreement_with_en"]
        except InputError as err:
            report.fail(folder.name, None, str(err))
            continue
        report.sets[folder.name] = {"tagged_paragraphs": tagged, "agreement_with_en": agreement}
        if agreement is not None:
            report.metrics.setdefault("tag_agreement_with_en", {})[folder.name] = agreement
    report.write(Path(out))
    return report
