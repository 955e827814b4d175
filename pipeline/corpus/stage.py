"""Corpus mode: every document set of a manifest through extract -> segment -> align -> tag ->
export, on Dask.

Why Dask (``dask.distributed``) rather than Ray: the work is a bag of independent Python tasks over
files, which Dask's futures model fits with no actor code; it starts a local cluster on 127.0.0.1
with one call, talks to an existing scheduler by address (``--scheduler``), retries tasks and
re-runs the tasks of a worker that died, and its Parquet/pandas stack is the one the results land
in. Ray would add a second object store and a larger install for nothing this job needs.

A set is skipped when a hash of its inputs, parameters, taxonomy, corrections and hexalign's own
code matches the one recorded when it last finished (``sets/<doc>/done.json``, written last and
atomically), so a run that was killed resumes where it stopped. A lock on the output folder keeps two runs apart.
Results land in a Parquet store partitioned by document and language (``store/paragraphs``,
``store/links``, ``store/sixway``), and the CSV/TMX exports are written from that store.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import io
import json
import logging
import os
import resource
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline import LANGS, __version__
from pipeline.core.atomic import atomic_path, atomic_write_text
from pipeline.core.docset import check_symbol, doc_id, load_docset
from pipeline.core.errors import InputError
from pipeline.core.report import Failure, StageReport
from pipeline.core.textio import decode_text

log = logging.getLogger(__name__)
TIMINGS = "timings.json"
"""Run timings and worker facts, kept apart from the results (and out of DVC's hashes through
``.dvcignore``) so that a re-run with the same inputs leaves ``dvc.lock`` unchanged."""
STORE_TABLES = ("paragraphs", "links", "sixway")
_EMBEDDERS: dict = {}
"""One embedder per worker process: the model loads once per worker, not once per document."""


@dataclass
class Entry:
    symbol: str
    languages: tuple[str, ...]
    source: Path
    url: str = ""
    """A URL template with ``{lang}`` and ``{symbol}`` (as in configs/sources.yaml): the set is
    fetched into ``<out>/raw/<doc>/`` first. Such a set is fetched again only when its manifest
    row changes (or its ``done.json`` is removed)."""


def load_manifest(path: Path) -> list[Entry]:
    """``symbol,languages,source`` per row; languages space-separated (empty = all six); source a
    document-set folder (relative to the manifest) or a URL template with ``{lang}``."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "manifest not found")
    entries = []
    seen: dict[str, int] = {}
    with io.StringIO(decode_text(path), newline="") as handle:  # UTF-8 with a BOM: Excel's "CSV UTF-8"
        for number, row in enumerate(csv.DictReader(handle), 2):
            if not row.get("symbol") or not row.get("source"):
                raise InputError(path, f"line {number}: 'symbol' and 'source' are required")
            row["symbol"] = check_symbol(row["symbol"], f"{path}: line {number}")
            # Symbols are compared as their folders would be on a case-insensitive file system
            # (macOS, Windows): there A/RES/1 and a/res/1 were one folder that each set's run
            # replaced, and on Linux they were one document run and exported twice.
            doc = doc_id(row["symbol"]).casefold()
            if doc in seen:
                raise InputError(path, f"line {number}: {row['symbol']!r} is already the set of line {seen[doc]}")
            seen[doc] = number
            langs = tuple((row.get("languages") or "").split()) or LANGS
            unknown = [lang for lang in langs if lang not in LANGS]
            if unknown:
                raise InputError(path, f"line {number}: unknown language code(s) {', '.join(unknown)}")
            if row["source"].startswith(("http://", "https://")):
                entries.append(Entry(row["symbol"].strip(), langs, Path(), row["source"].strip()))
                continue
            source = Path(row["source"])
            entries.append(
                Entry(row["symbol"].strip(), langs, source if source.is_absolute() else path.parent / source)
            )
    return entries


