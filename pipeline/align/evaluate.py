"""Alignment scoring as Vecalign and Bertalign report it, and the link file format they share.

A link file has one link per line, ``[src ids]:[tgt ids]`` with 0-based ids and an optional
``:score``. Strict scores count a test link correct only if the gold file has the very same link;
lax scores count it correct if it overlaps some gold link on both sides. Links with an empty side
(insertions, deletions) are not scored, in test or gold.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

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


def strict_counts(test: list[Pair], gold: list[Pair]) -> tuple[int, int, int, int]:
    """Test links found in gold, test links, gold links found in test, gold links (scored links
    only): counts add up over the pieces of a set, where F1 scores do not."""
    test = [(s, t) for s, t in test if s and t]
    gold = [(s, t) for s, t in gold if s and t]
    gold_set, test_set = set(gold), set(test)
    return sum(link in gold_set for link in test), len(test), sum(link in test_set for link in gold), len(gold)


def gold_pieces(gold: list[Pair], size: int) -> list[tuple[slice, slice]]:
    """The unit ranges of consecutive runs of ``size`` gold links (a tail shorter than half a run
    joins the one before): chapter-sized documents cut from a long gold-aligned pair. Gold covers
    every unit in order, so a run's units follow the last run's."""
    runs = [gold[k : k + size] for k in range(0, len(gold), size)]
    if len(runs) > 1 and len(runs[-1]) < size // 2:
        runs[-2:] = [runs[-2] + runs[-1]]
    out, i, j = [], 0, 0
    for run in runs:
        di, dj = sum(len(s) for s, _ in run), sum(len(t) for _, t in run)
        out.append((slice(i, i + di), slice(j, j + dj)))
        i, j = i + di, j + dj
    return out


def in_piece(links: list[Pair], piece: tuple[slice, slice]) -> list[Pair]:
    """The links whose first unit lies in the piece (pieces split the gold; a link never straddles
    two when the pieces were aligned one at a time)."""

    def inside(link: Pair) -> bool:
        src, tgt = link
        return piece[0].start <= src[0] < piece[0].stop if src else piece[1].start <= tgt[0] < piece[1].stop

    return [link for link in links if (link[0] or link[1]) and inside(link)]


def piece_counts(links: list[Pair], gold: list[Pair], pieces: list[tuple[slice, slice]]) -> list[list[int]]:
    """``strict_counts`` per piece, for a paired bootstrap over the pieces (``paired_interval``)."""
    return [list(strict_counts(in_piece(links, piece), in_piece(gold, piece))) for piece in pieces]


def f1_of_counts(counts: np.ndarray) -> np.ndarray:
    """Strict F1 of ``strict_counts`` rows summed over the second-to-last axis (pieces)."""
    total = counts.sum(axis=-2)
    p = np.divide(total[..., 0], total[..., 1], out=np.zeros(total.shape[:-1]), where=total[..., 1] > 0)
    r = np.divide(total[..., 2], total[..., 3], out=np.zeros(total.shape[:-1]), where=total[..., 3] > 0)
    return np.divide(2 * p * r, p + r, out=np.zeros_like(p), where=p + r > 0)


def paired_interval(
    statistic: Callable[[Callable[[np.ndarray], np.ndarray]], np.ndarray],
    pieces: int,
    rounds: int = 5000,
    seed: int = 0,
) -> tuple[float, float, float]:
    """The statistic on the whole set and its 95% interval by a paired bootstrap over pieces
    (chapters, documents): every system's F1 is recomputed on the same resampled pieces, so the
    interval is that of the difference, not of two scores that share their hard chapters.
    ``statistic`` gets ``f1`` (counts of shape (pieces, 4) -> F1 on the current sample)."""
    whole = float(statistic(f1_of_counts))
    draws = np.random.default_rng(seed).integers(0, pieces, (rounds, pieces))
    sampled = statistic(lambda counts: f1_of_counts(np.asarray(counts)[draws]))
    low, high = np.percentile(sampled, [2.5, 97.5])
    return whole, float(low), float(high)


def _touching(others: list[Pair]) -> Callable[[Pair], bool]:
    """Whether a link shares a source and a target unit with one of ``others``. Only the links
    holding one of its source units are tried: against every link, scoring a 15,000-link Bible
    book took minutes."""
    by_src: dict[int, list[Pair]] = {}
    for other in others:
        for i in other[0]:
            by_src.setdefault(i, []).append(other)

    def touches(link: Pair) -> bool:
        tgt = set(link[1])
        return any(tgt.intersection(o[1]) for i in link[0] for o in by_src.get(i, ()))

    return touches


def score(test: list[Pair], gold: list[Pair]) -> Scores:
    found_test, n_test, found_gold, n_gold = strict_counts(test, gold)
    test = [(s, t) for s, t in test if s and t]
    gold = [(s, t) for s, t in gold if s and t]
    strict_p = found_test / n_test if n_test else 0.0
    strict_r = found_gold / n_gold if n_gold else 0.0

    lax_p = sum(map(_touching(gold), test)) / len(test) if test else 0.0
    lax_r = sum(map(_touching(test), gold)) / len(gold) if gold else 0.0
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
