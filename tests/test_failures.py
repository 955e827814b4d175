"""One rule for failures: a stage over many inputs processes every input it can, records each
failed language or set in its report.json and on stderr, and exits 0 so that `dvc repro` carries
the good ones through; `hexalign summary` (the end of scripts/run.sh) then exits non-zero."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.align.stage import run_align
from pipeline.cli import STRICT_FAILURE, main
from pipeline.core.errors import InputError
from pipeline.core.params import Params
from pipeline.export.stage import run_export
from pipeline.segment.stage import run_segment
from pipeline.tag.stage import run_tag
from pipeline.tag.taxonomy import load_taxonomy
from tests.conftest import ROOT, udhr_units
from tests.fakes import FakeEmbedder


def write_text(path: Path, paragraphs: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    """Two sets of real UDHR text: one whole, one whose English is missing."""
    root = tmp_path / "raw"
    for lang in ("en", "fr", "es"):
        write_text(root / "A_1" / f"{lang}.txt", udhr_units(lang)[3:9])
    write_text(root / "B_2" / "fr.txt", udhr_units("fr")[3:9])
    return root


def test_a_set_without_english_fails_alone_and_the_main_job_says_so(raw: Path, tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    report = run_align(data / "extracted", None, data / "aligned", Params(), embedder=FakeEmbedder())
    assert [(f.doc, f.lang) for f in report.failures] == [("B_2", None)]
    assert "no English text" in report.failures[0].problem
    assert (data / "aligned" / "A_1" / "sixway.jsonl").exists(), "the good set is aligned all the same"
    saved = json.loads((data / "aligned" / "report.json").read_text(encoding="utf-8"))
    assert [f["doc"] for f in saved["failures"]] == ["B_2"]
    run_tag(
        data / "extracted",
        None,
        data / "aligned",
        data / "tagged",
        load_taxonomy(ROOT / "configs" / "taxonomy.yaml"),
    )
    exported = run_export(data / "aligned", data / "tagged", data / "exports")
    assert (data / "exports" / "A_1.wide.csv").exists()
    assert sorted(exported.sets) == ["A_1"], "a set the align stage failed has nothing to export"
    capsys.readouterr()
    assert main(["summary", str(data)]) == 1
    out = capsys.readouterr().out
    assert "B_2: " in out and "no English text" in out
    assert "A_1" in out


def test_summary_of_a_clean_run_exits_zero(raw: Path, tmp_path: Path, capsys) -> None:
    (raw / "B_2" / "fr.txt").unlink()
    (raw / "B_2").rmdir()
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    run_segment(data / "extracted", data / "segmented")
    run_align(data / "extracted", data / "segmented", data / "aligned", Params(), embedder=FakeEmbedder())
    run_tag(
        data / "extracted", None, data / "aligned", data / "tagged", load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    )
    run_export(data / "aligned", data / "tagged", data / "exports")
    assert main(["summary", str(data)]) == 0
    out = capsys.readouterr().out
    assert "failed" not in out
    for lang in ("en", "fr", "es"):
        assert f"│ {lang}" in out


def test_single_file_verb_exits_non_zero(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "fr.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    assert main(["extract", str(bad), "--out", str(tmp_path / "fr.jsonl")]) != 0
    assert str(bad) in capsys.readouterr().err


def test_strict_makes_a_stage_over_many_inputs_exit_non_zero(raw: Path, tmp_path: Path, capsys) -> None:
    """Scripts that run a stage by hand can ask the exit status to say that an input failed."""
    (raw / "C_3").mkdir()
    (raw / "C_3" / "en.pdf").write_bytes(b"%PDF-1.4 torn")
    out = tmp_path / "extracted"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    assert "C_3 en" in capsys.readouterr().err
    assert main(["--strict", "extract", str(raw), "--out", str(out)]) == STRICT_FAILURE
    assert "C_3 en" in capsys.readouterr().err
    assert (out / "A_1" / "fr.jsonl").exists(), "the good sets are extracted all the same"
    (raw / "C_3" / "en.pdf").unlink()
    assert main(["--strict", "extract", str(raw), "--out", str(out)]) == 0


def test_aligning_a_set_from_inside_it_never_removes_the_output_folder(raw: Path, tmp_path: Path, monkeypatch) -> None:
    """Run from inside one set's folder (``align .``), the set's name was "" and replacing the
    failed set's old results removed ``--out`` itself, every other document's alignment in it."""
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    other = data / "aligned" / "OTHER_DOC" / "sixway.jsonl"
    other.parent.mkdir(parents=True)
    other.write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(data / "extracted" / "B_2")  # no English: the set fails
    report = run_align(Path("."), None, Path("../../aligned"), Params(), embedder=FakeEmbedder())
    assert [f.doc for f in report.failures] == ["B_2"]
    assert other.exists()


def test_an_output_folder_over_the_input_is_refused_and_the_input_kept(raw: Path, tmp_path: Path) -> None:
    """``--out`` equal to the input folder made each failed set's input the stale result it removes."""
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    before = sorted(p.relative_to(data) for p in (data / "extracted").rglob("*"))
    for out in (data / "extracted", data / "extracted" / "aligned", data):
        with pytest.raises(InputError, match="overlaps the input"):
            run_align(data / "extracted", None, out, Params(), embedder=FakeEmbedder())
    with pytest.raises(InputError, match="overlaps the input"):
        run_segment(data / "extracted", data / "extracted")
    assert sorted(p.relative_to(data) for p in (data / "extracted").rglob("*")) == before


