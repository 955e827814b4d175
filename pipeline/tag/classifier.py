"""The learned layer: one logistic regression per tag over multilingual sentence embeddings.

Rules only find what they were written for; delegates say "letters rogatory", "quick freeze" or
"opinions differed" as often as the phrase a rule knows. A multilingual embedding puts those
phrasings (in any of the six languages) near each other, so a linear classifier per tag trained
mostly on English carries to the other languages. A paragraph is scored as a whole and sentence
by sentence; its score for a tag is the best of these, and the best-scoring sentence is the
evidence an analyst sees (with the score), since a long paragraph dilutes one sentence's topic.

The features are the project's embedding (``embedding`` in params, the vectors the align stage
caches) and, when ``tag.extra_embedding`` names one, a second model's vectors concatenated to them
(``Features``): multilingual e5 places translations of a statement closer than USE does, and the
two together transfer English labels better than either (grouped cross-validation over train and
dev, micro-F1 .828 -> .837 at higher precision, every language up). With a warm cache both are
look-ups. Two other remedies for the transfer gap were measured the same way and left out: a
logit shift per language chosen on dev (it did not carry to out-of-fold scores) and subtracting
each language's mean vector (no gain).

Training stays on whole paragraphs. Multiple-instance training (negatives: every unit of a
paragraph without the tag; positives: the paragraph and its best-scoring sentence, MI-SVM style)
changes nothing on the labelled data, whose paragraphs are single statements (2 of 2,734 have a
second scoring unit): dev micro-F1 .842 either way, grouped cross-validation .808 either way
(C = 3, rules included). On synthetic long paragraphs (three dev paragraphs of one language
joined; 154 of them) the paragraph-trained model keeps its quality (.856, precision .921, at the
dev threshold); adding such joined training paragraphs as instances (754, weight 1 or 0.5) moved
dev to .845-.850 but dropped precision on the joined dev paragraphs to .87-.88 (zh .82), and a
penalty on the logit gap between a translation and its English paragraph lowered dev (.837, .825,
.787 for weights .01, .1, 1). All three were left out (``scripts/cv_tag.py`` gives the grouped
cross-validation). A fourth, a "states no position" regression (every untagged paragraph against
the others) vetoing rule tags whose evidence sits in a unit it calls silent, dropped 27 of the
rules' 53 wrong tags on the dev split (8 right ones lost; dev micro-F1 .845 -> .855) but fired
language by language on the bundled report's long resolution paragraphs: agreement with English
fell from .94-.99 to .82-.90 (cuts .75 and .9), so it was left out too.

Three more were measured on out-of-fold scores (grouped 5-fold over train and dev after heldout6 was
folded in, 3,082 paragraphs, C = 10, with the first of the fifth round's rule additions; rules + model
at a cut of .65: micro-F1 .852, precision .896, recall .812) and left out. A second learner, the
labelled neighbours (10 nearest training paragraphs by cosine, softmax-weighted), scores .816 alone
(precision .916); averaged with the logistic regression (weight .25) it gives .857 at precision .902,
half a point, for storing every training vector (5.5 MB in float16) in the tracked model. Weighting each
language to the same total weight (English has 60% more paragraphs) gives .851 / .894 / .811, no
change. Dropping the model's stance_consensus where the rules find only divergence (a negated agreement
such as "views were far apart") would touch 6 paragraphs, 4 of them right. Out of fold, a third of the
misses outside English were found in the English twin and a third scored above .35: the gap is
translation and phrasing more than the cut, and the rules' translations of the English formulas
(``configs/taxonomy.yaml``) closed part of it.

Two attempts at the stance idioms the frozen sets keep missing ("two schools of thought emerged",
"hardly a delegation spoke against": in a sentence vector the few words that carry the stance weigh
little against the topic) were measured in the ninth round by grouped 5-fold CV over train and dev
(10,990 paragraphs, C = 3) and left out. Sentence heads as extra units for the three stance tags (the
first eight words of each sentence, sixteen characters in Chinese, where "Hardly a delegation spoke
against" or "Two schools of thought emerged regarding" sit; a second logistic regression per stance tag,
positives the best-scoring head of each positive paragraph, MI-SVM style): micro-F1 .862 -> .863 at the
best cut, recall up and precision down by the same few tenths, for 15,605 more texts to embed (23 min
here). Contrastive training paragraphs (``tag_train_native5.yaml``: one situation in four variants that
differ only in who holds the view) were kept as data but moved the same CV by nothing (.869 -> .869,
trained on and not scored). The stance gap is the frozen embeddings', not the amount of data.

A non-linear head was measured in the fourteenth round and left out: one hidden layer of 256 (GELU,
dropout .1 on the input and .2 on the hidden layer, AdamW weight decay .01, 20 epochs of batches of
256, fixed seed, deterministic torch) shared by the 15 sigmoid outputs. Grouped 5-fold CV over train
and dev (17,110 paragraphs, ``tag_train_native5.yaml`` trained on only), each fold fitted on its
train-file paragraphs with thresholds chosen on its dev-file paragraphs as ``train.build`` does,
rules included: logistic C = 3 .907 (precision .902), the MLP .907 (.899), the MLP scoring the
paragraph alone without the sentence max .908 (.904); no language moved by more than .003 either
way. The interactions it could read (who holds a view x how many) are not in the frozen vectors
either. (cv_tag.py, committed cut, whole fold trained on: .910, precision .912.)

Since the fifteenth round the e5 vectors come from its top layers fine-tuned on the labelled
paragraphs (``tag.tuned_layers``, ``tuned.py``), and the weights are the fine-tuned head rather than
a logistic fit: on text no model had seen the classifier alone rose by .06-.11 micro-F1, the gain the
frozen vectors could not give (above). The thresholds are still chosen on the dev split (``train``).

The model is small (15 x 896 weights): a ``.npz`` beside a readable ``.json`` with the thresholds
(one global, and one per tag where the dev split chose another: a tag whose scores run high, such
as a frequent stance, needs a stricter cut than a rare topic), the embedding model it was trained
on (its key), per-tag rule precision (the confidence given to rule tags) and hashes of the data it was built
from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.segment.stage import split_sentences

MIN_WORDS = 4
"""A unit with fewer words (a date line, a heading) states no position; the model, which only
sees the embedding, would still give it a score. Single letters are not words: the abbreviations of
a schedule line ("15 ч. 00 м. – 18 ч. 00 м. 3 Предупреждение преступности (продолжение)", "10 a.m.–1
p.m.") made one long enough, and the Russian line scored .74 for "some speakers"."""
WORDS = re.compile(r"[^\W\d_]+")
WHOLE_MAX_SENTENCES = 3
"""A paragraph of more sentences is scored by its sentences only. The labelled paragraphs have one
to three; on the long resolution paragraphs of a report the fine-tuned model scored the whole text
far apart from one language to the next (a General Assembly paragraph of seven sentences: consensus
.24 in English, .99 in Arabic; e5 also cuts the text at 512 tokens, which Arabic and Chinese reach
first), so agreement with English fell; its sentences it scores alike."""


def long_enough(text: str) -> bool:
    """At least MIN_WORDS words of two letters or more (Chinese: twice as many characters, as it
    has no spaces)."""
    words = WORDS.findall(text)
    cjk = sum(len(w) for w in words if "\u4e00" <= w[0] <= "\u9fff")
    return sum(len(w) > 1 for w in words) + cjk // 2 >= MIN_WORDS


class Features:
    """The vectors the classifier reads: its embedders' unit vectors side by side."""

    def __init__(self, *embedders: Embedder) -> None:
        self.embedders = embedders

    @classmethod
    def of(cls, source: Features | Embedder) -> Features:
        return source if isinstance(source, Features) else cls(source)

    @property
    def key(self) -> str:
        """The model keys joined (one embedder: its ``ModelSpec.key``, as older models recorded)."""
        return " + ".join(e.spec.key for e in self.embedders)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.hstack([e.encode(texts) for e in self.embedders])


@dataclass
class ModelHit:
    """The classifier's best evidence for one tag in one paragraph."""

    tag: str
    score: float
    start: int
    end: int
    sentence: str


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of a paragraph (the segment stage's splitter)."""
    return locate(text, [sentence for sentence, _ in split_sentences(text, lang)])


def locate(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Character spans of a paragraph's sentences (as the segment stage wrote them), in order."""
    spans, cursor = [], 0
    for sentence in sentences:
        start = text.find(sentence, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return spans or [(0, len(text))]


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression (weights, bias), deterministic: L-BFGS from zero."""
    d = x.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / c * w @ w
        grad = np.empty(d + 1)
        grad[:d] = x.T @ (p - y) + w / c
        grad[d] = np.sum(p - y)
        return float(value), grad

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:d], float(result.x[d])


@dataclass
class TagModel:
    tags: list[str]
    weights: np.ndarray
    """(tags, dim) matrix."""
    bias: np.ndarray
    threshold: float
    embedding: str
    """The key of the features the weights belong to (``Features.key``)."""
    rule_precision: dict[str, float] = field(default_factory=dict)
    info: dict = field(default_factory=dict)
    """Provenance: data hashes, regularisation, dev scores (written to the .json, not used)."""
    tag_thresholds: dict[str, float] = field(default_factory=dict)
    """Per-tag thresholds that differ from ``threshold`` (chosen on the dev split)."""
    rule_floor: float = 0.0
    """A rule tag is dropped when the model scores that tag below this on every unit of the
    paragraph (0 = never; ``tag.rule_floor``)."""

    def cut(self, tag: str) -> float:
        """The probability a tag's best unit must reach for the model to propose it."""
        return self.tag_thresholds.get(tag, self.threshold)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights.T + self.bias)))

    def best(
        self,
        texts: list[str],
        lang: str,
        features: Features | Embedder,
        spans: list[list[tuple[int, int]]] | None = None,
    ) -> list[dict[str, ModelHit]]:
        """Per paragraph, each tag's best unit (paragraph or sentence) and its probability.
        ``spans`` are the sentences when the segment stage has found them already."""
        features = Features.of(features)
        self.check(features)
        units: list[tuple[int, int, int]] = []
        for k, text in enumerate(texts):
            spans_k = spans[k] if spans is not None else sentence_spans(text, lang)
            if long_enough(text) and len(spans_k) <= WHOLE_MAX_SENTENCES:
                units.append((k, 0, len(text)))
            if len(spans_k) > 1:
                units.extend((k, s, e) for s, e in spans_k if long_enough(text[s:e]))
        if not units:
            return []
        probs = self.probabilities(features.encode([texts[k][s:e] for k, s, e in units]))
        out: list[dict[str, ModelHit]] = [{} for _ in texts]
        for (k, s, e), row in zip(units, probs):
            for j, tag in enumerate(self.tags):
                seen = out[k].get(tag)
                if seen is None or row[j] > seen.score:
                    out[k][tag] = ModelHit(tag, float(row[j]), s, e, texts[k][s:e])
        return out

    def check(self, features: Features | Embedder) -> None:
        key = Features.of(features).key
        if key != self.embedding:
            raise InputError(
                self.info.get("path", "tag model"),
                f"trained on embeddings {self.embedding!r} but the features are {key!r} (params `embedding` "
                "and `tag.extra_embedding`); retrain with `hexalign tag --train`",
            )

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path.with_suffix(".npz"), weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32))
        meta = {
            "tags": self.tags,
            "threshold": self.threshold,
            "tag_thresholds": self.tag_thresholds,
            "rule_floor": self.rule_floor,
            "embedding": self.embedding,
            "rule_precision": self.rule_precision,
            "info": self.info,
        }
        path.with_suffix(".json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_model(path: Path) -> TagModel:
    path = Path(path)
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        arrays = np.load(path.with_suffix(".npz"))
    except FileNotFoundError as err:
        raise InputError(path, "tag model not found; build it with `hexalign tag --train`") from err
    return TagModel(
        meta["tags"],
        arrays["weights"].astype(np.float64),
        arrays["bias"].astype(np.float64),
        float(meta["threshold"]),
        meta["embedding"],
        meta.get("rule_precision", {}),
        {**meta.get("info", {}), "path": str(path)},
        {tag: float(t) for tag, t in meta.get("tag_thresholds", {}).items()},
        float(meta.get("rule_floor", 0.0)),
    )
