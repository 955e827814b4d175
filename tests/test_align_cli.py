"""The align verbs end to end: align-bitext and eval by hand, the stage on the bundled
document, and what it does with bad input (empty text, wrong language, a missing annex)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import UDHR, need_shared, udhr_units

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain

LINK = re.compile(r"^\[(\d+(, \d+)*)?\]:\[(\d+(, \d+)*)?\]:\d\.\d{4}$")


def test_align_bitext_and_eval(tmp_path: Path, capsys) -> None:
    need_shared()
    src, tgt = tmp_path / "en.txt", tmp_path / "zh.txt"
    src.write_text("\n".join(udhr_units("en")) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(udhr_units("zh")) + "\n", encoding="utf-8")
    out = tmp_path / "links.txt"
    code = main(
        ["align-bitext", str(tgt), str(src), "--src-lang", "zh", "--tgt-lang", "en", "--presplit", "--out", str(out)]
    )
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(LINK.match(line) for line in lines), lines[:3]
    # Swap the gold to zh->en and score.
    gold = tmp_path / "gold.txt"
    swapped = []
    for line in (UDHR / "gold" / "udhr_gold.eng-cmn_hans.align").read_text(encoding="utf-8").splitlines():
        en_side, zh_side = line.split(":")[:2]
        swapped.append(f"{zh_side}:{en_side}")
    gold.write_text("\n".join(swapped) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", str(out), str(gold)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["strict_f1"] >= 0.98


def test_align_bitext_splits_sentences_without_presplit(tmp_path: Path) -> None:
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("The meeting opened. The agenda was adopted. The report was adopted.\n", encoding="utf-8")
    tgt.write_text(
        "La réunion s'est ouverte. L'ordre du jour a été adopté. Le rapport a été adopté.\n", encoding="utf-8"
    )
    out = tmp_path / "o.txt"
    assert main(["align-bitext", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "fr", "--out", str(out)]) == 0
    pairs = [line.rsplit(":", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()]
    assert pairs == ["[0]:[0]", "[1]:[1]", "[2]:[2]"]


def test_eval_rejects_a_malformed_link_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("[0]:[0]\n0-1\n", encoding="utf-8")
    assert main(["eval", str(bad), str(bad)]) == 2
    assert "bad.txt: line 2" in capsys.readouterr().err
    for content, problem in (
        (b"[0]:[0]:1.2.3\n", "line 1: not a link"),  # the pattern took it, float() did not: a traceback
        (b"[0]:[0]\n[1]:[\xe9]\n", "not UTF-8"),
        (b"[0]:[0]\n[1]:[1]\n[0]:[0]\n", "line 3: the link of line 1 again"),
    ):
        bad.write_bytes(content)
        assert main(["eval", str(bad), str(bad)]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and problem in err, err
    shared = tmp_path / "shared.txt"  # links sharing a unit are real aligners' output (Bleualign)
    shared.write_text("[0]:[0]\n[1]:[0]\n", encoding="utf-8")
    assert main(["eval", str(shared), str(shared)]) == 0


@pytest.fixture(scope="module")
def bundled_run(bundled_stages: Path) -> Path:
    return bundled_stages


def test_bundled_document_aligns_in_all_five_pairs(bundled_run: Path) -> None:
    out = bundled_run / "aligned" / "UNODC_CCPCJ_EG.4_2020_1"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(report["pairs"]) == ["ar", "es", "fr", "ru", "zh"]
    rows = [json.loads(line) for line in (out / "sixway.jsonl").read_text(encoding="utf-8").splitlines()]
    full = [r for r in rows if all(lang in r for lang in ("en", "ar", "zh", "fr", "ru", "es"))]
    assert len(full) >= 50
    item = next(r for r in rows if r["en"].startswith("The sixth meeting of the Expert Group"))
    assert item["zh"].startswith("全面研究网络犯罪问题专家组第六次会议将于")
    assert item["fr"].startswith("La sixième réunion du Groupe d'experts")
    assert 0.0 <= item["zh_confidence"] <= 1.0
    for lang in ("ar", "es", "fr", "ru", "zh"):
        links = (out / f"en-{lang}.sentences.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(links) > 60
    metrics = json.loads((bundled_run / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["align"]["UNODC_CCPCJ_EG.4_2020_1"]["fr"]["mean_confidence"] > 0.8


def _set_with(tmp_path: Path, bundled_run: Path, lang: str, rows: list[dict]) -> Path:
    root = tmp_path / "extracted"
    doc = root / "UNODC_CCPCJ_EG.4_2020_1"
    doc.mkdir(parents=True)
    shutil.copy(bundled_run / "extracted" / doc.name / "en.jsonl", doc / "en.jsonl")
    (doc / f"{lang}.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return root


def _rows(bundled_run: Path, lang: str) -> list[dict]:
    path = bundled_run / "extracted" / "UNODC_CCPCJ_EG.4_2020_1" / f"{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_wrong_language_is_flagged_and_links_marked_doubtful(tmp_path: Path, bundled_run: Path, capsys) -> None:
    english_as_french = [{**r, "lang": "fr"} for r in _rows(bundled_run, "en")]
    root = _set_with(tmp_path, bundled_run, "fr", english_as_french)
    assert main(["align", str(root), "--segmented", "", "--out", str(tmp_path / "aligned")]) == 0
    err = capsys.readouterr().err
    assert "UNODC_CCPCJ_EG.4_2020_1 fr: text labelled 'fr' looks like 'en'" in err
    links = (tmp_path / "aligned" / "UNODC_CCPCJ_EG.4_2020_1" / "en-fr.paragraphs.jsonl").read_text().splitlines()
    assert all(json.loads(line)["confidence"] <= 0.05 for line in links)


def test_missing_annex_and_empty_file_do_not_crash(tmp_path: Path, bundled_run: Path, capsys) -> None:
    rows = _rows(bundled_run, "es")
    body = [r for r in rows if r["kind"] != "footnote"]
    truncated = body[: len(body) // 2]
    root = _set_with(tmp_path, bundled_run, "es", truncated)
    (root / "UNODC_CCPCJ_EG.4_2020_1" / "ru.jsonl").write_text("", encoding="utf-8")
    assert main(["align", str(root), "--segmented", "", "--out", str(tmp_path / "aligned")]) == 0
    err = capsys.readouterr().err
    assert "UNODC_CCPCJ_EG.4_2020_1 es:" in err and "no counterpart" in err
    assert "UNODC_CCPCJ_EG.4_2020_1 ru: no paragraphs" in err
    out = tmp_path / "aligned" / "UNODC_CCPCJ_EG.4_2020_1"
    es = [json.loads(line) for line in (out / "en-es.paragraphs.jsonl").read_text().splitlines()]
    kept = [link for link in es if link["tgt_ids"]]
    assert {i for link in kept for i in link["tgt_ids"]} == {r["para_id"] for r in truncated}
    lost = [link for link in es if not link["tgt_ids"]]
    assert len(lost) >= len(body) // 3, "the English second half is left without counterpart"