def shared_digest(settings: dict) -> hashlib._Hash:
    """The part of every set's key that is the same for all sets: code, parameters, taxonomy,
    abbreviations and tagger. Computed once per run and copied for each set: done per set, the
    package's sources and the 14 MB tagger were read again for every manifest row (17 ms a row,
    so a resumed 10,000-row corpus hashed for three minutes before it did or showed anything)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode() + source.read_bytes())
    digest.update(settings["params"].model_dump_json().encode())
    for name in ("params", "taxonomy", "abbreviations"):
        if settings.get(name + "_path"):
            digest.update(Path(settings[name + "_path"]).read_bytes())
    tagger = settings["params"].tagger_path
    for path in sorted(tagger.parent.glob(tagger.name + ".*")):
        digest.update(path.read_bytes())
    return digest


def set_key(entry: Entry, settings: dict, shared: hashlib._Hash | None = None) -> str:
    """Content hash of a set's inputs and of everything that shapes its results, the code included.
    Contents only, never absolute paths: the key is in ``done.json``, a DVC output, and a fresh
    clone elsewhere must produce the same one. ``shared``: :func:`shared_digest` of the same
    settings, when the caller keys many sets."""
    digest = (shared or shared_digest(settings)).copy()
    if settings.get("corrections"):
        for name in (f"{doc_id(entry.symbol)}.jsonl", f"{doc_id(entry.symbol)}.tags.jsonl"):
            path = Path(settings["corrections"]) / name
            if path.exists():
                digest.update(path.read_bytes())
    digest.update(entry.url.encode())
    if not entry.url and entry.source.is_dir():
        for path in sorted(entry.source.iterdir()):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


@contextmanager
def run_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".corpus.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise InputError(out, "another corpus run is using this output folder (lock held); wait for it") from err
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _embedder(settings: dict):
    """The worker's embedder, created on first use. Workers share the machine's cores, so each
    runs its model and numpy on one thread: several single-threaded workers beat one that fights
    another for the same cores."""
    from threadpoolctl import threadpool_limits

    from pipeline.core.params import embedder_from

    key = settings["params"].embedding.model_dump_json()
    if key not in _EMBEDDERS:
        threadpool_limits(1)
        _EMBEDDERS[key] = embedder_from(settings["params"], threads=1)
    return _EMBEDDERS[key]


def process_set(entry: Entry, out: Path, settings: dict, key: str) -> dict:
    """Run one document set through every stage (in a worker), by the same stage entry points
    the CLI and DVC call. Returns its result summary."""
    from pipeline.align.stage import run_align
    from pipeline.extract.stage import run_extract
    from pipeline.segment.stage import run_segment
    from pipeline.tag.layer import model_layer
    from pipeline.tag.stage import run_tag
    from pipeline.tag.taxonomy import load_taxonomy

    # A failed set is reported once, by the run; the worker need not print its traceback too.
    logging.getLogger("distributed.worker").setLevel(logging.CRITICAL)
    doc = doc_id(entry.symbol)
    work = set_folder(Path(out), entry.symbol)
    # A run killed half-way, or a language that fails this time, leaves nothing that could pass
    # for a result: the set's folder and its store partitions are replaced as a whole, before
    # anything can fail (a download, a missing folder), or the last run's results stayed in the
    # store and the exports beside a report calling the set failed.
    for stale in (work, *(Path(out) / "store" / table / f"doc={doc}" for table in STORE_TABLES)):
        if stale.exists():
            shutil.rmtree(stale)
    if entry.url:
        entry = fetch_entry(entry, Path(out) / "raw")
    docset = load_docset(entry.source)
    docset.symbol = entry.symbol
    docset.files = {lang: path for lang, path in docset.files.items() if lang in entry.languages}
    docset.doc = doc
    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[stage] = round(now - clock, 3)
        clock = now

    extracted = run_extract([docset], work / "extracted")
    lap("extract")
    failed = {f.lang: f.problem for f in extracted.failures}
    if "en" not in docset.files or "en" in failed:
        raise InputError(entry.source, f"no readable English version ({failed.get('en', 'missing')}); set skipped")
    run_segment(work / "extracted", work / "segmented", settings["config_dir"])
    lap("segment")
    embedder = _embedder(settings)
    embedded_before = embedder.embedded
    corrections = Path(settings["corrections"]) if settings.get("corrections") else None
    aligned = run_align(
        work / "extracted", work / "segmented", work / "aligned", settings["params"], corrections, embedder
    )
    if aligned.failures:
        raise InputError(entry.source, str(aligned.failures[0]))
    lap("align")
    taxonomy = load_taxonomy(Path(settings["taxonomy_path"]))
    run_tag(
        work / "extracted",
        work / "segmented",
        work / "aligned",
        work / "tagged",
        taxonomy,
        model_layer(settings["params"], embedder),
        corrections,
    )
    lap("tag")
    paragraphs = write_store(Path(out) / "store", doc, work)
    lap("store")
    confidences = [p["mean_confidence"] for p in aligned.sets[doc]["pairs"].values()]
    result = {
        "doc": doc,
        "symbol": entry.symbol,
        "status": "ok",
        "key": key,
        "failed_languages": failed,
        "warnings": aligned.warnings,
        "paragraphs": paragraphs,
        "mean_confidence": round(sum(confidences) / len(confidences), 4) if confidences else None,
    }
    timings = {
        "seconds": times,
        "texts_embedded": embedder.embedded - embedded_before,
        "worker_peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_pid": os.getpid(),
    }
    atomic_write_text(work / TIMINGS, json.dumps(timings, indent=2) + "\n")
    atomic_write_text(work / "done.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return {**result, **timings}


def run_set(entry: Entry, out: Path, settings: dict, key: str) -> dict:
    """:func:`process_set` as a Dask task, a bad input returned as a failed result rather than
    raised: Dask retries whatever a task raises, and a bad input fails the same way each time (a
    huge set whose English version turned out unreadable ran its extraction three times)."""
    try:
        return process_set(entry, out, settings, key)
    except InputError as err:
        return {"status": "failed", "problem": f"{type(err).__name__}: {err}"}


def worker_death(entry: Entry) -> str:
    """Why a set failed when every worker that ran it died: most often memory, on a huge file,
    so the message names the set's largest file rather than Dask's task key."""
    where = entry.url or str(entry.source)
    files = [p for p in entry.source.iterdir() if p.is_file()] if not entry.url and entry.source.is_dir() else []
    largest = max(files, key=lambda p: p.stat().st_size, default=None)
    size = f"; its largest file: {largest.name}, {largest.stat().st_size / 1e6:.1f} MB" if largest else ""
    return f"WorkerDied: {where}: every worker that ran this set died (killed, or past its memory limit){size}"


WORKER_DEATHS = 1
"""Worker deaths a set may cause and still be run again (Dask's ``allowed-failures``, 3 by
default): one covers a lost machine, and a set that kills every worker it meets (a huge file past
the memory limit) is not run four times over, each time taking a worker's other sets with it."""

