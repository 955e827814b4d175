"""The top layers of the e5 model fine-tuned on the labelled paragraphs (``tag.tuned_layers``).

A frozen sentence vector spreads a paragraph's meaning over its topic; the few words that say who
holds a view ("hardly a delegation spoke against", "two schools of thought emerged") weigh little in
it, and fourteen rounds of rules and data moved new held-out sets by a point a round while the
training splits rose. Letting the last layers of the encoder learn the tags moves that weight.
Measured on text no model had seen (a tagger built as at the start of the fourteenth round, scored
on that round's three native files and heldout16, 2,160 paragraphs in six languages; same rules,
thresholds chosen on the same dev split): the classifier alone .663 -> .771, .731 -> .815, .778 ->
.866 and .762 -> .823 micro-F1 against the logistic regression on frozen vectors; rules and model
together .751 -> .787, .833 -> .841, .867 -> .884 and .811 -> .840 (Russian on heldout16 .783 ->
.837); the dev split .915 -> .926.

Training reads each text once through the frozen lower layers, keeps those states, and trains only
the top ``layers`` and a linear head (one logit per tag) over the tuned vector beside the frozen
USE vector (``side``). The head becomes the ``TagModel``'s weights, so thresholds, rule
precision and the rest are chosen on the dev split as for the logistic model. The tuned layers are
saved beside the model (``pipeline.core.e5_tail``: float16, 7 MB for two layers), whose encoder
puts them in place in the base model; the cache key carries a hash of the file, so vectors of an
older tail are never reused.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from pipeline.core.e5_tail import by_length, load_base, mean_pool, save_tail

EPOCHS = 3
LAYER_LR = 5e-5
HEAD_LR = 2e-3
BATCH = 32
WARMUP = 0.06
WEIGHT_DECAY = 0.01
SCALE = 10.0
"""Unit vectors times this before the head: logits of a useful size from the first step."""
SEED = 0
FINE_TUNE = {"epochs": EPOCHS, "layer_lr": LAYER_LR, "head_lr": HEAD_LR, "batch": BATCH, "seed": SEED}
"""The settings, recorded in the model's ``info``."""


@dataclass
class Tuned:
    """What fine-tuning gives: the tuned layers' weights and the head over [side, tuned]."""

    state: dict[str, np.ndarray]
    weights: np.ndarray
    """(tags, side + hidden) for unit vectors (``SCALE`` folded in)."""
    bias: np.ndarray
    base: str
    layers: int

    def save(self, path: Path) -> None:
        save_tail(path, self.state, self.base, self.layers)


def fine_tune(
    texts: Sequence[str], labels: np.ndarray, side: np.ndarray, base: str, layers: int, prefix: str, root: str = ""
) -> Tuned:
    """Train the top ``layers`` of ``base`` and a linear head on ``labels`` (texts x tags, 0/1),
    the head reading ``side`` (the frozen vectors read beside the tuned ones, first, as ``Features``
    orders them) and the tuned vector. A relative ``base`` is read from ``root`` (the parameters
    file's folder) but recorded as written, so the tail does not carry where the project lay."""
    import torch

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    tokenizer, model = load_base(base, root)
    blocks = model.encoder.layer
    if not 1 <= layers <= len(blocks):
        raise ValueError(f"tag.tuned_layers must be between 1 and {len(blocks)}, got {layers}")
    tail = copy.deepcopy(blocks[len(blocks) - layers :])
    model.encoder.layer = blocks[: len(blocks) - layers]
    inputs = [prefix + t for t in texts]
    states: list = [None] * len(inputs)
    order = by_length(inputs)
    with torch.no_grad():
        for start in tqdm(range(0, len(order), BATCH), desc="fine-tune: frozen layers", unit="batch"):
            idx = order[start : start + BATCH]
            batch = tokenizer(
                [inputs[k] for k in idx], padding=True, truncation=True, max_length=512, return_tensors="pt"
            )
            hidden = model(**batch).last_hidden_state
            for row, k in enumerate(idx):
                states[k] = hidden[row, : int(batch["attention_mask"][row].sum())].to(torch.float16)
    side_t = torch.tensor(side, dtype=torch.float32)
    y = torch.tensor(labels, dtype=torch.float32)
    head = torch.nn.Linear(model.config.hidden_size + side.shape[1], labels.shape[1])
    optimiser = torch.optim.AdamW(
        [{"params": tail.parameters(), "lr": LAYER_LR}, {"params": head.parameters(), "lr": HEAD_LR}],
        weight_decay=WEIGHT_DECAY,
    )
    steps = EPOCHS * -(-len(texts) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / (WARMUP * steps)) * max(0.0, (steps - s) / steps)
    )
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def vectors(idx: list[int]):
        width = max(states[k].shape[0] for k in idx)
        hidden = torch.zeros(len(idx), width, model.config.hidden_size)
        mask = torch.zeros(len(idx), width)
        for row, k in enumerate(idx):
            hidden[row, : states[k].shape[0]] = states[k].float()
            mask[row, : states[k].shape[0]] = 1
        additive = (1.0 - mask)[:, None, None, :] * torch.finfo(torch.float32).min
        for block in tail:
            out = block(hidden, attention_mask=additive)
            hidden = out[0] if isinstance(out, tuple) else out
        tuned = torch.nn.functional.normalize(mean_pool(hidden, mask), dim=-1)
        return torch.cat([side_t[idx], tuned], 1) * SCALE

    tail.train()
    progress = tqdm(total=steps, desc="fine-tune: top layers", unit="batch")
    for _ in range(EPOCHS):
        # Batches of similar length (less padding), in random order.
        shuffled = list(range(len(texts)))
        rng.shuffle(shuffled)
        batches = []
        for start in range(0, len(shuffled), BATCH * 50):
            chunk = sorted(shuffled[start : start + BATCH * 50], key=lambda k: states[k].shape[0])
            batches += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
        rng.shuffle(batches)
        for idx in batches:
            loss = loss_fn(head(vectors(idx)), y[idx])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            progress.update()
            progress.set_postfix(loss=f"{loss.item():.3f}")
    progress.close()
    state = {k: v.detach().numpy().copy() for k, v in tail.state_dict().items()}
    return Tuned(
        state,
        head.weight.detach().numpy().astype(np.float64) * SCALE,
        head.bias.detach().numpy().astype(np.float64),
        base,
        layers,
    )
