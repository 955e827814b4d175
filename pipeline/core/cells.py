"""Spreadsheet-safe CSV cells.

Analysts open the CSV exports in spreadsheet programs, which run a cell starting with ``=``,
``+``, ``-`` or ``@`` as a formula (and treat a leading tab or carriage return the same way), so
a paragraph of input text could run ``=HYPERLINK(...)`` or worse on their machine. Such cells get
a leading apostrophe, as OWASP recommends: the program shows the text and runs nothing. The exact
text stays in the Parquet store and JSON Lines, and ``hexalign export --raw-csv`` writes it
verbatim for pandas users.
"""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, prefixed with an apostrophe; anything
    else (numbers included: ``-0.5`` is data, not a formula) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised."""
    out = frame.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):  # text is "str" or object, by pandas version
            out[column] = out[column].map(neutralise)
    return out
