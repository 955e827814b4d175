"""What a stage run over many inputs says about each of them: one rule for failures.

A stage over several document sets processes every input it can. Each failed language or set is
recorded here, written to the stage's ``report.json`` and printed on stderr by the CLI, and the
stage still exits 0 so that ``dvc repro`` carries the good sets through to the exports;
``scripts/run.sh`` then ends non-zero when any report holds a failure (``hexalign summary``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.core.atomic import atomic_write_text

REPORT = "report.json"


@dataclass
class Failure:
    doc: str
    lang: str | None
    """``None`` when the whole set failed."""
    problem: str

    def __str__(self) -> str:
        return f"{self.doc}{' ' + self.lang if self.lang else ''}: {self.problem}"


@dataclass
class StageReport:
    stage: str
    sets: dict[str, dict] = field(default_factory=dict)
    """doc -> the set's own report (counts, warnings)."""
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    """What the stage measured, for ``metrics/`` (``dvc metrics show``)."""

    def fail(self, doc: str, lang: str | None, problem: str) -> None:
        self.failures.append(Failure(doc, lang, problem))

    def write(self, folder: Path) -> Path:
        path = Path(folder) / REPORT
        atomic_write_text(path, json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n")
        return path


def read_failures(path: Path) -> list[Failure]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Failure(**f) for f in data.get("failures", [])]


def write_metrics(path: Path, metrics: dict) -> None:
    atomic_write_text(Path(path), json.dumps(metrics, ensure_ascii=False, indent=2) + "\n")
