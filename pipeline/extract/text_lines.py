"""Text exports of PDFs (one printed line per text line) to Lines with character-cell geometry.

A text export has no coordinates, so a line's x0 is its indentation and x1 its end column, with
East Asian wide characters counting two cells, as they do on the printed page. Two quirks of the
exports we meet are undone here: every line followed by an empty line (kept blank lines then mark
real vertical gaps), and pages that end with the list of the page's hyperlinks, which is where a
page break is recorded.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.core.records import Line
from pipeline.core.textio import decode_text

URL_LINE = re.compile(r"^\s*(https?://|www\.)\S+\s*$")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def read_text_lines(path: Path) -> list[Line]:
    text = decode_text(path)
    if not text.strip():
        raise InputError(path, "empty file: no text to extract")
    return text_to_lines(text)


def text_to_lines(text: str) -> list[Line]:
    raw = _undouble(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines: list[Line] = []
    page, row, in_links = 1, 0, False
    for raw_line in raw:
        if "\f" in raw_line:
            page += 1
            raw_line = raw_line.replace("\f", "")
        if not raw_line.strip():
            row += 1
            continue
        is_link = URL_LINE.match(raw_line) is not None
        if in_links and not is_link:
            page += 1
        in_links = is_link
        content = raw_line.rstrip()
        indent = display_width(content) - display_width(content.lstrip())
        lines.append(
            Line(page=page, text=content.strip(), x0=indent, x1=display_width(content), top=row, bottom=row + 1)
        )
        row += 1
    return lines


def _undouble(raw: list[str]) -> list[str]:
    """Drop the empty line that some exporters write after every line, keeping the others."""
    pairs = sum(1 for a, b in itertools.pairwise(raw) if a.strip() and b == "")
    content = sum(1 for line in raw if line.strip())
    if content == 0 or pairs < 0.9 * content:
        return raw
    out, skip = [], False
    for line in raw:
        if skip and line == "":
            skip = False
            continue
        out.append(line)
        skip = line != ""
    return out
