"""An e5 model whose top layers were fine-tuned elsewhere (the tag stage's ``tag.tuned_layers``),
kept as a small file of those layers beside the base model folder the set-up builds.

The file is an ``.npz``: the tuned layers' weights in float16 (7 MB for two layers of e5-small,
against 465 MB for a whole model folder, which is built at set-up and never committed) and a
``meta`` entry naming the base folder and the number of layers. The encoder embeds as the base does
(mean pooling over all tokens, unit length), so an untouched tail gives the base model's vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.core.errors import InputError

BACKEND = "e5-tail"


def tail_path(model_path: Path) -> Path:
    """Where the tuned layers of a tag model are kept (``models/tagger/usem3`` ->
    ``models/tagger/usem3.tail.npz``)."""
    return Path(model_path).with_name(Path(model_path).name + ".tail.npz")


def file_version(path: Path) -> str:
    """A short content hash: the embedding cache key of a tail's vectors, so that a retrained tail
    never reads vectors the older one wrote."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]


def quiet_transformers(offline: bool) -> None:
    """One quiet model load per process: no hub or weight-loading progress bars, and no hub at all
    for a local folder (``offline``). The hub reads its variables when imported, so they are set
    before anything imports it."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    if offline:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()


def load_base(base: str, root: str | Path = "") -> tuple:
    """Tokenizer and model of a local transformers folder, quietly and offline. A relative ``base``
    is taken from ``root`` (the parameters file's folder; "" = the working directory): a tail
    records its base as the parameters name it, so that it stays valid wherever the project lies."""
    quiet_transformers(offline=True)
    folder = Path(root) / base
    if not folder.exists():
        raise FileNotFoundError(f"{folder}: model folder missing; run scripts/setup.sh to build it")
    from transformers import AutoModel, AutoTokenizer

    return AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).eval()


def mean_pool(hidden, mask):
    return (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)


def by_length(texts: Sequence[str]) -> list[int]:
    """Text indices shortest first (in characters, which track tokens closely enough without
    tokenizing twice): batches of similar length pad little."""
    return sorted(range(len(texts)), key=lambda k: len(texts[k]))


def save_tail(path: Path, state: dict[str, np.ndarray], base: str, layers: int) -> None:
    """Written to a temporary file and renamed: a torn write never replaces a good tail."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    meta = json.dumps({"base": base, "layers": layers})
    np.savez(tmp, meta=np.array(meta), **{k: v.astype(np.float16) for k, v in state.items()})
    tmp.replace(path)


class TailEncoder:
    """The base model with its top layers replaced by the tuned ones (spec name: the tail file;
    it and the base folder it records are taken from the spec's ``root`` when relative)."""

    def __init__(self, spec) -> None:
        import torch

        path = Path(spec.root) / spec.name
        try:
            with np.load(path) as arrays:
                meta = json.loads(str(arrays["meta"]))
                state = {k: torch.from_numpy(arrays[k].astype(np.float32)) for k in arrays.files if k != "meta"}
        except FileNotFoundError as err:
            raise InputError(path, "tuned layers missing; build them with `hexalign tag --train`") from err
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as err:
            raise InputError(
                path, f"not a readable tail of tuned layers ({err}); rebuild it with `hexalign tag --train`"
            ) from err
        self.tokenizer, self.model = load_base(meta["base"], spec.root)
        layers = self.model.encoder.layer
        try:
            layers[len(layers) - meta["layers"] :].load_state_dict(state)
        except RuntimeError as err:
            raise InputError(path, f"its layers do not fit {meta['base']} ({str(err)[:200]})") from err
        if spec.threads:
            torch.set_num_threads(spec.threads)
        self.spec = spec

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        inputs = [self.spec.prefix + t for t in texts]
        out = np.zeros((len(inputs), self.model.config.hidden_size), dtype=np.float32)
        order = by_length(inputs)
        with torch.no_grad():
            for start in range(0, len(order), self.spec.batch_size):
                idx = order[start : start + self.spec.batch_size]
                batch = self.tokenizer(
                    [inputs[k] for k in idx], padding=True, truncation=True, max_length=512, return_tensors="pt"
                )
                pooled = mean_pool(self.model(**batch).last_hidden_state, batch["attention_mask"].float())
                out[idx] = torch.nn.functional.normalize(pooled, dim=-1).numpy()
        return out
