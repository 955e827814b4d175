"""Export stage: what analysts and translators open.

- ``<doc>.wide.csv``: one row per aligned group (doc, symbol, group id, confidence, the text of
  each language, merged tags, agreement, which languages found each tag on their own, the tag's
  best confidence, evidence);
- ``<doc>.long.csv``: one row per paragraph per language, with its tags, each tag's source (rule,
  model, projected, reviewed) and confidence, and evidence;
- ``<doc>.tmx``: TMX 1.4b, one ``<tu>`` per aligned group (or per sentence link), a ``<tuv
  xml:lang>`` per language, tags and confidence as ``<prop>``;
- ``summary.csv`` and ``tag_distribution.png``: tag counts per document and language.

CSVs are UTF-8 with a BOM so Excel shows Chinese and Arabic right, and load in pandas with no
options. Every file is written to a temporary name and renamed, so a failed export never leaves a
half-written file in place of the previous one.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from lxml import etree

from pipeline import LANGS, __version__
from pipeline.core.atomic import atomic_path
from pipeline.core.cells import safe_frame
from pipeline.core.clean import clean_controls
from pipeline.core.docset import check_out, document_sets, symbol_of
from pipeline.core.errors import InputError
from pipeline.core.records import read_jsonl
from pipeline.core.report import StageReport
from pipeline.tag.consistency import consistency as merged_tags

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_LANG = {"ar": "ar", "zh": "zh-CN", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


PIVOT_FIRST = ("en", "fr", "es", "ru", "ar", "zh")
EXPORTS = ("wide.csv", "long.csv", "tmx")


@dataclass
class Filters:
    tags: set[str] | None = None
    langs: tuple[str, ...] = PIVOT_FIRST
    min_confidence: float = 0.0
    docs: set[str] | None = None
    min_tag_confidence: float = 0.0
    """Tags below this confidence are left out (of the tag columns and of the ``tags`` filter)."""


def tag_confidence(paragraph: dict, tag: str) -> float:
    """A tag's confidence on a paragraph (1.0 for records tagged before tags had provenance)."""
    return float((paragraph.get("provenance") or {}).get(tag, {}).get("confidence", 1.0))


def kept_tags(paragraph: dict, floor: float) -> list[str]:
    return [t for t in paragraph["tags"] if tag_confidence(paragraph, t) >= floor]


@dataclass
class DocData:
    doc: str
    symbol: str
    rows: list[dict]
    """Six-way rows, each with merged ``tags``, ``agreement`` and per-language evidence."""
    paragraphs: dict[str, list[dict]]
    """lang -> tagged paragraph records."""


def load_doc(aligned_dir: Path, tagged_dir: Path) -> DocData:
    """A document's six-way rows and tagged paragraphs, as the align and tag stages wrote them."""
    doc = Path(aligned_dir).name
    paragraphs = {
        path.stem: list(read_jsonl(path)) for path in sorted(Path(tagged_dir).glob("*.jsonl")) if path.stem in LANGS
    }
    if not paragraphs:  # tagless CSVs that look complete would pass for "nothing to tag"
        raise InputError(tagged_dir, "no tag output for this set (the tag stage failed or has not run)")
    rows_path = Path(tagged_dir) / "consistency" / "rows.jsonl"
    sixway_path = Path(aligned_dir) / "sixway.jsonl"
    # A tag run without the six-way table (no --aligned) writes no merged tags per row: merged
    # here, the same way, or the wide CSV's tags column came out empty without a word.
    consistency = (
        list(read_jsonl(rows_path)) if rows_path.exists() else merged_tags(sixway_path, tagged_dir, list(LANGS))["rows"]
    )
    return build_doc(doc, list(read_jsonl(sixway_path)), consistency, paragraphs)


