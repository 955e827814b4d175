"""Plain records passed between stages, and their JSON Lines form.

Every stage reads and writes these as JSON Lines so that a person can inspect, diff and hand-edit
any intermediate file, and so that each stage's core stays a function over plain data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.core.atomic import atomic_write_text
from pipeline.core.errors import InputError
from pipeline.core.textio import decode_text


@dataclass
class Line:
    """One printed line, in logical reading order, with the geometry reflow decisions need.

    Geometry is in PDF points; text exports have none, so ``x0``/``x1`` there are character
    columns and ``size`` is 0.
    """

    page: int
    text: str
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    final: bool = False
    """The producer shows this is a paragraph's last line (right-to-left text set in a
    left-to-right paragraph prints the closing full stop at the line's start)."""
    markers: list[str] = field(default_factory=list)
    """Footnote reference numbers printed as raised small digits on this line (removed from text)."""


@dataclass
class Paragraph:
    """One unit of a document's text; ``kind`` is heading, paragraph, list_item, table_row or
    footnote."""

    doc: str
    lang: str
    para_id: str
    kind: str
    label: str
    page: int
    text: str
    refs: list[str] = field(default_factory=list)
    """Footnote numbers referenced from this paragraph (markers removed from ``text``)."""

    def to_dict(self) -> dict:
        return asdict(self)


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    """Write rows atomically: a reader never sees half a file, a crash leaves the old one."""
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def read_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(path, f"line {number}: not a JSON object ({err.msg})") from err


def read_paragraphs(path: Path, lang: str) -> list[dict]:
    """Paragraph records from an extract output, or from plain text with one paragraph per line,
    so that segment and tag work on a file a person wrote by hand too. Footnotes are left out."""
    path = Path(path)
    text = decode_text(path)
    if text.lstrip().startswith("{"):
        return [r for r in read_jsonl(path) if r.get("kind") != "footnote"]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [
        {
            "doc": path.stem,
            "lang": lang,
            "para_id": f"{lang}-p{k:04d}",
            "kind": "paragraph",
            "label": "",
            "page": 1,
            "text": line,
        }
        for k, line in enumerate(lines, 1)
    ]
