"""Exports: the CSVs load in pandas with no options, the TMX parses and carries every language,
filters work, and a failing export leaves the previous files whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.export import stage as export

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain

DOC = "UNODC_CCPCJ_EG.4_2020_1"


@pytest.fixture(scope="module")
def run(bundled_stages: Path) -> Path:
    root = bundled_stages
    if not (root / "exports").exists():
        assert (
            main(
                [
                    "export",
                    "--aligned",
                    str(root / "aligned"),
                    "--tagged",
                    str(root / "tagged"),
                    "--segmented",
                    str(root / "segmented"),
                    "--out",
                    str(root / "exports"),
                ]
            )
            == 0
        )
    return root


def test_wide_csv(run: Path) -> None:
    raw = (run / "exports" / f"{DOC}.wide.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    wide = pd.read_csv(run / "exports" / f"{DOC}.wide.csv")
    assert {"doc", "symbol", "group", "confidence", "en", "fr", "es", "ru", "ar", "zh", "tags", "evidence"} <= set(wide)
    assert (wide["symbol"] == "UNODC/CCPCJ/EG.4/2020/1").all()
    row = (
        wide[wide["en"].fillna("").str.startswith("At the fifth meeting of the Expert Group")].iloc[0]
        if wide["en"].fillna("").str.startswith("At the fifth meeting of the Expert Group").any()
        else wide[wide["en"].fillna("").str.contains("24/7 networks")].iloc[0]
    )
    assert "network_24_7" in row["tags"] and "data_preservation" in row["tags"]
    assert "24/7" in row["zh"] and "24/7" in row["ar"]
    assert "network_24_7[zh]: 24/7" in row["evidence"]


def test_long_csv(run: Path) -> None:
    long = pd.read_csv(run / "exports" / f"{DOC}.long.csv")
    assert set(long["lang"]) == {"ar", "zh", "en", "fr", "ru", "es"}
    assert {"para_id", "kind", "label", "page", "text", "tags", "evidence"} <= set(long)
    zh = long[(long["lang"] == "zh") & long["tags"].fillna("").str.contains("stance_divergent")]
    assert len(zh) >= 2


def test_tmx_is_valid_and_carries_six_languages(run: Path) -> None:
    tree = etree.parse(str(run / "exports" / f"{DOC}.tmx"))
    root = tree.getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert tree.docinfo.doctype == '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    header = root.find("header")
    assert header.get("srclang") == "en" and header.get("segtype") == "paragraph"
    units = root.findall("body/tu")
    assert len(units) >= 50
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"ar", "zh-CN", "en", "fr", "ru", "es"}
    first = units[0]
    assert first.find("prop[@type='x-confidence']") is not None
    assert all(tuv.find("seg").text for tuv in first.findall("tuv"))


def test_filters_and_sentence_tmx(run: Path) -> None:
    out = run / "filtered"
    assert (
        main(
            [
                "export",
                "--aligned",
                str(run / "aligned"),
                "--tagged",
                str(run / "tagged"),
                "--segmented",
                str(run / "segmented"),
                "--out",
                str(out),
                "--tags",
                "stance_divergent",
                "--langs",
                "en",
                "zh",
                "--min-confidence",
                "0.5",
                "--level",
                "sentence",
            ]
        )
        == 0
    )
    wide = pd.read_csv(out / f"{DOC}.wide.csv")
    assert list(wide.columns[4:7]) == ["en", "zh", "zh_confidence"]
    assert "fr" not in wide.columns
    assert wide["tags"].str.contains("stance_divergent").all() and len(wide) >= 2
    assert (wide["confidence"] >= 0.5).all()
    tree = etree.parse(str(out / f"{DOC}.tmx"))
    assert tree.getroot().find("header").get("segtype") == "sentence"
    pairs = {
        tuple(t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tu.findall("tuv"))
        for tu in tree.getroot().iter("tu")
    }
    assert pairs == {("en", "zh-CN")}


def test_summary_and_plot(run: Path) -> None:
    summary = pd.read_csv(run / "exports" / "tag_summary.csv")
    assert {"doc", "lang", "tag", "paragraphs"} == set(summary.columns)
    assert summary[(summary["tag"] == "capacity_building")]["paragraphs"].min() >= 2
    assert (run / "exports" / "tag_distribution.png").read_bytes()[:4] == b"\x89PNG"


def test_failed_export_keeps_previous_files(run: Path, monkeypatch) -> None:
    out = run / "again"
    shutil.copytree(run / "exports", out)
    before = (out / f"{DOC}.tmx").read_bytes()

    class HalfWritten:
        def write(self, path, **kwargs):
            Path(path).write_text("<tmx version=", encoding="utf-8")
            raise RuntimeError("disk full")

    monkeypatch.setattr(export, "tmx_tree", lambda *args, **kwargs: HalfWritten())
    with pytest.raises(RuntimeError):
        main(["export", "--aligned", str(run / "aligned"), "--tagged", str(run / "tagged"), "--out", str(out)])
    assert (out / f"{DOC}.tmx").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_tags_are_merged_per_row_when_the_tag_stage_had_no_six_way_table(run: Path, tmp_path: Path) -> None:
    """A tag run without --aligned writes no consistency rows: the wide CSV's tags column came
    out empty, with no word, though every language's paragraphs were tagged."""
    tagged = tmp_path / "tagged"
    shutil.copytree(run / "tagged", tagged)
    shutil.rmtree(tagged / DOC / "consistency")
    out = tmp_path / "exports"
    assert main(["export", "--aligned", str(run / "aligned"), "--tagged", str(tagged), "--out", str(out)]) == 0
    with_rows = pd.read_csv(run / "exports" / f"{DOC}.wide.csv", keep_default_na=False)
    without = pd.read_csv(out / f"{DOC}.wide.csv", keep_default_na=False)
    assert (without["tags"] != "").sum() > 20
    assert without["tags"].tolist() == with_rows["tags"].tolist()
