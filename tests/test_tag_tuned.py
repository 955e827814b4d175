"""The fine-tuned top layers of e5 (``tag.tuned_layers``): the tail file, its encoder, its cache key,
and that fine-tuning learns the labels it is given. Needs the e5 folder the set-up builds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.core.e5_tail import BACKEND, TailEncoder, file_version, load_base, save_tail, tail_path
from pipeline.core.embed import Embedder, ModelSpec
from pipeline.core.errors import InputError
from pipeline.core.params import load_params
from pipeline.tag import tuned
from pipeline.tag.labels import load_examples
from pipeline.tag.layer import features_from
from tests.conftest import ROOT

E5 = "models/multilingual-e5-small"
TEXTS = [
    "Most speakers supported the establishment of a network of contact points available 24/7.",
    "Некоторые эксперты подчеркнули важность оперативного сохранения данных.",
    "与会者对能力建设方案表示普遍支持。",
]
pytestmark = pytest.mark.slow


def base_tail(path: Path, layers: int) -> None:
    """A tail file holding the base model's own top layers."""
    _, model = load_base(str(ROOT / E5))
    top = model.encoder.layer[len(model.encoder.layer) - layers :]
    save_tail(path, {k: v.numpy() for k, v in top.state_dict().items()}, str(ROOT / E5), layers)


def test_an_untouched_tail_gives_the_base_models_vectors(tmp_path: Path) -> None:
    """The encoder swaps layers into the base model and pools as sentence-transformers does: with the
    base's own layers (through float16) the vectors are the base's."""
    path = tmp_path / "m.tail.npz"
    base_tail(path, 2)
    ours = TailEncoder(ModelSpec(BACKEND, str(path), "query: ")).encode(TEXTS)
    base = Embedder(ModelSpec("sentence-transformers", str(ROOT / E5), "query: ")).encode(TEXTS)
    assert ours.shape == base.shape == (3, 384)
    assert np.all(np.sum(ours * base, axis=1) > 0.999)


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """The share of (positive, negative) pairs the scores put in the right order."""
    return float(np.mean(positive[:, None] > negative[None, :]))


def test_fine_tuning_learns_the_labels_and_the_saved_tail_serves_them(tmp_path: Path, monkeypatch) -> None:
    """Real labelled paragraphs, one tuned layer, no side vectors (so the head reads the tuned vector
    alone): the tuned layer moves the vectors away from the base model's, and the head over the
    vectors of the SAVED tail (the path the tagger takes, through float16) ranks the paragraphs that
    carry a stance above those that do not. (Larger steps than the real training's 1,500 batches,
    so that 24 batches show it.)"""
    monkeypatch.setattr(tuned, "EPOCHS", 6)
    monkeypatch.setattr(tuned, "LAYER_LR", 1e-3)
    monkeypatch.setattr(tuned, "HEAD_LR", 2e-2)
    examples = [e for e in load_examples(ROOT / "data" / "labels" / "tag_dev.yaml") if e.lang in ("en", "fr")][:128]
    tags = ["stance_consensus", "stance_some", "stance_divergent"]
    labels = np.array([[t in e.tags for t in tags] for e in examples], dtype=np.float32)
    texts = [e.text for e in examples]
    result = tuned.fine_tune(texts, labels, np.zeros((len(texts), 0)), str(ROOT / E5), 1, "query: ")
    path = tmp_path / "m.tail.npz"
    result.save(path)
    vectors = TailEncoder(ModelSpec(BACKEND, str(path), "query: ")).encode(texts)
    base = Embedder(ModelSpec("sentence-transformers", str(ROOT / E5), "query: ")).encode(texts)
    assert np.median(np.sum(vectors * base, axis=1)) < 0.999, "an untouched tail gives > 0.999"
    logits = vectors @ result.weights.T + result.bias
    for j, tag in enumerate(tags):
        positive, negative = logits[labels[:, j] == 1, j], logits[labels[:, j] == 0, j]
        assert len(positive) >= 10, tag
        assert auc(positive, negative) > 0.9, tag


def test_a_retrained_tail_gets_a_new_cache_key_and_a_missing_one_a_clear_error(tmp_path: Path) -> None:
    """Vectors of an older tail are never read for a newer one: the file's hash is in the key."""
    params = load_params(ROOT / "params.yaml")
    model = tmp_path / "tagger" / "usem3"
    params = params.model_copy(update={"tag": params.tag.model_copy(update={"model": str(model)})})
    with pytest.raises(InputError) as err:
        features_from(params)
    assert str(tail_path(model)) in str(err.value) and "hexalign tag --train" in str(err.value)
    tail = tail_path(model)
    tail.parent.mkdir(parents=True)
    save_tail(tail, {"w": np.zeros(3, dtype=np.float32)}, E5, 1)
    first = features_from(params).key
    save_tail(tail, {"w": np.ones(3, dtype=np.float32)}, E5, 1)
    second = features_from(params).key
    assert first != second and file_version(tail) in second
    assert not list(tail.parent.glob("*.tmp.npz")), "the temporary file is renamed into place"


def test_a_torn_or_foreign_tail_is_refused_with_its_name(tmp_path: Path) -> None:
    """A tail cut short by a crash, or one whose weights do not fit the base model, names the file."""
    good = tmp_path / "good.tail.npz"
    base_tail(good, 1)
    torn = tmp_path / "torn.tail.npz"
    torn.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(InputError, match="not a readable tail") as err:
        TailEncoder(ModelSpec(BACKEND, str(torn), "query: "))
    assert str(torn) in str(err.value)
    foreign = tmp_path / "foreign.tail.npz"
    save_tail(foreign, {"w": np.zeros(3, dtype=np.float32)}, str(ROOT / E5), 1)
    with pytest.raises(InputError, match="do not fit") as err:
        TailEncoder(ModelSpec(BACKEND, str(foreign), "query: "))
    assert str(foreign) in str(err.value)
