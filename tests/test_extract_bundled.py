"""The bundled document: the Chinese seed (a text export) and the five rendered PDFs."""

from __future__ import annotations

import re

import pytest
import yaml

from pipeline.extract.stage import extract_file
from tests.conftest import BUNDLED, TRANSLATIONS

# Measured when written; the source YAML is the gold for the rendered PDFs.
FLOORS = {"en": 58, "fr": 57, "es": 58, "ru": 58, "ar": 54}


@pytest.fixture(scope="module")
def seed():
    return extract_file(BUNDLED / "zh.txt", "zh", "UNODC_CCPCJ_EG.4_2020_1", "UNODC/CCPCJ/EG.4/2020/1")


def test_seed_rebuilds_paragraph_across_page_break_and_footnote(seed) -> None:
    texts = [p.text for p in seed.paragraphs if p.kind == "paragraph"]
    joined = [t for t in texts if "全面研究网络犯罪问题及会员国" in t]
    assert len(joined) == 1, "the paragraph interrupted by footnote 1 must be one paragraph"
    para = next(p for p in seed.paragraphs if "全面研究网络犯罪问题及会员国" in p.text)
    assert para.text.startswith("大会在第 65/230 号决议中核可了")
    assert para.text.endswith("法律对策和其他对策。")
    assert "萨尔瓦多宣言》，并请" in para.text, "footnote marker 1 must be removed from the text"
    assert para.refs == ["1"]


def test_seed_footnotes_and_links(seed) -> None:
    notes = {p.label: p.text for p in seed.paragraphs if p.kind == "footnote"}
    assert notes["1"] == "大会第 65/230 号决议，附件。"
    assert notes["3"].endswith("comments-to-the-comprehensive-study-on-cybercrime.html 查阅。")
    assert not any("undocs.org" in p.text for p in seed.paragraphs), "hyperlink lists are furniture"
    refs = [r for p in seed.paragraphs for r in p.refs]
    assert refs == ["1", "2", "3"]


def test_seed_structure(seed) -> None:
    kinds = [(p.kind, p.label, p.text) for p in seed.paragraphs]
    assert ("list_item", "(a)", "会议开幕；") in kinds
    assert ("heading", "2.", "国际合作") in kinds
    chapters = [k for k in kinds if k[1].startswith("第") and k[1].endswith("章")]
    assert [c[1] for c in chapters] == ["第三章", "第四章", "第五章", "第六章", "第七章", "第八章"]
    assert all(c[0] == "list_item" for c in chapters)
    rows = [p.text for p in seed.paragraphs if p.kind == "table_row"]
    assert rows[0] == "日期 时间 项目 标题或说明" and "5 通过报告" in rows
    body = [p for p in seed.paragraphs if p.kind == "paragraph"]
    assert len(body) == 27 + 2  # 27 numbered paragraphs and the two "no documents" notes


def _source(lang: str) -> dict:
    return yaml.safe_load((TRANSLATIONS / f"{lang}.yaml").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_rendered_pdf_gives_back_its_source_paragraphs(lang: str) -> None:
    src = _source(lang)
    want = [src["body_name"], src["venue"]] + [re.sub(r"\[\^\d+\]", "", b["t"]) for b in src["blocks"]]
    want += [src["annex"]["title"], src["annex"]["heading"]]
    result = extract_file(BUNDLED / f"{lang}.pdf", lang, "UNODC_CCPCJ_EG.4_2020_1")
    got = [p.text for p in result.paragraphs]
    exact = sum(1 for w in want if w in got)
    assert exact >= FLOORS[lang], f"{lang}: {exact}/{len(want)} source paragraphs extracted exactly"
    notes = {p.label: p.text for p in result.paragraphs if p.kind == "footnote"}
    expected = {str(k): v for k, v in src["footnotes"].items()}
    if lang == "ar":
        # Known gap: a URL wrapped at a hyphen inside a right-to-left line comes back with the
        # hyphen at the wrong end; the note is found and numbered, its text is not exact.
        assert notes.keys() == expected.keys()
        notes.pop("3"), expected.pop("3")
    assert notes == expected
    assert result.meta["symbol"] == "UNODC/CCPCJ/EG.4/2020/1"
    furniture = re.compile(r"V\.20-00650|\*2000650\*|Distr|^\d+/\d+$")
    assert not [t for t in got if furniture.search(t)], "page furniture leaked into the text"
    rows = [p for p in result.paragraphs if p.kind == "table_row"]
    assert len(rows) >= len(src["annex"]["rows"])


@pytest.mark.slow
def test_labels_move_out_of_the_text() -> None:
    result = extract_file(BUNDLED / "en.pdf", "en")
    first = next(p for p in result.paragraphs if p.label == "1." and p.kind == "paragraph")
    assert first.text.startswith("The sixth meeting of the Expert Group")
    assert [p.refs for p in result.paragraphs if p.refs] == [["1"], ["2", "3"]]


@pytest.mark.slow
def test_wrapped_table_cells_stay_in_their_row() -> None:
    rows = [p.text for p in extract_file(BUNDLED / "en.pdf", "en").paragraphs if p.kind == "table_row"]
    assert rows[0] == "Date Time Item Title or description"
    assert len(rows) == 11, rows
    assert "3–6 p.m. 2 International cooperation (continued)" in rows
