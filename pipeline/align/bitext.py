"""Two plain texts in, Vecalign-format links out: the align-bitext verb and its batch mode.

With ``presplit`` the files already hold one unit per line, so neither spaCy nor the sentence
splitter is imported: start-up is part of the time a user waits for per pair.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.align.aligner import Link, align_units
from pipeline.align.evaluate import format_link
from pipeline.core.atomic import atomic_write_text
from pipeline.core.docset import check_lang
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.params import Params, embedder_from
from pipeline.core.textio import decode_text


def read_units(path: Path, lang: str, presplit: bool, config_dir: str = "configs") -> list[str]:
    check_lang(lang, path)
    lines = [line.strip() for line in decode_text(Path(path)).splitlines()]
    if presplit:
        return lines
    from pipeline.segment.stage import split_sentences

    return [s for line in lines if line for s, _ in split_sentences(line, lang, config_dir)]


def align_texts(
    src: list[str], tgt: list[str], src_lang: str, tgt_lang: str, embedder: Embedder, params: Params
) -> list[Link]:
    joiners = tuple("" if lang == "zh" else " " for lang in (src_lang, tgt_lang))
    return align_units(src, tgt, embedder, params.align, joiners=joiners)


def align_files(
    src: Path,
    tgt: Path,
    src_lang: str,
    tgt_lang: str,
    params: Params,
    out: Path | None = None,
    presplit: bool = False,
    config_dir: str = "configs",
    embedder: Embedder | None = None,
) -> list[Link]:
    src_units = read_units(src, src_lang, presplit, config_dir)
    tgt_units = read_units(tgt, tgt_lang, presplit, config_dir)
    if not src_units and not tgt_units:
        raise InputError(src, "both texts are empty")
    links = align_texts(src_units, tgt_units, src_lang, tgt_lang, embedder or embedder_from(params), params)
    text = "".join(format_link(link.src, link.tgt, link.confidence) + "\n" for link in links)
    if out is not None:
        atomic_write_text(Path(out), text)
    else:
        sys.stdout.write(text)
    return links
