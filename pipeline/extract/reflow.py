"""Rebuild paragraphs from printed lines: decide for each line break whether it is hard or soft.

The main signal is the one a typesetter leaves: a line is wrapped (soft break) only when the next
line's first word would not have fitted at its end. Vertical gaps, a change of type, a new label
(``1.``, ``(a)``) after sentence-final punctuation, an outdent, and table cells also end a
paragraph. The same rules run on PDF geometry (points) and on text exports (character cells),
which is why Line carries both kinds of coordinates.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.core.records import Line
from pipeline.extract.bidi import has_arabic, mirror, starts_right
from pipeline.extract.text_lines import display_width

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LABEL = re.compile(
    r"^(?:\d{1,3}\.(?=\s|\t)|\d{1,3}\s*\(?[a-z]\)(?=\s)|\(?[a-z]{1,4}\)(?=\s|\t)|\([ivx]{1,6}\)|"
    r"\([\u0621-\u064A]{1,2}\)|\d{1,3} ?-(?=\s)|"
    r"[\u2022\u2013\u2014\-•▪]\s|第[一二三四五六七八九十百零〇\d]+[章条节段款项])"
)
TERMINAL = tuple(".;:!?。；：！？؟؛…")
HEADING_LABEL = re.compile(
    r"^(?:Article|Chapter|Chapitre|Artículo|Capítulo|Статья|Глава|المادة|الفصل)\s+[\dIVXLC]+\.?$"
    r"|^第[一二三四五六七八九十百零〇\d]+[章条节]$"
)
"""A line that is nothing but a numbered heading ("Article 5", "第三条") starts a new unit."""
INDENT_MAX = 8.0
"""Deepest first-line indent, in font sizes: typewriter pages indent by ten characters of a
monospace font (10 x 0.6 = 6 sizes), typeset ones by 1 to 4 sizes."""


@dataclass
class Layout:
    """Per-document measurements the break rules compare against."""

    left: float
    right: float
    line_gap: float
    line_height: float
    body_size: float
    spaced: bool = False
    """Paragraphs are set apart by extra vertical space, so a break without it is a wrap."""
    margin: float = 0.0
    """Where continuation lines start: the most common start edge of body lines."""
    indent: float = 0.0
    """First-line indent of the document's paragraphs (0: none). Where paragraphs open with an
    indent, coming back to the margin on the next line is a wrap, not a new paragraph."""
    blocks: bool = False
    """Some lines at the indent wrap onto another line at the indent (an indented block, a quote):
    there a finished line at the indent may go on. Without such a wrap, consecutive lines at the
    indent are one-line paragraphs, however long."""
    mirrored: bool = False
    """Right-to-left text set from the right: measured, and its breaks decided, on mirrored
    lines (``oriented``), so indents and hanging numbers are found on the right."""

    @classmethod
    def measure(cls, lines: list[Line]) -> Layout:
        body_size = Counter(round(line.size, 1) for line in lines).most_common(1)[0][0] if lines else 0.0
        body = [line for line in lines if round(line.size, 1) == body_size and "\t" not in line.text] or lines
        # Right-to-left text set from the right (flush right or justified) is measured in a
        # mirror, where its start edge, indents and hanging numbers are on the left as in
        # left-to-right text; right-to-left text set flush left starts on the left as it is.
        rtl = sum(1 for line in body if has_arabic(line.text)) > len(body) / 2
        if rtl and starts_right(body):
            return replace(cls.measure(mirror(lines)), mirrored=True)
        pairs = [(a, b) for a, b in itertools.pairwise(body) if a.page == b.page and b.top > a.top]
        gaps = [b.top - a.bottom for a, b in pairs]
        line_gap = _usual_smallest(gaps)
        line_height = statistics.median(line.bottom - line.top for line in body) if body else 1.0
        right = _percentile([line.x1 for line in body], 0.95)
        # Spaced layout: the short lines that end paragraphs are mostly followed by extra space.
        ends = [b.top - a.bottom for a, b in pairs if a.x1 - a.x0 < 0.8 * (right - a.x0)]
        wide = sum(1 for gap in ends if gap - line_gap > 0.45 * line_height)
        margin, indent = _first_line_indent(body, pairs, body_size)
        layout = cls(
            margin=margin,
            indent=indent,
            spaced=len(ends) >= 3 and wide >= 0.6 * len(ends),
            left=_percentile([line.x0 for line in body], 0.05),
            right=right,
            line_gap=line_gap,
            line_height=line_height,
            body_size=body_size,
        )
        layout.blocks = any(_wrapped_at_indent(a, b, layout) for a, b in pairs)
        return layout


def _first_line_indent(body: list[Line], pairs: list[tuple[Line, Line]], size: float) -> tuple[float, float]:
    """The margin and the first-line indent, if the document's paragraphs have one: lines that
    start a little right of the margin (up to ``INDENT_MAX`` sizes) and are followed by a line
    back at the margin that does not open with a label, seen at least 3 times and more often
    than two lines in a row at that indent. Hanging labels give the opposite picture: every
    continuation line sits at the indent, and the line back at the margin is the next labelled
    item (``3.`` after the last line of item 2); items hanging at another depth do not count."""
    if not body or not size:
        return 0.0, 0.0
    margin = _common_edge([line.x0 for line in body])

    def indented(line: Line) -> bool:
        return 0.8 * size < line.x0 - margin < INDENT_MAX * size

    opened = [
        a.x0 - margin
        for a, b in pairs
        if indented(a) and abs(b.x0 - margin) < 0.3 * size and not LABEL.match(b.text.lstrip())
    ]
    if len(opened) < 3:
        return float(margin), 0.0
    indent = statistics.median(opened)
    hanging = sum(1 for a, b in pairs if abs(a.x0 - margin - indent) < 0.3 * size and abs(b.x0 - a.x0) < 0.3 * size)
    return float(margin), indent if len(opened) > hanging else 0.0


def _common_edge(values: list[float]) -> float:
    """The position most values share, to within a point: whole points would split an edge
    printed at 532.4 to 532.9 into two counts and let a rarer one win."""
    counts = Counter(round(value) for value in values)
    best = max(counts, key=lambda x: (counts[x - 1] + counts[x] + counts[x + 1], -x))
    return statistics.median(value for value in values if abs(value - best) <= 1.5)


def _usual_smallest(gaps: list[float]) -> float:
    """The gap between lines of one paragraph: the smallest gap that is common (10% or more).
    Not the median: in a document of short paragraphs most gaps are paragraph gaps."""
    if not gaps:
        return 0.0
    counts = Counter(round(gap * 2) / 2 for gap in gaps)
    common = [gap for gap, n in counts.items() if n >= 0.1 * len(gaps)]
    return min(common) if common else statistics.median(gaps)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def first_word(text: str) -> str:
    """What could have been moved up to the previous line: a CJK character, or a word up to and
    including a hyphen (a compound can wrap after its hyphen)."""
    text = text.lstrip()
    if not text:
        return ""
    if IDEOGRAPH.match(text):
        return text[0]
    if CJK.match(text):  # CJK punctuation sticks to the Latin run after it: （E/CN.15/2018/12，
        return re.match(r"[^\s\u3400-\u9fff]+", text).group(0)
    match = re.match(r"[^\s\-–]*[\-–]?", text)
    return match.group(0) if match and match.group(0) else text[0]


def is_full(line: Line, nxt: Line, layout: Layout) -> bool:
    """Would the next line's first word have fitted at the end of this one? If not, it wrapped."""
    used = line.x1 - line.x0
    cells = display_width(line.text) or 1
    cell_width = used / cells if line.size else 1.0
    word = first_word(nxt.text)
    space = 0 if CJK.match(word) or CJK.search(line.text[-1:]) else 1
    needed = (display_width(word) + space) * cell_width
    available = layout.right - line.x0
    # Text exports measure in cells, where narrow digits and spaces count as much as letters:
    # allow a few cells of play there; PDF geometry is exact to half a character.
    slack = 0.5 * cell_width if line.size else 0.05 * (layout.right - layout.left)
    return used + needed > available - slack