def build_doc(doc: str, sixway: list[dict], consistency: list[dict], paragraphs: dict[str, list[dict]]) -> DocData:
    """The one place rows get their merged tags and evidence, whether the stage outputs come from
    files (the export stage) or from the Parquet store (corpus mode)."""
    by_id = {p["para_id"]: p for rows in paragraphs.values() for p in rows}
    extra_of = {r["row"]: r for r in consistency}
    rows = []
    for row in sixway:
        extra = extra_of.get(row["row"], {})
        evidence, best = [], {}
        for lang in PIVOT_FIRST:
            for pid in row.get(f"{lang}_ids", []):
                paragraph = by_id.get(pid, {})
                for e in paragraph.get("evidence", []):
                    if e.get("source", "rule") != "projected":
                        evidence.append(f"{e['tag']}[{lang}]: {e['span'] or e['rule']}")
                for tag in paragraph.get("tags", []):
                    best[tag] = max(best.get(tag, 0.0), tag_confidence(paragraph, tag))
        rows.append(
            {
                **row,
                "tags": extra.get("tags", []),
                "agreement": extra.get("agreement", {}),
                "found_by": extra.get("found_by", {}),
                "tag_confidence": best,
                "evidence": evidence,
            }
        )
    return DocData(doc, symbol_of(doc), rows, paragraphs)


def untagged(data: DocData) -> list[str]:
    """Languages the six-way rows hold but the tag stage left no file for (it failed for that
    language, or the file was lost): without a check their paragraphs were missing from the long
    CSV and their tags from the wide one, and nothing said so."""
    return [lang for lang in LANGS if lang not in data.paragraphs and any(row.get(f"{lang}_ids") for row in data.rows)]


def row_confidence(row: dict, langs: tuple[str, ...]) -> float:
    values = [row[f"{lang}_confidence"] for lang in langs if f"{lang}_confidence" in row]
    return min(values) if values else 1.0


def wide_frame(docs: list[DocData], filters: Filters) -> pd.DataFrame:
    records = []
    for data in docs:
        for row in data.rows:
            confidence = row_confidence(row, filters.langs)
            best, found_by = row.get("tag_confidence", {}), row.get("found_by", {})
            tags = [t for t in row["tags"] if best.get(t, 1.0) >= filters.min_tag_confidence]
            if confidence < filters.min_confidence or (filters.tags and not filters.tags & set(tags)):
                continue
            record = {"doc": data.doc, "symbol": data.symbol, "group": row["row"], "confidence": round(confidence, 4)}
            for lang in filters.langs:
                record[lang] = row.get(lang, "")
                if lang != "en":
                    record[f"{lang}_confidence"] = row.get(f"{lang}_confidence")
            record["tags"] = ";".join(tags)
            record["agreement"] = json.dumps({t: row["agreement"].get(t) for t in tags}, ensure_ascii=False)
            record["found_by"] = "; ".join(f"{t}: {','.join(found_by.get(t, []))}" for t in tags)
            record["tag_confidence"] = ";".join(f"{t}={best.get(t, 1.0):.2f}" for t in tags)
            record["evidence"] = " | ".join(
                e for e in row["evidence"] if e.split("[")[1].split("]")[0] in filters.langs
            )
            records.append(record)
    columns = ["doc", "symbol", "group", "confidence"]
    columns += [c for lang in filters.langs for c in ((lang,) if lang == "en" else (lang, f"{lang}_confidence"))]
    columns += ["tags", "agreement", "found_by", "tag_confidence", "evidence"]
    return pd.DataFrame.from_records(records, columns=columns)


def long_frame(docs: list[DocData], filters: Filters) -> pd.DataFrame:
    records = []
    for data in docs:
        confidence_of: dict[str, float] = {}
        for row in data.rows:
            for lang in LANGS:
                for pid in row.get(f"{lang}_ids", []):
                    confidence_of[pid] = row.get(f"{lang}_confidence", 1.0)
        for lang in filters.langs:
            for p in data.paragraphs.get(lang, []):
                confidence = confidence_of.get(p["para_id"], 1.0)
                tags = kept_tags(p, filters.min_tag_confidence)
                if confidence < filters.min_confidence or (filters.tags and not filters.tags & set(tags)):
                    continue
                provenance = p.get("provenance") or {}
                records.append(
                    {
                        "doc": data.doc,
                        "symbol": data.symbol,
                        "lang": lang,
                        "para_id": p["para_id"],
                        "kind": p["kind"],
                        "label": p["label"],
                        "page": p["page"],
                        "text": p["text"],
                        "confidence": confidence,
                        "tags": ";".join(tags),
                        "tag_sources": ";".join(
                            f"{t}={provenance.get(t, {}).get('source', 'rule')}"
                            + (f"[{provenance[t]['lang']}]" if provenance.get(t, {}).get("lang") else "")
                            for t in tags
                        ),
                        "tag_confidence": ";".join(f"{t}={tag_confidence(p, t):.2f}" for t in tags),
                        "evidence": " | ".join(
                            f"{e['tag']}: {e['span'] or e['rule']}" for e in p["evidence"] if e["tag"] in tags
                        ),
                    }
                )
    columns = ["doc", "symbol", "lang", "para_id", "kind", "label", "page", "text", "confidence", "tags"]
    columns += ["tag_sources", "tag_confidence", "evidence"]
    return pd.DataFrame.from_records(records, columns=columns)


