"""`.docx` input: Word files written by LibreOffice from the layout matrix's documents
(``scripts/make_layouts.py``), read back through the same records as the PDFs, and checked
against the same gold paragraphs."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import docx
import pytest

from pipeline import LANGS
from pipeline.cli import main
from pipeline.core.docset import load_docset
from pipeline.core.errors import InputError
from pipeline.extract.stage import extract_file
from tests.conftest import ROOT

DOCX = ROOT / "tests" / "data" / "docx"
LAYOUTS = ROOT / "tests" / "data" / "layouts"


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", unicodedata.normalize("NFKC", text).lower())


def gold(layout: str, lang: str) -> dict:
    return json.loads((LAYOUTS / layout / f"{lang}.gold.json").read_text(encoding="utf-8"))


def read(layout: str, lang: str):
    return extract_file(DOCX / layout / f"{lang}.docx", lang, layout, gold(layout, lang)["symbol"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("layout", ["hanging_number", "footnotes", "masthead"])
def test_every_gold_paragraph_comes_out_whole_and_of_its_kind(layout: str, lang: str) -> None:
    result = read(layout, lang)
    got = Counter((p.kind, key(p.text)) for p in result.paragraphs)
    want = Counter((u["kind"], key(u["text"])) for u in gold(layout, lang)["paragraphs"])
    assert want - got == Counter(), "gold units missing or of another kind"
    assert got - want == Counter(), "records that are not gold units (furniture, split paragraphs)"


@pytest.mark.parametrize("lang", LANGS)
def test_numbering_labels_come_from_the_word_numbering(lang: str) -> None:
    paragraphs = [p for p in read("hanging_number", lang).paragraphs if p.kind == "paragraph"]
    expected = [u for u in gold("hanging_number", lang)["paragraphs"] if u["kind"] == "paragraph"]
    assert [p.label for p in paragraphs] == [u["label"] for u in expected]
    assert [p.text for p in paragraphs] == [" ".join(u["text"].split()) for u in expected], "label not in the text"


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_are_kept_apart_and_referenced(lang: str) -> None:
    result = read("footnotes", lang)
    notes = [p for p in result.paragraphs if p.kind == "footnote"]
    refs = [r for p in result.paragraphs if p.kind != "footnote" for r in p.refs]
    expected = [u for u in gold("footnotes", lang)["paragraphs"] if u["kind"] == "footnote"]
    assert [n.label for n in notes] == [u["label"] for u in expected]
    assert refs == [n.label for n in notes], "each note referenced once, in order"
    assert [n.para_id for n in notes] == [f"{lang}-fn{u['label']}" for u in expected]


@pytest.mark.parametrize("lang", LANGS)
def test_masthead_table_goes_to_metadata(lang: str) -> None:
    result = read("masthead", lang)
    assert result.meta["distribution"]
    assert result.meta["symbol"] == "A/70/106"
    assert not any("Distr" in p.text for p in result.paragraphs)
    assert result.dropped == {"masthead": 1}


def test_table_rows_keep_their_cells_together() -> None:
    rows = [p.text for p in read("hanging_number", "en").paragraphs if p.kind == "table_row"]
    expected = [u["text"] for u in gold("hanging_number", "en")["paragraphs"] if u["kind"] == "table_row"]
    assert rows == expected


def test_a_document_set_prefers_the_word_file(tmp_path: Path, caplog) -> None:
    folder = tmp_path / "A_70_102"
    folder.mkdir()
    shutil.copy(DOCX / "hanging_number" / "en.docx", folder / "en.docx")
    shutil.copy(LAYOUTS / "hanging_number" / "en.pdf", folder / "en.pdf")
    docset = load_docset(folder)
    assert docset.files == {"en": folder / "en.docx"}
    assert docset.ignored == [folder / "en.pdf"]
    assert main(["extract", str(folder), "--out", str(tmp_path / "out")]) == 0
    report = json.loads((tmp_path / "out" / "A_70_102" / "report.json").read_text(encoding="utf-8"))
    assert report["languages"]["en"]["source"].endswith("en.docx")
    assert f"{folder / 'en.pdf'}: skipped, en.docx is read for en" in caplog.text  # not "not named <lang>.pdf"


def test_a_broken_word_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "en.docx"
    bad.write_bytes((DOCX / "hanging_number" / "en.docx").read_bytes()[:2000])
    with pytest.raises(InputError, match="not a readable Word file"):
        extract_file(bad, "en")


def test_an_empty_word_file_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "fr.docx"
    docx.Document().save(str(empty))
    with pytest.raises(InputError, match="no text"):
        extract_file(empty, "fr")
