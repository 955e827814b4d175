"""Extract stage: one language file (PDF or text export) to its true paragraphs, in reading order.

Core: ``extract_file`` (path in, ``Extraction`` out). Document sets: ``extract_docset`` writes
``<out>/<doc>/<lang>.jsonl`` for every language it can read and a ``report.json`` saying what
each language gave or why it failed; one broken file never stops the others.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline.core.atomic import atomic_write_text
from pipeline.core.docset import SUFFIXES, DocSet, check_lang, check_out, find_docsets
from pipeline.core.errors import InputError
from pipeline.core.langcheck import check_language
from pipeline.core.records import Line, Paragraph, write_jsonl
from pipeline.core.report import StageReport
from pipeline.extract.docx_text import read_docx
from pipeline.extract.furniture import sort_lines
from pipeline.extract.ledger import build_ledger, clean_lines
from pipeline.extract.pdf_lines import read_pdf_lines
from pipeline.extract.reflow import CJK, Layout, join_lines, reflow, spaces_latin_in_cjk
from pipeline.extract.structure import classify, is_annex_heading, split_label
from pipeline.extract.text_lines import display_width, read_text_lines

log = logging.getLogger(__name__)
CJK_LANGS = {"zh"}
LEADING_PUNCT = re.compile(r"^([.،؛:!؟])\s*(?=[^\s\d.])")


@dataclass
class Extraction:
    doc: str
    lang: str
    paragraphs: list[Paragraph]
    meta: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    ledger: dict[str, dict] = field(default_factory=dict)
    """Per page: where the printed characters went (``pipeline.extract.ledger``)."""


def read_lines(path: Path) -> tuple[list[Line], float | None]:
    """Lines of a PDF or text export, plus the page height (None for text)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf_lines(path)
    if suffix in (".txt", ""):
        return read_text_lines(path), None
    raise InputError(path, f"unsupported file type {suffix!r}; expected .pdf, .docx or .txt")


def extract_file(path: Path, lang: str, doc: str = "", symbol: str | None = None) -> Extraction:
    check_lang(lang)
    if Path(path).suffix.lower() == ".docx" and Path(path).exists():
        word = read_docx(Path(path), lang, doc, symbol)
        return Extraction(doc, lang, word.paragraphs, word.meta, word.dropped)
    lines, page_height = read_lines(path)
    cleaned = clean_lines(lines)
    lines = [line for line in lines if line.text.strip()]  # lines of control characters only (their gap stays)
    if not lines:
        raise InputError(path, "no text left once control characters are removed")
    if lang == "ar":
        for line in lines:
            fixed = _fix_rtl_lead(line.text)
            line.final = line.final or (fixed != line.text and fixed.endswith("."))
            line.text = fixed
    sorted_lines = sort_lines(lines, symbol=symbol, page_height=page_height)
    layout = Layout.measure(sorted_lines.body)
    vocabulary = _vocabulary(sorted_lines.body)
    cjk = lang in CJK_LANGS
    mixed_space = cjk and spaces_latin_in_cjk(sorted_lines.body)
    paragraphs: list[Paragraph] = []
    in_annex = 0
    listing = False  # a list is open: the text before it ended with a colon
    table_left: float | None = None  # left edge of the PDF table met so far
    width = layout.right - layout.left or 1
    for block in reflow(sorted_lines.body, layout):
        previous = paragraphs[-1] if paragraphs else None
        if _wraps_cell(block, previous, table_left):
            previous.text = " ".join([previous.text, *(line.text.strip() for line in block)])
            continue
        if any("\t" in line.text for line in block):
            table_left = min([line.x0 for line in block] + ([table_left] if table_left is not None else []))
        rows = _table_rows(block, in_annex >= 2, width)
        if rows:
            for row in rows:
                paragraphs.append(_paragraph(doc, lang, len(paragraphs), "table_row", "", row))
            continue
        text = join_lines(block, vocabulary, cjk, mixed_space)
        label, body = split_label(text)
        short = display_width(text) * _cell(block[0]) < 0.75 * width
        listing = previous is not None and (
            previous.text.rstrip().endswith((":", "："))
            or (listing and previous.kind == "list_item" and bool(label) == bool(previous.label))
        )
        kind = classify(body, label, len(block), short, all(line.bold for line in block), listing)
        para = _paragraph(doc, lang, len(paragraphs), kind, label, block, body)
        para.refs = [m for line in block for m in line.markers]
        paragraphs.append(para)
        if kind == "heading" and (in_annex or is_annex_heading(text)):
            in_annex += 1
    notes = [
        Paragraph(
            doc,
            lang,
            f"{lang}-fn{number}",
            "footnote",
            number,
            note[0].page,
            join_lines(note, vocabulary, cjk, mixed_space),
        )
        for number, note in sorted_lines.footnotes
    ]
    if page_height is None:
        _strip_text_markers(paragraphs, [n.label for n in notes])
    meta = dict(sorted_lines.meta)
    if symbol:
        meta.setdefault("symbol", symbol)
    dropped = dict(sorted_lines.dropped)
    if cleaned:
        dropped["control characters"] = sum(cleaned.values())
    # A wrong --lang is silent damage (Chinese joins French lines with no space): say so now,
    # as the align stage would later.
    problem = check_language([p.text for p in paragraphs], lang)
    warnings = [f"{path}: {problem}; is --lang right?"] if problem else []
    for warning in warnings:
        log.warning("%s", warning)
    note_lines = [line for _, note in sorted_lines.footnotes for line in note]
    ledger = build_ledger(sorted_lines.body, note_lines, sorted_lines.removed, cleaned, paragraphs + notes)
    return Extraction(doc, lang, paragraphs + notes, meta, dropped, warnings, ledger)