def write_csv(frame: pd.DataFrame, path: Path, raw: bool = False) -> None:
    """UTF-8 with BOM; cells a spreadsheet would run as formulas are neutralised unless ``raw``."""
    with atomic_path(path) as tmp:
        (frame if raw else safe_frame(frame)).to_csv(tmp, index=False, encoding="utf-8-sig")


def tmx_tree(
    docs: list[DocData],
    filters: Filters,
    level: str,
    sentences: dict[str, dict[str, list[dict]]],
    sentence_text: dict[str, str],
) -> etree._ElementTree:
    tmx = etree.Element("tmx", version="1.4")
    etree.SubElement(
        tmx,
        "header",
        {
            "creationtool": "hexalign",
            "creationtoolversion": __version__,
            "segtype": level,
            "o-tmf": "hexalign-jsonl",
            "adminlang": "en",
            "srclang": "en",
            "datatype": "plaintext",
        },
    )
    body = etree.SubElement(tmx, "body")
    for data in docs:
        if level == "paragraph":
            for row in data.rows:
                confidence = row_confidence(row, filters.langs)
                if confidence < filters.min_confidence or (filters.tags and not filters.tags & set(row["tags"])):
                    continue
                present = [lang for lang in filters.langs if row.get(lang)]
                if len(present) < 2:
                    continue
                tu = etree.SubElement(body, "tu", tuid=xml_safe(f"{data.doc}:{row['row']}"))
                _props(tu, data, confidence, row["tags"])
                for lang in present:
                    tuv = etree.SubElement(tu, "tuv", {XML_LANG: TMX_LANG[lang]})
                    etree.SubElement(tuv, "seg").text = xml_safe(row[lang])
        else:
            for lang, links in sentences.get(data.doc, {}).items():
                if lang not in filters.langs:
                    continue
                for k, link in enumerate(links):
                    if not (link["src_ids"] and link["tgt_ids"]) or link["confidence"] < filters.min_confidence:
                        continue
                    tu = etree.SubElement(body, "tu", tuid=xml_safe(f"{data.doc}:en-{lang}:{k}"))
                    _props(tu, data, link["confidence"], [])
                    for code, ids in (("en", link["src_ids"]), (lang, link["tgt_ids"])):
                        tuv = etree.SubElement(tu, "tuv", {XML_LANG: TMX_LANG[code]})
                        joiner = "" if code == "zh" else " "
                        etree.SubElement(tuv, "seg").text = xml_safe(joiner.join(sentence_text[i] for i in ids))
    return etree.ElementTree(tmx)


def _props(tu: etree._Element, data: DocData, confidence: float, tags: list[str]) -> None:
    for kind, value in (
        ("x-doc", data.doc),
        ("x-symbol", data.symbol),
        ("x-confidence", f"{confidence:.4f}"),
        ("x-tags", ";".join(tags)),
    ):
        if value:
            etree.SubElement(tu, "prop", type=kind).text = xml_safe(value)


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML cannot hold: a folder or a stage file may
    carry one (extraction cleans its own text), and lxml refused the whole TMX for it."""
    return clean_controls(text)[0]


def write_tmx(tree: etree._ElementTree, path: Path) -> None:
    with atomic_path(path) as tmp:
        tree.write(
            str(tmp),
            xml_declaration=True,
            encoding="UTF-8",
            pretty_print=True,
            doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        )


def summary_frame(docs: list[DocData]) -> pd.DataFrame:
    counts = Counter()
    for data in docs:
        for lang, rows in data.paragraphs.items():
            for p in rows:
                for tag in p["tags"]:
                    counts[(data.doc, lang, tag)] += 1
    frame = pd.DataFrame(
        [{"doc": d, "lang": lang, "tag": t, "paragraphs": n} for (d, lang, t), n in counts.items()],
        columns=["doc", "lang", "tag", "paragraphs"],
    )
    return frame.sort_values(["doc", "tag", "lang"]).reset_index(drop=True)


def plot_summary(frame: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = frame.pivot_table(index="tag", columns="lang", values="paragraphs", aggfunc="sum", fill_value=0)
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(table), 4) + 1.5))
    if table.empty:  # nothing tagged (or filtered away): an empty chart that says so, not a crash
        ax.text(0.5, 0.5, "no tagged paragraphs", ha="center", va="center", transform=ax.transAxes)
    else:
        table.plot.barh(ax=ax, width=0.8)
    ax.set_xlabel("tagged paragraphs")
    ax.set_ylabel("")
    ax.set_title("Tag distribution by language (all documents)")
    ax.invert_yaxis()
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format=path.suffix.lstrip(".") or "png", dpi=110)
    plt.close(fig)


def load_sentences(aligned_dir: Path, segmented_dir: Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Sentence links per language and sentence texts, for TMX at sentence level."""
    links = {
        path.name.split(".")[0].split("-")[1]: list(read_jsonl(path))
        for path in sorted(Path(aligned_dir).glob("en-*.sentences.jsonl"))
    }
    texts: dict[str, str] = {}
    for path in sorted(Path(segmented_dir).glob("*.jsonl")):
        texts.update({r["sent_id"]: r["text"] for r in read_jsonl(path)})
    return links, texts


