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

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core import journal
from pipeline.core.journal import text_hash

ACTIONS = {"link", "confirm", "comment"}


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
    return journal.read(path, Correction)


def append(path: Path, records: list[Correction]) -> list[Correction]:
    """Append records (numbered after the existing ones) durably; returns them with ids."""
    return journal.append(path, records, Correction)


def in_force(records: list[Correction], src_texts: dict[str, str], tgt_texts: dict[str, str], lang: str) -> Applied:
    """The latest link decision per paragraph for one language pair, checked against the texts
    (each side's paragraphs in document order)."""
    out = Applied()
    claimed: set[str] = set()
    for record in reversed([r for r in records if r.lang == lang and r.action in ("link", "confirm")]):
        if record.ids() & claimed:
            continue  # a later decision about these paragraphs wins
        claimed |= record.ids()
        problem = staleness(record, src_texts, tgt_texts)
        if problem:
            out.stale.append((record, problem))
        else:
            out.active.append(record)
    out.active.reverse()
    return out


def staleness(record: Correction, src_texts: dict[str, str], tgt_texts: dict[str, str]) -> str:
    """Why a record cannot be applied, or "". Besides changed texts, a hand-edited journal can
    name a paragraph of the wrong side, or paragraphs that do not follow each other: a link of
    en-p1 and en-p4 left en-p2 and en-p3 in no link at all, and a French id among the English
    ones stopped the stage."""
    texts = {**src_texts, **tgt_texts}
    for pid in sorted(record.ids()):
        if pid not in texts:
            return f"paragraph {pid} no longer exists"
        if record.hashes.get(pid) != text_hash(texts[pid]):
            return f"text of {pid} changed since the correction"
    for ids, side in ((record.src_ids, src_texts), (record.tgt_ids, tgt_texts)):
        order = {pid: k for k, pid in enumerate(side)}
        if any(pid not in order for pid in ids):
            return f"{', '.join(pid for pid in ids if pid not in order)} not on its side of the link"
        places = [order[pid] for pid in ids]
        if places and places != list(range(places[0], places[0] + len(places))):
            return f"{', '.join(ids)} are not consecutive paragraphs in document order"
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
