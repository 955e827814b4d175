"""Extraction against gold paragraphs: the UDHR in six languages, two font renderings each.

The floors are the figures measured when the extractor was written: a drop is a regression.
Serif_12 is the clean rendering (target: every unit); Sans_12 loses spaces in Russian and moves
digits and punctuation off the baseline in Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from pipeline.extract.stage import extract_file
from tests.conftest import udhr_pdf, udhr_units

pytestmark = pytest.mark.slow  # twelve PDF extractions

FLOORS = {
    "Serif_12": {"en": 92, "fr": 90, "es": 92, "ru": 92, "zh": 92, "ar": 88},
    "Sans_12": {"en": 91, "fr": 91, "es": 92, "ru": 92, "zh": 92, "ar": 84},
}


@pytest.mark.parametrize("font", sorted(FLOORS))
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "zh", "ar"])
def test_udhr_paragraphs_match_gold_units(lang: str, font: str) -> None:
    gold = udhr_units(lang)
    got = [p.text for p in extract_file(udhr_pdf(lang, font), lang, "udhr").paragraphs]
    exact = sum(1 for unit in gold if unit in got)
    assert exact >= FLOORS[font][lang], f"{lang} {font}: {exact}/{len(gold)} gold units extracted exactly"
    # No unit may be glued to its neighbour: paragraphs should not be fewer than the units.
    assert len(got) >= len(gold) - 6


def test_arabic_comes_out_in_logical_order() -> None:
    paragraphs = extract_file(udhr_pdf("ar", "Serif_12"), "ar", "udhr").paragraphs
    texts = [p.text for p in paragraphs]
    assert "الإعلان العالمي لحقوق الإنسان" in texts  # visual order would read "ناسنلإا قوقحل"
    assert "المادة 30" in texts or any(t.startswith("المادة 30") for t in texts)
    assert not any(t.startswith(".") for t in texts), "final full stops must not lead a paragraph"
    assert all(c < "\ufe8d" or c > "\ufefc" for t in texts for c in t), "presentation forms must be folded"


def test_russian_sans_word_spaces_restored() -> None:
    texts = [p.text for p in extract_file(udhr_pdf("ru", "Sans_12"), "ru", "udhr").paragraphs]
    assert "Всеобщая декларация прав человека" in texts


def test_arabic_units_whole_as_the_issue_compares_them() -> None:
    """Issue 13 compares texts ignoring case, spaces, digits and punctuation (as
    ``real_pdf_check.py`` does): Serif_12 must give at least 90 of the 92 Arabic units whole. Three
    units' closing full stops are in neither the text layer nor the drawing (the render runs them
    off the page), which the exact floor above cannot forgive."""

    def key(text: str) -> str:
        return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text).lower())

    for font, floor in (("Serif_12", 90), ("Sans_12", 90)):
        have = Counter(key(p.text) for p in extract_file(udhr_pdf("ar", font), "ar", "udhr").paragraphs)
        whole = 0
        for unit in udhr_units("ar"):
            if have[key(unit)] > 0:
                have[key(unit)] -= 1
                whole += 1
        assert whole >= floor, f"ar {font}: {whole}/92 units whole ignoring punctuation"
