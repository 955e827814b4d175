"""PDF text layer to printed lines (pdfplumber), with the geometry that reflow needs.

Lines are rebuilt from characters rather than taken from pdfplumber's own line grouping because
real exports break it: some fonts write word spaces as tab glyphs (Russian UDHR, Sans), some move
digits and punctuation a few points below the baseline (Chinese UDHR, Sans), and footnote
markers are raised, smaller glyphs that must become references, not text.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import unicodedata
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from tqdm import tqdm

from pipeline.core.errors import InputError
from pipeline.core.records import Line
from pipeline.extract.bidi import has_arabic, producer_mirrors, visual_to_logical

LABEL_TAB = re.compile(r"^(\(?[\w\u0600-\u06FF]{1,4}[.)]|\d{1,3} ?[-–])\t")
PROGRESS_PAGES = 50
"""Files with at least this many pages show a progress bar (on a terminal)."""
CELL_GAP = 2.0
"""A horizontal gap wider than this many character sizes separates table cells."""


def read_pdf_lines(path: Path) -> tuple[list[Line], float]:
    """All printed lines of a PDF in page order, and the page height (furniture lives near the
    page edges); raises InputError for unreadable files."""
    try:
        with pdfplumber.open(path) as pdf:
            height = float(pdf.pages[0].height) if pdf.pages else 0.0
            lines = []
            # Each page is turned into lines and closed at once: pdfplumber keeps every parsed
            # page's objects cached otherwise, and memory grows with the page count.
            for number, page in enumerate(
                tqdm(
                    pdf.pages,
                    desc=Path(path).name,
                    unit="page",
                    leave=False,
                    disable=None if len(pdf.pages) >= PROGRESS_PAGES else True,
                ),
                1,
            ):
                lines += _off_the_page(_page_lines(number, page.chars), float(page.width))
                page.close()
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise InputError(path, f"encrypted PDF, cannot read its text ({type(err).__name__})") from err
    except (PdfminerException, MalformedPDFException, PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(path, "encrypted PDF, cannot read its text") from err
        raise InputError(path, f"not a readable PDF ({cause})") from err
    if not any(line.text.strip() for line in lines):
        raise InputError(path, "PDF has no text layer (image-only or empty); run OCR first")
    mirror = producer_mirrors([line.text for line in lines])
    for line in lines:
        if has_arabic(line.text):
            cells = reversed(line.text.split("\t"))
            line.text = "\t".join(visual_to_logical(cell, mirror, force=True) for cell in cells)
        # The tab after a paragraph label ("1.<tab>The sixth ...") is layout, not a table cell.
        line.text = LABEL_TAB.sub(r"\1 ", line.text)
    return lines, height


def _page_lines(page: int, chars: list[dict]) -> list[Line]:
    """Lines of one page, in visual order (right-to-left text is reordered later)."""
    visible = _attach_marks([c for c in chars if c["text"].strip()])
    if not visible:
        return []
    spaces = sorted(((c["x0"] + c["x1"]) / 2, c["bottom"]) for c in chars if not c["text"].strip())
    body_size = Counter(round(c["size"], 1) for c in visible).most_common(1)[0][0]
    rows: list[list[dict]] = []
    for char in sorted(visible, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        row = rows[-1] if rows else None
        if row is not None and abs(char["bottom"] - _row_bottom(row)) <= 0.75 * max(char["size"], body_size * 0.6):
            row.append(char)
        else:
            rows.append([char])
    row_spaces = [_row_spaces(row, spaces) for row in rows]
    starts: list[list[float]] = [[] for _ in rows]
    lines = [_make_line(page, row, gaps, starts=out) for row, gaps, out in zip(rows, row_spaces, starts, strict=True)]
    columns = _table_columns(lines, starts)
    if not any(columns):
        return lines
    # A table: its clear rows give the column positions; inside the block of lines set tight
    # around them, a word gap that opens on one of them is a cell gap too (numbers set close
    # after a title).
    starts = [[] for _ in rows]
    lines = [
        _make_line(page, row, gaps, cols, out)
        for row, gaps, out, cols in zip(rows, row_spaces, starts, columns, strict=True)
    ]
    return _fold_cells(lines, starts)


def _table_columns(lines: list[Line], starts: list[list[float]]) -> list[list[float]]:
    """Per line, the column positions of the table it belongs to (none outside tables). A
    table is a run of lines of one size at the usual line distance (no paragraph space between
    them) that holds clear table rows; its columns are where their cells start. The gap after
    a paragraph label (``1.<tab>The``) is no cell."""
    runs: list[list[int]] = []
    for index, line in enumerate(lines):
        last = lines[runs[-1][-1]] if runs else None
        tight = last is not None and abs(line.size - last.size) <= 0.6 and 0 <= line.top - last.bottom < 0.6 * line.size
        if tight:
            runs[-1].append(index)
        else:
            runs.append([index])
    columns: list[list[float]] = [[] for _ in lines]
    for run in runs:
        found = sorted({x for index in run for x in starts[index][1 if LABEL_TAB.match(lines[index].text) else 0 :]})
        for index in run:
            columns[index] = found
    return columns


def _fold_cells(lines: list[Line], starts: list[list[float]]) -> list[Line]:
    """Cells wrapping over several lines: a line right under a table row, at the usual line
    distance, with no cell gap of its own, starting at one of the row's cell edges and ending
    before the next one, goes on that cell (``Efforts contributing to the achievement of the``
    ``14–28`` over ``aims and objectives of the Middle East peace`` over ``process``). Not on
    the last cell: the right column of a masthead (``Distr.: General`` over the date) is no
    wrapped cell."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        row, edges = lines[index], starts[index]
        out.append(row)
        index += 1
        cells = row.text.split("\t")
        edges = [row.x0, *edges]
        if len(cells) < 2 or len(cells) != len(edges):
            continue
        last = row
        while index < len(lines):
            nxt = lines[index]
            if "\t" in nxt.text or abs(nxt.size - row.size) > 0.6 or not 0 <= nxt.top - last.bottom < 0.6 * row.size:
                break
            column = next((k for k, edge in enumerate(edges) if abs(nxt.x0 - edge) < 1.0), None)
            if column is None or column + 1 >= len(edges) or nxt.x1 > edges[column + 1]:
                break
            cells[column] = f"{cells[column]} {nxt.text.strip()}"
            row.bottom, row.x1, row.markers = nxt.bottom, max(row.x1, nxt.x1), row.markers + nxt.markers
            last = nxt
            index += 1
        row.text = "\t".join(cells)
    return out


