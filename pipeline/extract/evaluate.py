"""Scoring extraction without running the pipeline's own logic: gold paragraphs found whole, and
the gold-free check of numbered paragraphs in General Assembly resolutions.

Texts are compared by ``key``: case, spaces, digits and punctuation ignored, as the shared
``real_pdf_check.py`` does, so a label kept apart or a footnote marker removed does not count as
a difference.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

UNIT_START = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,4}\))\s")
BAND = (0.065, 0.935)
"""Header and footer bands of the resolutions' pages (share of the height), for the reference."""


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text or "").lower())


def record_keys(records: list[dict]) -> set[str]:
    """Each record's key with and without its label (labels are digits or letters in brackets)."""
    keys = set()
    for rec in records:
        keys.add(key(rec.get("text", "")))
        keys.add(key((rec.get("label") or "") + rec.get("text", "")))
    return keys


def gold_whole(records: list[dict], gold: list[str]) -> tuple[int, list[str]]:
    """How many gold paragraphs (25+ letters; masthead blocks excluded) are some record's text."""
    have = record_keys(records)
    wanted = [g for g in gold if len(key(g)) >= 25]
    missing = [g for g in wanted if key(g) not in have]
    return len(wanted) - len(missing), missing


@dataclass
class NumberedCheck:
    """Paragraphs of one resolution, read from the PDF's own lines, against the records."""

    numbered: int = 0
    whole: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return self.numbered > 0 and self.whole == self.numbered


def reference_paragraphs(pdf_path: Path) -> list[str]:
    """The preambular and numbered paragraphs as the PDF's text lines give them: body-size lines
    outside the header and footer bands and above any footnote rule; a paragraph opens with a
    label (``3.``, ``(a)``) or the document's usual first-line indent (unless the line above
    starts there too: an indented block) and runs over the lines at the margin that
    follow it without extra space (across page ends too) until a short line that closes a
    sentence (its width measured without a trailing footnote marker) or a line set in bold (a
    heading: the paragraphs are not). Table rows (cells set apart by gaps of several
    characters) and the lines between them on a page are cells, not paragraphs: skipped."""
    lines = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            page_lines = page.extract_text_lines()
            rule = min((ln["top"] for ln in page_lines if re.fullmatch(r"_{5,}", ln["text"])), default=1e9)
            for ln in page_lines:
                if ln["top"] < BAND[0] * page.height or ln["bottom"] > BAND[1] * page.height or ln["top"] >= rule:
                    continue
                lines.append((page.page_number, ln))
    sizes = Counter(round(c["size"], 1) for _, ln in lines for c in ln["chars"])
    if not sizes:
        return []
    body = sizes.most_common(1)[0][0]
    lines = [(p, ln) for p, ln in lines if _size(ln) == body]
    rows: dict[int, list[float]] = {}
    for p, ln in lines:
        if _table_row(ln):
            rows.setdefault(p, []).append(ln["top"])
    lines = [(p, {**ln, "table": p in rows and min(rows[p]) <= ln["top"] <= max(rows[p])}) for p, ln in lines]
    text = [(p, ln) for p, ln in lines if not ln["table"]] or lines  # the text column, tables aside
    widest = max(ln["x1"] - ln["x0"] for _, ln in text)
    left = Counter(round(ln["x0"]) for _, ln in text if ln["x1"] - ln["x0"] > 0.6 * widest).most_common(1)[0][0]
    window = Counter(round(ln["x0"]) for _, ln in text if 0.5 * body < ln["x0"] - left < 4 * body)
    indent = window.most_common(1)[0][0] if window else left + 2 * body
    right = sorted(ln["x1"] for _, ln in text)[int(0.9 * (len(text) - 1))]
    pitches = [b["top"] - a["top"] for (p, a), (q, b) in itertools.pairwise(text) if p == q and b["top"] > a["top"]]
    pitch = statistics.median(pitches) if pitches else body * 1.2
    paragraphs: list[list[str]] = []
    current: list[str] | None = None
    previous = None
    for page, ln in lines:
        text = ln["text"].strip()
        if ln["table"] or (current is not None and _bold(ln) and not _bold(previous[1])):
            current, previous = None, (page, ln)
            continue
        spaced = previous is not None and previous[0] == page and ln["top"] - previous[1]["top"] > 1.4 * pitch
        ended = (  # a short line closing a sentence ends its paragraph
            previous is not None
            and _text_end(previous[1], body) < right - 3 * body
            and re.sub(r"\d+$", "", previous[1]["text"].rstrip()).endswith((".", ";", ":"))
        )
        at_indent = abs(ln["x0"] - indent) < 0.5 * body
        block = previous is not None and abs(previous[1]["x0"] - ln["x0"]) < 0.5 * body  # an indented block
        if UNIT_START.match(text) or (at_indent and (not block or spaced or ended)):
            current = [text]
            paragraphs.append(current)
        elif current is not None and ln["x0"] > left - 0.5 * body and not spaced and not ended:
            current.append(text)
        else:
            current = None
        previous = (page, ln)
    return [" ".join(p) for p in paragraphs]


def _table_row(line: dict) -> bool:
    """A line whose glyphs are set apart by a gap of three characters or more somewhere: table
    cells (a paragraph label is followed by one or two)."""
    glyphs = [c for c in line["chars"] if c["text"].strip()]
    return any(b["x0"] - a["x1"] > 3 * max(a["size"], b["size"]) for a, b in itertools.pairwise(glyphs))


def _bold(line: dict) -> bool:
    glyphs = [c for c in line["chars"] if c["text"].strip()]
    return sum("Bold" in c.get("fontname", "") for c in glyphs) > len(glyphs) / 2


def _text_end(line: dict, body: float) -> float:
    """Right end of a line's text, a raised footnote marker after it (smaller type) not counted."""
    glyphs = [c for c in line["chars"] if c["text"].strip()]
    while len(glyphs) > 1 and round(glyphs[-1]["size"], 1) < 0.8 * body:
        glyphs.pop()
    return glyphs[-1]["x1"] if glyphs else line["x1"]


def _size(line: dict) -> float:
    return Counter(round(c["size"], 1) for c in line["chars"]).most_common(1)[0][0]


def check_numbered(pdf_path: Path, records: list[dict], references: list[str] | None = None) -> NumberedCheck:
    """Each numbered paragraph must be exactly one record: not split, nothing (footer, page
    number, footnote, next paragraph) inside. ``references`` are the PDF's
    ``reference_paragraphs`` when the caller has read them already (reading them parses every
    page again)."""
    result = NumberedCheck()
    body = [r for r in records if r.get("kind") != "footnote"]
    keyed = [key((r.get("label") or "") + r.get("text", "")) for r in body] + [key(r.get("text", "")) for r in body]
    for ref in reference_paragraphs(pdf_path) if references is None else references:
        result.numbered += 1
        want = key(ref)
        if want in keyed:
            result.whole += 1
            continue
        starts = [k for k in keyed if k[:30] == want[:30]]
        why = "missing" if not starts else "longer record" if max(map(len, starts)) > len(want) else "split"
        result.problems.append(f"{ref[:60]!r}: {why}")
    return result
