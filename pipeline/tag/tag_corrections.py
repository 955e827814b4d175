"""Analysts' tag decisions: ``data/corrections/<doc>.tags.jsonl``, under git, honoured by the tag stage.

A decision is about one tag on one paragraph: ``accept`` (the tag is right), ``reject`` (it is
wrong) or ``add`` (a tag the tagger missed). Like the translators' alignment corrections (and with
their lock, so two review tabs never interleave lines), the file is append-only JSON Lines with
who and when; for a (paragraph, tag) the latest decision wins, and a decision made on a text that
has since changed is reported as stale instead of applied. Accepted and added tags become
``reviewed`` (confidence 1); rejected tags are removed and not projected back from other languages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.core import journal
from pipeline.core.docset import language_files
from pipeline.core.journal import text_hash
from pipeline.tag.labels import Example

ACTIONS = ("accept", "reject", "add")


@dataclass
class TagDecision:
    para_id: str
    lang: str
    tag: str
    action: str
    hash: str
    """Hash of the paragraph text the decision was made on."""
    who: str = ""
    when: str = ""
    comment: str = ""
    id: int = 0


def decisions_path(root: Path, doc: str) -> Path:
    return Path(root) / f"{doc}.tags.jsonl"


def make(para_id: str, lang: str, tag: str, action: str, text: str, who: str = "", comment: str = "") -> TagDecision:
    if action not in ACTIONS:
        raise ValueError(f"unknown tag decision {action!r}; expected one of {', '.join(ACTIONS)}")
    return TagDecision(para_id, lang, tag, action, text_hash(text), who, "", comment)


def load(path: Path) -> list[TagDecision]:
    return journal.read(path, TagDecision)


def append(path: Path, decisions: list[TagDecision]) -> list[TagDecision]:
    """Append decisions durably under the journal's lock; returns them numbered and dated."""
    return journal.append(path, decisions, TagDecision)


Active = dict[tuple[str, str], TagDecision]
"""(para_id, tag) -> the decision in force."""


def in_force(decisions: list[TagDecision], texts: dict[str, str]) -> tuple[Active, list[str]]:
    """The latest decision per (paragraph, tag) whose text is unchanged, and the stale ones described."""
    latest: dict[tuple[str, str], TagDecision] = {}
    for decision in decisions:
        latest[(decision.para_id, decision.tag)] = decision
    active: Active = {}
    stale: list[str] = []
    for key, decision in latest.items():
        if decision.para_id not in texts:
            stale.append(f"tag decision {decision.id}: paragraph {decision.para_id} no longer exists")
        elif text_hash(texts[decision.para_id]) != decision.hash:
            stale.append(f"tag decision {decision.id}: text of {decision.para_id} changed since it was made")
        else:
            active[key] = decision
    return active, stale


def apply(rows: list[dict], active: Active) -> None:
    """Lays the decisions in force over tagged paragraph records, in place."""
    by_para: dict[str, list[tuple[str, TagDecision]]] = {}
    for (pid, tag), decision in active.items():
        by_para.setdefault(pid, []).append((tag, decision))
    for row in rows:
        for tag, decision in by_para.get(row["para_id"], []):
            if decision.action == "reject":
                row["tags"] = [t for t in row["tags"] if t != tag]
                row["evidence"] = [e for e in row["evidence"] if e["tag"] != tag]
                row["provenance"].pop(tag, None)
                continue
            if tag not in row["tags"]:
                row["tags"].append(tag)
            row["provenance"][tag] = {"source": "reviewed", "confidence": 1.0}
            row["evidence"].append(
                {"tag": tag, "rule": f"reviewed:{decision.id}", "span": "", "start": 0, "end": 0, "source": "reviewed"}
            )


def reviewed_examples(corrections_root: Path, extracted_root: Path) -> list[Example]:
    """Paragraphs analysts reviewed, as training examples: the tags they accepted or added are the
    labels (reviewing a paragraph means accepting every right tag on it)."""
    out = []
    for path in sorted(Path(corrections_root).glob("*.tags.jsonl")):
        doc = path.name[: -len(".tags.jsonl")]
        texts = {}
        for lang_file in language_files(Path(extracted_root) / doc).values():
            with open(lang_file, encoding="utf-8") as handle:
                texts.update({r["para_id"]: (r["text"], r["lang"]) for r in map(json.loads, handle) if r.get("text")})
        active, _ = in_force(load(path), {pid: text for pid, (text, _) in texts.items()})
        labels: dict[str, set[str]] = {}
        for (pid, tag), decision in sorted(active.items()):
            labels.setdefault(pid, set())
            if decision.action != "reject":
                labels[pid].add(tag)
        out.extend(
            Example(texts[pid][1], texts[pid][0], frozenset(tags), f"{doc}:{pid}", "reviewed")
            for pid, tags in labels.items()
        )
    return out
