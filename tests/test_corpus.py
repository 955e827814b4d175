"""Corpus mode on a local Dask cluster (CI-sized): a few generated sets plus a corrupt one."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.core.errors import InputError
from pipeline.core.params import load_params
from pipeline.corpus.stage import load_manifest, run, run_lock
from tests.conftest import ROOT, need_shared

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain


def make_corpus(out: Path) -> Path:
    need_shared()
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    manifest = module.make(out, sets=2, seed=5, min_pages=2, max_pages=3)
    broken = out / "GEN_5_BROKEN"
    broken.mkdir()
    (broken / "en.txt").write_bytes(b"\xff\xfe\x00binary")
    (broken / "fr.txt").write_text("Texte.\n", encoding="utf-8")
    with open(manifest, "a", encoding="utf-8") as handle:
        handle.write("GEN/5/BROKEN,,GEN_5_BROKEN\n")
    return manifest


@pytest.fixture(scope="module")
def settings() -> dict:
    params = load_params(ROOT / "params.yaml")
    return {
        "params": params,
        "taxonomy_path": str(ROOT / "configs" / "taxonomy.yaml"),
        "abbreviations_path": str(ROOT / "configs" / "abbreviations.yaml"),
        "config_dir": str(ROOT / "configs"),
        "corrections": None,
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, settings) -> tuple[Path, Path, dict]:
    root = tmp_path_factory.mktemp("corpus")
    manifest = make_corpus(root / "in")
    report = run(load_manifest(manifest), root / "out", settings, workers=1, retries=1, progress=False)
    return manifest, root / "out", report


def test_sets_processed_and_corrupt_one_reported(first_run) -> None:
    _, out, report = first_run
    assert report["processed"] == 2
    assert list(report["failed"]) == ["GEN_5_BROKEN"]
    assert "no readable English version" in report["failed"]["GEN_5_BROKEN"]
    saved = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert saved["failed"] == report["failed"]


def test_results_land_in_a_partitioned_parquet_store(first_run) -> None:
    _, out, _ = first_run
    paragraphs = pd.read_parquet(out / "store" / "paragraphs")
    assert set(paragraphs["doc"].astype(str)) == {"GEN_5_0001", "GEN_5_0002"}
    assert set(paragraphs["lang"].astype(str)) == {"ar", "zh", "en", "fr", "ru", "es"}
    links = pd.read_parquet(out / "store" / "links", filters=[("lang", "=", "zh")])
    assert len(links) > 5 and links["confidence"].between(0, 1).all()
    assert (out / "store" / "sixway" / "doc=GEN_5_0001" / "part-0.parquet").exists()


def test_unchanged_sets_are_skipped_and_a_killed_set_resumes(first_run, settings) -> None:
    manifest, out, _ = first_run
    (out / "sets" / "GEN_5_0002" / "done.json").unlink()  # as if the run died before finishing it
    again = run(load_manifest(manifest), out, settings, workers=1, retries=0, progress=False)
    assert again["skipped"] == ["GEN_5_0001"]
    assert again["processed"] == 1 and "GEN_5_0002" in again["sets"]
    assert list(again["failed"]) == ["GEN_5_BROKEN"]


def test_two_runs_on_one_folder_are_kept_apart(first_run, settings) -> None:
    manifest, out, _ = first_run
    with run_lock(out), pytest.raises(InputError, match="lock held"):
        run(load_manifest(manifest), out, settings, workers=1, progress=False)


def test_exports_read_from_the_store(first_run) -> None:
    from pipeline.corpus.stage import export_store

    _, out, _ = first_run
    assert export_store(out / "store", out / "exports") == ["GEN_5_0001", "GEN_5_0002"]
    wide = pd.read_csv(out / "exports" / "GEN_5_0001.wide.csv")
    assert len(wide) > 5 and wide["zh"].notna().mean() > 0.8


def test_a_document_removed_from_the_manifest_is_not_exported(first_run, tmp_path: Path, caplog) -> None:
    """Its store partitions stay (nothing lost), but exports beside the current ones would pass
    for part of the corpus the manifest now describes."""
    from pipeline.corpus.stage import export_store

    _, out, _ = first_run
    exports = tmp_path / "exports"
    assert export_store(out / "store", exports) == ["GEN_5_0001", "GEN_5_0002"]
    with caplog.at_level("INFO", logger="pipeline.corpus.stage"):
        assert export_store(out / "store", exports, {"GEN_5_0002"}) == ["GEN_5_0002"]
    assert sorted(p.name for p in exports.iterdir()) == [f"GEN_5_0002{s}" for s in (".long.csv", ".tmx", ".wide.csv")]
    assert (out / "store" / "sixway" / "doc=GEN_5_0001").is_dir()
    assert "GEN_5_0001: in the store but not in the manifest" in caplog.text


def test_manifest_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("symbol,languages,source\nA/1,en xx,folder\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"m.csv: line 2: unknown language code\(s\) xx"):
        load_manifest(bad)


def test_killing_a_worker_mid_run_loses_nothing(tmp_path: Path, settings) -> None:
    """A worker process is killed while sets are running: the scheduler re-runs its tasks on a
    restarted worker and every set still finishes."""
    import threading
    import time

    from dask.distributed import LocalCluster

    manifest = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0")
    result: dict = {}
    try:
        thread = threading.Thread(
            target=lambda: result.update(
                run(
                    load_manifest(manifest),
                    out,
                    settings,
                    scheduler=cluster.scheduler_address,
                    retries=1,
                    progress=False,
                )
            )
        )
        thread.start()
        deadline = time.time() + 120
        while not (out / "sets").exists() and time.time() < deadline:
            time.sleep(0.2)
        nanny = next(iter(cluster.workers.values()))
        nanny.process.process.kill()  # the worker process dies mid-run, as on a lost machine
        thread.join(timeout=300)
    finally:
        cluster.close()
    assert sorted(result["sets"]) == ["GEN_5_0001", "GEN_5_0002"]
    assert list(result["failed"]) == ["GEN_5_BROKEN"]


def test_a_manifest_row_can_point_at_a_document_server(tmp_path: Path, settings) -> None:
    """A URL-template source is fetched per language, then processed like a folder."""
    import http.server
    import threading

    from tests.conftest import BUNDLED

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            lang = path.strip("/").split("/", 1)[0]
            return str(BUNDLED / (f"{lang}.pdf" if lang != "zh" else "zh.txt"))

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        manifest = tmp_path / "m.csv"
        url = f"http://127.0.0.1:{server.server_address[1]}/{{lang}}/{{symbol}}"
        manifest.write_text(f"symbol,languages,source\nUNODC/CCPCJ/EG.4/2020/1,en fr es,{url}\n", encoding="utf-8")
        report = run(load_manifest(manifest), tmp_path / "out", settings, workers=1, progress=False)
    finally:
        server.shutdown()
    assert report["processed"] == 1 and not report["failed"]
    fetched = tmp_path / "out" / "raw" / "UNODC_CCPCJ_EG.4_2020_1"
    assert sorted(p.name for p in fetched.iterdir()) == ["en.pdf", "es.pdf", "fr.pdf"]


def test_corpus_exports_equal_the_export_stage(tmp_path: Path, settings, bundled_stages: Path) -> None:
    """Corpus mode runs the same stage entry points as DVC: the bundled document's wide and long
    CSVs come out the same both ways (they once differed on 25 of 69 rows of evidence)."""
    from pipeline.export.stage import run_export
    from tests.conftest import BUNDLED

    manifest = tmp_path / "m.csv"
    manifest.write_text(f"symbol,languages,source\nUNODC/CCPCJ/EG.4/2020/1,,{BUNDLED}\n", encoding="utf-8")
    report = run(load_manifest(manifest), tmp_path / "corpus", settings, workers=1, progress=False)
    assert not report["failed"]
    from pipeline.corpus.stage import export_store

    export_store(tmp_path / "corpus" / "store", tmp_path / "corpus" / "exports")
    run_export(bundled_stages / "aligned", bundled_stages / "tagged", tmp_path / "exports")
    for kind in ("wide", "long"):
        ours = pd.read_csv(tmp_path / "exports" / f"UNODC_CCPCJ_EG.4_2020_1.{kind}.csv")
        theirs = pd.read_csv(tmp_path / "corpus" / "exports" / f"UNODC_CCPCJ_EG.4_2020_1.{kind}.csv")
        pd.testing.assert_frame_equal(ours, theirs)


def test_each_set_is_exported_as_it_finishes_not_when_the_run_ends(tmp_path: Path, monkeypatch) -> None:
    """Exports were written after the last set: a run stopped by hand (here: its end-of-run export
    step dies) left the sets it had finished in the store only, until the next run."""
    from pipeline.corpus import stage

    def stopped(*args, **kwargs) -> None:
        raise KeyboardInterrupt

    manifest = make_corpus(tmp_path / "in")
    monkeypatch.setattr(stage, "export_store", stopped)
    with pytest.raises(KeyboardInterrupt):
        stage.run_corpus(manifest, tmp_path / "out", ROOT / "params.yaml", ROOT / "configs", workers=1, retries=0)
    exports = tmp_path / "out" / "exports"
    for doc in ("GEN_5_0001", "GEN_5_0002"):
        assert pd.read_csv(exports / f"{doc}.wide.csv")["en"].notna().sum() > 5
        assert (exports / f"{doc}.tmx").stat().st_size > 1000
    assert not list(exports.glob("GEN_5_BROKEN*")), "a failed set gets no exports"
