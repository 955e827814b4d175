"""Big inputs: time and peak memory of `hexalign extract` on a 30- and a 300-page PDF, of
`hexalign align-bitext` on 20,000 short lines per side with a cold embedding cache, and of
`hexalign tag --rules-only` on one 2,000-sentence paragraph per language (a torn extraction can
glue a whole document into one paragraph; the rules' regular expressions must stay linear in it:
one procedural cue scanned for the next Arabic question mark from every position, 50 s).

The PDFs are built at run time from the bundled English PDF's pages, repeated (pypdf), so no big
file is committed. The lines are the first 20,000 of the shared English/Chinese Bible split
(`../shared/corpus/bible_zh_en/split/006.*`): short, real, not one-to-one. Each measurement runs
the CLI in a fresh process under `/usr/bin/time -v`-style accounting (the child's own
``ru_maxrss``), so one case's memory never counts towards another's. The machine's load average
before and after each case is recorded: on a shared machine, seconds mean little without it.

Writes ``metrics/big_inputs.json``. Usage: python scripts/bench_big_inputs.py [--skip-bitext]
(``--whole-pair --skip-pdf --skip-tag``: align-bitext on the whole 30,000-line pair, scored on its gold)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_EN = ROOT / "data" / "raw" / "UNODC_CCPCJ_EG.4_2020_1" / "en.pdf"
BIBLE = ROOT.parent / "shared" / "corpus" / "bible_zh_en" / "split"
MEASURE = (
    "import resource, sys; from pipeline.cli import main; code = main(sys.argv[1:]); "
    "use = resource.getrusage(resource.RUSAGE_SELF); "
    "print('PEAK_KB', use.ru_maxrss, 'CPU_S', use.ru_utime + use.ru_stime, file=sys.stderr); sys.exit(code)"
)


def build_pdf(pages: int, out: Path, source: Path = BUNDLED_EN) -> Path:
    """A ``pages``-page PDF made of the source's real pages, repeated in order."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(source))
    writer = PdfWriter()
    for k in range(pages):
        writer.add_page(reader.pages[k % len(reader.pages)])
    with open(out, "wb") as handle:
        writer.write(handle)
    return out


