"""Header and footer bands, learned from the document: what repeats at a page edge is furniture.

Real UN documents print running heads and footers that no fixed pattern covers: the job number
and the page number on alternating sides (``GE.09-17088 3`` / ``4 GE.09-17088``), two-line
running titles, ``A/RES/48/246`` over ``Page 2``, ``/...`` at the foot of typewriter pages. What
they share is position and repetition. So a line at a page edge is furniture when its text,
digits normalised and words taken in any order, recurs at the same edge on other pages; and a
line at the edge of one page (page 1's ``GE.09-17088 (F) 111209 161209``) is furniture when it
carries the distinctive token (job number, symbol) of such a repeated line. Nothing outside the
edge zones is ever removed by this module.
"""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.core.records import Line
from pipeline.extract.structure import WORD_LABEL

EDGE = 0.13
"""Share of the page height, at top and bottom, where running heads and footers may sit."""
TEXT_EDGE_LINES = 2
"""In a text export (no geometry) the first and last lines of a page play that part."""
MAX_TOKENS = 20
DISTINCT = re.compile(r"(?=\S*\d)\S{5,}")
"""A token that identifies a document on its own: a job number, a symbol (digits, 5+ chars)."""


def edge_of(lines_by_page: dict[int, list[Line]], page_height: float | None) -> dict[int, str]:
    """``top`` or ``bottom`` for each line (by id) in a page's edge zone."""
    edges: dict[int, str] = {}
    for page_lines in lines_by_page.values():
        if page_height:
            for line in page_lines:
                if line.top < EDGE * page_height:
                    edges[id(line)] = "top"
                elif line.bottom > (1 - EDGE) * page_height:
                    edges[id(line)] = "bottom"
        else:
            for line in page_lines[:TEXT_EDGE_LINES]:
                edges[id(line)] = "top"
            for line in page_lines[-TEXT_EDGE_LINES:]:
                edges.setdefault(id(line), "bottom")
    return edges


def repeated_edges(lines_by_page: dict[int, list[Line]], edges: dict[int, str]) -> dict[int, str]:
    """Edge lines that are running heads or footers, by id, with the reason. A running head is
    printed at the same height on every page it is on; a heading that happens to open or close
    several pages is not, so the repeats must share their height (within 2 points)."""
    pages = len(lines_by_page)
    if pages < 2:
        return {}
    seen: dict[tuple, list[Line]] = defaultdict(list)
    for page_lines in lines_by_page.values():
        for line in page_lines:
            if id(line) in edges and (key := _key(line)):
                seen[(edges[id(line)], key)].append(line)
    found: dict[int, str] = {}
    for group in seen.values():
        repeats = _same_height(group, max(2, 0.25 * pages))
        for line in repeats if repeats and _numbers_fit(repeats) else []:
            found[id(line)] = "running head/footer"
    return found


def extend_to_edges(
    lines_by_page: dict[int, list[Line]], edges: dict[int, str], reasons: dict[int, str], symbol: str | None
) -> None:
    """Second pass, for what repetition cannot show (page 1, documents of two pages):
    - an edge line that carries the distinctive token (job number, symbol) of a line already
      found to be furniture is its variant (``GE.09-17088 (F) 111209 161209`` on page 1,
      ``2/2 23-26045`` against page 1's ``23-26045 (E) 030124``);
    - a line at the top edge of a later page that carries the document symbol is its running head;
    - whatever lies between the page edge and a running head or footer is furniture too (the
      other line of a two-line running title)."""
    tokens = {
        t
        for page_lines in lines_by_page.values()
        for line in page_lines
        if id(line) in reasons and reasons[id(line)] != "hyperlink list"
        for t in DISTINCT.findall(line.text)
    }
    for page, page_lines in lines_by_page.items():
        for line in page_lines:
            if id(line) not in edges or id(line) in reasons:
                continue
            if len(line.text.split()) <= 8 and tokens & set(DISTINCT.findall(line.text)):
                reasons[id(line)] = "running head/footer, one-page variant"
            elif page > 1 and edges[id(line)] == "top" and symbol and symbol in line.text:
                reasons[id(line)] = "running head with the document symbol"
        heads = [line for line in page_lines if id(line) in edges and reasons.get(id(line), "").startswith("running")]
        for line in page_lines:
            if id(line) not in edges or id(line) in reasons:
                continue
            outer = [h for h in heads if edges[id(h)] == edges[id(line)]]
            if any((line.top < h.top) if edges[id(line)] == "top" else (line.top > h.top) for h in outer):
                reasons[id(line)] = "running head/footer, further line"
            elif _page_label(line, page) and any(_adjacent(line, h) for h in outer):
                reasons[id(line)] = "page number"


def _page_label(line: Line, page: int) -> bool:
    """``Page 2``, ``Страница 2``, ``第2页``: a few words whose one number is the page's (a
    numbered heading such as ``Article 2`` opening page 2 is not one)."""
    text = line.text.replace("\t", " ").strip()
    return len(text.split()) <= 3 and re.findall(r"\d+", text) == [str(page)] and not WORD_LABEL.match(text)


def _adjacent(line: Line, head: Line) -> bool:
    """Set right under or over a running head, no wider apart than a line and a half: the page
    number of a running head printed only on the pages after the first (``A/RES/48/246`` over
    ``Page 2``), which repetition cannot show in a two-page document."""
    height = max(line.bottom - line.top, head.bottom - head.top, 1.0)
    return min(abs(line.top - head.bottom), abs(head.top - line.bottom)) < 1.5 * height


def _same_height(group: list[Line], needed: float) -> list[Line]:
    """The lines of a group printed at one height on at least ``needed`` pages (text exports have
    no height: there the row index stands in, so only repetition counts)."""
    best: list[Line] = []
    for anchor in group:
        near = [line for line in group if abs(line.top - anchor.top) <= 2 or not line.size]
        if len({line.page for line in near}) > len({line.page for line in best}):
            best = near
    return best if len({line.page for line in best}) >= needed else []


def _numbers_fit(group: list[Line]) -> bool:
    """The numbers of a running head or footer are the same on every page (job number, symbol,
    page count) or move with the page (page number); a heading repeated at a page edge
    (``Article 7`` ... ``Article 28``) numbers something else."""
    rows = [(line.page, _numbers(line)) for line in group]
    for position in range(len(rows[0][1])):
        values = {numbers[position] for _, numbers in rows}
        offsets = {numbers[position] - page for page, numbers in rows}
        if len(values) > 1 and len(offsets) > 1:
            return False
    return True


def _numbers(line: Line) -> list[int]:
    words = sorted(line.text.replace("\t", " ").split(), key=lambda w: re.sub(r"\d+", "#", w))
    return [int(n) for w in words for n in re.findall(r"\d+", w)]


def _key(line: Line) -> tuple[str, ...] | None:
    """Digit-blind words in any order: alternating sides and page numbers compare equal."""
    words = re.sub(r"\d+", "#", line.text.replace("\t", " ")).split()
    if not words or len(words) > MAX_TOKENS:
        return None
    return tuple(sorted(words))