def _off_the_page(lines: list[Line], width: float) -> list[Line]:
    """Mark the lines that run off the page as paragraph ends: a producer that lets a line run
    past the paper did not wrap it (HTML renders of unwrapped paragraphs, the UDHR's), so the
    break after it is hard, however long the line."""
    for line in lines:
        if line.x1 > width + line.size or line.x0 < -line.size:
            line.final = True
    return lines


def _row_spaces(row: list[dict], spaces: list[tuple[float, float]]) -> list[float]:
    """Centres of the space glyphs printed on this row. Justified text can set words closer than
    any fixed share of the font size, but a producer that writes space glyphs says where the
    words end (pdfplumber's own text keeps those spaces, so must we)."""
    if not spaces:
        return []
    bottom = _row_bottom(row)
    size = max(c["size"] for c in row)
    low, high = min(c["x0"] for c in row), max(c["x1"] for c in row)
    return [x for x, y in spaces if abs(y - bottom) <= 0.5 * size and low < x < high]


def _attach_marks(chars: list[dict]) -> list[dict]:
    """Fold combining marks (Arabic harakat) and zero-width ligature letters into the base glyph
    they are drawn over.

    A mark is a zero-width glyph placed inside its base's box; producers write it before or
    after its base in the content stream, so only geometry says which base it belongs to.
    """
    bases = [c for c in chars if not unicodedata.combining(c["text"][0]) and not _ligature_part(c)]
    for part in (c for c in chars if _ligature_part(c)):
        base = _nearest_base(bases, part)
        if base is not None:  # drawn at the glyph's left (end) edge: first in visual order
            base["text"] = part["text"] + base["text"]
    for mark in (c for c in chars if unicodedata.combining(c["text"][0])):
        base = _nearest_base(bases, mark)
        if base is not None:
            base["text"] += mark["text"]
    return bases


def _ligature_part(char: dict) -> bool:
    """A zero-width Arabic letter: the second letter of a ligature (the alef of lam-alef) that
    the producer wrote as its own glyph of no width at the ligature's left edge. Left alone, it
    sorts after the ligature's first letter and spells the word backwards there, with a space
    (``وإص الح`` for ``وإصلاح``)."""
    return char["x1"] - char["x0"] < 0.01 and not unicodedata.combining(char["text"][0]) and has_arabic(char["text"])


