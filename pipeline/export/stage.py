"""Export stage: what analysts and translators open.

- ``<doc>.wide.csv``: one row per aligned group (doc, symbol, group id, confidence, the text of
  each language, merged tags, agreement, evidence);
- ``<doc>.long.csv``: one row per paragraph per language, with its tags and evidence;
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
from pipeline.core.docset import symbol_of
from pipeline.core.records import read_jsonl

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_LANG = {"ar": "ar", "zh": "zh-CN", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


PIVOT_FIRST = ("en", "fr", "es", "ru", "ar", "zh")


@dataclass
class Filters:
    tags: set[str] | None = None
    langs: tuple[str, ...] = PIVOT_FIRST
    min_confidence: float = 0.0
    docs: set[str] | None = None


@dataclass
class DocData:
    doc: str
    symbol: str
    rows: list[dict]
    """Six-way rows, each with merged ``tags``, ``agreement`` and per-language evidence."""
    paragraphs: dict[str, list[dict]]
    """lang -> tagged paragraph records."""


def load_doc(aligned_dir: Path, tagged_dir: Path) -> DocData:
    doc = Path(aligned_dir).name
    paragraphs = {
        path.stem: list(read_jsonl(path)) for path in sorted(Path(tagged_dir).glob("*.jsonl")) if path.stem in LANGS
    }
    by_id = {p["para_id"]: p for rows in paragraphs.values() for p in rows}
    consistency = (
        {r["row"]: r for r in read_jsonl(Path(tagged_dir) / "consistency" / "rows.jsonl")}
        if (Path(tagged_dir) / "consistency" / "rows.jsonl").exists()
        else {}
    )
    rows = []
    for row in read_jsonl(Path(aligned_dir) / "sixway.jsonl"):
        extra = consistency.get(row["row"], {})
        evidence = []
        for lang in PIVOT_FIRST:
            for pid in row.get(f"{lang}_ids", []):
                for e in by_id.get(pid, {}).get("evidence", []):
                    evidence.append(f"{e['tag']}[{lang}]: {e['span'] or e['rule']}")
        rows.append(
            {**row, "tags": extra.get("tags", []), "agreement": extra.get("agreement", {}), "evidence": evidence}
        )
    return DocData(doc, symbol_of(doc), rows, paragraphs)


def row_confidence(row: dict, langs: tuple[str, ...]) -> float:
    values = [row[f"{lang}_confidence"] for lang in langs if f"{lang}_confidence" in row]
    return min(values) if values else 1.0


def wide_frame(docs: list[DocData], filters: Filters) -> pd.DataFrame:
    records = []
    for data in docs:
        for row in data.rows:
            confidence = row_confidence(row, filters.langs)
            if confidence < filters.min_confidence or (filters.tags and not filters.tags & set(row["tags"])):
                continue
            record = {"doc": data.doc, "symbol": data.symbol, "group": row["row"], "confidence": round(confidence, 4)}
            for lang in filters.langs:
                record[lang] = row.get(lang, "")
                if lang != "en":
                    record[f"{lang}_confidence"] = row.get(f"{lang}_confidence")
            record["tags"] = ";".join(row["tags"])
            record["agreement"] = json.dumps(row["agreement"], ensure_ascii=False)
            record["evidence"] = " | ".join(
                e for e in row["evidence"] if e.split("[")[1].split("]")[0] in filters.langs
            )
            records.append(record)
    columns = ["doc", "symbol", "group", "confidence"]
    columns += [c for lang in filters.langs for c in ((lang,) if lang == "en" else (lang, f"{lang}_confidence"))]
    return pd.DataFrame.from_records(records, columns=[*columns, "tags", "agreement", "evidence"])


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
                if confidence < filters.min_confidence or (filters.tags and not filters.tags & set(p["tags"])):
                    continue
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
                        "tags": ";".join(p["tags"]),
                        "evidence": " | ".join(f"{e['tag']}: {e['span'] or e['rule']}" for e in p["evidence"]),
                    }
                )
    columns = ["doc", "symbol", "lang", "para_id", "kind", "label", "page", "text", "confidence", "tags", "evidence"]
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
                tu = etree.SubElement(body, "tu", tuid=f"{data.doc}:{row['row']}")
                _props(tu, data, confidence, row["tags"])
                for lang in present:
                    tuv = etree.SubElement(tu, "tuv", {XML_LANG: TMX_LANG[lang]})
                    etree.SubElement(tuv, "seg").text = row[lang]
        else:
            for lang, links in sentences.get(data.doc, {}).items():
                if lang not in filters.langs:
                    continue
                for k, link in enumerate(links):
                    if not (link["src_ids"] and link["tgt_ids"]) or link["confidence"] < filters.min_confidence:
                        continue
                    tu = etree.SubElement(body, "tu", tuid=f"{data.doc}:en-{lang}:{k}")
                    _props(tu, data, link["confidence"], [])
                    for code, ids in (("en", link["src_ids"]), (lang, link["tgt_ids"])):
                        tuv = etree.SubElement(tu, "tuv", {XML_LANG: TMX_LANG[code]})
                        joiner = "" if code == "zh" else " "
                        etree.SubElement(tuv, "seg").text = joiner.join(sentence_text[i] for i in ids)
    return etree.ElementTree(tmx)


def _props(tu: etree._Element, data: DocData, confidence: float, tags: list[str]) -> None:
    for kind, value in (
        ("x-doc", data.doc),
        ("x-symbol", data.symbol),
        ("x-confidence", f"{confidence:.4f}"),
        ("x-tags", ";".join(tags)),
    ):
        if value:
            etree.SubElement(tu, "prop", type=kind).text = value


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
