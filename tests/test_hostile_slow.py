"""Hostile cases (issue 10) that take minutes: DNS rebinding in a real browser, a language that
fails in a finished corpus set, and a 300-page PDF. Each failed before its fix."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from werkzeug.serving import make_server

from pipeline.cli import STRICT_FAILURE, main
from pipeline.review.app import Project, create_app
from tests.conftest import BUNDLED, CHROMIUM, CHROMIUM_ARGS, ROOT, require_chromium

DOC = "UNODC_CCPCJ_EG.4_2020_1"
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
def test_a_rebound_name_gets_nothing_in_a_real_browser(bundled_stages: Path, tmp_path: Path) -> None:
    """Chromium resolves evil.example to 127.0.0.1, as DNS rebinding makes it do: the page and
    its scripts, running as evil.example, can neither read rows nor write a correction, while the
    app's own page in the same browser still saves."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    stages = bundled_stages
    project = Project(DOC, stages / "extracted", stages / "aligned", stages / "tagged", tmp_path / "corrections")
    served: dict = {}
    httpd = make_server("127.0.0.1", 0, lambda env, start: served["app"](env, start), threaded=True)
    port = httpd.server_port
    served["app"] = create_app(project, "127.0.0.1", port)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    attack = """async () => {
        const read = await fetch('/api/rows?langs=fr');
        const write = await fetch('/api/action', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({action: 'confirm', row: 2, langs: ['fr'], who: 'evil'})});
        return [read.status, write.status];
    }"""
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM),
                args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"],
            )
            page = browser.new_page()
            assert page.goto(f"http://evil.example:{port}/").status == 403
            assert page.evaluate(attack) == [403, 403]
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("tr[data-row='2']")
            page.locator("tr[data-row='2']").click()
            page.keyboard.press("c")
            page.wait_for_selector("#message:has-text('saved (confirm')")
            browser.close()
    finally:
        httpd.shutdown()
    records = [json.loads(line) for line in project.corrections_file.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["action"] == "confirm" and r["who"] != "evil" for r in records)


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
    assert main(args) == 0, "one rule: a stage over many inputs reports failures and exits 0"
    err = capsys.readouterr().err
    assert f"failed: {DOC} fr:" in err and "not a readable PDF" in err
    stage = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [(f["doc"], f["lang"]) for f in stage["failures"]] == [(DOC, "fr")]
    assert set(pd.read_parquet(out / "store" / "paragraphs")["lang"].astype(str)) == {"en"}
    assert not (out / "store" / "links" / f"doc={DOC}" / "lang=fr").exists()
    long = pd.read_csv(out / "exports" / f"{DOC}.long.csv")
    assert set(long["lang"]) == {"en"}
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert list(report["failed_languages"][DOC]) == ["fr"]
    assert main(["--strict", *args]) == STRICT_FAILURE, "--strict: the exit status says a language failed"
    assert f"failed: {DOC} fr:" in capsys.readouterr().err


@pytest.mark.slow
def test_pdf_memory_does_not_grow_with_the_page_count(tmp_path: Path) -> None:
    """Peak memory reading a 200-page PDF is at most 1.5 times that of 20 pages (at 300 against
    30 it was 8 times: pdfplumber cached every parsed page). Pages are the bundled English PDF's,
    repeated."""
    bench = bench_module()
    peaks = {}
    for pages in (20, 200):
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
    assert peaks[200] <= 1.5 * peaks[20], peaks
