"""Draw what the extractor saw on one PDF page: ``hexalign inspect FILE --lang xx --page N``.

A translator who finds a paragraph cut in two, or a footer inside a paragraph, needs to see why;
so does a developer. The page is drawn with each output record's lines boxed and tinted by kind
(heading, paragraph, list item, table row, footnote), furniture lines struck through in red, and
each footnote marker joined to its note by a line. The records are the stage's own
(``extract_file``); the line reading, furniture sorting and reflow are run once more beside it to
know which printed lines went into which record, since records do not keep their lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from PIL import Image, ImageDraw

from pipeline.core.docset import check_lang
from pipeline.core.errors import InputError
from pipeline.core.records import Line
from pipeline.extract import stage
from pipeline.extract.furniture import sort_lines
from pipeline.extract.pdf_lines import read_pdf_lines
from pipeline.extract.reflow import Layout, reflow

COLOURS = {
    "heading": (148, 103, 189),
    "paragraph": (31, 119, 180),
    "list_item": (44, 160, 44),
    "table_row": (23, 190, 207),
    "footnote": (255, 127, 14),
    "unmatched": (127, 127, 127),
}
"""Kind -> RGB; ``unmatched`` marks lines whose record could not be found (a bug to look at)."""
FILL_ALPHA = 60
"""Opacity (of 255) of the tint laid over a record's box: the text must stay readable."""
FURNITURE = (220, 0, 0)
LINK = (255, 127, 14)


@dataclass
class Box:
    kind: str
    record: str
    """para_id of the record the lines went into ("" when none was found)."""
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PageTrace:
    """Where the lines of one page went, in PDF points."""

    page: int
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)
    links: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)
    """(marker position, note position) pairs."""


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text).lower())


def trace_page(path: Path, lang: str, page: int, symbol: str | None = None) -> PageTrace:
    """Run the extractor on the file and follow the lines of ``page`` (1-based) into records."""
    check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise InputError(path, "inspect draws PDF pages; this is not a .pdf")
    lines, page_height = read_pdf_lines(path)
    pages = max((line.page for line in lines), default=0)
    if not 1 <= page <= pages:
        raise InputError(path, f"no page {page}; the file has {pages}")
    records = stage.extract_file(path, lang, symbol=symbol).paragraphs
    if lang == "ar":  # the same repair the stage makes before sorting
        for line in lines:
            line.text = stage._fix_rtl_lead(line.text)
    sorted_lines = sort_lines(lines, symbol=symbol, page_height=page_height)
    with pdfplumber.open(path) as pdf:
        width, height = float(pdf.pages[page - 1].width), float(pdf.pages[page - 1].height)
        chars = pdf.pages[page - 1].chars
    trace = PageTrace(page, width, height)
    body_ids = {id(line) for line in sorted_lines.body}
    note_spots = {(n.page, round(n.top, 1), round(n.x0, 1)) for _, note in sorted_lines.footnotes for n in note}
    trace.furniture = [
        line
        for line in lines
        if line.page == page
        and id(line) not in body_ids
        and (line.page, round(line.top, 1), round(line.x0, 1)) not in note_spots
    ]
    body_records = [r for r in records if r.kind != "footnote"]
    cursor = 0
    for block in reflow(sorted_lines.body, Layout.measure(sorted_lines.body)):
        record, cursor = _find(body_records, cursor, block)
        _add_box(trace, block, record.kind if record else "unmatched", record.para_id if record else "")
    notes = {r.label: r for r in records if r.kind == "footnote"}
    note_tops: dict[str, tuple[float, float]] = {}
    for number, note in sorted_lines.footnotes:
        record = notes.get(number)
        _add_box(trace, note, "footnote", record.para_id if record else "")
        first = next((line for line in note if line.page == page), None)
        if first is not None:
            note_tops[number] = (first.x0, (first.top + first.bottom) / 2)
    for line in sorted_lines.body:
        if line.page == page and line.markers:
            for number, spot in zip(line.markers, _marker_spots(chars, line), strict=False):
                if number in note_tops:
                    trace.links.append((spot, note_tops[number]))
    return trace


def _find(records: list, cursor: int, block: list[Line]) -> tuple[object | None, int]:
    """The record holding this block's text: searched from the last match on, since records
    come in reading order; a block can share a record with its neighbours (merged cells)."""
    wanted = key("".join(line.text for line in block))
    for index in range(max(cursor - 1, 0), len(records)):
        if wanted and wanted in key(records[index].label + records[index].text):
            return records[index], index
    return None, cursor


def _add_box(trace: PageTrace, lines: list[Line], kind: str, record: str) -> None:
    here = [line for line in lines if line.page == trace.page]
    if here:
        box = Box(
            kind,
            record,
            min(line.x0 for line in here),
            min(line.top for line in here),
            max(line.x1 for line in here),
            max(line.bottom for line in here),
        )
        trace.boxes.append(box)


def _marker_spots(chars: list[dict], line: Line) -> list[tuple[float, float]]:
    """Where the raised footnote numbers of a line are printed: small digits above its baseline
    (a number of several digits counts once)."""
    spots = [
        (c["x0"], c["top"])
        for c in chars
        if c["text"].isdigit()
        and c["size"] < 0.8 * line.size
        and line.top - line.size <= c["top"] <= line.bottom
        and c["bottom"] < line.bottom - 0.15 * line.size
    ]
    spots.sort()
    return [spot for n, spot in enumerate(spots) if n == 0 or spot[0] - spots[n - 1][0] > line.size * 0.6]


def draw(path: Path, trace: PageTrace, out: Path, resolution: int = 100) -> Path:
    """Write the page as PNG with the trace drawn over it; the image is the page at
    ``resolution`` dots per inch."""
    scale = resolution / 72
    with pdfplumber.open(path) as pdf:
        image = pdf.pages[trace.page - 1].to_image(resolution=resolution).original.convert("RGB")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)

    def px(x: float, y: float) -> tuple[float, float]:
        return x * scale, y * scale

    pad = 1.5
    for box in trace.boxes:
        colour = COLOURS.get(box.kind, COLOURS["unmatched"])
        corners = [*px(box.x0 - pad, box.top - pad), *px(box.x1 + pad, box.bottom + pad)]
        pen.rectangle(corners, fill=(*colour, FILL_ALPHA), outline=(*colour, 255), width=2)
    for line in trace.furniture:
        middle = (line.top + line.bottom) / 2
        pen.line([*px(line.x0, middle), *px(line.x1, middle)], fill=(*FURNITURE, 255), width=3)
    for marker, note in trace.links:
        pen.line([*px(*marker), *px(*note)], fill=(*LINK, 255), width=2)
        pen.ellipse([*px(marker[0] - 3, marker[1] - 3), *px(marker[0] + 3, marker[1] + 3)], outline=(*LINK, 255))
    _legend(pen, image.size)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out)
    return out


def _legend(pen: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
    x, y = 8, size[1] - 16
    for kind, colour in [*COLOURS.items(), ("furniture", FURNITURE)]:
        pen.rectangle([x, y, x + 10, y + 10], fill=(*colour, 200))
        pen.text((x + 14, y - 1), kind, fill=(0, 0, 0, 255))
        x += 14 + 7 * len(kind) + 12