def write_doc_exports(
    data: DocData,
    out: Path,
    filters: Filters,
    level: str = "paragraph",
    sentences: dict[str, dict[str, list[dict]]] | None = None,
    sentence_text: dict[str, str] | None = None,
    raw_csv: bool = False,
) -> None:
    write_csv(wide_frame([data], filters), Path(out) / f"{data.doc}.wide.csv", raw_csv)
    write_csv(long_frame([data], filters), Path(out) / f"{data.doc}.long.csv", raw_csv)
    write_tmx(tmx_tree([data], filters, level, sentences or {}, sentence_text or {}), Path(out) / f"{data.doc}.tmx")


def run_export(
    aligned: Path,
    tagged: Path,
    out: Path,
    filters: Filters | None = None,
    level: str = "paragraph",
    segmented: Path | None = None,
    summary_out: Path | None = None,
    raw_csv: bool = False,
) -> StageReport:
    """The export stage: per document a wide and a long CSV and a TMX file, plus the tag summary
    (CSV and plot) over all documents."""
    filters = filters or Filters()
    report = StageReport("export")
    docs, sentences, sentence_text = [], {}, {}
    segmented = Path(segmented or "data/segmented")
    # Every folder read is an input: an --out of data/tagged put the export's report.json over
    # the tag stage's, and its CSVs among the tag stage's files.
    check_out(out, aligned, tagged, *([segmented] if level == "sentence" else []))
    for folder in document_sets(Path(aligned)):
        if filters.docs and folder.name not in filters.docs:
            continue
        if not (folder / "sixway.jsonl").exists():
            report.fail(folder.name, None, f"{folder}: no six-way table (the align stage failed for this set)")
            continue
        try:
            data = load_doc(folder, Path(tagged) / folder.name)
            if level == "sentence":
                sentences[data.doc], texts = load_sentences(folder, segmented / data.doc)
                sentence_text.update(texts)
        except InputError as err:
            report.fail(folder.name, None, str(err))
            continue
        for lang in (lang for lang in untagged(data) if lang in filters.langs):
            problem = "no tag output for this language: left out of the long CSV, untagged in the wide one"
            report.fail(data.doc, lang, f"{Path(tagged) / data.doc / f'{lang}.jsonl'}: {problem}")
        docs.append(data)
    if not docs and not report.failures:
        raise InputError(aligned, "no document set matches the filters")
    for data in docs:
        write_doc_exports(data, Path(out), filters, level, sentences, sentence_text, raw_csv)
        report.sets[data.doc] = {"rows": len(data.rows), "exports": [f"{data.doc}.{x}" for x in EXPORTS]}
    summary = summary_frame(docs)
    summary_dir = Path(summary_out) if summary_out else Path(out)
    write_csv(summary, summary_dir / "tag_summary.csv", raw_csv)
    plot_summary(summary, summary_dir / "tag_distribution.png")
    report.metrics["tag_counts"] = {f"{r.doc}/{r.lang}/{r.tag}": int(r.paragraphs) for r in summary.itertuples()}
    report.write(Path(out))
    return report
