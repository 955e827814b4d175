"""Extraction on PDFs the UN actually publishes (``../shared/corpus/real_un_pdf`` and the GA
resolutions), and the character ledger over every input the extraction tests read.

Each real document is extracted once per session (``extracted``); the assertions are the issue's
targets: gold paragraphs whole, furniture out of the text and into metadata, numbered paragraphs
of resolutions whole, and no printed body line missing from the records.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from pipeline.extract.evaluate import NumberedCheck, check_numbered, gold_whole, reference_paragraphs
from pipeline.extract.stage import Extraction, extract_file
from tests.conftest import BUNDLED, SHARED, UDHR_CODES, need_shared, udhr_pdf

REAL = SHARED / "corpus" / "real_un_pdf"
RESOLUTIONS = SHARED / "corpus" / "un_resolutions_en"
# A sample that runs by default: a long resolution, a two-page one, a one-page draft decision,
# a draft with a footnote across a page end. All 40 run in the slow test.
SAMPLE = ["A_RES_78_111", "A_RES_78_194", "A_C.1_80_L.39", "A_RES_80_82"]


@functools.cache
def extracted(path: Path, lang: str) -> Extraction:
    need_shared()
    return extract_file(path, lang, path.parent.name)


@functools.cache
def references(path: Path) -> list[str]:
    """The PDF's own paragraphs (the gold-free check's reference), read once per test session."""
    need_shared()
    return reference_paragraphs(path)


def numbered(path: Path) -> NumberedCheck:
    return check_numbered(path, _records(extracted(path, "en")), references(path))


def _records(result: Extraction) -> list[dict]:
    return [p.__dict__ for p in result.paragraphs]


PAIRS = [("ohchr_2", "en"), ("ohchr_2", "fr"), ("plan_1", "en"), ("plan_1", "es")]


@pytest.mark.slow
@pytest.mark.parametrize(("doc", "lang"), PAIRS)
def test_gold_paragraphs_come_out_whole(doc: str, lang: str) -> None:
    need_shared()
    gold_file = next((REAL / doc).glob("gold.en-*.json"))
    side = "main_language" if lang == "en" else "other_language"
    gold = [
        g[side]
        for g in json.loads(gold_file.read_text(encoding="utf-8"))["paragraphs"]
        if not g["main_language"].lstrip().startswith("Distr")
    ]
    whole, missing = gold_whole(_records(extracted(REAL / doc / f"{lang}.pdf", lang)), gold)
    total = whole + len(missing)
    assert whole >= 0.97 * total or len(missing) <= 1, f"{doc}/{lang}: {whole}/{total}; missing {missing[:3]}"


@pytest.mark.slow
def test_alternating_job_number_footer_and_page_one_variant_removed() -> None:
    result = extracted(REAL / "ohchr_2" / "fr.pdf", "fr")
    texts = [p.text for p in result.paragraphs]
    assert not [t for t in texts if "GE.09-17088" in t], "job-number footer leaked into the text"
    assert not [p for p in result.paragraphs if p.kind == "table_row" and len(p.text) > 1000]
    page_one = [r["text"] for r in result.ledger["1"]["removed_lines"]]
    assert "GE.09-17088 (F) 111209 161209" in page_one
    assert "Français" in page_one and "Français" not in texts
    assert result.meta["original"] == "anglais" and result.meta["distribution"] == "générale"


@pytest.mark.slow
def test_typewriter_running_heads_removed_and_first_line_indents_joined() -> None:
    result = extracted(REAL / "plan_1" / "en.pdf", "en")
    texts = [p.text for p in result.paragraphs]
    assert not [t for t in texts if t in ("/...", "Page 2", "GENERAL") or t.endswith("Page 2")]
    opening = [t for t in texts if t.startswith("Having considered the report of the Secretary-General")]
    assert len(opening) == 1 and "Mission in Haiti" in opening[0] and opening[0].endswith("Questions, 2/")


def test_seed_line_next_to_a_symbol_is_kept() -> None:
    """Issue 13, failure 5: a body line that mentions a document symbol is not a symbol line."""
    result = extract_file(BUNDLED / "zh.txt", "zh")  # no symbol given: it is guessed
    para = next(p for p in result.paragraphs if p.text.startswith("专家组第三次会议于 2017 年"))
    assert para.text.endswith("告载于 UNODC/CCPCJ/EG.4/2017/4 号文件。")


@pytest.mark.slow
@pytest.mark.parametrize("name", SAMPLE)
def test_resolution_paragraphs_whole_and_clean(name: str) -> None:
    check = numbered(RESOLUTIONS / f"{name}.pdf")
    assert check.right, f"{name}: {check.whole}/{check.numbered}; {check.problems[:3]}"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["A_80_L.22", "A_RES_78_302", "A_C.5_80_L.1"])
def test_resolution_check_reads_headings_and_tables_as_the_page_does(name: str) -> None:
    """The gold-free check itself: a paragraph ends before a bold heading (also when a footnote
    marker makes its last line look full), and a ``(q)`` inside a table cell is no paragraph.
    The check used to run these paragraphs into the heading after them, or demand the cell."""
    path = RESOLUTIONS / f"{name}.pdf"
    paragraphs = references(path)
    headings = ("Convention, I Implementation of the Convention", "2023;3 Budget estimates for the period")
    assert not [r for r in paragraphs if any(h in r for h in headings)]
    assert not [r for r in paragraphs if r.startswith("(q) International Residual Mechanism")]
    check = numbered(path)
    assert check.right, f"{name}: {check.whole}/{check.numbered}; {check.problems[:3]}"


@pytest.mark.slow
def test_all_resolutions_fully_right() -> None:
    files = sorted(RESOLUTIONS.glob("*.pdf"))
    wrong = [f.stem for f in files if not numbered(f).right]
    # Issue 13's target: 39 of 40. The one left, A_C.2_80_L.63, is a one-line amendment with no
    # numbered paragraph: nothing to check (docs/known-problems.md).
    assert len(files) - len(wrong) >= 39, f"not fully right: {wrong}"


def _ledger_inputs() -> list[tuple[Path, str]]:
    inputs = [(REAL / doc / f"{lang}.pdf", lang) for doc, lang in PAIRS]
    inputs += [(RESOLUTIONS / f"{name}.pdf", "en") for name in SAMPLE]
    inputs += [(udhr_pdf(lang, font), lang) for lang in UDHR_CODES for font in ("Serif_12", "Sans_12")]
    inputs += [(BUNDLED / f"{lang}.pdf", lang) for lang in ("en", "fr", "es", "ru", "ar")]
    return [*inputs, (BUNDLED / "zh.txt", "zh")]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "lang"), _ledger_inputs(), ids=lambda v: getattr(v, "name", v))
def test_ledger_accounts_for_every_printed_character(path: Path, lang: str) -> None:
    result = extracted(path, lang)
    lost = [(page, text) for page, entry in result.ledger.items() for text in entry["lost"]]
    assert not lost, f"{path.name}: printed body text in no record: {lost[:3]}"
    for entry in result.ledger.values():
        assert entry["removed"] == sum(len(r["text"].replace(" ", "")) for r in entry["removed_lines"])
    kept = sum(entry["body"] + entry["footnotes"] for entry in result.ledger.values())
    assert kept > 0


@pytest.mark.slow
def test_real_pairs_align_end_to_end(tmp_path: Path) -> None:
    """Each pair as a document set through extract, segment and align (needs the embedder)."""
    need_shared()
    from scripts.bench_extract import end_to_end

    for name, row in end_to_end(tmp_path).items():
        assert row["recall"] >= 0.95 and row["precision"] >= 0.95, f"{name}: {row}"


@pytest.mark.slow
def test_page_one_heading_block_aligned_whole_not_with_the_masthead() -> None:
    """``ohchr_2`` page 1: English sets ``HUMAN RIGHTS COUNCIL Working Group ... Geneva, 8-19
    February 2010`` as one block, French as three (``Conseil des droits de l'homme`` / ``Groupe de
    travail ...`` / ``Genève, ...``), and the English masthead line ``NATIONS A`` has no French
    counterpart. The French heading used to be paired with ``NATIONS A`` (a 1-1 of unrelated text
    scored above the two skips it replaced); it belongs in a 1-3 link with the English block."""
    from pipeline.align.aligner import align_units
    from pipeline.core.embed import Embedder, ModelSpec

    sides = {}
    for lang in ("en", "fr"):
        rows = [p for p in extracted(REAL / "ohchr_2" / f"{lang}.pdf", lang).paragraphs if p.kind != "footnote"]
        sides[lang] = ([p.text for p in rows], [p.label for p in rows])
    (en, en_labels), (fr, fr_labels) = sides["en"], sides["fr"]
    links = align_units(en, fr, Embedder(ModelSpec("usem3")), None, en_labels, fr_labels)
    council = next(k for k, t in enumerate(fr) if t.startswith("Conseil des droits de l"))
    block = next(k for k, t in enumerate(en) if t.startswith("HUMAN RIGHTS COUNCIL Working Group"))
    link = next(link for link in links if council in link.tgt)
    assert link.src == (block,), [en[i] for i in link.src]
    assert [fr[j][:6] for j in link.tgt] == ["Consei", "Groupe", "Genève"]
    masthead = next(link for link in links if en.index("NATIONS A") in link.src)
    assert not masthead.tgt, [fr[j] for j in masthead.tgt]
