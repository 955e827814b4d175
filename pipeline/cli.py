"""The ``hexalign`` command: one verb per stage, each usable on a single file by hand.

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
from pipeline.errors import InputError

log = logging.getLogger("hexalign")


def _extract(args: argparse.Namespace) -> int:
    from pipeline.docset import check_lang, find_docsets
    from pipeline.extract import extract_docset, extract_file
    from pipeline.records import write_jsonl

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
    from pipeline.fetch import Sources, fetch

    sources = Sources.load(Path(args.config_dir) / "sources.yaml")
    if args.base_url:
        sources.url_template = args.base_url.rstrip("/") + "/{lang}/{symbol}"
    results = fetch(args.symbol, Path(args.out), sources, tuple(args.langs))
    for status in results.values():
        if status != "ok":
            print(f"hexalign fetch: {status}", file=sys.stderr)
    return 0 if all(status == "ok" for status in results.values()) else 1


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


if __name__ == "__main__":
    sys.exit(main())