def is_hard_break(line: Line, nxt: Line, layout: Layout) -> bool:
    if "\t" in line.text or "\t" in nxt.text or line.final:
        return True
    if line.page == nxt.page and nxt.top > line.top:
        gap = nxt.top - line.bottom
        if gap - layout.line_gap > 0.45 * layout.line_height:
            return True
    if line.size and nxt.size and (abs(line.size - nxt.size) > 0.6 or line.bold != nxt.bold):
        return True
    ends = line.text.rstrip().endswith(TERMINAL)
    if HEADING_LABEL.match(nxt.text.strip()) or HEADING_LABEL.match(line.text.strip()):
        return True
    if LABEL.match(nxt.text) and (ends or not is_full(line, nxt, layout)):
        return True
    block = layout.blocks and _opens(line, layout)  # this line starts at the indent too: inside a block
    # Only a lower-case start says the line at the indent goes on a sentence; scripts without
    # case (Chinese) give no such sign, and their continuation lines go back to the margin.
    finished = ends or not nxt.text[:1].islower()
    if layout.indent and _opens(nxt, layout) and (not _nearly_full(line, layout) or (finished and not block)):
        return True  # an indented first line after a finished one
    outdent = line.size and line.page == nxt.page and nxt.x0 < line.x0 - line.size
    wrapped = not ends and _nearly_full(line, layout)  # a justified line running to the margin
    if outdent and not (layout.indent and _opens(line, layout)) and not wrapped:
        return True
    under = _same_start(line, nxt) or _opens(line, layout)
    if layout.spaced and not ends and under and _tight(line, nxt, layout):
        return False  # paragraphs are set apart by space; none here, and no sentence ended
    if layout.spaced and _nearly_full(line, layout):
        return False  # no extra space before it, and this line ran (almost) to the margin
    if not ends and _nearly_full(line, layout) and (IDEOGRAPH.search(line.text[-1]) or nxt.text[:1].islower()):
        return False  # a long line stopping mid-phrase, continued in lower case, was wrapped
    if not ends and _nearly_full(line, layout) and _opens(line, layout):
        return False  # a paragraph's long first line stopping mid-phrase (scripts without case)
    return not is_full(line, nxt, layout)