DONE_KEYS = ("doc", "symbol", "status", "key", "failed_languages", "warnings", "paragraphs", "mean_confidence")


def set_folder(out: Path, symbol: str) -> Path:
    """``<out>/sets/<doc>``, the only folder a set's run may delete; checked again here because
    entries can come from elsewhere than a manifest."""
    sets = (out / "sets").resolve()
    work = sets / doc_id(check_symbol(symbol))
    if work.resolve().parent != sets:
        raise InputError(symbol, f"set folder {work} is not inside {sets}; refused")
    return work


def fetch_entry(entry: Entry, raw: Path) -> Entry:
    """Download a URL-sourced set (each language on its own) and point the entry at the folder."""
    from pipeline.extract.fetch import Sources, fetch

    fetch(entry.symbol, raw, Sources(entry.url, {}), entry.languages)
    return Entry(entry.symbol, entry.languages, raw / doc_id(entry.symbol))


def _write_parquet(frame: pd.DataFrame, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_path(folder / "part-0.parquet") as tmp:
        frame.to_parquet(tmp, index=False, engine="pyarrow")


def write_store(store: Path, doc: str, work: Path) -> int:
    """Paragraphs (with tags and link confidence), links and six-way rows as Parquet partitions."""
    from pipeline.core.records import read_jsonl

    aligned = work / "aligned" / doc
    confidence: dict[str, float] = {}
    for path in aligned.glob("en-*.paragraphs.jsonl"):
        lang = path.name.split(".")[0].split("-")[1]
        links = list(read_jsonl(path))
        for link in links:
            for pid in link["tgt_ids"]:
                confidence[pid] = link["confidence"]
        frame = pd.DataFrame(
            [{**link, "src_ids": json.dumps(link["src_ids"]), "tgt_ids": json.dumps(link["tgt_ids"])} for link in links]
        )
        _write_parquet(frame, store / "links" / f"doc={doc}" / f"lang={lang}")
    total = 0
    for path in sorted((work / "tagged" / doc).glob("*.jsonl")):
        if path.stem not in LANGS:
            continue
        rows = list(read_jsonl(path))
        total += len(rows)
        frame = pd.DataFrame(
            [
                {
                    "para_id": r["para_id"],
                    "kind": r["kind"],
                    "label": r["label"],
                    "page": r["page"],
                    "text": r["text"],
                    "refs": json.dumps(r.get("refs", [])),
                    "tags": json.dumps(r["tags"]),
                    "evidence": json.dumps(r["evidence"], ensure_ascii=False),
                    "provenance": json.dumps(r.get("provenance", {}), ensure_ascii=False),
                    "confidence": confidence.get(r["para_id"], 1.0),
                }
                for r in rows
            ]
        )
        _write_parquet(frame, store / "paragraphs" / f"doc={doc}" / f"lang={path.stem}")
    rows = list(read_jsonl(aligned / "sixway.jsonl"))
    extra = {r["row"]: r for r in read_jsonl(work / "tagged" / doc / "consistency" / "rows.jsonl")}
    _write_parquet(
        pd.DataFrame(
            [
                {
                    "row": r["row"],
                    "record": json.dumps(r, ensure_ascii=False),
                    "tags": json.dumps(extra.get(r["row"], {}).get("tags", [])),
                    "agreement": json.dumps(extra.get(r["row"], {}).get("agreement", {})),
                    "found_by": json.dumps(extra.get(r["row"], {}).get("found_by", {})),
                }
                for r in rows
            ]
        ),
        store / "sixway" / f"doc={doc}",
    )
    return total


def done_result(out: Path, doc: str, key: str) -> dict | None:
    """The result recorded when the set last finished with this key; None when it must run. An
    unreadable marker (truncated, hand-edited) means the set runs again, with a warning."""
    marker = Path(out) / "sets" / doc / "done.json"
    if marker.exists():
        try:
            result = json.loads(marker.read_text(encoding="utf-8"))
        except ValueError as err:
            log.warning("%s: unreadable (%s); the set runs again", marker, err)
            return None
        if isinstance(result, dict) and result.get("key") == key:
            return result
    return None


def run(
    entries: list[Entry],
    out: Path,
    settings: dict,
    workers: int = 2,
    scheduler: str | None = None,
    retries: int = 2,
    progress: bool = True,
    on_done: Callable[[str], None] | None = None,
) -> dict:
    """Process every set not already done with the same key; returns the run report.
    ``on_done(doc)`` is called in this process as each set finishes (corpus mode exports it)."""
    import dask
    from dask.distributed import Client, KilledWorker, LocalCluster, as_completed
    from tqdm import tqdm

    out = Path(out)
    for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)
    started = time.perf_counter()
    report: dict = {"sets": {}, "skipped": [], "failed": {}}
    with run_lock(out):
        todo = []
        shared = shared_digest(settings)
        for entry in entries:
            key = set_key(entry, settings, shared)
            doc = doc_id(entry.symbol)
            previous = done_result(out, doc, key)
            if previous:
                report["skipped"].append(doc)
                report["sets"][doc] = previous
                log.info("%s: unchanged since its last run, skipped", doc)
            else:
                todo.append((entry, key))
        if todo:
            with dask.config.set({"distributed.scheduler.allowed-failures": WORKER_DEATHS}):
                cluster = (
                    None
                    if scheduler
                    else LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=":0",
                        silence_logs=logging.ERROR,
                    )
                )
            try:
                with Client(scheduler or cluster) as client:
                    futures = {
                        client.submit(
                            run_set,
                            entry,
                            out,
                            settings,
                            key,
                            retries=retries,
                            pure=False,
                            key=f"set-{doc_id(entry.symbol)}-{key[:10]}",
                        ): entry
                        for entry, key in todo
                    }
                    bar = tqdm(total=len(futures), desc="corpus", unit="set", disable=not progress)
                    for future in as_completed(futures):
                        doc = doc_id(futures[future].symbol)
                        try:
                            result = future.result()
                            if result.get("status") == "failed":
                                report["failed"][doc] = result["problem"]
                            else:
                                report["sets"][doc] = result
                                bar.set_postfix_str(f"{doc} {sum(result['seconds'].values()):.1f}s")
                        except KilledWorker:
                            report["failed"][doc] = worker_death(futures[future])
                        except Exception as err:  # a failed set is reported, the others go on
                            report["failed"][doc] = f"{type(err).__name__}: {err}"
                        if on_done is not None and doc in report["sets"]:
                            try:
                                on_done(doc)
                            except Exception as err:  # the set is done; its exports are tried again at the end
                                log.warning("%s: exporting it failed (%s); tried again when the run ends", doc, err)
                        bar.update()
                    bar.close()
            finally:
                if cluster is not None:
                    cluster.close()
    report["failed_languages"] = {
        doc: result["failed_languages"]
        for doc, result in sorted(report["sets"].items())
        if result.get("failed_languages")
    }
    report["processed"] = len(report["sets"]) - len(report["skipped"])
    # Sorted, and without timings: sets finish in any order, and the file is a DVC output.
    kept = {
        **report,
        "sets": {doc: {k: v for k, v in r.items() if k in DONE_KEYS} for doc, r in sorted(report["sets"].items())},
        "failed": dict(sorted(report["failed"].items())),
    }
    atomic_write_text(out / "run_report.json", json.dumps(kept, ensure_ascii=False, indent=2) + "\n")
    wall = {"wall_seconds": round(time.perf_counter() - started, 2), "workers": workers}
    atomic_write_text(out / TIMINGS, json.dumps(wall, indent=2) + "\n")
    return report


