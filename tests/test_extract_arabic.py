"""Arabic extraction on real inputs: the Arabic column of the layout matrix and the UDHR renders.

Arabic is set right to left: the start edge, first-line indents and hanging numbers are on the
right, and continuation lines end (not start) at the left margin. Each test here failed before
the quirk it names was handled (see ``docs/known-problems.md``).
"""

from __future__ import annotations

import json

import pytest

from pipeline.extract.bidi import mirror, normalize_arabic, starts_right
from pipeline.extract.pdf_lines import read_pdf_lines
from pipeline.extract.reflow import Layout
from pipeline.extract.stage import extract_file
from tests.conftest import ROOT, udhr_pdf, udhr_units

MATRIX = ROOT / "tests" / "data" / "layouts"
ARABIC_FLOORS = {
    "block_spaced": 1.0,
    "footnotes": 1.0,
    "hanging_number": 1.0,
    "indent_2em": 1.0,
    "indent_number": 1.0,
    "job_footer": 1.0,
    "masthead": 1.0,
    "two_line_headings": 1.0,
    "typewriter": 0.95,
}
"""Share of gold units whole per layout, today (issue 13's target: 0.98 everywhere)."""


def _extract(layout: str):
    pdf = MATRIX / layout / "ar.pdf"
    gold = json.loads(pdf.with_name("ar.gold.json").read_text(encoding="utf-8"))
    return extract_file(pdf, "ar", layout, gold["symbol"]), gold


@pytest.mark.parametrize("layout", sorted(ARABIC_FLOORS))
def test_matrix_arabic_is_set_from_the_right(layout: str) -> None:
    """The generator's Arabic PDFs start their lines on the right, as UN Arabic documents do
    (LibreOffice had set them flush left), and the extractor sees it."""
    lines, _ = read_pdf_lines(MATRIX / layout / "ar.pdf")
    assert starts_right(lines)
    assert Layout.measure(lines).mirrored


@pytest.mark.slow
@pytest.mark.parametrize("layout", sorted(ARABIC_FLOORS))
def test_matrix_arabic_paragraphs_whole(layout: str) -> None:
    from scripts.bench_layouts import score_file

    score = score_file(MATRIX / layout / "ar.pdf", "ar")
    share = score["whole"] / score["total"]
    assert share >= ARABIC_FLOORS[layout], score["missed"]


def test_hanging_numbers_on_the_right_are_labels() -> None:
    """``1-<tab>text`` with the number hanging in the right margin: the tab is layout (not a table
    cell), the number is the label and the continuation lines stay in the paragraph."""
    result, gold = _extract("hanging_number")
    third = next(p for p in result.paragraphs if p.text.startswith("وفي سبيل تحقيق هذه الأهداف"))
    assert third.kind == "paragraph" and third.label.startswith("3")
    wanted = next(u["text"] for u in gold["paragraphs"] if u["text"].startswith("وفي سبيل تحقيق"))
    assert third.text == wanted


def test_first_line_indent_on_the_right_continues() -> None:
    """A paragraph's long first line, indented on the right, that stops mid-phrase before a
    line starting with digits (``... التي تحل في عام`` / ``2015، ...``) is one paragraph."""
    result, _ = _extract("footnotes")
    texts = [p.text for p in result.paragraphs]
    assert any("التي تحل في عام 2015، وضرورة إجراء تقييم" in t for t in texts)


def test_lam_alef_ligature_in_logical_order() -> None:
    """The producer writes lam-alef as lam plus a zero-width alef at the glyph's left edge."""
    result, _ = _extract("job_footer")
    texts = [p.text for p in result.paragraphs]
    assert "من قسم الدعم المؤسسي وإصلاح القوانين" in texts
    assert not any("إص الح" in t for t in texts)


def test_mirror_puts_the_start_edge_on_the_left() -> None:
    lines, _ = read_pdf_lines(MATRIX / "indent_number" / "ar.pdf")
    mirrored = mirror(lines)
    assert all(m.x0 == -line.x1 and m.x1 == -line.x0 and m.text == line.text for m, line in zip(mirrored, lines))
    layout = Layout.measure(lines)
    assert layout.indent > 0, "the first-line indent on the right is found"


def test_full_stop_drawn_inside_a_word_goes_to_the_end() -> None:
    assert normalize_arabic("اعتُمد بموجب قرار الجمعية العام.ة 217") == "اعتُمد بموجب قرار الجمعية العامة 217."
    assert normalize_arabic("العام .ة في 1948.") == "العامة في 1948."


@pytest.mark.slow
@pytest.mark.parametrize("font", ["Serif_12", "Sans_12"])
def test_udhr_note_keeps_its_full_stop(font: str) -> None:
    """The UDHR renders draw the note's closing stop over ``العامة`` (``العام.ة``, ``العام .ة``)."""
    texts = [p.text for p in extract_file(udhr_pdf("ar", font), "ar", "udhr").paragraphs]
    assert "اعتُمد بموجب قرار الجمعية العامة 217 ألف (د-3) المؤرخ في 10 كانون الأول / ديسمبر 1948." in texts


def test_long_one_line_paragraphs_at_the_indent_stay_apart() -> None:
    """Three one-line paragraphs in a row, each as long as the ragged column and ending a
    sentence, all at the first-line indent: no line at the indent wraps onto another in this
    document, so they are not an indented block."""
    result, gold = _extract("indent_2em")
    texts = [p.text for p in result.paragraphs]
    for start in ("وطرح السؤال حول", "وأكّد المشاركون مجدّدًا", "وعلم المشاركون أن إنشاء"):
        wanted = next(u["text"] for u in gold["paragraphs"] if u["text"].startswith(start))
        assert wanted in texts


@pytest.mark.slow
@pytest.mark.parametrize(
    ("font", "start"), [("Serif_12", "للأمومة والطفولة الحق"), ("Sans_12", "ولما كانت الدول الأعضاء")]
)
def test_udhr_line_running_off_the_page_ends_its_paragraph(font: str, start: str) -> None:
    """The UDHR renders do not wrap: a paragraph longer than the page runs off it, and the next
    paragraph was joined to it as if it were a wrapped line."""
    wanted = next(unit for unit in udhr_units("ar") if unit.startswith(start))
    texts = [p.text for p in extract_file(udhr_pdf("ar", font), "ar", "udhr").paragraphs]
    assert wanted in texts