def _tight(line: Line, nxt: Line, layout: Layout) -> bool:
    """Set at the document's usual line distance (same page, no space added)."""
    return bool(line.size) and line.page == nxt.page and nxt.top - line.bottom <= layout.line_gap + 0.1 * line.size


def _same_start(line: Line, nxt: Line) -> bool:
    return abs(nxt.x0 - line.x0) < 0.5 * line.size


def _wrapped_at_indent(line: Line, nxt: Line, layout: Layout) -> bool:
    """A long unfinished line at the indent followed by another there: an indented block."""
    unfinished = not line.text.rstrip().endswith(TERMINAL)
    return _opens(line, layout) and _opens(nxt, layout) and unfinished and _nearly_full(line, layout)


def _opens(line: Line, layout: Layout) -> bool:
    """Does this line start at the document's first-line indent?"""
    return bool(layout.indent) and abs(line.x0 - layout.margin - layout.indent) < 0.5 * line.size


def _nearly_full(line: Line, layout: Layout) -> bool:
    available = layout.right - line.x0
    return line.x1 - line.x0 >= 0.85 * available


def join_lines(
    lines: list[Line], vocabulary: set[str] | None = None, cjk: bool = False, mixed_space: bool = False
) -> str:
    """Join wrapped lines: no space in CJK text (except between two Latin words, and between
    Latin and CJK where the document itself spaces them, ``mixed_space``), a space elsewhere;
    end-of-line hyphens undone unless the document spells the word with its hyphen."""
    text = ""
    for line in lines:
        part = line.text.replace("\t", " ").strip()
        if not text:
            text = part
            continue
        if text.endswith(("-", "\u00ad")) and part[:1].isalpha() and text[-2:-1].isalpha():
            head = re.search(r"(\w+)[-\u00ad]$", text)
            tail = re.match(r"\w+", part)
            merged = (head.group(1) + tail.group(0)).lower() if head and tail else ""
            hyphened = (head.group(1) + "-" + tail.group(0)).lower() if head and tail else ""
            in_url = "/" in text.rsplit(" ", 1)[-1]
            keep = in_url or (vocabulary is not None and hyphened in vocabulary and merged not in vocabulary)
            text = (text if keep else text[:-1]) + part
        elif mixed_space and _latin_meets_ideograph(text[-1], part[0]):
            text += " " + part
        elif CJK.search(text[-1]) or CJK.match(part) or (cjk and not (text[-1].isalpha() and part[0].isalpha())):
            text += part
        else:
            text += " " + part
    return text


def _latin_meets_ideograph(left: str, right: str) -> bool:
    return (left.isascii() and left.isalnum() and bool(IDEOGRAPH.match(right))) or (
        right.isascii() and right.isalnum() and bool(IDEOGRAPH.match(left))
    )


def spaces_latin_in_cjk(lines: list[Line]) -> bool:
    """Does this CJK document put a space between Latin or digits and ideographs (2020 年)?"""
    text = "\n".join(line.text for line in lines)
    spaced = len(re.findall(r"[A-Za-z0-9] [\u3400-\u9fff]|[\u3400-\u9fff] [A-Za-z0-9]", text))
    tight = len(re.findall(r"[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]", text))
    return spaced > tight


def reflow(lines: list[Line], layout: Layout | None = None) -> list[list[Line]]:
    """Group consecutive lines into paragraphs."""
    if not lines:
        return []
    layout = layout or Layout.measure(lines)
    blocks = [[lines[0]]]
    for (line, nxt), original in zip(itertools.pairwise(oriented(lines, layout)), lines[1:], strict=True):
        if is_hard_break(line, nxt, layout):
            blocks.append([original])
        else:
            blocks[-1].append(original)
    return blocks


def oriented(lines: list[Line], layout: Layout) -> list[Line]:
    """The lines as the layout was measured: mirrored for right-to-left text set from the right."""
    return mirror(lines) if layout.mirrored else lines
