"""Arabic from PDF: visual order back to logical order, presentation forms back to letters.

PDF text layers store right-to-left lines in visual (left-to-right drawing) order with mirrored
brackets and contextual presentation-form glyphs. Running the Unicode bidi algorithm on that
string (``bidi.get_display``) is not its inverse: neutrals at the ends of a line, such as the
final full stop, land on the wrong side. Undoing it directly is simpler and exact for the common
case: reverse the line, mirror brackets, and restore the left-to-right runs (digits, Latin words,
document symbols) that the renderer kept in their own order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pipeline.core.records import Line

MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
# Runs the renderer kept left to right. Latin runs take the punctuation of document symbols
# (E/CN.15/2011/19, V.20-00650) and join with spaces into phrases; digit runs in Arabic text are
# Arabic numbers, which keep only common separators (65/230, 10:00, 3.5): a hyphen between
# them is a neutral, so "2018-2021" is printed as "2021-2018" and must come apart here.
LATIN = r"[A-Za-z\u00C0-\u024F]"
LATIN_RUN = rf"(?:[0-9][0-9./:\-–]*)?{LATIN}(?:[0-9A-Za-z\u00C0-\u024F./:\-–,%]*[0-9A-Za-z\u00C0-\u024F%])?"
LTR_PHRASE = re.compile(rf"{LATIN_RUN}(?: +{LATIN_RUN})*|\d+(?:[/:.,]\d+)*")
STRAY_DOT = re.compile(r"(?<=[\u0621-\u064A]) ?\.(?=[\u0621-\u064A])")
"""A full stop inside an Arabic word (``العام.ة``, ``العام .ة``): a renderer drew the paragraph's
closing stop over the text (the UDHR renders). No Arabic word holds one; it goes back to the end."""
SENTENCE_END = (".", "!", "?", "؟", "؛", ":")
ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def has_arabic(text: str) -> bool:
    return ARABIC.search(text) is not None


def visual_to_logical(line: str, mirror: bool = False, force: bool = False) -> str:
    """Turn one visually ordered right-to-left line into logical order. Lines without Arabic
    are left alone unless ``force`` says they are cells of a right-to-left line. ``mirror``:
    the producer stored mirrored glyphs' code points for brackets (see ``producer_mirrors``)."""
    if not (force or has_arabic(line)):
        return line
    reversed_line = _reverse_clusters(line)
    if mirror:
        reversed_line = reversed_line.translate(MIRROR)
    restored = LTR_PHRASE.sub(lambda m: _reverse_ltr(m.group(0)), reversed_line)
    return normalize_arabic(restored)


def _reverse_clusters(text: str) -> str:
    """Reverse by grapheme (base letter plus its combining marks), not by code point."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return "".join(reversed(clusters))


def _unbalanced(text: str) -> int:
    """How often a closing bracket comes before its opening one."""
    depth = errors = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            errors, depth = errors + 1, 0
    return errors


def producer_mirrors(visual_lines: list[str]) -> bool:
    """Producers differ: some store the code point of the mirrored glyph they drew, some the
    logical character. Decide once per document, by which reading leaves fewer brackets
    unbalanced (a single line cannot tell: brackets often span lines)."""
    arabic = [_reverse_clusters(line) for line in visual_lines if has_arabic(line)]
    plain = sum(_unbalanced(line) for line in arabic)
    mirrored = sum(_unbalanced(line.translate(MIRROR)) for line in arabic)
    return mirrored < plain


def _reverse_ltr(run: str) -> str:
    """Reverse a left-to-right phrase back, keeping its bracket pairs balanced the LTR way."""
    return run[::-1].translate(MIRROR)


def normalize_arabic(text: str) -> str:
    """NFKC folds presentation forms (U+FB50–U+FEFF) back to base letters; a full stop drawn
    inside a word moves back to the end of the line, unless the line already ends a sentence."""
    text = unicodedata.normalize("NFKC", text)
    stripped, strays = STRAY_DOT.subn("", text)
    if not strays:
        return text
    return stripped if stripped.rstrip().endswith(SENTENCE_END) else stripped.rstrip() + "."


def starts_right(lines: list[Line]) -> bool:
    """Is this right-to-left text set from the right (flush right or justified)? Lines start at
    the start edge: the short ones (a paragraph's last line, headings) touch it and stop short of
    the other edge. Right-to-left text set flush left (some HTML renderers, the UDHR PDFs) has
    them on the left. Asked of lines that are mostly Arabic."""
    if not lines:
        return False
    left = sorted(line.x0 for line in lines)[len(lines) // 20]
    right = sorted(line.x1 for line in lines)[len(lines) * 19 // 20]
    short = [line for line in lines if line.x1 - line.x0 < 0.7 * (right - left)]
    at_right = sum(1 for line in short if abs(line.x1 - right) < line.size)
    at_left = sum(1 for line in short if abs(line.x0 - left) < line.size)
    return at_right > at_left


def mirror(lines: list[Line]) -> list[Line]:
    """Copies of the lines as seen in a mirror (x -> -x). Right-to-left text set from the right
    then has its start edge, first-line indents and hanging numbers on the left, where the
    paragraph rules written for left-to-right text (``pipeline.extract.reflow``) look for them."""
    return [replace(line, x0=-line.x1, x1=-line.x0) for line in lines]
