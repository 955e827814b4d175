"""Translator review: the web app in a real browser (headless Chromium driven by Playwright),
its JSON API, and the corrections honoured by the next `hexalign align`."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from pipeline.cli import main
from pipeline.review.app import Project, create_app
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain

DOC = "UNODC_CCPCJ_EG.4_2020_1"


@pytest.fixture(scope="module")
def stages(bundled_stages: Path) -> Path:
    return bundled_stages


@pytest.fixture()
def server(stages: Path, tmp_path: Path):
    project = Project(DOC, stages / "extracted", stages / "aligned", stages / "tagged", tmp_path / "corrections")
    app = create_app(project)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", project, app
    httpd.shutdown()


def rows(client, langs="fr,zh") -> dict:
    return client.get(f"/api/rows?langs={langs}").get_json()


def row_of(data: dict, start: str) -> dict:
    return next(r for r in data["rows"] if r["en"].startswith(start))


def test_browser_merge_and_confirm_are_honoured_by_the_next_align(server, stages: Path, tmp_path: Path) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    url, project, app = server
    client = app.test_client()
    before = rows(client)
    sixth = row_of(before, "The sixth meeting of the Expert Group")
    agenda = next(r for r in before["rows"] if r["row"] == sixth["row"] + 1)
    resolution = row_of(before, "In its resolution 65/230")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url + "/")
        page.wait_for_selector(f"tr[data-row='{sixth['row']}']")
        assert page.locator("td[dir=rtl]").first.is_visible(), "Arabic is shown right to left"
        page.select_option("#active", "fr")
        page.fill("#who", "Test Translator")
        page.locator(f"tr[data-row='{sixth['row']}'] button[data-act='merge']").click()
        page.wait_for_selector("#message:has-text('saved (merge')")
        # Rows renumber after a merge: find the row again by its text.
        page.locator("tr[data-row]", has_text="In its resolution 65/230, the General Assembly").first.click()
        page.keyboard.press("c")
        page.wait_for_selector("#message:has-text('saved (confirm')")
        progress = page.locator("#progress").inner_text()
        page.screenshot(path=str(tmp_path / "review.png"))
        browser.close()
    assert progress.startswith("1 / ")
    records = [json.loads(line) for line in project.corrections_file.read_text(encoding="utf-8").splitlines()]
    merge = records[0]
    assert merge["action"] == "link" and merge["lang"] == "fr" and merge["who"] == "Test Translator"
    assert merge["src_ids"] == sixth["en_ids"] + agenda["en_ids"]
    assert merge["tgt_ids"] == sixth["cells"]["fr"]["ids"] + agenda["cells"]["fr"]["ids"]
    assert set(merge["hashes"]) == set(merge["src_ids"]) | set(merge["tgt_ids"])
    assert {r["lang"] for r in records if r["action"] == "confirm"} == set(before["langs"])

    out = tmp_path / "aligned"
    assert (
        main(
            [
                "align",
                str(stages / "extracted"),
                "--segmented",
                "",
                "--out",
                str(out),
                "--corrections",
                str(project.corrections),
            ]
        )
        == 0
    )
    links = [json.loads(line) for line in (out / DOC / "en-fr.paragraphs.jsonl").read_text().splitlines()]
    merged = next(link for link in links if link["src_ids"] == merge["src_ids"])
    assert merged["tgt_ids"] == merge["tgt_ids"] and merged["reviewed"] and merged["type"] == "2-2"
    confirmed = [link for link in links if set(link["src_ids"]) & set(resolution["en_ids"])]
    assert confirmed and all(link["reviewed"] for link in confirmed)
    report = json.loads((out / DOC / "report.json").read_text())
    assert report["pairs"]["fr"]["corrections_applied"] == 2


def test_two_tabs_lose_nothing_and_the_later_change_warns(server) -> None:
    _, project, app = server
    client = app.test_client()
    data = rows(client)
    row = row_of(data, "The first meeting of the Expert Group")["row"]
    seen = data["last"]
    first = client.post(
        "/api/action", json={"action": "no_counterpart", "row": row, "langs": ["zh"], "seen": seen, "who": "tab one"}
    )
    assert first.status_code == 200 and first.get_json()["warning"] == ""
    second = client.post(
        "/api/action", json={"action": "confirm", "row": row, "langs": ["zh"], "seen": seen, "who": "tab two"}
    )
    body = second.get_json()
    assert second.status_code == 200 and "changed in another tab" in body["warning"] and "tab one" in body["warning"]
    lines = project.corrections_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["who"] for line in lines] == ["tab one", "tab one", "tab two"]


def test_split_and_move_and_comment(server) -> None:
    _, _project, app = server
    client = app.test_client()
    data = rows(client, "ru")
    grouped = next(r for r in data["rows"] if len(r["cells"]["ru"]["ids"]) > 1 or len(r["en_ids"]) > 1)
    assert (
        client.post("/api/action", json={"action": "split", "row": grouped["row"], "langs": ["ru"]}).status_code == 200
    )
    after = rows(client, "ru")
    assert all(
        len(r["cells"]["ru"]["ids"]) <= 1 and len(r["en_ids"]) <= 1
        for r in after["rows"]
        if set(r["en_ids"]) & set(grouped["en_ids"])
    )
    target = row_of(after, "The third meeting of the Expert Group")
    moved = target["cells"]["ru"]["ids"][0]
    assert (
        client.post("/api/action", json={"action": "move_up", "row": target["row"], "langs": ["ru"]}).status_code == 200
    )
    again = rows(client, "ru")
    assert moved in next(r for r in again["rows"] if r["row"] == target["row"] - 1)["cells"]["ru"]["ids"]
    note = client.post("/api/action", json={"action": "comment", "row": 3, "langs": ["ru"], "text": "check terms"})
    assert note.status_code == 200
    assert any(c["text"] == "check terms" for c in rows(client, "ru")["rows"][2]["comments"])


@pytest.mark.parametrize(
    "payload, status",
    [
        ("not json", 400),
        ({"action": "explode", "row": 1, "langs": ["fr"]}, 400),
        ({"action": "confirm", "row": 99999, "langs": ["fr"]}, 400),
        ({"action": "confirm", "row": 1, "langs": ["xx"]}, 400),
        ({"action": "comment", "row": 1, "langs": ["fr"], "text": ""}, 400),
    ],
)
def test_malformed_requests_get_4xx_without_trace(server, payload, status) -> None:
    _, _, app = server
    client = app.test_client()
    if isinstance(payload, str):
        response = client.post("/api/action", data=payload, content_type="application/json")
    else:
        response = client.post("/api/action", json=payload)
    assert response.status_code == status
    assert "Traceback" not in response.get_data(as_text=True) and response.get_json()["ok"] is False


def test_no_files_outside_the_app_and_bad_queries(server) -> None:
    url, _, app = server
    client = app.test_client()
    for path in ("/../pyproject.toml", "/static/../../pyproject.toml", "/etc/passwd", "/api/../../dvc.yaml"):
        assert client.get(path).status_code == 404
    assert client.get("/api/rows?order=sideways").status_code == 400
    assert client.get("/api/rows?langs=xx").status_code == 400
    assert url.startswith("http://127.0.0.1:")


def test_stale_correction_is_reported_not_applied(server, stages: Path, tmp_path: Path) -> None:
    _, project, app = server
    client = app.test_client()
    row = row_of(rows(client), "The second meeting of the Expert Group")
    assert (
        client.post("/api/action", json={"action": "no_counterpart", "row": row["row"], "langs": ["fr"]}).status_code
        == 200
    )
    edited = tmp_path / "extracted"
    shutil.copytree(stages / "extracted", edited)
    path = edited / DOC / "fr.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in lines:
        if record["para_id"] in row["cells"]["fr"]["ids"]:
            record["text"] += " (révisé)"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    assert (
        main(
            [
                "align",
                str(edited),
                "--segmented",
                "",
                "--out",
                str(tmp_path / "aligned"),
                "--corrections",
                str(project.corrections),
            ]
        )
        == 0
    )
    report = json.loads((tmp_path / "aligned" / DOC / "report.json").read_text())
    assert report["pairs"]["fr"]["corrections_stale"] == 1
    assert any("is stale" in w for w in report["warnings"])


def test_tags_are_shown_per_paragraph_and_decided_in_the_browser(server, stages: Path, tmp_path: Path) -> None:
    """An analyst sees each paragraph's tags with their source and evidence, rejects a wrong one on
    the English paragraph and adds a missing one to the French paragraph from the taxonomy list;
    the page shows both as pending and the next tag run applies them."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    url, project, app = server
    client = app.test_client()
    data = rows(client, "fr")
    assert {t["id"] for t in data["taxonomy"]} == set(project.taxonomy.ids)
    row = next(r for r in data["rows"] if r["en_tags"] and len(r["en_ids"]) == 1 and len(r["cells"]["fr"]["ids"]) == 1)
    wrong = row["en_tags"][0]
    assert wrong["para_id"] == row["en_ids"][0] and wrong["source"] in ("rule", "model", "projected")
    assert any(t["evidence"] for r in data["rows"] for t in r["en_tags"] if t["source"] == "rule")
    fr_pid = row["cells"]["fr"]["ids"][0]
    missing = next(t for t in project.taxonomy.ids if t not in {c["tag"] for c in row["cells"]["fr"]["tags"]})
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url + "/?")
        page.wait_for_selector(f"tr[data-row='{row['row']}']")
        page.fill("#who", "A. Analyst")
        page.locator(f"a[data-pid='{wrong['para_id']}'][data-tag='{wrong['tag']}'][data-tact='reject']").click()
        page.wait_for_selector("#message:has-text('saved (reject')")
        assert page.locator(f"tr[data-row='{row['row']}'] .dec-reject").count() >= 1, "shown as pending"
        page.select_option("#newtag", missing)
        page.locator(f"a.addtag[data-pid='{fr_pid}']").click()
        page.wait_for_selector("#message:has-text('saved (add')")
        browser.close()
    decisions = [json.loads(line) for line in project.tag_decisions_file.read_text(encoding="utf-8").splitlines()]
    assert [(d["para_id"], d["tag"], d["action"], d["who"]) for d in decisions] == [
        (wrong["para_id"], wrong["tag"], "reject", "A. Analyst"),
        (fr_pid, missing, "add", "A. Analyst"),
    ]
    pending = row_of(rows(client, "fr"), row["en"][:40])
    assert next(c for c in pending["cells"]["fr"]["tags"] if c["tag"] == missing)["decision"] == "add"

    out = tmp_path / "tagged"
    args = ["tag", str(stages / "extracted"), "--aligned", str(stages / "aligned"), "--out", str(out)]
    assert main([*args, "--corrections", str(project.corrections)]) == 0
    by_id = {
        r["para_id"]: r
        for lang in ("en", "fr")
        for r in map(json.loads, (out / DOC / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines())
    }
    assert wrong["tag"] not in by_id[wrong["para_id"]]["tags"]
    assert by_id[fr_pid]["provenance"][missing] == {"source": "reviewed", "confidence": 1.0}


def test_a_tag_outside_the_taxonomy_is_refused(server) -> None:
    _, project, app = server
    client = app.test_client()
    pid = rows(client, "fr")["rows"][5]["en_ids"][0]
    for tag in ("made_up_tag", "<script>alert(1)</script>", 7):
        response = client.post("/api/tag", json={"para_id": pid, "tag": tag, "action": "add"})
        assert response.status_code == 400 and "not a tag of" in response.get_json()["error"]
    response = client.post("/api/tag", json={"para_id": "de-p0001", "tag": "prevention", "action": "add"})
    assert response.status_code == 400
    assert not project.tag_decisions_file.exists(), "nothing refused was written"
