"""Word files to paragraph records, from the document's own structure (python-docx).

A ``.docx`` already knows what a PDF only shows: where each paragraph ends, which style it has,
which numbers Word prints in front of it, which cells form a table row and which text is a
footnote. So nothing is guessed from geometry here: paragraphs are the file's paragraphs, kinds
come from styles (``Heading 2``, ``Title``, ``List ...``, or an outline level), labels from the
numbering definitions, table rows from ``w:tr``, footnotes from the footnotes part (their markers
taken out of the text and kept as ``refs``). Headers and footers live in parts of their own and
are never read; a masthead table on the first page (``Distr.``) and the bare symbol line go to
metadata, as in PDF extraction.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from pipeline.core.errors import InputError
from pipeline.core.records import Paragraph
from pipeline.extract.structure import split_label

FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
DISTR = re.compile(r"\bDistr\b\.?", re.IGNORECASE)
ORIGINAL = re.compile(r"\bOriginal\s*:\s*(?P<orig>\S+)", re.IGNORECASE)
SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.()\-]*){1,}")
TERMINAL = tuple(".;:!?,。；：！？，؟؛،")
FORMATS = {"lowerLetter": "abcdefghijklmnopqrstuvwxyz", "upperLetter": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


@dataclass
class DocxText:
    paragraphs: list[Paragraph]
    meta: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)


def read_docx(path: Path, lang: str, doc: str = "", symbol: str | None = None) -> DocxText:
    """Body paragraphs and table rows in order, then the footnotes; raises InputError for a file
    Word could not open."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as err:
        raise InputError(path, f"not a readable Word file ({err})") from err
    reader = _Reader(document, lang, doc, symbol)
    reader.read_body(document.element.body)
    notes = reader.footnotes(document)
    if not reader.paragraphs and not notes:
        raise InputError(path, "Word file has no text")
    return DocxText(reader.paragraphs + notes, reader.meta, reader.dropped)


class _Reader:
    """Walks the body once, numbering lists and footnote references as Word would print them."""

    def __init__(self, document, lang: str, doc: str, symbol: str | None) -> None:
        self.lang, self.doc, self.symbol = lang, doc, symbol
        self.numbering = _Numbering(document)
        self.style_names = {style.style_id: style.name or "" for style in document.styles}
        self.paragraphs: list[Paragraph] = []
        self.meta: dict[str, str] = {"symbol": symbol} if symbol else {}
        self.dropped: dict[str, int] = {}
        self.note_numbers: dict[str, str] = {}
        """footnote id -> the number printed for it (references are numbered in body order)."""
        self.page = 1

    def read_body(self, body) -> None:
        for element in body.iterchildren():
            if element.tag == qn("w:p"):
                self.read_paragraph(element)
            elif element.tag == qn("w:tbl"):
                self.read_table(element)
            elif element.tag == qn("w:sdt"):
                content = element.find(qn("w:sdtContent"))
                if content is not None:
                    self.read_body(content)

    def read_paragraph(self, p) -> None:
        text, refs, breaks = self.paragraph_text(p)
        self.page += breaks
        if not text.strip():
            return
        text = re.sub(r"[ \t\u00a0]+", " ", text).strip()
        if self.symbol and text == self.symbol and not self.paragraphs:
            self._drop("symbol line")
            return
        kind = self.kind_of(p, text)
        label = self.numbering.label(p)
        if not label:
            label, text = split_label(text)
        elif kind == "paragraph" and self.numbering.level(p) > 0:
            kind = "list_item"
        self._add(kind, label, text, refs)

    def read_table(self, table) -> None:
        rows = []
        for tr in table.iter(qn("w:tr")):
            cells = []
            for tc in tr.iterchildren(qn("w:tc")):
                parts = [self.paragraph_text(p)[0].strip() for p in tc.iter(qn("w:p"))]
                cells.append(" ".join(part for part in parts if part))
            rows.append([cell for cell in cells if cell])
        flat = " ".join(" ".join(row) for row in rows)
        if not self.paragraphs and DISTR.search(flat):
            self._masthead(rows)
            return
        for row in rows:
            if row:
                self._add("table_row", "", re.sub(r"\s+", " ", " ".join(row)), [])

    def paragraph_text(self, p) -> tuple[str, list[str], int]:
        """Text of a paragraph in reading order, the footnote numbers it references (markers
        are not text), and how many page breaks it carries."""
        parts: list[str] = []
        refs: list[str] = []
        breaks = 1 if p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None else 0
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:noBreakHyphen"), qn("w:footnoteReference")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
            elif node.tag == qn("w:noBreakHyphen"):
                parts.append("-")
            elif node.tag == qn("w:br"):
                if node.get(qn("w:type")) == "page":
                    breaks += 1
                else:
                    parts.append(" ")
            else:
                note_id = node.get(qn("w:id"))
                refs.append(self.note_numbers.setdefault(note_id, str(len(self.note_numbers) + 1)))
        return "".join(parts).replace("\u00ad", ""), refs, breaks

    def kind_of(self, p, text: str) -> str:
        """Heading, list item or paragraph, from the style Word was told to use; direct bold
        formatting on a short line without closing punctuation is a heading too (many files are
        formatted by hand)."""
        style = self.style_names.get(_style_id(p), _style_id(p)).lower()
        if style.startswith(("heading", "title", "subtitle")) or "_ h" in style or _outline_level(p) is not None:
            return "heading"
        if style.startswith("list"):
            return "list_item"
        runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        bold = bool(runs) and all(_bold(r) for r in runs)
        if bold and len(text) < 200 and not text.rstrip().endswith(TERMINAL):
            return "heading"
        return "paragraph"

    def footnotes(self, document) -> list[Paragraph]:
        part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == FOOTNOTES_REL), None)
        if part is None:
            return []
        root = etree.fromstring(part.blob)
        notes = []
        for note in root.iterchildren(qn("w:footnote")):
            number = self.note_numbers.get(note.get(qn("w:id")))
            if number is None:  # separators, and notes nothing refers to
                continue
            text = " ".join(self.paragraph_text(p)[0].strip() for p in note.iter(qn("w:p")))
            notes.append((int(number), re.sub(r"\s+", " ", text).strip()))
        return [
            Paragraph(self.doc, self.lang, f"{self.lang}-fn{n}", "footnote", str(n), 1, text)
            for n, text in sorted(notes)
        ]

    def _add(self, kind: str, label: str, text: str, refs: list[str]) -> None:
        index = len(self.paragraphs) + 1
        para = Paragraph(self.doc, self.lang, f"{self.lang}-p{index:04d}", kind, label, self.page, text, refs)
        self.paragraphs.append(para)

    def _masthead(self, rows: list[list[str]]) -> None:
        for cell in (cell for row in rows for cell in row):
            if (match := SYMBOL.search(cell)) and "symbol" not in self.meta:
                self.meta["symbol"] = match.group(0)
            if match := ORIGINAL.search(cell):
                self.meta.setdefault("original", match.group("orig"))
            if DISTR.search(cell):
                self.meta.setdefault("distribution", DISTR.sub("", cell).strip(" :.").split()[0])
        self._drop("masthead")

    def _drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