EXPORT_SUFFIXES = (".wide.csv", ".long.csv", ".tmx")


def export_paths(out: Path, doc: str) -> list[Path]:
    return [Path(out) / f"{doc}{suffix}" for suffix in EXPORT_SUFFIXES]


def drop_exports(out: Path, doc: str) -> None:
    for path in export_paths(out, doc):
        path.unlink(missing_ok=True)


def exports_current(store: Path, out: Path, doc: str) -> bool:
    """Whether every export of ``doc`` exists and is newer than each of its store partitions. A
    resumed run skips its unchanged sets, and rewriting their exports anyway took 0.15 s a small
    document, longer than the run itself for a corpus of thousands of sets; the times, not the
    run's list of sets, decide, so that a run killed between a set's store and its exports still
    re-exports it."""
    targets = export_paths(out, doc)
    if not all(target.exists() for target in targets):
        return False
    parts = [part for table in STORE_TABLES for part in (Path(store) / table / f"doc={doc}").rglob("*.parquet")]
    newest = max((part.stat().st_mtime_ns for part in parts), default=0)
    return min(target.stat().st_mtime_ns for target in targets) >= newest


def export_store(store: Path, out: Path, docs: set[str] | None = None) -> list[str]:
    """CSV and TMX exports of the store's documents that are in ``docs`` (the manifest's; None:
    all). A document whose manifest row was removed keeps its store partitions, but its exports
    go: files beside the current ones would pass for part of this corpus. So do the exports of a
    manifest document with nothing in the store (its set failed this time, e.g. a huge file that
    killed its worker): the last run's files stayed beside a report calling the set failed.
    Returns the documents whose exports are current, rewritten or not (:func:`exports_current`)."""
    written = []
    sixway_root = Path(store) / "sixway"
    for folder in sorted(sixway_root.glob("doc=*")):
        doc = folder.name.split("=", 1)[1]
        if docs is not None and doc not in docs:
            drop_exports(out, doc)
            log.info("%s: in the store but not in the manifest, not exported (its store partitions are kept)", doc)
            continue
        export_doc(Path(store), Path(out), doc)
        written.append(doc)
    for doc in sorted((docs or set()) - set(written)):
        drop_exports(out, doc)
    return written


