"""Append-only JSON Lines journals of people's decisions (alignment corrections, tag decisions).

Both live under ``data/corrections/`` in git and are read by a stage on every run, so they share
one way of being written and read: appends are numbered and dated under an exclusive lock (two
review tabs, two processes never interleave lines), flushed to disk, and a line that is not a
record (a write killed half-way, a bad hand edit) is skipped with a warning naming it rather than
stopping the review app or the stage from using all the others.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
Record = TypeVar("Record")


def text_hash(text: str) -> str:
    """Short hash of the text a decision was made on, to tell when the decision went stale."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on a journal: appends never interleave."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(str(path) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def read(path: Path, make: Callable[..., Record]) -> list[Record]:
    """Every readable record of the journal (``make(**fields)`` each line)."""
    if not Path(path).exists():
        return []
    out = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                out.append(make(**json.loads(line)))
            except (ValueError, TypeError) as err:
                log.warning("%s: line %d is not a record, skipped (%s)", path, number, err)
    return out


def append(path: Path, records: list[Any], make: Callable[..., Any]) -> list[Any]:
    """Append dataclass records with ``id`` and ``when`` fields, numbered after the existing ones
    and dated now; returns them."""
    with locked(path):
        existing = read(path, make)
        next_id = (existing[-1].id if existing else 0) + 1
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with open(path, "a+", encoding="utf-8") as handle:
            if handle.tell() and not _ends_with_newline(path):
                handle.write("\n")  # a killed write's partial line must not swallow this record
            for offset, record in enumerate(records):
                record.id, record.when = next_id + offset, record.when or now
                handle.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    return records


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
