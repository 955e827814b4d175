"""Spreadsheet-safe CSV cells.

Analysts open the CSV exports in spreadsheet programs, which run a cell starting with ``=``,
``+``, ``-`` or ``@`` as a formula (and treat a leading tab or carriage return the same way), so
a paragraph of input text could run ``=HYPERLINK(...)`` or worse on their machine. Such cells get
a leading apostrophe, as OWASP recommends: the program shows the text and runs nothing. The exact
text stays in the Parquet store and JSON Lines, and ``hexalign export --raw-csv`` writes it
verbatim for pandas users.

The check looks past leading blanks and invisible characters (spaces, NBSP, ideographic space,
zero-width and direction marks, BOM): an import that trims spaces (LibreOffice's "Trim spaces")
turns ``"  =1+1"`` into a formula, and text pasted from a PDF brings such characters with it. The
full-width signs count too, since an East Asian input method types ``＝`` for ``=``.
"""

from __future__ import annotations

import unicodedata

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_SIGNS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _visible_start(text: str) -> str:
    """``text`` from its first character that is neither blank nor invisible (format or control)."""
    for i, char in enumerate(text):
        if not (char.isspace() or unicodedata.category(char) in ("Cf", "Cc")):
            return text[i:]
    return ""


def neutralise(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with an apostrophe; anything
    else (numbers included: ``-0.5`` is data, not a formula) unchanged."""
    if isinstance(value, str) and (value.startswith(FORMULA_START) or _visible_start(value).startswith(FORMULA_SIGNS)):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):  # text is "str" or object, by pandas version
            out[column] = out[column].map(neutralise)
    return out