def export_doc(store: Path, out: Path, doc: str) -> None:
    """One document's CSV and TMX exports from the store, unless they are current. Corpus mode
    calls it as each set finishes: written only at the end of the run, the exports of every set
    finished before a run was stopped by hand waited for the next run."""
    from pipeline.export.stage import Filters, build_doc, write_doc_exports

    if exports_current(Path(store), Path(out), doc):
        return
    frame = pd.read_parquet(Path(store) / "sixway" / f"doc={doc}")
    paragraphs: dict[str, list[dict]] = {}
    for part in sorted((Path(store) / "paragraphs" / f"doc={doc}").glob("lang=*")):
        lang = part.name.split("=", 1)[1]
        rows = pd.read_parquet(part).to_dict("records")
        paragraphs[lang] = [
            {
                **r,
                "tags": json.loads(r["tags"]),
                "evidence": json.loads(r["evidence"]),
                "provenance": json.loads(r["provenance"]),
            }
            for r in rows
        ]
    items = frame.sort_values("row").to_dict("records")
    consistency = [
        {
            "row": item["row"],
            "tags": json.loads(item["tags"]),
            "agreement": json.loads(item["agreement"]),
            "found_by": json.loads(item["found_by"]),
        }
        for item in items
    ]
    data = build_doc(doc, [json.loads(item["record"]) for item in items], consistency, paragraphs)
    write_doc_exports(data, Path(out), Filters())


