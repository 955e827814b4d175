"""Tag stage: recurring positions in every paragraph (and sentence), in its own language.

Rules come from the taxonomy: regular expressions per language, written as stems where the
language inflects; every hit keeps its evidence (the matched span, its offsets and the rule). A
trained classifier over multilingual embeddings (``pipeline.tag.classifier``) adds the positions
phrased in ways no rule knows, with its best sentence and score as evidence. Analysts' tag
decisions (``pipeline.tag.tag_corrections``) are laid over the result, and through the six-way
alignment a tag found in one language is proposed for the others (``pipeline.tag.projection``).
Every tag carries its source and confidence (``provenance``). Agreement with English counts only
the tags each language found on its own.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from pipeline import LANGS
from pipeline.core.docset import check_out, document_sets, language_files
from pipeline.core.errors import InputError
from pipeline.core.records import read_extracted, read_jsonl, read_segmented, write_jsonl
from pipeline.core.report import StageReport
from pipeline.tag import tag_corrections
from pipeline.tag.classifier import locate
from pipeline.tag.consistency import consistency, write_consistency
from pipeline.tag.layer import ModelLayer
from pipeline.tag.projection import project
from pipeline.tag.rules import Evidence, Tagged, tag_text
from pipeline.tag.taxonomy import Taxonomy

RULES_ONLY_KINDS = frozenset({"heading", "table_row"})
"""Units the model does not read: a heading or a schedule row names a subject and states no one's
position, yet its embedding sits near the statements on that subject, so the model gave agenda rows
("1 b) Adoption de l'ordre du jour", "15 heures-18 heures 4 Questions diverses") a stance at .73-.74,
one language in six. The rules still read them (a topic named in a heading keeps its rule tag)."""

__all__ = ["Evidence", "Tagged", "tag_docset", "tag_rows", "tag_text"]


def tag_rows(
    rows: list[dict],
    lang: str,
    taxonomy: Taxonomy,
    layer: ModelLayer | None = None,
    sentences: dict[str, list[str]] | None = None,
    known: dict[str, Tagged] | None = None,
    defer_floor: bool = False,
) -> list[dict]:
    """Tag paragraph records (extract output); returns them with ``tags``, ``evidence`` and
    ``provenance`` (tag -> source and confidence). ``sentences`` (para_id -> sentence texts, from
    the segment stage) spare the model layer splitting the paragraphs again. ``known`` (text ->
    rule result): rules already run, so that the sentences and the paragraphs share one pass (the
    rules are most of the stage's time). ``defer_floor``: rule tags the model does not support
    stay, with the model's scores as ``_support``, for ``ModelLayer.drop_unsupported_rows``."""
    known = known or {}
    # A copy: the model layer, decisions and projection add to a paragraph's result in place.
    results = [
        copy.deepcopy(known[row["text"]]) if row["text"] in known else tag_text(row["text"], lang, taxonomy)
        for row in rows
    ]
    read = [k for k, row in enumerate(rows) if row.get("kind") not in RULES_ONLY_KINDS]
    if layer is not None and read:
        spans = None
        if sentences is not None:
            spans = [locate(rows[k]["text"], sentences.get(rows[k]["para_id"], [])) for k in read]
        texts, chosen = [rows[k]["text"] for k in read], [results[k] for k in read]
        layer.add(texts, lang, chosen, spans, taxonomy.exclusive, drop=not defer_floor)
    out = [_with_tags(row, r) for row, r in zip(rows, results)]
    if defer_floor:
        for row, r in zip(out, results):
            row["_support"] = r.support
    return out


def sentence_results(
    sentences: list[str], text: str | None, result: Tagged | None, lang: str, taxonomy: Taxonomy
) -> list[Tagged]:
    """Rule tags of a paragraph's sentences, read off the paragraph's rule evidence that lies inside
    each sentence (offsets made the sentence's own). Tagging each sentence again was half the stage's
    time, and a sentence read alone loses its paragraph: the total of replies stated in the sentence
    before ("Of the 52 States that replied ... Thirty-nine indicated"). A sentence not found in its
    paragraph's text is tagged on its own."""
    out, cursor = [], 0
    for sentence in sentences:
        start = text.find(sentence, cursor) if text is not None and result is not None else -1
        if start < 0:
            out.append(tag_text(sentence, lang, taxonomy))
            continue
        end = cursor = start + len(sentence)
        inside = [e for e in result.evidence if start <= e.start and e.end <= end]
        tags = [tag for tag in result.tags if any(e.tag == tag for e in inside)]
        out.append(
            Tagged(
                tags,
                [replace(e, start=e.start - start, end=e.end - start) for e in inside],
                {tag: dict(result.provenance[tag]) for tag in tags},
            )
        )
    return out


def _with_tags(row: dict, result: Tagged) -> dict:
    return {
        **row,
        "tags": result.tags,
        "evidence": [dict(vars(e)) for e in result.evidence],  # flat: asdict's deep copy took 1/5 of the stage
        "provenance": result.provenance,
    }


def tag_docset(
    extracted_dir: Path,
    out_dir: Path,
    taxonomy: Taxonomy,
    layer: ModelLayer | None = None,
    segmented_dir: Path | None = None,
    sixway_path: Path | None = None,
    decisions_path: Path | None = None,
) -> dict:
    """Tag every paragraph (``<lang>.jsonl``) and, when segmented, every sentence
    (``<lang>.sentences.jsonl``, rules only) of one document set; lay the analysts' decisions
    over the paragraphs and, when aligned, project tags across languages. Returns a report
    (projected tags, stale decisions)."""
    tagged: dict[str, list[dict]] = {}
    sixway = list(read_jsonl(Path(sixway_path))) if sixway_path is not None and Path(sixway_path).exists() else None
    defer = layer is not None and sixway is not None
    for lang, path in language_files(extracted_dir).items():
        segmented = Path(segmented_dir) / path.name if segmented_dir else None
        paragraphs = read_extracted(path, footnotes=True)
        sentence_rows = read_segmented(segmented, paragraphs) if segmented is not None and segmented.exists() else None
        known = {row["text"]: tag_text(row["text"], lang, taxonomy) for row in paragraphs}
        of_paragraph: dict[str, list[str]] | None = None
        if sentence_rows is not None:
            of_paragraph = {}
            for s in sentence_rows:
                of_paragraph.setdefault(s["para_id"], []).append(s["text"])
            text_of = {row["para_id"]: row["text"] for row in paragraphs}
            found = {
                pid: sentence_results(sentences, text_of.get(pid), known.get(text_of.get(pid)), lang, taxonomy)
                for pid, sentences in of_paragraph.items()
            }
            rows = [_with_tags(s, found[s["para_id"]].pop(0)) for s in sentence_rows]
            write_jsonl(Path(out_dir) / f"{lang}.sentences.jsonl", rows)
        tagged[lang] = tag_rows(paragraphs, lang, taxonomy, layer, of_paragraph, known, defer)
    if defer:
        layer.drop_unsupported_rows(sixway, tagged)
    report: dict = {"projected": 0, "stale_decisions": []}
    rejected: set[tuple[str, str]] = set()
    if decisions_path is not None:
        texts = {p["para_id"]: p["text"] for rows in tagged.values() for p in rows}
        active, report["stale_decisions"] = tag_corrections.in_force(tag_corrections.load(decisions_path), texts)
        for rows in tagged.values():
            tag_corrections.apply(rows, active)
        rejected = {key for key, decision in active.items() if decision.action == "reject"}
    if sixway is not None:
        report["projected"] = project(sixway, tagged, rejected)
    for lang, rows in tagged.items():
        write_jsonl(Path(out_dir) / f"{lang}.jsonl", rows)
    report["tagged_paragraphs"] = {lang: sum(1 for row in rows if row["tags"]) for lang, rows in tagged.items()}
    return report


def run_tag(
    extracted: Path,
    segmented: Path | None,
    aligned: Path | None,
    out: Path,
    taxonomy: Taxonomy,
    layer: ModelLayer | None = None,
    corrections: Path | None = None,
) -> StageReport:
    """The tag stage over the extract stage's output: paragraphs and sentences of every set, the
    analysts' tag decisions, projection and cross-language consistency through the six-way table."""
    report = StageReport("tag")
    check_out(out, extracted)
    for folder in tqdm(document_sets(Path(extracted)), desc="tag", unit="set", disable=None):
        out_dir = Path(out) / folder.name
        sixway = Path(aligned) / folder.name / "sixway.jsonl" if aligned else None
        decisions = tag_corrections.decisions_path(Path(corrections), folder.name) if corrections else None
        dropped = layer.dropped if layer else 0
        try:
            found = tag_docset(
                folder,
                out_dir,
                taxonomy,
                layer,
                Path(segmented) / folder.name if segmented else None,
                sixway,
                decisions,
            )
            agreement = None
            if sixway is not None and sixway.exists():
                merged = consistency(sixway, out_dir, list(LANGS))
                write_consistency(merged, out_dir / "consistency")
                agreement = merged["agreement_with_en"]
        except InputError as err:
            report.fail(folder.name, None, str(err))
            # What an earlier run, or the languages before the bad file, wrote must not pass for
            # tags of the current input.
            shutil.rmtree(out_dir, ignore_errors=True)
            continue
        report.warnings += [f"{folder.name}: {stale}" for stale in found["stale_decisions"]]
        # Rule tags the model did not support (tag.rule_floor), so the report says what was left out.
        found["rule_tags_dropped"] = (layer.dropped if layer else 0) - dropped
        report.sets[folder.name] = {**found, "agreement_with_en": agreement}
        if agreement is not None:
            report.metrics.setdefault("tag_agreement_with_en", {})[folder.name] = agreement
    report.write(Path(out))
    return report
