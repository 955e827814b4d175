"""Hand-labelled paragraphs, in the two layouts the project keeps, and the scores computed on them.

Training and development sets (``data/labels/tag_*.yaml``) are lists of records with an id, a
language and a style, so a paragraph and its translations can be traced; the older test sets
(``tests/data/tagging_*.yaml``) map a language to its paragraphs. Both load into the same
``Example`` so training, threshold choice, the benchmark and the tests share one reader and one
way of counting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.core.errors import InputError


@dataclass(frozen=True)
class Example:
    lang: str
    text: str
    tags: frozenset[str]
    id: str = ""
    style: str = ""


def load_examples(path: Path) -> list[Example]:
    """The paragraphs of a labelled file, in file order."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise InputError(path, "labelled set not found") from err
    if isinstance(data, dict):
        return [
            Example(lang, item["text"], frozenset(item.get("tags") or []), f"{lang}-{k}")
            for lang, items in data.items()
            for k, item in enumerate(items or [], 1)
        ]
    if isinstance(data, list):
        return [
            Example(
                item["lang"],
                item["text"],
                frozenset(item.get("tags") or []),
                str(item.get("id", k)),
                item.get("style", ""),
            )
            for k, item in enumerate(data, 1)
        ]
    raise InputError(path, "expected a list of labelled paragraphs or a mapping language -> paragraphs")


@dataclass
class Counts:
    """True and false positives and misses, per language, for micro precision/recall/F1."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, lang: str, got: set[str], want: set[str]) -> None:
        self.tp[lang] += len(got & want)
        self.fp[lang] += len(got - want)
        self.fn[lang] += len(want - got)

    def scores(self, lang: str | None = None) -> dict[str, float]:
        keys = [lang] if lang else list(set(self.tp) | set(self.fp) | set(self.fn))
        tp, fp, fn = (sum(c[k] for k in keys) for c in (self.tp, self.fp, self.fn))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4), "support": tp + fn}

    def by_language(self) -> dict[str, dict[str, float]]:
        langs = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {"all": self.scores(), **{lang: self.scores(lang) for lang in langs}}
