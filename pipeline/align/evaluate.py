"""Alignment scoring as Vecalign and Bertalign report it, and the link file format they share.

A link file has one link per line, ``[src ids]:[tgt ids]`` with 0-based ids and an optional
``:score``. Strict scores count a test link correct only if the gold file has the very same link;
lax scores count it correct if it overlaps some gold link on both sides. Links with an empty side
(insertions, deletions) are not scored, in test or gold.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.core.textio import decode_text

LINK = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*([-+0-9.eE]+))?\s*$")
Pair = tuple[tuple[int, ...], tuple[int, ...]]


def parse_links(path: Path) -> list[tuple[Pair, float | None]]:
    """The links of a file. A link written twice is an error: scoring counted it twice, so
    precision looked better than the distinct links give. Links sharing a unit are allowed:
    published outputs have them (Bleualign's on the Bible set)."""
    out = []
    seen: dict[Pair, int] = {}
    for number, line in enumerate(decode_text(Path(path)).splitlines(), 1):
        if not line.strip():
            continue
        match = LINK.match(line)
        try:
            value = float(match.group(3)) if match and match.group(3) else None
        except ValueError:
            match = None
        if not match:
            raise InputError(path, f"line {number}: not a link of the form [0, 1]:[2]:0.87 ({line.strip()[:40]!r})")
        src = tuple(int(x) for x in match.group(1).split(",") if x.strip())
        tgt = tuple(int(x) for x in match.group(2).split(",") if x.strip())
        if (src, tgt) in seen and (src or tgt):
            raise InputError(path, f"line {number}: the link of line {seen[(src, tgt)]} again")
        seen[(src, tgt)] = number
        out.append(((src, tgt), value))
    return out


def format_link(src: tuple[int, ...], tgt: tuple[int, ...], score: float | None = None) -> str:
    text = f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"
    return text if score is None else f"{text}:{score:.4f}"


@dataclass
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    lax_p: float
    lax_r: float
    lax_f1: float
    test_links: int
    gold_links: int

    def as_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(test: list[Pair], gold: list[Pair]) -> Scores:
    test = [(s, t) for s, t in test if s and t]
    gold = [(s, t) for s, t in gold if s and t]
    gold_set, test_set = set(gold), set(test)
    strict_p = sum(1 for link in test if link in gold_set) / len(test) if test else 0.0
    strict_r = sum(1 for link in gold if link in test_set) / len(gold) if gold else 0.0

    def touches(link: Pair, others: list[Pair]) -> bool:
        s, t = set(link[0]), set(link[1])
        return any(s & set(o[0]) and t & set(o[1]) for o in others)

    lax_p = sum(1 for link in test if touches(link, gold)) / len(test) if test else 0.0
    lax_r = sum(1 for link in gold if touches(link, test)) / len(gold) if gold else 0.0
    return Scores(strict_p, strict_r, _f1(strict_p, strict_r), lax_p, lax_r, _f1(lax_p, lax_r), len(test), len(gold))


def _key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum())


def map_to_units(paragraphs: list[str], units: list[str]) -> list[tuple[int, ...]]:
    """Express extracted paragraphs as gold unit ids (a merged paragraph is several units), so an
    alignment of extracted text can be scored against unit-level gold. Texts are compared without
    marks, spaces and punctuation: extraction quality is measured on its own, and a slipped
    diacritic must not count as an alignment error. Unmatched paragraphs map to ()."""
    out, k = [], 0
    keys = [_key(u) for u in units]
    for text in map(_key, paragraphs):
        ids: list[int] = []
        rest = text
        for j in range(k, min(k + 6, len(keys))):
            if keys[j] and rest.startswith(keys[j]):
                ids.append(j)
                rest = rest[len(keys[j]) :]
                if not rest:
                    break
        if ids and not rest:
            k = ids[-1] + 1
            out.append(tuple(ids))
        else:
            out.append(())
    return out


def lift(links: list[Pair], src_map: list[tuple[int, ...]], tgt_map: list[tuple[int, ...]]) -> list[Pair]:
    """Links between paragraphs -> links between the gold units those paragraphs consist of."""
    return [
        (tuple(u for i in src for u in src_map[i]), tuple(u for j in tgt for u in tgt_map[j])) for src, tgt in links
    ]


def score_files(test: Path, gold: Path) -> Scores:
    """Scores of a link file against a gold link file (both in Vecalign's format)."""
    return score([pair for pair, _ in parse_links(Path(test))], [pair for pair, _ in parse_links(Path(gold))])
