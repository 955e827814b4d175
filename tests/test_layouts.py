"""The layout matrix (``tests/data/layouts``, made by ``scripts/make_layouts.py``): the share of
gold paragraphs that come out whole: at least 0.98 for every layout and language (issue 13's
target, reached: ``metrics/layouts.json`` has the full table, 1.000 when this floor was set).
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from pipeline import LANGS
from tests.conftest import ROOT

FLOOR = 0.98
"""The least share whole of every layout in every language."""


def bench():
    spec = importlib.util.spec_from_file_location("bench_layouts", ROOT / "scripts" / "bench_layouts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_matrix_pdf_has_its_gold() -> None:
    folders = sorted(p for p in (ROOT / "tests" / "data" / "layouts").iterdir() if p.is_dir())
    assert len(folders) >= 8
    for folder in folders:
        for lang in LANGS:
            gold = json.loads((folder / f"{lang}.gold.json").read_text(encoding="utf-8"))
            assert (folder / f"{lang}.pdf").stat().st_size > 0
            assert gold["layout"] == folder.name and len(gold["paragraphs"]) >= 10


@pytest.mark.slow
def test_the_matrix_does_not_regress() -> None:
    module = bench()
    scores = module.score_matrix()
    summary = module.summary(scores, pages=1)
    assert len(summary["share_whole"]) >= 8
    for layout, shares in summary["share_whole"].items():
        assert set(shares) == set(LANGS), layout
        for lang, share in shares.items():
            assert share >= FLOOR, f"{layout} {lang}: {share} < {FLOOR}: {scores[layout][lang]['missed'][:5]}"