def _paragraph(
    doc: str, lang: str, index: int, kind: str, label: str, block: list[Line], text: str | None = None
) -> Paragraph:
    body = text if text is not None else " ".join(part for line in block for part in line.text.split("\t")).strip()
    return Paragraph(doc, lang, f"{lang}-p{index + 1:04d}", kind, label, block[0].page, re.sub(r"[ \t]+", " ", body))


def _cell(line: Line) -> float:
    """Width of one character cell on this line (1 for text exports)."""
    cells = display_width(line.text) or 1
    return (line.x1 - line.x0) / cells if line.size else 1.0


def _table_rows(block: list[Line], in_table: bool, width: float) -> list[list[Line]]:
    """Table rows: lines with cell gaps anywhere, and in an annex schedule every short,
    unpunctuated line (text exports lose the gaps)."""
    if any("\t" in line.text for line in block):
        return [[line] for line in block]
    if in_table and all(
        display_width(line.text) * _cell(line) < 0.75 * width and not line.text.rstrip().endswith(("。", "."))
        for line in block
    ):
        return [[line] for line in block]
    return []


def _wraps_cell(block: list[Line], previous: Paragraph | None, table_left: float | None) -> bool:
    """A PDF table cell wrapping onto more lines: single-cell lines starting right of the table's
    first column, right after a table row."""
    return (
        previous is not None
        and previous.kind == "table_row"
        and table_left is not None
        and all("\t" not in line.text and line.size and line.x0 > table_left + 2 * line.size for line in block)
    )


def _fix_rtl_lead(text: str) -> str:
    """A full stop printed at the start of a right-to-left line belongs at its end: right-to-left
    text set in a left-to-right paragraph, or a line of only Latin text (a document symbol) in a
    right-to-left paragraph, prints it there. No Arabic sentence starts with one."""
    match = LEADING_PUNCT.match(text)
    return text[match.end() :] + match.group(1) if match else text


def _vocabulary(lines: list[Line]) -> set[str]:
    return {w.lower() for line in lines for w in re.findall(r"\w+(?:-\w+)*", line.text)}


def _strip_text_markers(paragraphs: list[Paragraph], numbers: list[str]) -> None:
    """Text exports print footnote markers as plain digits glued to the text (``宣言》，1并请``).
    Find them in order: marker n is the first plausible glued occurrence of n after marker n-1."""
    pending = list(numbers)
    for para in paragraphs:
        while pending:
            pattern = re.compile(rf"(?<=[^\W\d_]|[,;:)\]”’»》」）。，；：、])({pending[0]})(?=\s|$|[^\d\s./\-])")
            match = pattern.search(para.text)
            if not match or (match.end() < len(para.text) and not _marker_context(para.text, match)):
                break
            para.text = para.text[: match.start()] + para.text[match.end() :]
            para.refs.append(pending.pop(0))


def _marker_context(text: str, match: re.Match) -> bool:
    """Inside a line a glued number is a marker only after punctuation or CJK (``，1并``,
    ``Action,1 reaffirmed``); after a Latin letter it is more likely part of a name."""
    before = text[match.start() - 1]
    return bool(CJK.match(before)) or not before.isalpha()


def _ignored_because(path: Path, docset: DocSet) -> str:
    if path.is_dir():
        return "a folder, not a file"
    chosen = docset.files.get(path.stem)
    if chosen is not None and path.suffix.lower() in SUFFIXES:  # a second file of a language
        return f"{chosen.name} is read for {path.stem} (Word before PDF before text)"
    return "not named <lang>.pdf, <lang>.docx or <lang>.txt"


def extract_docset(docset: DocSet, out_root: Path) -> dict:
    """Extract every language of a set; returns (and writes) the per-language report."""
    out_dir = Path(out_root) / docset.doc
    report: dict = {"doc": docset.doc, "symbol": docset.symbol, "languages": {}}
    for path in docset.ignored:
        log.warning("%s: skipped, %s", path, _ignored_because(path, docset))
        report.setdefault("ignored", []).append(str(path))
    for lang, path in sorted(docset.files.items()):
        target = out_dir / f"{lang}.jsonl"
        try:
            result = extract_file(path, lang, docset.doc, docset.symbol)
        except InputError as err:
            if target.exists():
                target.unlink()  # a stale result must not pass for the current input
            report["languages"][lang] = {"source": str(path), "status": "failed", "error": str(err)}
            continue
        write_jsonl(target, (p.to_dict() for p in result.paragraphs))
        kinds: dict[str, int] = {}
        for p in result.paragraphs:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        log.info(
            "%s %s: %d paragraphs; removed %s",
            docset.doc,
            lang,
            len(result.paragraphs),
            ", ".join(f"{n} {why}" for why, n in sorted(result.dropped.items())) or "nothing",
        )
        report["languages"][lang] = {
            "source": str(path),
            "status": "ok",
            "paragraphs": kinds,
            "removed": result.dropped,
            "meta": result.meta,
            "warnings": result.warnings,
            "ledger": result.ledger,
        }
    atomic_write_text(out_dir / "report.json", json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return report


def run_extract(source: Path | list[DocSet], out: Path) -> StageReport:
    """The extract stage over a raw-data folder (or given document sets): every language of every
    set that can be read, each failure recorded (see ``pipeline.core.report``)."""
    if isinstance(source, str | Path):
        check_out(out, source)
    docsets = find_docsets(Path(source)) if isinstance(source, str | Path) else source
    report = StageReport("extract")
    for docset in tqdm(docsets, desc="extract", unit="set", disable=None):
        set_report = extract_docset(docset, Path(out))
        report.sets[docset.doc] = set_report
        for lang, result in set_report["languages"].items():
            if result["status"] != "ok":
                report.fail(docset.doc, lang, result["error"])
    report.write(Path(out))
    return report
