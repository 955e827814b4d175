"""``align-bitext``: align two plain texts, or many pairs in one process (``--batch PAIRS.tsv``).

Start-up is most of the cost of a small alignment, so this path loads only what it uses: with
``--presplit`` (one unit per line) the sentence splitter, and with it spaCy and jieba, is never
imported; the embedding model loads once per process and serves every pair of a batch.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from pipeline import CONFIGS
from pipeline.align.aligner import align_units
from pipeline.align.evaluate import format_link
from pipeline.core.atomic import atomic_write_text
from pipeline.core.docset import check_lang, check_out
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.params import AlignParams
from pipeline.core.textio import decode_text


@dataclass(frozen=True)
class Pair:
    src: Path
    tgt: Path
    src_lang: str
    tgt_lang: str
    out: Path | None = None
    where: str = ""
    """Where the pair was given (``PAIRS.tsv: line 3``), for the messages of a batch."""


def read_units(path: Path, lang: str, presplit: bool, config_dir: str = CONFIGS) -> list[str]:
    """One unit per line with ``presplit``; else the sentences of every non-empty line. A side
    without text is an error: aligned against nothing, the other side came out as null links."""
    check_lang(lang, path)
    lines = [line.strip() for line in decode_text(Path(path)).splitlines()]
    if not any(lines):
        raise InputError(path, "empty file: no text to align")
    if presplit:
        return lines
    from pipeline.segment.stage import split_sentences  # spaCy: only when splitting

    return [s for line in lines if line for s, _ in split_sentences(line, lang, config_dir)]


def align_pair(pair: Pair, embedder: Embedder, params: AlignParams, presplit: bool, config_dir: str) -> str:
    """The links of one pair in Vecalign's format, ``[src ids]:[tgt ids]:confidence`` a line."""
    src = read_units(pair.src, pair.src_lang, presplit, config_dir)
    tgt = read_units(pair.tgt, pair.tgt_lang, presplit, config_dir)
    joiners = ("" if pair.src_lang == "zh" else " ", "" if pair.tgt_lang == "zh" else " ")
    links = align_units(src, tgt, embedder, params, joiners=joiners)
    return "".join(format_link(link.src, link.tgt, link.confidence) + "\n" for link in links)


def read_batch(path: Path) -> list[Pair]:
    """PAIRS.tsv: ``src  tgt  src_lang  tgt_lang  out`` per line (tab-separated; relative paths
    are relative to the TSV's folder; lines starting with # are comments)."""
    base = Path(path).parent
    pairs = []
    if not Path(path).is_file():
        raise InputError(path, "pairs file not found")
    for number, row in enumerate(csv.reader(io.StringIO(decode_text(Path(path)), newline=""), delimiter="\t"), 1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 5:
            raise InputError(path, f"line {number}: expected 5 tab-separated fields (src tgt src_lang tgt_lang out)")
        src, tgt, src_lang, tgt_lang, out = (field.strip() for field in row)
        where = f"{path}: line {number}"
        if not (src and tgt and out):
            raise InputError(where, "src, tgt and out must all be given")
        check_lang(src_lang, where)
        check_lang(tgt_lang, where)
        pairs.append(Pair(base / src, base / tgt, src_lang, tgt_lang, base / out, where))
    return pairs


def run(
    pairs: list[Pair], embedder: Embedder, params: AlignParams, presplit: bool, config_dir: str
) -> tuple[list[str], list[str]]:
    """Align every pair with one embedder (one model load); write each pair's ``out`` file.
    Returns the texts of pairs without one, and the problems of the pairs of a batch that could
    not be aligned: the others are aligned all the same (one missing file stopped the batch)."""
    for pair in pairs:  # before any work: a raw side must never be replaced by links
        if pair.out is not None:
            check_out(pair.out, pair.src, pair.tgt)
    texts, failed = [], []
    for pair in pairs:
        try:
            text = align_pair(pair, embedder, params, presplit, config_dir)
        except (InputError, OSError) as err:  # a missing or unreadable side
            if len(pairs) == 1:
                raise
            problem = f"{err.filename}: {err.strerror}" if isinstance(err, OSError) and err.filename else str(err)
            failed.append(f"{pair.where}: {problem}" if pair.where else problem)
            continue
        if pair.out is not None:
            atomic_write_text(pair.out, text)
        else:
            texts.append(text)
    return texts, failed
