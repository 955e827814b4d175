"""Hostile cases (issue 10): each test here failed before its fix. Nothing lost, nobody in, no
traceback. The slow ones (a real browser, big inputs) are in ``test_hostile_slow.py``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.review.app import Project, create_app
from tests.conftest import SHARED

DOC = "UNODC_CCPCJ_EG.4_2020_1"
RESOLUTION = SHARED / "corpus" / "a_res_55_100"


@pytest.fixture()
def review(bundled_stages: Path, tmp_path: Path):
    project = Project(
        DOC,
        bundled_stages / "extracted",
        bundled_stages / "aligned",
        bundled_stages / "tagged",
        tmp_path / "corrections",
    )
    return project, create_app(project).test_client()


def first_row_with(client, lang: str) -> dict:
    data = client.get(f"/api/rows?langs={lang}").get_json()
    return next(r for r in data["rows"] if r["en_ids"] and r["cells"][lang]["ids"])


# --- 6. A stale correction must not cap a language's confidence --------------------------------


def test_a_stale_correction_leaves_confidence_alone(bundled_stages: Path, review, tmp_path: Path) -> None:
    project, client = review
    row = first_row_with(client, "fr")
    assert (
        client.post("/api/action", json={"action": "no_counterpart", "row": row["row"], "langs": ["fr"]}).status_code
        == 200
    )
    edited = tmp_path / "extracted"
    shutil.copytree(bundled_stages / "extracted", edited)
    path = edited / DOC / "fr.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        if record["para_id"] in row["cells"]["fr"]["ids"]:
            record["text"] += " (révisé)"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "aligned"
    args = ["align", str(edited), "--segmented", "", "--out", str(out), "--corrections", str(project.corrections)]
    assert main(args) == 0
    report = json.loads((out / DOC / "report.json").read_text(encoding="utf-8"))
    assert report["pairs"]["fr"]["corrections_stale"] == 1
    links = [json.loads(line) for line in (out / DOC / "en-fr.paragraphs.jsonl").read_text().splitlines()]
    assert report["pairs"]["fr"]["mean_confidence"] > 0.5
    assert sum(link["confidence"] > 0.05 for link in links) > 0.8 * len(links)
