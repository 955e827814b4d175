"""Hostile cases (issue 10) that take minutes: DNS rebinding in a real browser, a language that
fails in a finished corpus set, and a 300-page PDF. Each failed before its fix."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from tests.conftest import BUNDLED, ROOT

DOC = "UNODC_CCPCJ_EG.4_2020_1"
CHROMIUM = Path("/usr/bin/chromium")
PEAK = (
    "import resource, sys; sys.path.insert(0, sys.argv[2]); "
    "from pipeline.extract.pdf_lines import read_pdf_lines; lines, _ = read_pdf_lines(sys.argv[1]); "
    "print(len(lines), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_big_inputs", ROOT / "scripts" / "bench_big_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_language_that_later_fails_leaves_the_store_and_the_exit_status_says_so(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in" / DOC
    source.mkdir(parents=True)
    for lang in ("en", "fr"):
        shutil.copy(BUNDLED / f"{lang}.pdf", source / f"{lang}.pdf")
    manifest = tmp_path / "in" / "manifest.csv"
    manifest.write_text(f"symbol,languages,source\nUNODC/CCPCJ/EG.4/2020/1,en fr,{DOC}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [
        "--config-dir",
        str(ROOT / "configs"),
        "corpus",
        "run",
        str(manifest),
        "--out",
        str(out),
        "--workers",
        "1",
        "--params",
        str(ROOT / "params.yaml"),
        "--corrections",
        str(tmp_path / "no-corrections"),
    ]
    assert main(args) == 0
    assert set(pd.read_parquet(out / "store" / "paragraphs")["lang"].astype(str)) == {"en", "fr"}
    capsys.readouterr()

    (source / "fr.pdf").write_bytes((BUNDLED / "fr.pdf").read_bytes()[:2000])  # truncated download
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"{DOC} fr: left out" in err and "not a readable PDF" in err
    assert set(pd.read_parquet(out / "store" / "paragraphs")["lang"].astype(str)) == {"en"}
    assert not (out / "store" / "links" / f"doc={DOC}" / "lang=fr").exists()
    long = pd.read_csv(out / "exports" / f"{DOC}.long.csv")
    assert set(long["lang"]) == {"en"}
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert list(report["failed_languages"][DOC]) == ["fr"]


@pytest.mark.slow
def test_pdf_memory_does_not_grow_with_the_page_count(tmp_path: Path) -> None:
    """Peak memory reading a 300-page PDF is at most 1.5 times that of 30 pages (it was 8 times:
    pdfplumber cached every parsed page). Pages are the bundled English PDF's, repeated."""
    bench = bench_module()
    peaks = {}
    for pages in (30, 300):
        pdf = bench.build_pdf(pages, tmp_path / f"big{pages}.pdf")
        done = subprocess.run(
            [sys.executable, "-c", PEAK, str(pdf), str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        lines, peak_kb = (int(x) for x in done.stdout.split())
        assert lines > 20 * pages
        peaks[pages] = peak_kb
    assert peaks[300] <= 1.5 * peaks[30], peaks
