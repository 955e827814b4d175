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
    with open(path, "rb") as handle:  # decoded line by line, so that a bad byte names its line
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(path, f"line {number}: not UTF-8 text") from err
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputError(path, f"line {number}: not a JSON object ({err.msg})") from err
                if not isinstance(row, dict):
                    raise InputError(path, f"line {number}: not a JSON object but {type(row).__name__}")
                yield row


def read_extracted(path: Path, footnotes: bool = False) -> list[dict]:
    """An extract output's paragraph records (footnotes only if asked), checked once for every
    stage that reads them: a hand-edited or torn file failed deep inside a stage (a missing
    ``kind`` was a KeyError) or, with a ``para_id`` used twice, showed one text on two six-way
    rows and lost the other without a word."""
    rows, seen = [], set()
    for row in read_jsonl(path):
        para_id = row.get("para_id")
        if not isinstance(para_id, str) or not para_id:
            raise InputError(path, f"a record without a para_id: {json.dumps(row, ensure_ascii=False)[:60]}")
        if not isinstance(row.get("text"), str) or not isinstance(row.get("kind"), str):
            raise InputError(path, f"{para_id}: a record needs a text and a kind (strings)")
        if not isinstance(row.setdefault("label", ""), str):  # no list label is a paragraph without one
            raise InputError(path, f"{para_id}: a label must be a string")
        if para_id in seen:
            raise InputError(path, f"para_id {para_id!r} is used twice")
        seen.add(para_id)
        if footnotes or row["kind"] != "footnote":
            rows.append(row)
    return rows


def read_segmented(path: Path, paragraphs: list[dict]) -> list[dict]:
    """A segment output's sentence records, checked against the extract output's ``paragraphs``
    they were cut from: a sentence of a paragraph that file does not hold (a segment output older
    than the extract, a hand edit) was tagged on its own and written out as if it belonged."""
    known = {row["para_id"] for row in paragraphs}
    rows = list(read_jsonl(path))
    for row in rows:
        if row.get("para_id") not in known:
            raise InputError(path, f"para_id {row.get('para_id')!r} is not in the extract output; segment it again")
        if not isinstance(row.get("text"), str):
            raise InputError(path, f"{row['para_id']}: a sentence record needs a text (a string)")
    return rows


def read_paragraphs(path: Path, lang: str) -> list[dict]:
    """Paragraph records from an extract output, or from plain text with one paragraph per line,
    so that segment and tag work on a file a person wrote by hand too. Footnotes are left out. A
    file without paragraphs is an error, as it is for extract: an empty output looked like a
    success."""
    path = Path(path)
    text = decode_text(path)
    if _is_json_lines(path, text):
        rows = read_extracted(path)
        if not rows:
            raise InputError(path, "no paragraphs in it (empty, or footnotes only)")
        return rows
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError(path, "empty file: no paragraphs to read")
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


def _is_json_lines(path: Path, text: str) -> bool:
    """Whether a file is JSON Lines: its suffix says so when it is ``.jsonl`` or ``.txt``, else its
    first line with text must be a JSON object. A plain text whose first paragraph opens with a
    brace was read as JSON and refused."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".txt"):
        return suffix == ".jsonl"
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False
