"""The hexalign command: one verb per stage, each usable on a single file by hand.

Bad input ends in one line on stderr naming the file and the problem, and a non-zero exit; a
stage over a document set still processes every language it can before exiting non-zero.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from tqdm import tqdm

from pipeline import LANGS, __version__
from pipeline.core.errors import InputError

log = logging.getLogger("hexalign")


def _extract(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang, find_docsets
    from pipeline.core.records import write_jsonl
    from pipeline.extract.stage import extract_docset, extract_file

    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        result = extract_file(source, lang, args.doc or source.parent.name, args.symbol)
        out = Path(args.out) if args.out else source.with_suffix(".jsonl")
        write_jsonl(out, (json.loads(p.to_json()) for p in result.paragraphs))
        log.info("%s: %d paragraphs -> %s", source, len(result.paragraphs), out)
        return 0
    failed = 0
    for docset in tqdm(find_docsets(source), desc="extract", unit="set", disable=None):
        report = extract_docset(docset, Path(args.out or "data/extracted"))
        for result in report["languages"].values():
            if result["status"] != "ok":
                failed += 1
                print(f"hexalign extract: {result['error']}", file=sys.stderr)
    return 1 if failed else 0


def _fetch(args: argparse.Namespace) -> int:
    from pipeline.extract.fetch import Sources, fetch

    sources = Sources.load(Path(args.config_dir) / "sources.yaml")
    if args.base_url:
        sources.url_template = args.base_url.rstrip("/") + "/{lang}/{symbol}"
    results = fetch(args.symbol, Path(args.out), sources, tuple(args.langs))
    for status in results.values():
        if status != "ok":
            print(f"hexalign fetch: {status}", file=sys.stderr)
    return 0 if all(status == "ok" for status in results.values()) else 1


def _segment(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang
    from pipeline.core.records import read_jsonl, write_jsonl
    from pipeline.segment.stage import segment_docset, segment_paragraphs, sentence_rows

    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        rows = _paragraph_rows(source, lang, read_jsonl)
        out = Path(args.out) if args.out else source.with_suffix(".sentences.jsonl")
        write_jsonl(out, sentence_rows(segment_paragraphs(rows, lang, args.config_dir)))
        return 0
    if not source.is_dir():
        raise InputError(source, "no such file or folder")
    sets = _document_sets(source)
    for folder in tqdm(sets, desc="segment", unit="set", disable=None):
        segment_docset(folder, Path(args.out or "data/segmented") / folder.name, args.config_dir)
    return 0


def _document_sets(folder: Path) -> list[Path]:
    """The document-set folders below a stage's output folder (or the folder itself)."""
    return [d for d in sorted(folder.iterdir()) if d.is_dir() and not d.name.startswith(".")] or [folder]


def _paragraph_rows(path: Path, lang: str, read_jsonl) -> list[dict]:
    """An extract output, or plain text with one paragraph per line."""
    from pipeline.core.textio import decode_text

    text = decode_text(path)
    if text.lstrip().startswith("{"):
        return [r for r in read_jsonl(path) if r.get("kind") != "footnote"]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [
        {"doc": path.stem, "lang": lang, "para_id": f"{lang}-p{k:04d}", "kind": "paragraph", "label": "", "text": line}
        for k, line in enumerate(lines, 1)
    ]


def _align(args: argparse.Namespace) -> int:
    from pipeline.align.stage import align_docset
    from pipeline.core.params import embedder_from, load_params

    params = load_params(Path(args.params))
    embedder = embedder_from(params)
    source = Path(args.path)
    if not source.is_dir():
        raise InputError(source, "not a folder of extracted document sets")
    sets = _document_sets(source)
    root = source if sets != [source] else source.parent
    summary: dict = {}
    for folder in tqdm(sets, desc="align", unit="set", disable=None):
        report = align_docset(
            folder.name,
            root,
            Path(args.segmented) if args.segmented else None,
            Path(args.out),
            embedder,
            params.align,
            corrections_root=Path(args.corrections) if args.corrections else None,
        )
        for warning in report["warnings"]:
            print(f"hexalign align: warning: {warning}", file=sys.stderr)
        summary[folder.name] = {
            lang: {key: pair[key] for key in ("mean_confidence", "links", "empty_links")}
            for lang, pair in report["pairs"].items()
        }
    log.info("embedded %d texts, %d from cache", embedder.embedded, embedder.cached)
    if args.metrics:
        from pipeline.core.atomic import atomic_write_text

        atomic_write_text(Path(args.metrics), json.dumps({"align": summary}, indent=2) + "\n")
    return 0


