"""Shared paths and fixtures: the real inputs the tests run on."""

from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BUNDLED = ROOT / "data" / "raw" / "UNODC_CCPCJ_EG.4_2020_1"
TRANSLATIONS = ROOT / "data" / "translations" / "UNODC_CCPCJ_EG.4_2020_1"
UDHR = SHARED / "corpus" / "udhr"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # this machine's closed network refuses Google's hosts
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""How the browser tests start Debian's Chromium (Playwright's own download cannot work here)."""
CHROMIUM = Path("/usr/bin/chromium")


def require_chromium() -> None:
    """Browser tests need Debian's Chromium: in CI its absence is a failed set-up, elsewhere a skip."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is missing: scripts/setup.sh should have installed it")
        pytest.skip("Debian chromium not installed (scripts/setup.sh installs it)")


UDHR_CODES = {
    "en": ("eng", "Latn.ENG"),
    "fr": ("fra", "Latn.FRA"),
    "es": ("spa", "Latn.SPA"),
    "ru": ("rus", "Cyrl.RUS"),
    "zh": ("cmn_hans", "Hans.CMN"),
    "ar": ("arb", "Arab.ARB"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the whole chain (the bundled document through every stage, with the
    embedding model) belongs to the slow layer, whatever its module."""
    for item in items:
        if "bundled_stages" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


def need_shared() -> None:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} (the shared test corpus) is not next to the project")


@functools.cache
def _unpc_devset(lang: str) -> tuple[str, ...]:
    return tuple((SHARED / "corpus" / "unpc_devset" / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines())


def unpc_line(n: int, lang: str) -> str:
    """Line ``n`` (1-based, as ``grep -n`` counts) of the UN Parallel Corpus dev set: real UN
    sentences, line n the same sentence in the six languages."""
    need_shared()
    return _unpc_devset(lang)[n - 1]


def udhr_units(lang: str) -> list[str]:
    need_shared()
    code = UDHR_CODES[lang][0]
    with open(UDHR / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]


def udhr_pdf(lang: str, font: str) -> Path:
    need_shared()
    return UDHR / "pdf" / f"udhr_{UDHR_CODES[lang][1]}_{font}.pdf"


@pytest.fixture(scope="session")
def bundled_stages(tmp_path_factory) -> Path:
    """The bundled document through extract, segment, align and tag, once per test session."""
    from pipeline.cli import main

    root = tmp_path_factory.mktemp("stages")
    assert main(["extract", str(BUNDLED.parent), "--out", str(root / "extracted")]) == 0
    assert main(["segment", str(root / "extracted"), "--out", str(root / "segmented")]) == 0
    assert (
        main(
            [
                "align",
                str(root / "extracted"),
                "--segmented",
                str(root / "segmented"),
                "--out",
                str(root / "aligned"),
                "--corrections",
                str(root / "no-corrections"),
                "--metrics",
                str(root / "metrics.json"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "tag",
                str(root / "extracted"),
                "--segmented",
                str(root / "segmented"),
                "--aligned",
                str(root / "aligned"),
                "--out",
                str(root / "tagged"),
                "--metrics",
                str(root / "agree.json"),
            ]
        )
        == 0
    )
    return root
