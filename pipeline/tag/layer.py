"""Rules and classifier together: what each tag of a paragraph rests on, and how sure it is.

A rule tag keeps its exact spans; its confidence is the rule's measured precision for that tag
(from the model's build, 0.9 when there is no model). The classifier adds a tag the rules missed
(source ``model``, confidence = its probability, evidence = the best sentence and the score) and,
where the rules also fired, adds its sentence as second evidence and may raise the confidence.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.embed import Embedder, ModelSpec
from pipeline.core.params import Params, embedder_from
from pipeline.tag.classifier import Features, TagModel, load_model
from pipeline.tag.rules import RULE_CONFIDENCE, Evidence, Tagged


class ModelLayer:
    """The trained classifier over an embedder, applied after the rules."""

    def __init__(self, model: TagModel, features: Features | Embedder, threshold: float | None = None) -> None:
        """``threshold``, when given, replaces the model's own thresholds for every tag."""
        self.features = Features.of(features)
        model.check(self.features)
        self.model = model
        self.threshold = threshold

    def cut(self, tag: str) -> float:
        return self.model.cut(tag) if self.threshold is None else self.threshold

    def rule_confidence(self, tag: str) -> float:
        return round(self.model.rule_precision.get(tag, RULE_CONFIDENCE), 3)

    def add(
        self, texts: list[str], lang: str, results: list[Tagged], spans: list[list[tuple[int, int]]] | None = None
    ) -> None:
        """Adds model tags and evidence to ``Tagged`` results (one per text), in place; ``spans``:
        each text's sentences, if known."""
        for hits, result in zip(self.model.best(texts, lang, self.features, spans), results):
            for tag in result.tags:
                result.provenance[tag]["confidence"] = self.rule_confidence(tag)
            for tag, hit in hits.items():
                if hit.score < self.cut(tag):
                    continue
                result.evidence.append(
                    Evidence(tag, f"model:{hit.score:.2f}", hit.sentence, hit.start, hit.end, "model")
                )
                if tag in result.tags:
                    known = result.provenance[tag]
                    known["confidence"] = round(max(known["confidence"], hit.score), 3)
                else:
                    result.tags.append(tag)
                    result.provenance[tag] = {"source": "model", "confidence": round(hit.score, 3)}


def features_from(params: Params, embedder: Embedder | None = None, cache: Path | None = None) -> Features:
    """The classifier's features: ``embedder`` (default: the ``embedding`` section's) and the
    ``tag.extra_embedding`` model if named, on the same cache (``cache`` replaces it for both) and
    the same thread count."""
    main = embedder or embedder_from(params)
    if cache is not None:
        main = Embedder(main.spec, cache)
    if not params.tag.extra_embedding:
        return Features(main)
    spec = ModelSpec(
        "sentence-transformers",
        params.tag.extra_embedding,
        params.tag.extra_prefix,
        params.embedding.batch_size,
        main.spec.threads,
    )
    where = cache if cache is not None else (Path(params.embedding.cache) if params.embedding.cache else None)
    return Features(main, Embedder(spec, where))


def model_layer(params: Params, embedder: Embedder | None = None) -> ModelLayer | None:
    """The classifier layer the parameters ask for, or ``None`` when ``tag.use_model`` is off."""
    if not params.tag.use_model:
        return None
    return ModelLayer(load_model(Path(params.tag.model)), features_from(params, embedder))
