"""The hexalign command: one verb per stage, each usable on a single file by hand.

The verbs only parse arguments and print: the work is each stage's ``run_<stage>`` entry point
(``pipeline.api``). A verb on a single file exits non-zero when that file fails, with one line
naming the file and the problem; a verb over many inputs processes every input it can, prints
each failure and exits 0 (see ``pipeline.core.report``), or 3 with ``--strict`` for scripts that
run a stage by hand and need the exit status to say that something failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pipeline import CONFIGS, LANGS, __version__
from pipeline.core.errors import InputError
from pipeline.core.report import StageReport, write_metrics

log = logging.getLogger("hexalign")


STRICT_FAILURE = 3
"""Exit status of a verb over many inputs run with ``--strict`` when any input failed."""


def _finish(args: argparse.Namespace, report: StageReport, metrics: str | None = None) -> int:
    """Print each failure and warning on stderr and write the metrics; a stage over many inputs
    exits 0 whatever failed (see ``pipeline.core.report``) unless ``--strict`` was given."""
    for warning in report.warnings:
        print(f"hexalign {report.stage}: warning: {warning}", file=sys.stderr)
    for failure in report.failures:
        print(f"hexalign {report.stage}: failed: {failure}", file=sys.stderr)
    if metrics:
        write_metrics(Path(metrics), report.metrics)
    return STRICT_FAILURE if args.strict and report.failures else 0


def _extract(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang, check_out
    from pipeline.core.records import write_jsonl
    from pipeline.extract.stage import extract_file, run_extract

    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        result = extract_file(source, lang, args.doc or source.parent.name, args.symbol)
        out = Path(args.out) if args.out else source.with_suffix(".jsonl")
        check_out(out, source)
        write_jsonl(out, (p.to_dict() for p in result.paragraphs))
        log.info("%s: %d paragraphs -> %s", source, len(result.paragraphs), out)
        return 0
    return _finish(args, run_extract(source, Path(args.out or "data/extracted")))


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


def _inspect(args: argparse.Namespace) -> int:
    from pipeline.extract.inspect import draw, trace_page

    trace = trace_page(Path(args.path), args.lang, args.page, args.symbol)
    out = draw(Path(args.path), trace, Path(args.out), args.resolution)
    kinds = sorted({box.kind for box in trace.boxes})
    print(
        f"{out}: page {args.page}, {len(trace.boxes)} boxes ({', '.join(kinds)}), "
        f"{len(trace.furniture)} furniture lines, {len(trace.links)} footnote links"
    )
    return 0


def _segment(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang, check_out
    from pipeline.core.records import read_paragraphs, write_jsonl
    from pipeline.segment.stage import run_segment, segment_paragraphs, sentence_rows

    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        out = Path(args.out) if args.out else source.with_suffix(".sentences.jsonl")
        check_out(out, source)
        write_jsonl(out, sentence_rows(segment_paragraphs(read_paragraphs(source, lang), lang, args.config_dir)))
        return 0
    return _finish(args, run_segment(source, Path(args.out or "data/segmented"), args.config_dir))


def _align(args: argparse.Namespace) -> int:
    from pipeline.align.stage import run_align
    from pipeline.core.params import load_params

    report = run_align(
        Path(args.path),
        Path(args.segmented) if args.segmented else None,
        Path(args.out),
        load_params(Path(args.params)),
        Path(args.corrections) if args.corrections else None,
    )
    return _finish(args, report, args.metrics)


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
    texts, failed = bitext.run(pairs, embedder_from(params), params.align, args.presplit, args.config_dir)
    for text in texts:
        sys.stdout.write(text)
    for problem in failed:
        print(f"hexalign align-bitext: failed: {problem}", file=sys.stderr)
    return 1 if failed else 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.align.evaluate import score_files

    print(json.dumps(score_files(Path(args.test), Path(args.gold)).as_dict(), indent=2))
    return 0


def _tag(args: argparse.Namespace) -> int:
    from pipeline.core.docset import check_lang, check_out
    from pipeline.core.params import load_params
    from pipeline.core.records import read_paragraphs, write_jsonl
    from pipeline.tag.layer import model_layer
    from pipeline.tag.stage import run_tag, tag_rows
    from pipeline.tag.taxonomy import load_taxonomy
    from pipeline.tag.train import run_train

    taxonomy = load_taxonomy(Path(args.taxonomy or Path(args.config_dir) / "taxonomy.yaml"))
    params = load_params(Path(args.params))
    corrections = Path(args.corrections) if args.corrections else None
    if args.train:
        model = run_train(params, taxonomy, Path(args.path), corrections)
        print(
            f"hexalign tag: model -> {params.tagger_path} ({model.info['train_paragraphs']} paragraphs, "
            f"{model.info['reviewed_paragraphs']} reviewed; {params.tag.tuned_layers} tuned e5 layers; "
            f"threshold {model.threshold}; "
            f"dev {model.info['dev_scores']})",
            file=sys.stderr,
        )
        return 0
    layer = None if args.rules_only else model_layer(params)
    source = Path(args.path)
    if source.is_file():
        lang = check_lang(args.lang or source.stem, source)
        out = Path(args.out) if args.out else source.with_suffix(".tags.jsonl")
        check_out(out, source)
        write_jsonl(out, tag_rows(read_paragraphs(source, lang), lang, taxonomy, layer))
        return 0
    report = run_tag(
        source,
        Path(args.segmented) if args.segmented else None,
        Path(args.aligned) if args.aligned else None,
        Path(args.out or "data/tagged"),
        taxonomy,
        layer,
        corrections,
    )
    return _finish(args, report, args.metrics)


def _export(args: argparse.Namespace) -> int:
    from pipeline.export.stage import PIVOT_FIRST, Filters, run_export

    filters = Filters(
        tags=set(args.tags) if args.tags else None,
        langs=tuple(lang for lang in PIVOT_FIRST if lang in args.langs),
        min_confidence=args.min_confidence,
        docs=set(args.doc) if args.doc else None,
        min_tag_confidence=args.min_tag_confidence,
    )
    report = run_export(
        Path(args.aligned),
        Path(args.tagged),
        Path(args.out),
        filters,
        args.level,
        Path(args.segmented),
        Path(args.summary_out) if args.summary_out else None,
        args.raw_csv,
    )
    return _finish(args, report, args.metrics)


def _review(args: argparse.Namespace) -> int:
    from pipeline.review.app import Project, create_app

    project = Project(
        args.doc,
        Path(args.extracted),
        Path(args.aligned),
        Path(args.tagged),
        Path(args.corrections),
        Path(args.params),
        Path(args.config_dir) / "taxonomy.yaml",
    )
    project.check()
    print(f"hexalign review: http://{args.host}:{args.port}/  (Ctrl+C to stop)", file=sys.stderr)
    create_app(project, args.host, args.port).run(host=args.host, port=args.port, debug=False)
    return 0


def _corpus(args: argparse.Namespace) -> int:
    from pipeline.corpus.stage import run_corpus

    report = run_corpus(
        Path(args.manifest),
        Path(args.out),
        Path(args.params),
        Path(args.config_dir),
        Path(args.corrections) if args.corrections else None,
        workers=args.workers,
        scheduler=args.scheduler,
        retries=args.retries,
    )
    return _finish(args, report, args.metrics)


def _summary(args: argparse.Namespace) -> int:
    from pipeline.summary import print_summary, summarise

    summary = summarise(Path(args.data))
    print_summary(summary)
    return 1 if summary.failures or summary.missing else 0


def _file_or_folder_args(p: argparse.ArgumentParser, default_out: str) -> None:
    """Arguments of the verbs that take one file (by hand) or a stage's output folder (DVC)."""
    p.add_argument("path", help="an extract output or plain text (one paragraph per line), or data/extracted")
    p.add_argument("--lang", choices=LANGS, help="language of a single file (default: its file name)")
    p.add_argument("--out", help=f"output file, or folder (default {default_out})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hexalign", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hexalign {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every skipped item")
    parser.add_argument(
        "--config-dir", default=CONFIGS, help="folder of YAML configs (default: the project's configs/)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=f"a verb over many inputs exits {STRICT_FAILURE} when any input failed (default 0: failures are "
        "reported and the good inputs carried through, as dvc repro needs)",
    )
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

    p = verbs.add_parser("inspect", help="draw one PDF page with the records, furniture and footnotes found")
    p.add_argument("path", help="a PDF")
    p.add_argument("--lang", required=True, choices=LANGS)
    p.add_argument("--page", type=int, default=1, help="1-based page number (default 1)")
    p.add_argument("--out", default="page.png", help="PNG to write (default page.png)")
    p.add_argument("--symbol", help="UN symbol, as for extract")
    p.add_argument("--resolution", type=int, default=100, help="dots per inch (default 100)")
    p.set_defaults(run=_inspect)

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
    p.add_argument("--corrections", help="analysts' tag decisions, <doc>.tags.jsonl (e.g. data/corrections)")
    p.add_argument("--rules-only", action="store_true", help="rules only, without the trained classifier")
    p.add_argument(
        "--train",
        action="store_true",
        help="build the classifier (params tag: section) instead of tagging; PATH = extracted sets, for "
        "reviewed paragraphs from --corrections",
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
    p.add_argument("--min-tag-confidence", type=float, default=0.0, help="leave out tags less sure than this (0-1)")
    p.add_argument("--doc", nargs="+", help="only these document ids")
    p.add_argument("--level", choices=["paragraph", "sentence"], default="paragraph", help="TMX units")
    p.add_argument("--metrics", help="write tag counts per document and language here (JSON)")
    p.add_argument("--summary-out", help="folder for tag_summary.csv and tag_distribution.png (default: --out)")
    p.add_argument(
        "--raw-csv",
        action="store_true",
        help="write CSV cells verbatim (default: a cell starting with = + - @ gets a leading ' for spreadsheets)",
    )
    p.set_defaults(run=_export)

    p = verbs.add_parser("review", help="local web app to check and correct a document's alignment")
    p.add_argument("doc", help="document id, e.g. UNODC_CCPCJ_EG.4_2020_1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--extracted", default="data/extracted")
    p.add_argument("--aligned", default="data/aligned")
    p.add_argument("--tagged", default="data/tagged")
    p.add_argument("--corrections", default="data/corrections")
    p.add_argument("--params", default="params.yaml", help="embedding model and aligner parameters")
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

    p = verbs.add_parser("summary", help="per document and language: what came out and what failed")
    p.add_argument("data", nargs="?", default="data", help="the folder holding the stage outputs (default data)")
    p.set_defaults(run=_summary)

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
    except OSError as err:  # read-only or full disk, a file where a folder should be...: one line
        where = f"{err.filename}: " if err.filename else ""
        print(f"hexalign {args.verb}: {where}{err.strerror or err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
