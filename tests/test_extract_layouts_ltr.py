"""Left-to-right layouts of the matrix (``tests/data/layouts``): each quirk that cost whole
paragraphs in Chinese, English, French, Russian or Spanish, on the committed PDF that shows it,
and the issue's target of 0.98 whole for these languages (the Arabic column is tested apart).
Each entry of ``docs/known-problems.md`` names its test here.
"""

from __future__ import annotations

import functools
import importlib.util
import json

import pytest

from pipeline.extract.evaluate import key
from pipeline.extract.stage import Extraction, extract_file
from tests.conftest import ROOT

MATRIX = ROOT / "tests" / "data" / "layouts"
LTR = ("zh", "en", "fr", "ru", "es")
FLOOR = 0.98


@functools.cache
def extracted(layout: str, lang: str) -> Extraction:
    pdf = MATRIX / layout / f"{lang}.pdf"
    gold = json.loads(pdf.with_name(f"{lang}.gold.json").read_text(encoding="utf-8"))
    return extract_file(pdf, lang, doc=layout, symbol=gold["symbol"])


def texts(layout: str, lang: str) -> list[str]:
    return [p.text for p in extracted(layout, lang).paragraphs]


def gold(layout: str, lang: str) -> list[str]:
    data = json.loads((MATRIX / layout / f"{lang}.gold.json").read_text(encoding="utf-8"))
    return [unit["text"] for unit in data["paragraphs"]]


def test_typewriter_ten_character_indent_and_page_line_under_the_running_head() -> None:
    """Typewriter pages indent by ten monospace characters (6 font sizes), which the indent
    learner did not accept, and print ``Page 2`` under the symbol only from page 2 on."""
    out = texts("typewriter", "en")
    assert "Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members" in (
        next(t for t in out if t.startswith("Whereas recognition"))
    )
    assert next(t for t in out if t.startswith("Whereas recognition")).endswith("peace in the world,")
    assert not [t for t in out if "Page 2" in t]
    assert not [t for t in texts("typewriter", "ru") if "Страница 2" in t]
    assert not [t for t in texts("typewriter", "zh") if "第2页" in t or "第 2页" in t]


def test_chinese_paragraph_at_the_indent_after_a_full_line_is_new() -> None:
    """Chinese has no capitals: a line at the first-line indent after a line that ran to the
    margin opens a paragraph (it used to be read as the wrap of a comma-ended line)."""
    out = texts("typewriter", "zh")
    for unit in [g for g in gold("typewriter", "zh") if g.startswith("鉴于")]:
        assert unit in out


def test_hanging_labels_are_no_first_line_indent() -> None:
    """Hanging numbers put continuation lines at the indent and the next label at the margin;
    that must not be learned as a first-line indent (short Chinese items looked like one)."""
    out = texts("hanging_number", "zh")
    whole = "为了这些目的，《宪章》设立了本组织，其宗旨是维护和平、发展各国的友谊、实现国际合作，"
    assert whole + "并成为协调各方行动以实现这些目标的中心。" in out


@pytest.mark.parametrize("lang", ["zh", "fr", "ru"])
def test_footnote_running_over_a_page_end_stays_whole(lang: str) -> None:
    """A note cut mid-sentence at the foot of a page goes on at the foot of the next, before
    the next note's number: those lines belong to it, not to the body."""
    records = extracted("footnotes", lang).paragraphs
    notes = {key(p.text) for p in records if p.kind == "footnote"}
    body = {key(p.text) for p in records if p.kind != "footnote"}
    data = json.loads((MATRIX / "footnotes" / f"{lang}.gold.json").read_text(encoding="utf-8"))
    for unit in data["paragraphs"]:
        assert key(unit["text"]) in (notes if unit["kind"] == "footnote" else body), unit["text"][:60]


def test_justified_russian_line_of_few_long_words_is_no_table_row() -> None:
    """Justification stretches every space of a short Russian line past the cell gap; alike
    spaces are words, not cells."""
    result = extracted("indent_number", "ru")
    assert not [p for p in result.paragraphs if p.kind == "table_row"]
    assert (
        "Заявитель представил также информацию относительно предотвращения, сокращения и сохранения под "
        "контролем опасностей для морской среды и возможного воздействия на нее." in texts("indent_number", "ru")
    )


def test_page_one_job_number_with_two_dates_in_a_two_page_document() -> None:
    """``GE.15-01234 (C) 111215 161215`` (job, language, processing and issue dates) on page 1
    of a two-page document: nothing repeats, so the pattern must read both dates; ``2
    GE.15-01234`` on page 2 then follows as its variant."""
    result = extracted("job_footer", "zh")
    assert not [t for t in texts("job_footer", "zh") if "GE.15-01234" in t]
    assert result.meta.get("job", "").startswith("GE.15-01234")
    whole = [t for t in texts("job_footer", "zh") if t.startswith("青年专业人员论坛重申")]
    assert len(whole) == 1 and whole[0].endswith("现有的丰富资产。")


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "es"])
def test_contents_table_with_close_numbers_and_wrapped_titles(lang: str) -> None:
    """A contents table whose paragraph numbers stand just over one size after the title (below
    the cell gap) and whose titles wrap over three lines: the clear rows below give the column,
    and the wrapped lines go on their cell, so each entry is one row."""
    rows = {key(p.text) for p in extracted("hanging_number", lang).paragraphs if p.kind == "table_row"}
    data = json.loads((MATRIX / "hanging_number" / f"{lang}.gold.json").read_text(encoding="utf-8"))
    wanted = [unit["text"] for unit in data["paragraphs"] if unit["kind"] == "table_row"]
    assert len(wanted) >= 4 and all(key(text) in rows for text in wanted), (wanted, rows)


@pytest.mark.slow
def test_left_to_right_columns_reach_the_target() -> None:
    spec = importlib.util.spec_from_file_location("bench_layouts", ROOT / "scripts" / "bench_layouts.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    low = []
    for folder in sorted(p for p in MATRIX.iterdir() if p.is_dir()):
        for lang in LTR:
            score = bench.score_file(folder / f"{lang}.pdf", lang)
            share = score["whole"] / score["total"]
            if share < FLOOR:
                low.append((folder.name, lang, round(share, 3), score["missed"][:3]))
    assert not low, low