def test_one_broken_language_fails_alone_in_the_align_stage(raw: Path, tmp_path: Path) -> None:
    """A torn es.jsonl failed the whole set and removed its good en-fr alignment with it."""
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    run_align(data / "extracted", None, data / "aligned", Params(), embedder=FakeEmbedder())
    with open(data / "extracted" / "A_1" / "es.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"broken')
    report = run_align(data / "extracted", None, data / "aligned", Params(), embedder=FakeEmbedder())
    assert sorted((f.doc, f.lang) for f in report.failures) == [("A_1", "es"), ("B_2", None)]
    kept = data / "aligned" / "A_1"
    assert (kept / "en-fr.paragraphs.jsonl").exists() and (kept / "sixway.jsonl").exists()
    assert not list(kept.glob("en-es.*")), "the old en-es alignment must not pass for the torn input's"
    rows = [json.loads(line) for line in (kept / "sixway.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and all(row.get("fr") for row in rows[:3])


def test_one_broken_language_fails_alone_in_the_segment_stage(raw: Path, tmp_path: Path) -> None:
    """A torn es.jsonl failed the whole set: fr was never segmented, and the old es output was
    left for align and tag to take for the current one."""
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    run_segment(data / "extracted", data / "segmented")
    with open(data / "extracted" / "A_1" / "es.jsonl", "a", encoding="utf-8") as handle:
        handle.write("[1, 2]\n")
    report = run_segment(data / "extracted", data / "segmented")
    assert [(f.doc, f.lang) for f in report.failures] == [("A_1", "es")]
    assert "not a JSON object but list" in report.failures[0].problem
    assert sorted(p.name for p in (data / "segmented" / "A_1").iterdir()) == ["en.jsonl", "fr.jsonl"]
    fr = (data / "segmented" / "A_1" / "fr.jsonl").read_text(encoding="utf-8").splitlines()
    assert report.sets["A_1"]["sentences"]["fr"] == len(fr) > 0


def test_a_broken_meta_file_or_pdf_fails_alone_in_the_extract_stage(raw: Path, tmp_path: Path, caplog) -> None:
    """A torn meta.yaml, a folder named fr.txt and a PDF with a damaged page box each stopped
    the whole extract stage with a traceback: no later set was read, no report written."""
    (raw / "A_1" / "meta.yaml").write_text("symbol: [unclosed\n", encoding="utf-8")
    (raw / "A_1" / "fr.txt").unlink()
    (raw / "A_1" / "fr.txt").mkdir()
    pdf = (ROOT / "data" / "raw" / "UNODC_CCPCJ_EG.4_2020_1" / "en.pdf").read_bytes()
    box = b"/MediaBox[0 0 595.303937007874 841.889763779528]"
    assert box in pdf
    (raw / "A_1" / "ru.pdf").write_bytes(pdf.replace(box, b"/MediaBox[0 0 595.303937007874 841.88976/Q 28]", 1))
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    saved = json.loads((data / "extracted" / "report.json").read_text(encoding="utf-8"))
    assert [(f["doc"], f["lang"]) for f in saved["failures"]] == [("A_1", "ru")]
    assert "not a readable PDF" in saved["failures"][0]["problem"]
    assert sorted(p.name for p in (data / "extracted" / "A_1").glob("*.jsonl")) == ["en.jsonl", "es.jsonl"]
    assert (data / "extracted" / "B_2" / "fr.jsonl").exists()
    assert "meta.yaml: not readable YAML" in caplog.text and "fr.txt: skipped, a folder" in caplog.text


def test_a_set_without_tag_output_is_a_failure_of_the_export_not_tagless_csvs(raw: Path, tmp_path: Path) -> None:
    """With ``tagged/<set>`` missing, the export wrote a long CSV of only its header and a wide
    one without tags, exit 0 and nothing in the report: it looked like a set with nothing to tag."""
    (raw / "B_2" / "fr.txt").unlink()
    (raw / "B_2" / "fr.txt").parent.rmdir()
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    run_align(data / "extracted", None, data / "aligned", Params(), embedder=FakeEmbedder())
    report = run_export(data / "aligned", data / "tagged", data / "exports")
    assert [(f.doc, f.lang) for f in report.failures] == [("A_1", None)]
    assert "no tag output" in report.failures[0].problem
    assert not (data / "exports" / "A_1.wide.csv").exists()


def test_a_language_without_tag_output_is_a_failure_of_the_export(raw: Path, tmp_path: Path) -> None:
    """The tag stage left no fr.jsonl: the export still writes the set, but says that French is
    missing from the long CSV and untagged in the wide one instead of passing for complete."""
    data = tmp_path / "data"
    assert main(["extract", str(raw), "--out", str(data / "extracted")]) == 0
    run_align(data / "extracted", None, data / "aligned", Params(), embedder=FakeEmbedder())
    taxonomy = load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    run_tag(data / "extracted", None, data / "aligned", data / "tagged", taxonomy)
    (data / "tagged" / "A_1" / "fr.jsonl").unlink()
    report = run_export(data / "aligned", data / "tagged", data / "exports")
    assert [(f.doc, f.lang) for f in report.failures] == [("A_1", "fr")]
    assert "fr.jsonl: no tag output for this language" in report.failures[0].problem
    assert (data / "exports" / "A_1.wide.csv").exists() and (data / "exports" / "A_1.long.csv").exists()
