"""Control characters out of input text, at extraction, before anything downstream sees them.

Text exports and PDF text layers carry stray control characters (``\\x01``, an escape ``\\x1b``,
DEL, C1 codes such as NEL ``\\x85``, Word's vertical tab for a manual line break). XML cannot hold
most of them, so the TMX writer failed on the first one and stopped every later export; in CSVs
and the review page they show as garbage. Tabs are kept (they separate table cells); the
characters that break a line inside a printed line become a space, since the words on either side
are separate; the rest are dropped. How many were cleaned is counted for the extract report.
"""

from __future__ import annotations

import re

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Newline, carriage return, vertical tab, form feed, file/group/record separators, NEL, line and
paragraph separators."""
CONTROL = re.compile(f"[{LINE_BREAKS}]|[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters (tab kept, line breaks as spaces) and how many there were."""
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        count += 1
        return " " if match.group() in LINE_BREAKS else ""

    return CONTROL.sub(replace, text), count