def _nearest_base(bases: list[dict], mark: dict) -> dict | None:
    near = [b for b in bases if abs(b["bottom"] - mark["bottom"]) < b["size"]]
    if not near:
        return None
    if mark["x1"] - mark["x0"] < 0.01 and has_arabic(mark["text"]):
        # A zero-width right-to-left mark is drawn from its base's left (end) edge: on a glyph
        # boundary it belongs to the glyph starting there, not to the one ending there.
        return min(near, key=lambda b: abs(b["x0"] - mark["x0"]))
    inside = [b for b in near if b["x0"] - 0.01 <= mark["x0"] <= b["x1"] + 0.01] or near
    return min(inside, key=lambda b: abs((b["x0"] + b["x1"]) / 2 - mark["x0"]))


def _row_bottom(row: list[dict]) -> float:
    """The baseline of a row: its most common bottom, so raised markers do not drag it."""
    return Counter(round(c["bottom"], 1) for c in row).most_common(1)[0][0]


def _make_line(
    page: int, row: list[dict], spaces: list[float] = (), columns: list[float] = (), starts: list[float] | None = None
) -> Line:
    """One printed line from its glyphs: word spaces, cell gaps as tabs (their positions go to
    ``starts``; inside a table, a word gap opening on a known column counts too), footnote
    markers apart."""
    row.sort(key=lambda c: c["x0"])
    size = Counter(round(c["size"], 1) for c in row).most_common(1)[0][0]
    baseline = _row_bottom(row)
    _mark_marker_runs(row, size, baseline)
    markers: list[str] = []
    glyphs: list[tuple[dict, float | None]] = []  # each glyph of the text and its gap to the one before
    previous = None
    skipped = 0.0  # width of markers since the previous glyph: they are not a gap in the text
    for char in row:
        if _is_marker(char, size, baseline):
            if char.get("_marker_cont"):
                markers[-1] += char["text"]
            else:
                markers.append(char["text"])
            skipped += char["x1"] - char["x0"]
            char["_marker"] = True
            continue
        gap = None if previous is None else char["x0"] - previous["x1"] - skipped
        if gap is not None and not (
            gap > 0.2 * size or (gap > 0.05 * size and _space_between(spaces, previous["x1"], char["x0"]))
        ):
            gap = 0.0  # no word space here
        glyphs.append((char, gap))
        previous, skipped = char, 0.0
    words = [gap for _, gap in glyphs if gap]
    # A justified line with few words stretches every space alike, past the cell gap (Russian
    # text: four long words across the column); cells of a table stand apart from the word
    # spaces between them, or are set much wider.
    justified = len(words) >= 3 and min(words) >= 0.8 * max(words) and max(words) < 2 * CELL_GAP * size
    parts: list[str] = []
    for char, gap in glyphs:
        if gap and not justified and (gap > CELL_GAP * size or _on_column(char["x0"], columns)):
            parts.append("\t")
            if starts is not None:
                starts.append(char["x0"])
        elif gap:
            parts.append(" ")
        parts.append(char["text"])
    text = "".join(parts)
    body = [c for c in row if not c.get("_marker")] or row
    return Line(
        page=page,
        text=text,
        x0=min(c["x0"] for c in body),
        x1=max(c["x1"] for c in body),
        top=statistics.median(c["top"] for c in body),
        bottom=baseline,
        size=size,
        bold=sum("Bold" in c.get("fontname", "") for c in body) > len(body) / 2,
        markers=markers,
    )


def _on_column(x: float, columns: list[float]) -> bool:
    index = bisect.bisect_left(columns, x - 1.0)
    return index < len(columns) and columns[index] <= x + 1.0


def _space_between(spaces: list[float], left: float, right: float) -> bool:
    index = bisect.bisect_left(spaces, left)
    return index < len(spaces) and spaces[index] <= right


def _mark_marker_runs(row: list[dict], size: float, baseline: float) -> None:
    for before, char in itertools.pairwise(row):
        if _is_marker(before, size, baseline) and _is_marker(char, size, baseline):
            char["_marker_cont"] = True


def _is_marker(char: dict, size: float, baseline: float) -> bool:
    """A footnote reference: a digit set clearly smaller than the line and raised off its baseline."""
    return char["text"].isdigit() and char["size"] < 0.8 * size and char["bottom"] < baseline - 0.15 * size