def run_cli(args: list[str]) -> dict:
    """Run ``hexalign ARGS`` in a fresh interpreter; wall seconds, peak RSS (MB), exit code, stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    peak = [line.split() for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    return {
        "seconds": round(seconds, 1),
        # CPU seconds of the process: on a machine shared with other jobs, what the run costs
        # without waiting for the cores (the aligner and the default encoder use one thread).
        "cpu_seconds": round(float(peak[-1][3]), 1) if peak else None,
        "peak_mb": round(int(peak[-1][1]) / 1024, 1) if peak else None,
        "exit": done.returncode,
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],  # other jobs on the machine
        "stderr_tail": done.stderr.strip().splitlines()[-3:],
    }


def bench_pdf(tmp: Path, pages: int) -> dict:
    pdf = build_pdf(pages, tmp / f"big{pages}.pdf")
    result = run_cli(["extract", str(pdf), "--lang", "en", "--out", str(tmp / f"big{pages}.jsonl")])
    lines = (tmp / f"big{pages}.jsonl").read_text(encoding="utf-8").count("\n") if result["exit"] == 0 else 0
    return {"pages": pages, "paragraphs": lines, **result}


def bench_bitext(tmp: Path, lines: int | None) -> dict:
    """align-bitext with a params file whose embedding cache is a fresh, empty file (cold cache);
    ``lines`` None takes the whole pair (30,000 English and 42,687 Chinese lines) and scores the
    links against its gold, so a faster run is seen to give the same alignment."""
    import yaml

    from pipeline.align.evaluate import parse_links, score

    src, tgt = tmp / "src.en.txt", tmp / "tgt.zh.txt"
    for name, path in (("006.en", src), ("006.zh", tgt)):
        text = (BIBLE / name).read_text(encoding="utf-8").splitlines()[:lines]
        path.write_text("\n".join(text) + "\n", encoding="utf-8")
    params = yaml.safe_load((ROOT / "params.yaml").read_text(encoding="utf-8"))
    params["embedding"]["cache"] = str(tmp / "cold-cache.sqlite")
    (tmp / "params.yaml").write_text(yaml.safe_dump(params), encoding="utf-8")
    out = tmp / "links.txt"
    result = run_cli(
        [
            "align-bitext",
            str(src),
            str(tgt),
            "--src-lang",
            "en",
            "--tgt-lang",
            "zh",
            "--presplit",
            "--params",
            str(tmp / "params.yaml"),
            "--out",
            str(out),
        ]
    )
    links = out.read_text(encoding="utf-8").count("\n") if out.exists() else 0
    row = {"lines_per_side": lines, "links": links, "cores": os.cpu_count(), **result}
    if lines is None and out.exists():
        row["lines"] = [len(path.read_text(encoding="utf-8").splitlines()) for path in (src, tgt)]
        found = [pair for pair, _ in parse_links(out)]
        gold = [pair for pair, _ in parse_links(BIBLE.parent / "gold" / "006.align")]
        row["strict_f1"] = score(found, gold).as_dict()["strict_f1"]
    return row


LONG_SENTENCE = {
    "en": "Of the 52 States that replied, 38 indicated that mutual legal assistance was slow, ",
    "fr": "Sur les 52 États ayant répondu, 38 ont indiqué que l'entraide judiciaire était lente, ",
    "es": "De los 52 Estados que respondieron, 38 indicaron que la asistencia judicial recíproca era lenta, ",
    "ru": "Из 52 ответивших государств 38 сообщили, что взаимная правовая помощь оказывается медленно, ",
    "zh": "在作出答复的52个国家中，有38个国家表示司法协助进展缓慢，",
    "ar": "أفادت 38 دولة من بين الدول الـ 52 التي ردّت بأن المساعدة القانونية المتبادلة بطيئة، ",
}
"""No full stop: the whole paragraph is one sentence for the procedural cues."""


def bench_tag(tmp: Path, repeats: int = 2000) -> dict:
    out = {}
    for lang, sentence in LONG_SENTENCE.items():
        path = tmp / f"long.{lang}.txt"
        path.write_text(sentence * repeats + "\n", encoding="utf-8")
        result = run_cli(["tag", str(path), "--lang", lang, "--rules-only", "--out", str(tmp / f"long.{lang}.jsonl")])
        out[lang] = {"characters": len(sentence) * repeats, **result}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-bitext", action="store_true", help="only the PDF cases")
    parser.add_argument("--skip-pdf", action="store_true", help="only the align-bitext case")
    parser.add_argument("--skip-tag", action="store_true", help="skip the long-paragraph tagging case")
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument(
        "--whole-pair", action="store_true", help="align-bitext on the whole Bible 006 pair (not --lines), scored"
    )
    parser.add_argument("--out", default=str(ROOT / "metrics" / "big_inputs.json"))
    args = parser.parse_args()
    metrics: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if not args.skip_pdf:
            small, big = bench_pdf(tmp, 30), bench_pdf(tmp, 300)
            metrics["extract_pdf"] = {
                "30_pages": small,
                "300_pages": big,
                "peak_ratio_300_vs_30": round(big["peak_mb"] / small["peak_mb"], 2),
            }
            print(json.dumps(metrics["extract_pdf"], indent=2), flush=True)
        if not args.skip_bitext:
            key = "align_bitext_whole_pair" if args.whole_pair else "align_bitext"
            metrics[key] = bench_bitext(tmp, None if args.whole_pair else args.lines)
            print(json.dumps(metrics[key], indent=2), flush=True)
        if not args.skip_tag:
            metrics["tag_long_paragraph"] = bench_tag(tmp)
            print(json.dumps(metrics["tag_long_paragraph"], indent=2), flush=True)
    target = Path(args.out)
    previous = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    target.write_text(json.dumps({**previous, **metrics}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
