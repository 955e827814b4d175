"""Page furniture: what a page prints that is not the document's running text.

Running headers and footers, document symbol lines, page numbers, job numbers and barcodes, the
masthead (``Distr.``, ``Original:``), and hyperlink lists are removed from the text flow (the
useful ones are kept as metadata); footnote bodies are split off into their own flow.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.core.records import Line
from pipeline.extract.bands import edge_of, extend_to_edges, repeated_edges
from pipeline.extract.text_lines import URL_LINE

SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*){2,}")
JOB = re.compile(
    r"^(?:\d{1,3}/\d{1,3}\s+)?(?P<job>(?:[A-Z]{1,2}\.)?\d{2}-\d{5}\s*[()][A-Z][()])(?:\s+\d{6}){0,2}(?:\s+\d{1,3}/\d{1,3})?$"
)
"""Job number of page 1, with the language, the processing and issue dates, maybe the page:
``23-24951 (E) 211223``, ``GE.15-01234 (C) 111215 161215``."""
BARCODE = re.compile(r"^\*\d{6,}\*$")
PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$")
DISTR = re.compile(r"^(?:.{0,30}\s)?Distr\.?\s*:?\s*(?P<dist>\S+)", re.IGNORECASE)
ORIGINAL = re.compile(r"\bOriginal\s*:\s*(?P<orig>\S+)", re.IGNORECASE)
DATE_ONLY = re.compile(r"^\d{1,2}\s+(?:de\s+)?\w+\s+(?:de\s+)?\d{4}(?:\s*г\.)?$|^\w+\s+\d{1,2},?\s+\d{4}$")
SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
FOOTNOTE_START = re.compile(r"^(\d{1,3})(?:/(?=\s)|(?=\D))\s*")
SENTENCE_END = tuple(".,;:。；：")
NOTE_END = tuple(".!?。！？»”)")
"""A footnote whose last line ends otherwise runs on at the foot of the next page."""


@dataclass
class Sorted:
    body: list[Line] = field(default_factory=list)
    footnotes: list[tuple[str, list[Line]]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    dropped: Counter = field(default_factory=Counter)
    """Why lines were removed, counted by reason, for the log."""
    removed: list[tuple[Line, str]] = field(default_factory=list)
    """Every removed line with its reason, for the character ledger."""


def sort_lines(lines: list[Line], symbol: str | None = None, page_height: float | None = None) -> Sorted:
    """Split lines into running text, footnotes and furniture (with metadata).

    Furniture is decided by position first: running heads and footers are lines at a page edge
    that repeat across pages (``bands``), the masthead is the banner and ``Distr.`` block at the
    top of page 1, and the patterns below (job number, page number, symbol line) only apply to
    lines at a page edge. A line in the body region is never removed for what it says.
    """
    out = Sorted()
    geometry = page_height is not None
    body_size = _body_size(lines)
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    edges = edge_of(by_page, page_height)
    symbol = (
        symbol
        or _guess_symbol([line for line in lines if id(line) in edges and line.page > 1])
        or _guess_symbol([line for line in lines if len(line.text.split()) <= 6], 2)
    )
    if symbol:
        out.meta["symbol"] = symbol
    reasons = repeated_edges(by_page, edges)
    reasons.update({key: "masthead" for key in _masthead(by_page.get(1, []), page_height)})
    for line in lines:
        if id(line) not in reasons and (reason := _furniture_reason(line, symbol, id(line) in edges, geometry)):
            reasons[id(line)] = reason
    extend_to_edges(by_page, edges, reasons, symbol)
    for page in sorted(by_page):
        kept: list[Line] = []
        for line in by_page[page]:
            reason = reasons.get(id(line), "")
            if reason:
                out.dropped[reason] += 1
                out.removed.append((line, reason))
                _collect_meta(line, reason, out.meta)
                continue
            kept.append(line)
        expected = int(out.footnotes[-1][0]) + 1 if out.footnotes else 1
        open_note = bool(out.footnotes) and not out.footnotes[-1][1][-1].text.rstrip().endswith(NOTE_END)
        body, notes = _split_footnotes(kept, body_size, geometry, expected, open_note)
        out.body.extend(body)
        _append_footnotes(out.footnotes, notes)
    return out


def _furniture_reason(line: Line, symbol: str | None, at_edge: bool, geometry: bool) -> str:
    """Pattern rules, for lines at a page edge only (and hyperlink lists, which text exports
    print after each page's text)."""
    text = line.text.replace("\t", " ").strip()
    if URL_LINE.match(text) and (at_edge or not geometry):
        return "hyperlink list"
    if not at_edge:
        return ""
    if JOB.match(text):
        return "job number"
    if BARCODE.match(text):
        return "barcode"
    if PAGE_NUMBER.match(text):
        return "page number"
    if symbol and symbol in text and len(text.replace(symbol, "").split()) <= 3 and not text.endswith(SENTENCE_END):
        return "symbol line"
    return ""


def _masthead(lines: list[Line], page_height: float | None) -> set[int]:
    """The masthead of page 1: everything down to the ``Distr.`` line (organ, symbol banner),
    and the column block that starts with it (distribution, symbol, date, language, original).
    Its fields go to metadata; it is not running text."""
    limit = 0.35 * page_height if page_height else 15
    distr = next(
        (line for line in lines if line.top <= limit and DISTR.match(line.text.replace("\t", " ").strip())), None
    )
    if distr is None:
        return set()
    block = [distr]
    for line in lines[lines.index(distr) + 1 :]:
        height = max(block[-1].bottom - block[-1].top, 1.0)
        column = len(block) == 1 or abs(line.x0 - block[1].x0) <= height
        if line.top - block[-1].bottom > 2 * height or not column or len(line.text.split()) > 6:
            break
        block.append(line)
    end = block[-1].bottom
    return {id(line) for line in lines if line.top <= end}


def _collect_meta(line: Line, reason: str, meta: dict[str, str]) -> None:
    text = line.text.replace("\t", " ").strip()
    if reason == "job number" and (match := JOB.match(text)):
        meta.setdefault("job", match.group("job"))
    elif reason == "masthead":
        if match := DISTR.match(text):
            meta.setdefault("distribution", match.group("dist"))
        if match := ORIGINAL.search(text):
            meta.setdefault("original", match.group("orig"))
        elif DATE_ONLY.match(text):
            meta.setdefault("date", text)
        elif match := SYMBOL.search(text):
            meta.setdefault("masthead_symbol", match.group(0))


def _guess_symbol(lines: list[Line], least: int = 1) -> str | None:
    """The document symbol: the symbol printed most often at the page edges of later pages
    (running heads), or else on short lines (masthead)."""
    counts = Counter(match.group(0) for line in lines for match in SYMBOL.finditer(line.text))
    if not counts:
        return None
    symbol, count = counts.most_common(1)[0]
    return symbol if count >= least else None


def _body_size(lines: list[Line]) -> float:
    sizes = Counter(round(line.size, 1) for line in lines for _ in line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _split_footnotes(
    lines: list[Line], body_size: float, geometry: bool, expected: int, open_note: bool = False
) -> tuple[list[Line], list[Line]]:
    """Footnotes sit below the running text: after a ``____`` rule in text exports, or as the
    trailing run of smaller-type lines on a PDF page that starts with the next note number
    (small type that starts with another number is a table or a list, not notes). When the last
    note so far stopped mid-sentence at the foot of a page (``open_note``), the run may open
    with its continuation: those lines go to the notes too, and join that note."""
    for index, line in enumerate(lines):
        if SEPARATOR.match(line.text):
            return lines[:index], lines[index + 1 :]
    if not geometry or body_size == 0:
        return lines, []
    start = len(lines)
    while start > 0 and lines[start - 1].size < 0.92 * body_size:
        start -= 1
    if open_note and start < len(lines) and not _starts_note(lines[start], expected):
        return lines[:start], lines[start:]
    while start < len(lines) and not _starts_note(lines[start], expected):
        start += 1
    return lines[:start], lines[start:]


def _starts_note(line: Line, expected: int) -> bool:
    match = FOOTNOTE_START.match(line.text)
    number = match.group(1) if match else (line.markers[0] if line.markers else "")
    return number == str(expected)


def _append_footnotes(footnotes: list[tuple[str, list[Line]]], lines: list[Line]) -> None:
    """Group footnote lines into numbered notes; numbers must run in sequence, so a line that
    merely starts with a year continues the previous note."""
    for line in lines:
        match = FOOTNOTE_START.match(line.text)
        expected = int(footnotes[-1][0]) + 1 if footnotes else None
        if match and (expected is None or int(match.group(1)) == expected):
            rest = line.text[match.end() :]
            footnotes.append((match.group(1), [_with_text(line, rest)]))
        elif line.markers and (expected is None or line.markers[0] == str(expected)):
            footnotes.append((line.markers[0], [_with_text(line, line.text)]))
        elif footnotes:
            footnotes[-1][1].append(line)


def _with_text(line: Line, text: str) -> Line:
    return Line(**{**line.__dict__, "text": text})
