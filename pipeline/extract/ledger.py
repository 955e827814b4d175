"""The character ledger: where every printed character of a page went.

Extraction removes text (running heads, job numbers, mastheads) and moves text (footnotes), and
a silent mistake there is data loss nobody sees downstream. So each page's characters are
accounted for: kept in body records, moved to footnotes, removed as furniture (with the reason
and the line), or cleaned (control characters). Lines kept in the body whose letters appear in no
output record are listed as ``lost``: that list must stay empty.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import defaultdict

from pipeline.core.clean import clean_controls
from pipeline.core.records import Line, Paragraph

log = logging.getLogger(__name__)


def clean_lines(lines: list[Line]) -> dict[int, int]:
    """Clean control characters out of the lines (``pipeline.core.clean``); returns how many
    each page lost, for the ledger."""
    cleaned: dict[int, int] = defaultdict(int)
    for line in lines:
        line.text, count = clean_controls(line.text)
        if count:
            cleaned[line.page] += count
    return cleaned


def letters(text: str) -> str:
    """What must survive: letters only (case, spaces, digits and punctuation may legitimately
    change: labels move, markers go, hyphens are undone)."""
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text).lower())


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def build_ledger(
    body: list[Line],
    footnotes: list[Line],
    removed: list[tuple[Line, str]],
    cleaned: dict[int, int],
    paragraphs: list[Paragraph],
) -> dict[str, dict]:
    """Per page (as a string key, for JSON): characters in body records, footnotes, removed and
    cleaned, the removed lines with their reasons, and body or footnote lines found in no record."""
    pages: dict[int, dict] = defaultdict(
        lambda: {"body": 0, "footnotes": 0, "removed": 0, "cleaned": 0, "removed_lines": [], "lost": []}
    )
    records = "\n".join(letters((p.label or "") + p.text) + "\n" + letters(p.text) for p in paragraphs)
    for kind, lines in (("body", body), ("footnotes", footnotes)):
        for line in lines:
            pages[line.page][kind] += _chars(line.text)
            key = letters(line.text)
            if key and key not in records:
                pages[line.page]["lost"].append(line.text)
    for line, reason in removed:
        entry = pages[line.page]
        entry["removed"] += _chars(line.text)
        entry["removed_lines"].append({"reason": reason, "text": line.text.replace("\t", " ")})
        log.info("page %d: removed (%s): %s", line.page, reason, line.text.replace("\t", " "))
    for page, count in cleaned.items():
        pages[page]["cleaned"] += count
    return {str(page): pages[page] for page in sorted(pages)}
