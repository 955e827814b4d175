"""Translators' corrections: stored per document in ``data/corrections/<doc>.jsonl`` (under git,
not a DVC output) and honoured by the align stage on every run.

A correction is a link decision for one language pair (``en`` to ``lang``): these English
paragraphs go with these target paragraphs (either side may be empty: no counterpart), or a
confirmation of a link as it stands, or a comment. Each record carries who made it, when, and
the hashes of the texts it was made on; when a text has changed since, the correction is stale
and is reported instead of applied. The file is append-only JSON Lines, so history is kept and
diffs are readable; for a paragraph, the latest decision wins.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)
ACTIONS = {"link", "confirm", "comment"}


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Correction:
    lang: str
    action: str
    src_ids: list[str]
    tgt_ids: list[str]
    hashes: dict[str, str]
    who: str = ""
    when: str = ""
    comment: str = ""
    row: int | None = None
    """Six-way row the translator acted on (for display only; ids are what count)."""
    id: int = 0

    def ids(self) -> set[str]:
        return set(self.src_ids) | set(self.tgt_ids)


@dataclass
class Applied:
    """Corrections sorted into those in force and those whose texts changed since."""

    active: list[Correction] = field(default_factory=list)
    stale: list[tuple[Correction, str]] = field(default_factory=list)


def corrections_path(root: Path, doc: str) -> Path:
    return Path(root) / f"{doc}.jsonl"


def load(path: Path) -> list[Correction]:
    """Every readable record. A line that is not one (a write killed half-way leaves a partial
    last line; a hand edit can break any) is skipped with a warning naming it: one bad line must
    not stop the review app or the align stage from using all the others."""
    if not Path(path).exists():
        return []
    out = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                out.append(Correction(**json.loads(line)))
            except (ValueError, TypeError) as err:
                log.warning("%s: line %d is not a correction record, skipped (%s)", path, number, err)
    return out


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on the corrections file (two tabs, two processes): appends never interleave."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(str(path) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def append(path: Path, records: list[Correction]) -> list[Correction]:
    """Append records (numbered after the existing ones) durably; returns them with ids."""
    with locked(path):
        existing = load(path)
        next_id = (existing[-1].id if existing else 0) + 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for offset, record in enumerate(records):
            record.id = next_id + offset
            record.when = record.when or now
        with open(path, "a+", encoding="utf-8") as handle:
            if handle.tell() and not _ends_with_newline(path):
                handle.write("\n")  # a killed write's partial line must not swallow this record
            for record in records:
                handle.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    return records


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def in_force(records: list[Correction], texts: dict[str, str], lang: str) -> Applied:
    """The latest link decision per paragraph for one language pair, checked against the texts."""
    out = Applied()
    claimed: set[str] = set()
    for record in reversed([r for r in records if r.lang == lang and r.action in ("link", "confirm")]):
        if record.ids() & claimed:
            continue  # a later decision about these paragraphs wins
        claimed |= record.ids()
        problem = staleness(record, texts)
        if problem:
            out.stale.append((record, problem))
        else:
            out.active.append(record)
    out.active.reverse()
    return out


def staleness(record: Correction, texts: dict[str, str]) -> str:
    for pid in sorted(record.ids()):
        if pid not in texts:
            return f"paragraph {pid} no longer exists"
        if record.hashes.get(pid) != text_hash(texts[pid]):
            return f"text of {pid} changed since the correction"
    return ""


def make(
    lang: str,
    action: str,
    src_ids: list[str],
    tgt_ids: list[str],
    texts: dict[str, str],
    who: str = "",
    comment: str = "",
    row: int | None = None,
) -> Correction:
    if action not in ACTIONS:
        raise ValueError(f"unknown correction action {action!r}")
    hashes = {pid: text_hash(texts[pid]) for pid in [*src_ids, *tgt_ids]}
    return Correction(lang, action, list(src_ids), list(tgt_ids), hashes, who, "", comment, row)
