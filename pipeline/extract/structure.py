"""Document structure: paragraph labels (``1.``, ``(a)``, ``第三章``) and kinds.

Enumerators (``1.``, ``(a)``, ``a)``, ``(أ)``, Arabic ``1 -``) are numbering, not wording, so they
move to ``label`` and leave ``text``; word labels such as ``Article 1`` or ``第三章`` are part of
a heading's wording, so they are copied to ``label`` and kept in ``text``.
"""

from __future__ import annotations

import re

ENUMERATOR = re.compile(
    r"^(?P<label>\d{1,3}\.(?!\d)|\d{1,3}\s?\(?[a-z]\)|\([a-z]{1,4}\)|[a-z]\)|\([ivxlc]{1,6}\)|"
    r"\([\u0621-\u064A]{1,2}\)|\d{1,3} ?-(?=\s))[\s\t]+(?=\S)"
)
WORD_LABEL = re.compile(
    r"^(?P<label>第[一二三四五六七八九十百零〇\d]+[章条节段款项]|"
    r"(?:Article|Chapter|Chapitre|Artículo|Capítulo|Статья|Глава|المادة|الفصل)\s+[\dIVXLC]+(?:\.(?!\d))?)"
)
ANNEX = re.compile(r"^(Annex|Annexe|Anexo|Приложение|المرفق|附件)(\s+[IVXLC\d]+)?$", re.IGNORECASE)
SENTENCE_END = tuple(".;!?。；！？؟؛")


def split_label(text: str) -> tuple[str, str]:
    """Return (label, text without an enumerator label)."""
    match = ENUMERATOR.match(text)
    if match:
        return match.group("label"), text[match.end() :].strip()
    match = WORD_LABEL.match(text)
    if match:
        return match.group("label").rstrip("."), text
    return "", text


def classify(text: str, label: str, lines: int, short: bool, bold: bool, listing: bool) -> str:
    """Kind of a body block from its shape: heading, list_item or paragraph. ``listing`` says a
    list is open (the text before ended with a colon, and the items so far fit this one)."""
    stripped = text.rstrip()
    ends_sentence = stripped.endswith(SENTENCE_END)
    if lines == 1 and bold and not ends_sentence and not label:
        return "heading"
    if listing and lines <= 2 and (label or short):
        return "list_item"
    if lines == 1 and short and label and stripped.endswith((*SENTENCE_END, ":", "：")):
        return "list_item"
    if lines == 1 and (short or bold) and not ends_sentence and not stripped.endswith((",", "،", "，")):
        return "heading"
    return "paragraph"


def is_annex_heading(text: str) -> bool:
    return ANNEX.match(text.strip()) is not None