def run_corpus(
    manifest: Path,
    out: Path,
    params_path: Path,
    config_dir: Path,
    corrections: Path | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    retries: int = 2,
) -> StageReport:
    """Corpus mode: every set of the manifest through every stage, then the exports from the store."""
    from pipeline.core.params import load_params

    settings = {
        "params": load_params(params_path),
        "params_path": str(Path(params_path).resolve()),
        "taxonomy_path": str((Path(config_dir) / "taxonomy.yaml").resolve()),
        "abbreviations_path": str((Path(config_dir) / "abbreviations.yaml").resolve()),
        "config_dir": str(Path(config_dir).resolve()),
        "corrections": str(Path(corrections).resolve()) if corrections else None,
    }
    entries = load_manifest(Path(manifest))
    store, exports = Path(out) / "store", Path(out) / "exports"
    result = run(
        entries, Path(out), settings, workers, scheduler, retries, on_done=lambda doc: export_doc(store, exports, doc)
    )
    export_store(store, exports, {doc_id(entry.symbol) for entry in entries})
    report = StageReport("corpus")
    for doc, problem in result["failed"].items():
        report.fail(doc, None, problem)
    for doc, done in result["sets"].items():
        report.sets[doc] = {k: v for k, v in done.items() if k in DONE_KEYS}
        report.failures += [Failure(doc, lang, why) for lang, why in done.get("failed_languages", {}).items()]
    confidences = [r["mean_confidence"] for r in result["sets"].values() if r.get("mean_confidence") is not None]
    report.metrics["corpus"] = {
        "documents": len(entries),
        "failed": len(result["failed"]),
        "mean_confidence": round(sum(confidences) / len(confidences), 4) if confidences else None,
    }
    report.write(Path(out))
    return report
