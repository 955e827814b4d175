"""Rules and classifier together: what each tag of a paragraph rests on, and how sure it is.

A rule tag keeps its exact spans; its confidence is the rule's measured precision for that tag
(from the model's build, 0.9 when there is no model). The classifier adds a tag the rules missed
(source ``model``, confidence = its probability, evidence = the best sentence and the score) and,
where the rules also fired, adds its sentence as second evidence and may raise the confidence.
It does not add a tag the taxonomy's ``exclusive`` groups set against a rule tag (a subset's view
against the rules' consensus), unless the paragraph shows the contrast that lets both stand.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from pipeline.core.e5_tail import BACKEND, file_version, tail_path
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.params import Params, embedder_from
from pipeline.tag.classifier import Features, TagModel, load_model
from pipeline.tag.rules import RULE_CONFIDENCE, Evidence, Tagged, measured
from pipeline.tag.taxonomy import Exclusive


def yielding(rule_tags: set[str], model_tags: set[str], exclusive: Iterable[Exclusive]) -> set[str]:
    """The classifier's tags that give way to a rule tag of their exclusive group. The rules' stance
    rests on the words that say who holds the view; the classifier confuses "the overwhelming share
    of speakers" with a subset more often (grouped CV, start of the eleventh round: precision .909 ->
    .920, F1 .890 -> .894, every language up)."""
    found = rule_tags | model_tags
    out: set[str] = set()
    for group in exclusive:
        if rule_tags & group.tags and not group.unless & found:
            out |= (model_tags & group.tags) - rule_tags
    return out


class ModelLayer:
    """The trained classifier over an embedder, applied after the rules."""

    def __init__(self, model: TagModel, features: Features | Embedder, threshold: float | None = None) -> None:
        """``threshold``, when given, replaces the model's own thresholds for every tag."""
        self.features = Features.of(features)
        model.check(self.features)
        self.model = model
        self.threshold = threshold
        self.dropped = 0
        """Rule tags dropped so far for want of the model's support (``drop_unsupported``)."""

    def cut(self, tag: str) -> float:
        return self.model.cut(tag) if self.threshold is None else self.threshold

    def rule_confidence(self, tag: str) -> float:
        return round(self.model.rule_precision.get(tag, RULE_CONFIDENCE), 3)

    def add(
        self,
        texts: list[str],
        lang: str,
        results: list[Tagged],
        spans: list[list[tuple[int, int]]] | None = None,
        exclusive: Sequence[Exclusive] = (),
        drop: bool = True,
    ) -> None:
        """Adds model tags and evidence to ``Tagged`` results (one per text), in place; ``spans``:
        each text's sentences, if known; ``exclusive``: the taxonomy's exclusive groups; ``drop``
        off leaves the rule floor to ``drop_unsupported_rows`` (the tag stage, over aligned rows)."""
        for hits, result in zip(self.model.best(texts, lang, self.features, spans), results):
            result.support = {tag: hit.score for tag, hit in hits.items()}
            if drop:
                self.drop_unsupported(result)
            for tag in result.tags:
                result.provenance[tag]["confidence"] = self.rule_confidence(tag)
            passed = {tag for tag, hit in hits.items() if hit.score >= self.cut(tag)}
            vetoed = yielding(set(result.tags), passed - set(result.tags), exclusive)
            for tag, hit in hits.items():
                if tag not in passed or tag in vetoed:
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

    def drop_unsupported(self, result: Tagged) -> None:
        """Drops the rule tags the model scores below ``rule_floor`` on every unit it read (a tag
        it did not score, in a text too short for it, stays). Rules are written on the training
        text and keep firing on words used where no position is stated; measured on text no model
        had seen (the fine-tuned model trained without the fourteenth round's files, scored on
        them, on native17 and on heldout16), a floor of .1 raised micro-F1 by .02-.05 and
        precision by .04-.09 on every set, while dev (where the rules were written) stayed within
        one standard error (.935 -> .933)."""
        kept = measured(result.evidence)
        dropped = {tag for tag in result.tags if result.support.get(tag, 1.0) < self.model.rule_floor} - kept
        for tag in dropped:
            self.dropped += 1
            result.tags.remove(tag)
            del result.provenance[tag]
        result.evidence[:] = [ev for ev in result.evidence if ev.tag not in dropped]

    def drop_unsupported_rows(self, rows: list[dict], tagged: dict[str, list[dict]]) -> None:
        """The rule floor over the six-way alignment: a language's rule tag is dropped only when
        the model scores the tag below the floor in every language of its row. Language by
        language, the model's doubts fall on different paragraphs of a long report (the bundled
        document's agreement with English fell from .95-1.0 to .81-.86), while a tag it doubts in
        all six is a topic word without a position. Paragraphs carry their scores as ``_support``
        (``tag_rows(defer_floor=True)``); it is removed here."""
        by_id = {p["para_id"]: p for paragraphs in tagged.values() for p in paragraphs}
        group_of: dict[str, list[dict]] = {}
        for row in rows:
            members = [by_id[i] for lang in tagged for i in row.get(f"{lang}_ids") or [] if i in by_id]
            group_of.update((m["para_id"], members) for m in members)
        floor = self.model.rule_floor
        for pid, p in by_id.items():
            group = group_of.get(pid, [p])
            dropped = set()
            kept = measured(p["evidence"])
            for tag in set(p["tags"]) - kept:
                scored = [m["_support"][tag] for m in group if tag in m.get("_support", {})]
                if p["provenance"][tag]["source"] == "rule" and scored and max(scored) < floor:
                    dropped.add(tag)
            if dropped:
                self.dropped += len(dropped)
                p["tags"] = [t for t in p["tags"] if t not in dropped]
                p["evidence"] = [e for e in p["evidence"] if e["tag"] not in dropped]
                p["provenance"] = {t: v for t, v in p["provenance"].items() if t not in dropped}
        for p in by_id.values():
            p.pop("_support", None)


def features_from(params: Params, embedder: Embedder | None = None, cache: Path | None = None) -> Features:
    """The classifier's features: ``embedder`` (default: the ``embedding`` section's) and the
    ``tag.extra_embedding`` model if named (with its tuned top layers when ``tag.tuned_layers`` is
    set), on the same cache (``cache`` replaces it for both) and the same thread count."""
    main = embedder or embedder_from(params)
    if cache is not None:
        main = Embedder(main.spec, cache)
    spec = params.extra_spec(main.spec.threads)
    if spec is None:
        return Features(main)
    if params.tag.tuned_layers:
        tail = tail_path(params.tagger_path)
        if not tail.exists():
            raise InputError(tail, "the tag model's tuned layers are missing; build them with `hexalign tag --train`")
        # Named as the parameters name it (the spec's root finds it): the tagger records this key.
        spec = replace(spec, backend=BACKEND, name=str(tail_path(Path(params.tag.model))), version=file_version(tail))
    where = cache if cache is not None else params.cache_path
    return Features(main, Embedder(spec, where))


def untuned(params: Params) -> Params:
    """The parameters with ``tag.tuned_layers`` off (the e5 model as built): for measurements that fit
    logistic layers on data the committed tail was tuned on (cross-validation folds, English-only
    training), which would otherwise score a tail that has seen their labels."""
    return params.model_copy(update={"tag": params.tag.model_copy(update={"tuned_layers": 0})})


def model_layer(params: Params, embedder: Embedder | None = None) -> ModelLayer | None:
    """The classifier layer the parameters ask for, or ``None`` when ``tag.use_model`` is off."""
    if not params.tag.use_model:
        return None
    return ModelLayer(load_model(params.tagger_path), features_from(params, embedder))