def _align_bitext(args: argparse.Namespace) -> int:
    from pipeline.align import bitext
    from pipeline.core.params import embedder_from, load_params

    if args.batch:
        pairs = bitext.read_batch(Path(args.batch))
    elif args.src and args.tgt and args.src_lang and args.tgt_lang:
        pairs = [bitext.Pair(Path(args.src), Path(args.tgt), args.src_lang, args.tgt_lang, args.out and Path(args.out))]
    else:
        raise InputError("align-bitext", "give SRC TGT --src-lang --tgt-lang, or --batch PAIRS.tsv")
    params = load_params(Path(args.params))
    for text in bitext.run(pairs, embedder_from(params), params.align, args.presplit, args.config_dir):
        sys.stdout.write(text)
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.align.evaluate import parse_links, score

    test = [pair for pair, _ in parse_links(Path(args.test))]
    gold = [pair for pair, _ in parse_links(Path(args.gold))]
    print(json.dumps(score(test, gold).as_dict(), indent=2))
    return 0


def _tag(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang
    from pipeline.core.records import read_jsonl, write_jsonl
    from pipeline.tag.stage import EmbeddingLayer, consistency, tag_docset, tag_rows, write_consistency
    from pipeline.tag.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(Path(args.taxonomy or Path(args.config_dir) / "taxonomy.yaml"))
    layer = None
    if args.embedding_threshold:
        from pipeline.core.params import embedder_from, load_params

        layer = EmbeddingLayer(taxonomy, embedder_from(load_params(Path(args.params))), args.embedding_threshold)
    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        rows = _paragraph_rows(source, lang, read_jsonl)
        write_jsonl(
            Path(args.out) if args.out else source.with_suffix(".tags.jsonl"), tag_rows(rows, lang, taxonomy, layer)
        )
        return 0
    if not source.is_dir():
        raise InputError(source, "no such file or folder")
    out_root = Path(args.out or "data/tagged")
    sets = _document_sets(source)
    agreement: dict = {}
    for folder in tqdm(sets, desc="tag", unit="set", disable=None):
        segmented = Path(args.segmented) / folder.name if args.segmented else None
        tag_docset(folder, out_root / folder.name, taxonomy, layer, segmented)
        sixway = Path(args.aligned) / folder.name / "sixway.jsonl" if args.aligned else None
        if sixway is not None and sixway.exists():
            report = consistency(sixway, out_root / folder.name, list(LANGS))
            write_consistency(report, out_root / folder.name / "consistency")
            agreement[folder.name] = report["agreement_with_en"]
    if args.metrics:
        from pipeline.core.atomic import atomic_write_text

        atomic_write_text(Path(args.metrics), json.dumps({"tag_agreement_with_en": agreement}, indent=2) + "\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pipeline.core.records import read_jsonl
    from pipeline.export.stage import (
        PIVOT_FIRST,
        Filters,
        load_doc,
        long_frame,
        plot_summary,
        summary_frame,
        tmx_tree,
        wide_frame,
        write_csv,
        write_tmx,
    )

    aligned = Path(args.aligned)
    if not aligned.is_dir():
        raise InputError(aligned, "no aligned document sets here (run the align stage first)")
    filters = Filters(
        tags=set(args.tags) if args.tags else None,
        langs=tuple(lang for lang in PIVOT_FIRST if lang in args.langs),
        min_confidence=args.min_confidence,
        docs=set(args.doc) if args.doc else None,
    )
    docs = []
    for folder in sorted(d for d in aligned.iterdir() if d.is_dir()):
        if filters.docs and folder.name not in filters.docs:
            continue
        docs.append(load_doc(folder, Path(args.tagged) / folder.name))
    if not docs:
        raise InputError(aligned, "no document set matches the filters")
    out = Path(args.out)
    sentences, sentence_text = {}, {}
    if args.level == "sentence":
        for data in docs:
            folder = aligned / data.doc
            sentences[data.doc] = {
                p.name.split(".")[0].split("-")[1]: list(read_jsonl(p))
                for p in sorted(folder.glob("en-*.sentences.jsonl"))
            }
            for path in (Path(args.segmented) / data.doc).glob("*.jsonl"):
                sentence_text.update({r["sent_id"]: r["text"] for r in read_jsonl(path)})
    for data in docs:
        write_csv(wide_frame([data], filters), out / f"{data.doc}.wide.csv")
        write_csv(long_frame([data], filters), out / f"{data.doc}.long.csv")
        write_tmx(tmx_tree([data], filters, args.level, sentences, sentence_text), out / f"{data.doc}.tmx")
    summary = summary_frame(docs)
    summary_dir = Path(args.summary_out) if args.summary_out else out
    write_csv(summary, summary_dir / "tag_summary.csv")
    plot_summary(summary, summary_dir / "tag_distribution.png")
    if args.metrics:
        from pipeline.core.atomic import atomic_write_text

        counts = {f"{r.doc}/{r.lang}/{r.tag}": int(r.paragraphs) for r in summary.itertuples()}
        atomic_write_text(Path(args.metrics), json.dumps({"tag_counts": counts}, indent=2) + "\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    from pipeline.review.app import Project, create_app

    project = Project(args.doc, Path(args.extracted), Path(args.aligned), Path(args.tagged), Path(args.corrections))
    if not (project.aligned / args.doc / "sixway.jsonl").exists():
        raise InputError(project.aligned / args.doc, "no alignment for this document; run `dvc repro` first")
    print(f"hexalign review: http://{args.host}:{args.port}/  (Ctrl+C to stop)", file=sys.stderr)
    create_app(project).run(host=args.host, port=args.port, debug=False)
    return 0


def _corpus(args: argparse.Namespace) -> int:
    from pipeline.core.params import load_params
    from pipeline.corpus.stage import export_store, load_manifest, run

    config = Path(args.config_dir)
    settings = {
        "params": load_params(Path(args.params)),
        "params_path": str(Path(args.params).resolve()),
        "taxonomy_path": str((config / "taxonomy.yaml").resolve()),
        "abbreviations_path": str((config / "abbreviations.yaml").resolve()),
        "config_dir": str(config.resolve()),
        "corrections": str(Path(args.corrections).resolve()) if args.corrections else None,
    }
    entries = load_manifest(Path(args.manifest))
    report = run(entries, Path(args.out), settings, args.workers, args.scheduler, args.retries)
    export_store(Path(args.out) / "store", Path(args.out) / "exports")
    for doc, problem in report["failed"].items():
        print(f"hexalign corpus: {doc}: {problem}", file=sys.stderr)
    if args.metrics:
        from pipeline.core.atomic import atomic_write_text

        confidences = [r["mean_confidence"] for r in report["sets"].values() if r.get("mean_confidence") is not None]
        metrics = {
            "documents": len(entries),
            "processed": report["processed"],
            "skipped": len(report["skipped"]),
            "failed": len(report["failed"]),
            "mean_confidence": round(sum(confidences) / len(confidences), 4) if confidences else None,
        }
        atomic_write_text(Path(args.metrics), json.dumps({"corpus": metrics}, indent=2) + "\n")
    return 1 if report["failed"] else 0


def _file_or_folder_args(p: argparse.ArgumentParser, default_out: str) -> None:
    """Arguments of the verbs that take one file (by hand) or a stage's output folder (DVC)."""
    p.add_argument("path", help="an extract output or plain text (one paragraph per line), or data/extracted")
    p.add_argument("--lang", choices=LANGS, help="language of a single file (default: its file name)")
    p.add_argument("--out", help=f"output file, or folder (default {default_out})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hexalign", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hexalign {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every skipped item")
    parser.add_argument("--config-dir", default="configs", help="folder of YAML configs (default: configs)")
    verbs = parser.add_subparsers(dest="verb", required=True)

    p = verbs.add_parser("extract", help="PDF or text export -> paragraphs (JSON Lines)")
    p.add_argument("path", help="a language file, a document set folder, or data/raw")
    p.add_argument("--lang", choices=LANGS, help="language of a single file (default: its file name)")
    p.add_argument("--out", help="output file (single file) or folder (default data/extracted)")
    p.add_argument("--doc", help="document id recorded in the output (default: the folder name)")
    p.add_argument("--symbol", help="UN symbol, so symbol lines are recognised as furniture")
    p.set_defaults(run=_extract)

    p = verbs.add_parser("fetch", help="download the official PDFs of a UN symbol")
    p.add_argument("symbol", help="e.g. UNODC/CCPCJ/EG.4/2020/1")
    p.add_argument("--out", default="data/raw", help="raw-data folder (default data/raw)")
    p.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    p.add_argument("--base-url", help="another document server, e.g. a local mirror")
    p.set_defaults(run=_fetch)

    p = verbs.add_parser("segment", help="paragraphs -> sentences and tokens (JSON Lines)")
    _file_or_folder_args(p, "data/segmented")
    p.set_defaults(run=_segment)

    p = verbs.add_parser("align", help="align every language of each document set against English")
    p.add_argument("path", nargs="?", default="data/extracted", help="extracted document sets (default data/extracted)")
    p.add_argument("--segmented", default="data/segmented", help="segment stage output, for sentence links")
    p.add_argument("--out", default="data/aligned", help="output folder (default data/aligned)")
    p.add_argument("--params", default="params.yaml", help="embedding model and aligner parameters")
    p.add_argument("--metrics", help="write per-pair mean confidence and link counts here (JSON)")
    p.add_argument(
        "--corrections", default="data/corrections", help="translators' corrections (default data/corrections)"
    )
    p.set_defaults(run=_align)

    p = verbs.add_parser("align-bitext", help="align two texts; Vecalign-format links [src]:[tgt]:score")
    p.add_argument("src", nargs="?")
    p.add_argument("tgt", nargs="?")
    p.add_argument("--src-lang", choices=LANGS)
    p.add_argument("--tgt-lang", choices=LANGS)
    p.add_argument("--batch", help="TSV of pairs (src tgt src_lang tgt_lang out), aligned in one process")
    p.add_argument("--presplit", action="store_true", help="one unit per line (else split into sentences)")
    p.add_argument("--out", help="output file (default: stdout)")
    p.add_argument("--params", default="params.yaml")
    p.set_defaults(run=_align_bitext)

    p = verbs.add_parser("tag", help="tag recurring positions in paragraphs (JSON Lines with tags and evidence)")
    _file_or_folder_args(p, "data/tagged")
    p.add_argument("--taxonomy", help="taxonomy YAML (default configs/taxonomy.yaml)")
    p.add_argument("--segmented", help="segment stage output, to tag sentences too")
    p.add_argument("--aligned", help="align stage output, for cross-language consistency")
    p.add_argument("--metrics", help="write per-language agreement with English here (JSON)")
    p.add_argument(
        "--embedding-threshold",
        type=float,
        default=0.0,
        help="also tag paragraphs this close (cosine) to a tag description; 0 = off",
    )
    p.add_argument("--params", default="params.yaml")
    p.set_defaults(run=_tag)

    p = verbs.add_parser("export", help="tagged CSVs (wide, long), TMX and a tag summary")
    p.add_argument("--aligned", default="data/aligned")
    p.add_argument("--tagged", default="data/tagged")
    p.add_argument("--segmented", default="data/segmented", help="sentence texts, for --level sentence")
    p.add_argument("--out", default="data/exports")
    p.add_argument("--tags", nargs="+", help="keep rows carrying any of these tags")
    p.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    p.add_argument("--min-confidence", type=float, default=0.0)
    p.add_argument("--doc", nargs="+", help="only these document ids")
    p.add_argument("--level", choices=["paragraph", "sentence"], default="paragraph", help="TMX units")
    p.add_argument("--metrics", help="write tag counts per document and language here (JSON)")
    p.add_argument("--summary-out", help="folder for tag_summary.csv and tag_distribution.png (default: --out)")
    p.set_defaults(run=_export)

    p = verbs.add_parser("review", help="local web app to check and correct a document's alignment")
    p.add_argument("doc", help="document id, e.g. UNODC_CCPCJ_EG.4_2020_1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--extracted", default="data/extracted")
    p.add_argument("--aligned", default="data/aligned")
    p.add_argument("--tagged", default="data/tagged")
    p.add_argument("--corrections", default="data/corrections")
    p.set_defaults(run=_review)

    p = verbs.add_parser("corpus", help="run every document set of a manifest on a Dask cluster")
    corpus_verbs = p.add_subparsers(dest="corpus_verb", required=True)
    p = corpus_verbs.add_parser("run", help="extract, segment, align, tag and export each set (skips unchanged sets)")
    p.add_argument("manifest", help="CSV with symbol,languages,source (e.g. configs/corpus.csv)")
    p.add_argument("--out", default="data/corpus", help="output folder: sets/, store/ (Parquet), exports/")
    p.add_argument("--workers", type=int, default=2, help="local Dask workers (one thread each)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--retries", type=int, default=2, help="retries of a failed set before it is reported")
    p.add_argument("--params", default="params.yaml")
    p.add_argument("--corrections", default="data/corrections")
    p.add_argument("--metrics", help="documents processed, failures and mean confidence (JSON)")
    p.set_defaults(run=_corpus)

    p = verbs.add_parser("eval", help="strict and lax P/R/F1 of a link file against gold")
    p.add_argument("test")
    p.add_argument("gold")
    p.set_defaults(run=_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(message)s",
    )
    try:
        return args.run(args)
    except InputError as err:
        print(f"hexalign {args.verb}: {err}", file=sys.stderr)
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
        print(f"hexalign {args.verb}: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
