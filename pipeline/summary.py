"""The end of the main job in a few lines: per document and language what came out, what failed,
and where the exports are, read from the stages' ``report.json`` files.

``dvc metrics show`` prints every number ever measured on one line; a person finishing
``scripts/run.sh`` wants to know whether their document came through, so this reads only the
stage reports and says that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline import LANGS
from pipeline.core.errors import InputError
from pipeline.core.report import REPORT, Failure, read_failures
from pipeline.core.textio import decode_text

STAGES = ("extract", "segment", "align", "tag", "export")
FOLDERS = {"extract": "extracted", "segment": "segmented", "align": "aligned", "tag": "tagged", "export": "exports"}


@dataclass
class Summary:
    rows: list[dict] = field(default_factory=list)
    """One per document and language: paragraphs, links, mean confidence, low-confidence links, tags."""
    failures: list[tuple[str, Failure]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Stage reports that are not there (the stage never ran)."""
    exports: Path | None = None


def _load(path: Path) -> dict | None:
    """A stage's report, or None when the stage never ran; a torn one is an error naming it."""
    if not path.exists():
        return None
    try:
        data = json.loads(decode_text(path))
    except json.JSONDecodeError as err:
        raise InputError(path, f"a torn stage report ({err.msg}); run the stage again") from err
    if not isinstance(data, dict):
        raise InputError(path, "not a stage report (a JSON object); run the stage again")
    return data


def summarise(data: Path) -> Summary:
    data = Path(data)
    reports = {stage: _load(data / FOLDERS[stage] / REPORT) for stage in STAGES}
    out = Summary(exports=data / FOLDERS["export"])
    for stage in STAGES:
        if reports[stage] is None:
            out.missing.append(stage)
        else:
            out.failures += [(stage, f) for f in read_failures(data / FOLDERS[stage] / REPORT)]
    extracted = (reports["extract"] or {}).get("sets", {})
    aligned = (reports["align"] or {}).get("sets", {})
    tagged = (reports["tag"] or {}).get("sets", {})
    for doc, set_report in sorted(extracted.items()):
        for lang in LANGS:
            result = set_report["languages"].get(lang)
            if result is None or result["status"] != "ok":
                continue
            pair = aligned.get(doc, {}).get("pairs", {}).get(lang, {})
            out.rows.append(
                {
                    "doc": doc,
                    "lang": lang,
                    "paragraphs": sum(result["paragraphs"].values()),
                    "links": pair.get("links", "pivot" if lang == "en" and doc in aligned else "-"),
                    "mean_confidence": pair.get("mean_confidence"),
                    "low_confidence": pair.get("low_confidence_links"),
                    "tagged": tagged.get(doc, {}).get("tagged_paragraphs", {}).get(lang),
                }
            )
    return out


def print_summary(summary: Summary, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    for doc in dict.fromkeys(row["doc"] for row in summary.rows):
        table = Table(title=doc, title_justify="left")
        for name in ("lang", "paragraphs", "links", "mean conf.", "low conf.", "tagged"):
            table.add_column(name, justify="left" if name == "lang" else "right")
        for row in (r for r in summary.rows if r["doc"] == doc):
            conf = row["mean_confidence"]
            table.add_row(
                row["lang"],
                str(row["paragraphs"]),
                str(row["links"]),
                "-" if conf is None else f"{conf:.3f}",
                "-" if row["low_confidence"] is None else str(row["low_confidence"]),
                "-" if row["tagged"] is None else str(row["tagged"]),
            )
        console.print(table)
    for stage in summary.missing:
        console.print(f"[yellow]not run:[/] the {stage} stage has no report")
    for stage, failure in summary.failures:
        console.print(f"[red]failed[/] ({stage}): {escape(str(failure))}")
    if summary.exports is not None and summary.exports.is_dir():
        console.print(f"exports: {summary.exports}/ (<doc>.wide.csv, <doc>.long.csv, <doc>.tmx)")
