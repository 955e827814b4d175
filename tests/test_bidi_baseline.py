"""Why our own visual-to-logical Arabic reordering and not python-bidi's: measured, not assumed.

python-bidi's ``get_display`` implements the Unicode bidi algorithm from logical to visual order;
run on visually ordered PDF text it is not the inverse (it moves closing full stops to line starts
and reorders mixed runs), so it stays a dev dependency for this comparison only.
"""

from __future__ import annotations

import pytest

from pipeline.extract import pdf_lines
from pipeline.extract.bidi import normalize_arabic
from pipeline.extract.stage import extract_file
from tests.conftest import udhr_pdf, udhr_units


def exact_units() -> int:
    gold = udhr_units("ar")
    got = {p.text for p in extract_file(udhr_pdf("ar", "Serif_12"), "ar", "udhr").paragraphs}
    return sum(1 for unit in gold if unit in got)


@pytest.mark.slow
def test_ours_beats_python_bidi_on_udhr_arabic(monkeypatch) -> None:
    from bidi import get_display

    ours = exact_units()
    monkeypatch.setattr(
        pdf_lines, "visual_to_logical", lambda cell, mirror=False, force=False: normalize_arabic(get_display(cell))
    )
    theirs = exact_units()
    assert ours > theirs, f"ours {ours}/92, python-bidi {theirs}/92"
    assert ours >= 84