class _Numbering:
    """The numbers Word prints before numbered paragraphs (``1.``, ``(a)``, ``ii.``), counted per
    list the way Word counts them: a level restarts when a higher level advances."""

    def __init__(self, document) -> None:
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = {s.style_id: s for s in document.styles if s.type == 1}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl")))] = {
                    "start": int(_val(lvl, "w:start") or 1),
                    "format": _val(lvl, "w:numFmt") or "decimal",
                    "text": _val(lvl, "w:lvlText") or "",
                }
            self.abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            starts = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    starts[int(override.get(qn("w:ilvl")))] = int(start)
            self.nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId") or "", starts)

    def _numpr(self, p) -> tuple[str, int] | None:
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            style = self.styles.get(_style_id(p))
            ppr = style.element.find(qn("w:pPr")) if style is not None else None
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None:
            return None
        num_id = _val(numpr, "w:numId")
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, int(_val(numpr, "w:ilvl") or 0)

    def level(self, p) -> int:
        found = self._numpr(p)
        return found[1] if found else 0

    def label(self, p) -> str:
        found = self._numpr(p)
        if found is None:
            return ""
        num_id, level = found
        abstract_id, starts = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = starts.get(level, levels[level]["start"])
        counters[level] = counters[level] + 1 if level in counters else start
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if levels[level]["format"] == "bullet":
            return levels[level]["text"]

        def number(match: re.Match) -> str:
            at = int(match.group(1)) - 1
            value = counters.get(at, levels.get(at, {}).get("start", 1))
            return _format(value, levels.get(at, {}).get("format", "decimal"))

        return re.sub(r"%(\d)", number, levels[level]["text"]).strip()


def _format(value: int, fmt: str) -> str:
    if fmt in FORMATS:
        letters = FORMATS[fmt]
        return letters[(value - 1) % 26] * ((value - 1) // 26 + 1)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out, value = out + letters, value - number
    return out


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _style_id(p) -> str:
    ppr = p.find(qn("w:pPr"))
    return (_val(ppr, "w:pStyle") if ppr is not None else None) or ""


def _outline_level(p) -> int | None:
    ppr = p.find(qn("w:pPr"))
    level = _val(ppr, "w:outlineLvl") if ppr is not None else None
    return int(level) if level is not None and int(level) < 9 else None


def _bold(run) -> bool:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        return False
    b = rpr.find(qn("w:b"))
    return b is not None and b.get(qn("w:val")) not in ("0", "false")
