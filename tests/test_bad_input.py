"""Bad input: one clear line naming the file and the problem, a non-zero exit, nothing partial
written, raw inputs untouched, and the other languages of a set still processed."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from pipeline.cli import main
from pipeline.core.embed import load_encoder
from pipeline.core.errors import InputError
from pipeline.core.params import load_params
from pipeline.core.records import read_extracted
from pipeline.tag.layer import features_from
from tests.conftest import BUNDLED


def run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def make_encrypted(path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(BUNDLED / "en.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(path, "wb") as handle:
        writer.write(handle)


def make_image_only(path: Path) -> None:
    Image.new("RGB", (595, 842), "white").save(path, "PDF")


BAD = {
    "corrupt.pdf": lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8),
    "encrypted.pdf": make_encrypted,
    "empty.pdf": lambda p: p.write_bytes(b""),
    "image.pdf": make_image_only,
    "empty.txt": lambda p: p.write_text("  \n\n", encoding="utf-8"),
    "latin1.txt": lambda p: p.write_bytes("Déclaration universelle des droits".encode("latin-1")),
    "utf16.txt": lambda p: p.write_bytes(b"\xff\xfe\x00binary"),
    "controls.txt": lambda p: p.write_bytes(b"\x01\n\x1b\n\x01\x7f\n"),
}
PROBLEM = {
    "corrupt.pdf": "not a readable PDF",
    "encrypted.pdf": "encrypted",
    "empty.pdf": "not a readable PDF",
    "image.pdf": "no text layer",
    "empty.txt": "empty file",
    "latin1.txt": "not UTF-8",
    "utf16.txt": "not valid UTF-16",
    "controls.txt": "no text left once control characters are removed",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_single_bad_file(tmp_path: Path, capsys, name: str) -> None:
    path = tmp_path / name
    BAD[name](path)
    before = path.read_bytes()
    out = tmp_path / "out.jsonl"
    code, err = run(["extract", str(path), "--lang", "en", "--out", str(out)], capsys)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and PROBLEM[name] in lines[0], err
    assert not out.exists(), "no partial output"
    assert path.read_bytes() == before, "raw input untouched"


def test_unknown_language(tmp_path: Path, capsys) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Some text.\n", encoding="utf-8")
    code, err = run(["extract", str(path), "--out", str(tmp_path / "o.jsonl")], capsys)
    assert code != 0 and "unknown language code 'doc'" in err and str(path) in err


def test_one_broken_language_does_not_stop_the_set(tmp_path: Path, capsys) -> None:
    docset = tmp_path / "raw" / "UNODC_CCPCJ_EG.4_2020_1"
    docset.mkdir(parents=True)
    shutil.copy(BUNDLED / "en.pdf", docset / "en.pdf")
    shutil.copy(BUNDLED / "zh.txt", docset / "zh.txt")
    BAD["corrupt.pdf"](docset / "fr.pdf")
    (docset / "notes.docx").write_bytes(b"ignored")
    before = digest(docset)
    out = tmp_path / "extracted"
    # A stale result for the broken language must not survive next to fresh ones.
    (out / docset.name).mkdir(parents=True)
    (out / docset.name / "fr.jsonl").write_text('{"stale": true}\n', encoding="utf-8")
    code, err = run(["extract", str(tmp_path / "raw"), "--out", str(out)], capsys)
    assert code == 0, "a stage over many inputs carries the good ones through (dvc repro goes on)"
    assert "failed: UNODC_CCPCJ_EG.4_2020_1 fr:" in err and "fr.pdf: not a readable PDF" in err
    stage = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(f["doc"], f["lang"]) for f in stage["failures"]] == [(docset.name, "fr")]
    report = json.loads((out / docset.name / "report.json").read_text(encoding="utf-8"))
    assert report["languages"]["fr"]["status"] == "failed"
    assert report["languages"]["en"]["status"] == report["languages"]["zh"]["status"] == "ok"
    assert report["ignored"] == [str(docset / "notes.docx")]
    assert (out / docset.name / "en.jsonl").stat().st_size > 0
    assert not (out / docset.name / "fr.jsonl").exists()
    assert digest(docset) == before


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path: Path) -> None:
    from pipeline.core.records import write_jsonl

    target = tmp_path / "out.jsonl"
    write_jsonl(target, [{"a": 1}])

    def rows():
        yield {"a": 2}
        raise RuntimeError("killed mid-write")

    with pytest.raises(RuntimeError):
        write_jsonl(target, rows())
    assert target.read_text(encoding="utf-8") == '{"a": 1}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"], "no temporary file left behind"


def test_single_file_cli_writes_paragraph_records(tmp_path: Path, capsys) -> None:
    out = tmp_path / "paragraphs.jsonl"
    code, _ = run(["extract", str(BUNDLED / "zh.txt"), "--lang", "zh", "--out", str(out)], capsys)
    assert code == 0
    rows = [json.loads(line) for line in io.StringIO(out.read_text(encoding="utf-8"))]
    assert {"doc", "lang", "para_id", "kind", "label", "page", "text"} <= rows[0].keys()
    assert rows[0]["doc"] == "UNODC_CCPCJ_EG.4_2020_1" and rows[0]["lang"] == "zh"
    assert {r["kind"] for r in rows} == {"heading", "paragraph", "list_item", "table_row", "footnote"}


def test_a_missing_embedding_model_is_named_without_a_stray_colon(tmp_path: Path, capsys, monkeypatch) -> None:
    """A fresh clone before `scripts/setup.sh`: the tagger's second embedder (e5) is not built yet.
    The one line must name the model folder and the remedy (it began with ': ' before). The model
    is loaded from the project first: a process that already holds it (another test on the same
    worker) must not take it for the missing folder of another working directory."""
    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    load_encoder(features_from(load_params(root / "params.yaml")).embedders[-1].spec)
    shutil.copytree(root / "configs", tmp_path / "configs")
    shutil.copytree(root / "models" / "tagger", tmp_path / "models" / "tagger")
    shutil.copy(root / "params.yaml", tmp_path / "params.yaml")
    text = tmp_path / "en.txt"
    text.write_text("Most speakers supported the use of mutual legal assistance treaties.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, err = run(["tag", str(text), "--lang", "en", "--out", str(tmp_path / "t.jsonl")], capsys)
    assert code == 2
    assert err.strip() == (
        "hexalign tag: models/multilingual-e5-small: model folder missing; run scripts/setup.sh to build it"
    )
    assert not (tmp_path / "t.jsonl").exists()


def test_an_output_named_as_the_input_is_refused_and_the_input_kept(tmp_path: Path, capsys) -> None:
    """``--out`` naming the raw file replaced the text with its own JSON, or a side with links."""
    en, fr = tmp_path / "en.txt", tmp_path / "fr.txt"
    en.write_text("The Committee met.\n", encoding="utf-8")
    fr.write_text("Le Comité s'est réuni.\n", encoding="utf-8")
    for argv in (
        ["extract", str(en), "--out", str(en)],
        ["segment", str(en), "--out", str(tmp_path / "." / "en.txt")],
        ["align-bitext", str(en), str(fr), "--src-lang", "en", "--tgt-lang", "fr", "--presplit", "--out", str(fr)],
    ):
        code, err = run(argv, capsys)
        assert code != 0 and "overlaps the input" in err and str(en.parent) in err, argv
    assert en.read_text(encoding="utf-8") == "The Committee met.\n"
    assert fr.read_text(encoding="utf-8") == "Le Comité s'est réuni.\n"


RECORD = '{"doc": "D", "lang": "fr", "para_id": "fr-p1", "kind": "paragraph", "text": "Ordre du jour."}'


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (f"{RECORD}\n{RECORD}\n", "para_id 'fr-p1' is used twice"),
        (f"{RECORD}\n[1, 2]\n", "line 2: not a JSON object but list"),
        (RECORD.replace('"kind": "paragraph", ', "") + "\n", "fr-p1: a record needs a text and a kind"),
        (RECORD.replace('"Ordre du jour."', "null") + "\n", "fr-p1: a record needs a text and a kind"),
        ('{"text": "Ordre du jour."}\n', "a record without a para_id"),
        (RECORD.replace('"kind"', '"label": 1, "kind"') + "\n", "fr-p1: a label must be a string"),
    ],
)
def test_a_hand_edited_extract_file_is_refused_with_its_problem(tmp_path: Path, capsys, content, problem) -> None:
    """Duplicate ids put one text on two six-way rows without a word; the others were tracebacks."""
    path = tmp_path / "fr.jsonl"
    path.write_text(content, encoding="utf-8")
    code, err = run(["segment", str(path), "--out", str(tmp_path / "fr.sentences.jsonl")], capsys)
    assert code == 2 and str(path) in err and problem in err, err
    assert not (tmp_path / "fr.sentences.jsonl").exists()


def test_a_latin1_byte_in_a_stage_file_names_its_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fr.jsonl"
    path.write_bytes(RECORD.encode() + b"\n" + RECORD.replace("fr-p1", "fr-p2").encode("latin-1") + b"\xe9\n")
    code, err = run(["segment", str(path), "--out", str(tmp_path / "out.jsonl")], capsys)
    assert code == 2 and "not UTF-8 text" in err, err
    with pytest.raises(InputError, match="line 2: not UTF-8 text"):  # the stages' road: a traceback before
        read_extracted(path)


def test_side_files_with_a_bad_byte_or_torn_are_one_line_errors(tmp_path: Path, capsys) -> None:
    """A Latin-1 params file, pairs file or manifest, and a torn stage report, were tracebacks."""
    latin = "# d\u00e9cision\n".encode("latin-1")
    params, pairs, manifest = tmp_path / "p.yaml", tmp_path / "pairs.tsv", tmp_path / "m.csv"
    for path in (params, pairs, manifest):
        path.write_bytes(latin)
    comments = tmp_path / "comments.tsv"
    comments.write_text("# no pairs yet\n", encoding="utf-8")
    report = tmp_path / "d" / "extracted" / "report.json"
    report.parent.mkdir(parents=True)
    report.write_text('{"stage": "extract", "failures": [', encoding="utf-8")
    for argv, path, problem in (
        (["align-bitext", "--batch", str(comments), "--params", str(params)], params, "not UTF-8"),
        (["align-bitext", "--batch", str(pairs)], pairs, "not UTF-8"),
        (["corpus", "run", str(manifest), "--out", str(tmp_path / "c")], manifest, "not UTF-8"),
        (["summary", str(tmp_path / "d")], report, "a torn stage report"),
    ):
        code, err = run(argv, capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1 and str(path) in err and problem in err, (argv, err)


def test_a_manifest_saved_by_a_spreadsheet_with_a_bom_is_read(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" starts with a BOM, which made the first column "\\ufeffsymbol"."""
    from pipeline.corpus.stage import load_manifest

    (tmp_path / "A_1").mkdir()
    manifest = tmp_path / "m.csv"
    manifest.write_bytes("symbol,languages,source\r\nA/1,en fr,A_1\r\n".encode("utf-8-sig"))
    [entry] = load_manifest(manifest)
    assert (entry.symbol, entry.languages) == ("A/1", ("en", "fr"))
