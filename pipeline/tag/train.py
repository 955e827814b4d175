"""Building the tag model: fit on the training paragraphs, choose its settings on the dev split.

The regularisation strength and the probability threshold are chosen together on the
development set for the combined tagger (rules, then the classifier), maximising micro-F1 among
settings whose precision stays at or above ``min_precision``; a test set is never looked at.
Reviewed paragraphs from the analysts' corrections can be added to the training paragraphs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import numpy as np

from pipeline.core.embed import Embedder
from pipeline.core.params import Params, TagParams, embedder_from
from pipeline.tag.classifier import TagModel, fit_logistic
from pipeline.tag.labels import Counts, Example, load_examples
from pipeline.tag.layer import ModelLayer
from pipeline.tag.rules import Tagged, tag_text
from pipeline.tag.tag_corrections import reviewed_examples
from pipeline.tag.taxonomy import Taxonomy

STRENGTHS = (10.0, 30.0, 100.0, 300.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.91, 0.05))


def fit(examples: list[Example], taxonomy: Taxonomy, embedder: Embedder, c: float) -> TagModel:
    """One logistic regression per taxonomy tag on the paragraphs' embeddings."""
    x = embedder.encode([e.text for e in examples]).astype(np.float64)
    weights, bias = np.zeros((len(taxonomy.ids), x.shape[1])), np.zeros(len(taxonomy.ids))
    for j, tag in enumerate(taxonomy.ids):
        y = np.array([tag in e.tags for e in examples], dtype=np.float64)
        if y.any():
            weights[j], bias[j] = fit_logistic(x, y, c)
        else:
            bias[j] = -20.0  # never seen in training: the classifier cannot propose it
    return TagModel(list(taxonomy.ids), weights, bias, 0.5, embedder.spec.key)


def predict(
    examples: list[Example], taxonomy: Taxonomy, layer: ModelLayer | None, stems: bool = True, rules: bool = True
) -> list[set[str]]:
    """Tags of each example, language by language: rules (with stem phrases unless ``stems`` is
    off; none when ``rules`` is off, to measure the model alone), then the model layer if given."""
    out: list[set[str]] = [set() for _ in examples]
    by_lang: dict[str, list[int]] = {}
    for k, e in enumerate(examples):
        by_lang.setdefault(e.lang, []).append(k)
    for lang, idx in by_lang.items():
        results = [tag_text(examples[k].text, lang, taxonomy, stems) if rules else Tagged() for k in idx]
        if layer is not None:
            layer.add([examples[k].text for k in idx], lang, results)
        for k, result in zip(idx, results):
            out[k] = set(result.tags)
    return out


def evaluate(examples: list[Example], predicted: list[set[str]]) -> Counts:
    counts = Counts()
    for e, got in zip(examples, predicted):
        counts.add(e.lang, got, set(e.tags))
    return counts


def rule_precision(examples: list[Example], taxonomy: Taxonomy) -> dict[str, float]:
    """Per tag, how often a rule hit is right on labelled data (Laplace-smoothed): the confidence
    of rule tags."""
    right, hits = Counter(), Counter()
    for e in examples:
        for tag in tag_text(e.text, e.lang, taxonomy).tags:
            hits[tag] += 1
            right[tag] += tag in e.tags
    return {tag: round((right[tag] + 1) / (hits[tag] + 2), 3) for tag in taxonomy.ids}


def build(
    train: list[Example],
    dev: list[Example],
    taxonomy: Taxonomy,
    embedder: Embedder,
    min_precision: float = 0.9,
    sources: dict[str, str] | None = None,
) -> TagModel:
    """The model with the dev-chosen strength and threshold; ``sources`` (name -> hash) are recorded."""
    best: tuple[tuple, TagModel, dict] | None = None
    for c in STRENGTHS:
        model = fit(train, taxonomy, embedder, c)
        for t in THRESHOLDS:
            scores = evaluate(dev, predict(dev, taxonomy, ModelLayer(model, embedder, t))).scores()
            key = (scores["precision"] >= min_precision, scores["f1"], scores["precision"])
            if best is None or key > best[0]:
                best = (key, model, {"c": c, "threshold": t, "dev": scores})
    assert best is not None
    _, model, chosen = best
    model.threshold = chosen["threshold"]
    model.rule_precision = rule_precision(train + dev, taxonomy)
    model.info = {
        "regularisation_c": chosen["c"],
        "dev_scores": chosen["dev"],
        "min_precision": min_precision,
        "train_paragraphs": len(train),
        "train_languages": dict(sorted(Counter(e.lang for e in train).items())),
        "dev_paragraphs": len(dev),
        "sources": sources or {},
    }
    return model


def file_hash(path: Path) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]


def train_from_params(
    params: TagParams,
    taxonomy: Taxonomy,
    embedder: Embedder,
    reviewed: list[Example] = (),
) -> TagModel:
    """Build and save the model the parameters name, from their train and dev files (plus
    reviewed paragraphs)."""
    train = [e for path in params.train for e in load_examples(Path(path))] + list(reviewed)
    dev = load_examples(Path(params.dev))
    sources = {str(path): file_hash(Path(path)) for path in (*params.train, params.dev)}
    if reviewed:
        sources["reviewed_paragraphs"] = str(len(reviewed))
    model = build(train, dev, taxonomy, embedder, params.min_precision, sources)
    model.save(Path(params.model))
    return model


def run_train(params: Params, taxonomy: Taxonomy, extracted: Path, corrections: Path | None = None) -> TagModel:
    """``hexalign tag --train``: the classifier from the labelled paragraphs and, with
    ``corrections``, the paragraphs analysts reviewed."""
    reviewed = reviewed_examples(Path(corrections), Path(extracted)) if corrections else []
    model = train_from_params(params.tag, taxonomy, embedder_from(params), reviewed)
    model.info["reviewed_paragraphs"] = len(reviewed)
    return model
