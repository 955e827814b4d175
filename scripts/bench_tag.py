"""Tagger quality and cost -> ``metrics/tag_quality.json``.

Sets, in the order they may be looked at:
- ``dev``: ``data/labels/tag_dev.yaml``, the split the classifier's strength and thresholds are
  chosen on;
- ``regression``: ``tests/data/tagging_gold.yaml`` and ``tagging_heldout.yaml``, written with the
  first rules (they guard against regressions, they are not estimates);
- ``heldout2``: ``tests/data/tagging_heldout2.yaml``, never used to change rules or the model (but
  reported on several times, so no longer an unseen test);
- ``heldout3`` and ``heldout4``: ``tests/data/tagging_heldout3.yaml`` and ``tagging_heldout4.yaml``,
  frozen held-out sets once; both were reported on and are now SEEN: two thirds of their
  paragraphs are training data and one third dev data (``data/labels/README.md``), so their scores
  here are fit, not estimates;
- ``heldout5``: ``tests/data/tagging_heldout5.yaml``, written and frozen before the third round of
  work (heldout3/4 folded in, e5 features beside USE, the styles training file) and scored once at
  its end (all .785); since then SEEN and folded in like heldout3/4;
- ``heldout6``: ``tests/data/tagging_heldout6.yaml``, written and frozen before the fourth round
  (58 paragraphs x six languages); scored once with the third round's model at the start
  (aggregates only) and once at the end (all .800, P .853); since then SEEN and folded in like
  heldout3/4/5;
- ``heldout7``: ``tests/data/tagging_heldout7.yaml``, written and frozen during the fifth round
  (61 paragraphs x six languages, two thirds of them two or three sentences long) by a helper that
  read neither the training data nor the rules, and scored once, at the end of that round (all
  .805, P .847); since then SEEN and folded in like heldout3-6;
- ``heldout8``: ``tests/data/tagging_heldout8.yaml``, written and frozen before the sixth round
  (60 paragraphs x six languages) by a helper that read neither the training data nor the rules,
  and scored once, at the end of that round (all .820, P .834); since then SEEN and folded in like
  heldout3-7;
- ``heldout9``: ``tests/data/tagging_heldout9.yaml``, written and frozen before the seventh round
  (60 paragraphs x six languages) and scored once, at its end (all .848, P .898); since then SEEN
  and folded in like heldout3-8;
- ``heldout10``: ``tests/data/tagging_heldout10.yaml``, written and frozen before the eighth round
  (60 paragraphs x six languages) and scored once, at its end (all .829, P .883); since then SEEN
  and folded in like heldout3-9;
- ``heldout11``: ``tests/data/tagging_heldout11.yaml``, written and frozen before the ninth round
  and scored once, at its end (all .744, P .834); since then SEEN and folded in like heldout3-10;
- ``heldout12``: ``tests/data/tagging_heldout12.yaml``, written and frozen during the ninth round for
  the tenth, and scored once, at its end (all .855, P .858); since then SEEN and folded in like
  heldout3-11 (at the start of the eleventh round);
- ``heldout13``: ``tests/data/tagging_heldout13.yaml``, written and frozen during the tenth round for
  the eleventh, and scored once, at its end (all .772, P .850, with the threshold .80 then chosen);
  since then SEEN (the threshold rule was changed after that scoring, so what it reports now is not
  an unseen estimate), and folded in like heldout3-12 (at the start of the twelfth round);
- ``heldout14``: ``tests/data/tagging_heldout14.yaml``, written and frozen during the eleventh round for
  the twelfth, and scored once, at its end (all .863, P .872, R .855); since then SEEN and folded in
  like heldout3-13 (at the start of the thirteenth round);
- ``heldout15``: ``tests/data/tagging_heldout15.yaml``, written and frozen during the twelfth round for
  the thirteenth, and scored once, at its end (all .828, P .853, R .804); since then SEEN and folded
  in like heldout3-14 (at the start of the fourteenth round);
- ``heldout16``: ``tests/data/tagging_heldout16.yaml``, written and frozen during the thirteenth round
  for the fourteenth, and scored once, at its end (all .814, P .819, R .810); since then SEEN and folded
  in like heldout3-15 (at the start of the fifteenth round);
- ``heldout17``: ``tests/data/tagging_heldout17.yaml``, written and frozen during the fourteenth round
  for the fifteenth, and scored once, at its end (all .867, P .898, R .838); since then SEEN and folded
  in like heldout3-16 (at the start of the sixteenth round);
- ``heldout18``: ``tests/data/tagging_heldout18.yaml``, written and frozen during the fifteenth round
  for the sixteenth, and scored once, at its end (all .901, P .938, R .867); since then SEEN and folded
  in like heldout3-17 (at the start of the seventeenth round);
- ``heldout19``: ``tests/data/tagging_heldout19.yaml``, written and frozen during the sixteenth round
  for the seventeenth, and scored once, at its end (all .869, P .902, R .838); since then SEEN and folded
  in like heldout3-18 (at the start of the eighteenth round);
- ``heldout20``: ``tests/data/tagging_heldout20.yaml``, written and frozen during the seventeenth round
  for the eighteenth, and scored once, at its end (all .933, P .951, R .916); since then SEEN and folded
  in like heldout3-19 (at the end of the eighteenth round, before its second retraining);
- ``heldout21``: ``tests/data/tagging_heldout21.yaml``, written and frozen during the eighteenth round
  for the nineteenth, and scored early, in the eighteenth, with both of its models (all .863 and .857;
  ``heldout21_scored_*`` in the metrics); since then SEEN and folded in like heldout3-20 (at the
  start of the nineteenth round);
- ``heldout22``: ``tests/data/tagging_heldout22.yaml``, written and frozen during the eighteenth round
  for the nineteenth, and scored once, at its end (all .908, P .930, R .887;
  ``heldout22_scored_once`` in the metrics), not by this script: to be folded in at the start of the
  twentieth;
- ``heldout23``: ``tests/data/tagging_heldout23.yaml``, written and frozen during the nineteenth round
  for the twentieth: not scored here until that round ends.

Each set is scored per language (micro F1/P/R) for: rules (regular expressions only), + stems (the
stem phrases), + model (the classifier, without stems), and all three (the default). Then:
cross-lingual transfer (each classifier, frozen logistic and fine-tuned, trained on English
paragraphs only vs with their translations, scored alone and combined on dev), agreement with
English on the bundled document (own tags only), and tagging time per paragraph with a cold and a
warm embedding cache (both of the classifier's embedders) against the time of the main job's other
stages.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from pipeline import LANGS
from pipeline.core.params import load_params
from pipeline.core.records import read_jsonl
from pipeline.tag.classifier import load_model
from pipeline.tag.consistency import consistency
from pipeline.tag.labels import load_examples
from pipeline.tag.layer import ModelLayer, features_from, untuned
from pipeline.tag.stage import tag_docset
from pipeline.tag.taxonomy import load_taxonomy
from pipeline.tag.train import build, evaluate, fine_tuned_in, predict

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = {
    "dev": [ROOT / "data" / "labels" / "tag_dev.yaml"],
    "regression": [DATA / "tagging_gold.yaml", DATA / "tagging_heldout.yaml"],
    "heldout2": [DATA / "tagging_heldout2.yaml"],
    "heldout3 (seen)": [DATA / "tagging_heldout3.yaml"],
    "heldout4 (seen)": [DATA / "tagging_heldout4.yaml"],
    "heldout5 (seen)": [DATA / "tagging_heldout5.yaml"],
    "heldout6 (seen)": [DATA / "tagging_heldout6.yaml"],
    "heldout7 (seen)": [DATA / "tagging_heldout7.yaml"],
    "heldout8 (seen)": [DATA / "tagging_heldout8.yaml"],
    "heldout9 (seen)": [DATA / "tagging_heldout9.yaml"],
    "heldout10 (seen)": [DATA / "tagging_heldout10.yaml"],
    "heldout11 (seen)": [DATA / "tagging_heldout11.yaml"],
    "heldout12 (seen)": [DATA / "tagging_heldout12.yaml"],
    "heldout13 (seen)": [DATA / "tagging_heldout13.yaml"],
    "heldout14 (seen)": [DATA / "tagging_heldout14.yaml"],
    "heldout15 (seen)": [DATA / "tagging_heldout15.yaml"],
    "heldout16 (seen)": [DATA / "tagging_heldout16.yaml"],
    "heldout17 (seen)": [DATA / "tagging_heldout17.yaml"],
    "heldout18 (seen)": [DATA / "tagging_heldout18.yaml"],
    "heldout19 (seen)": [DATA / "tagging_heldout19.yaml"],
    "heldout20 (seen)": [DATA / "tagging_heldout20.yaml"],
    "heldout21 (seen)": [DATA / "tagging_heldout21.yaml"],
}
DOC = "UNODC_CCPCJ_EG.4_2020_1"


def quality(taxonomy, layer: ModelLayer) -> dict:
    configs = {
        "rules": {"layer": None, "stems": False},
        "rules+stems": {"layer": None, "stems": True},
        "rules+model": {"layer": layer, "stems": False},
        "rules+stems+model": {"layer": layer, "stems": True},
    }
    out: dict = {}
    for name, paths in SETS.items():
        examples = [e for path in paths if path.exists() for e in load_examples(path)]
        if examples:
            out[name] = {
                config: evaluate(examples, predict(examples, taxonomy, **kw)).by_language()
                for config, kw in configs.items()
            }
    return out


def transfer(taxonomy, params, committed: ModelLayer) -> dict:
    """English-only training vs English + translations, on dev, per language, for both classifiers:
    logistic layers on the frozen vectors, and the fine-tuned model (English only: a fine-tuning of
    its own, about five minutes; with translations: the committed model, tuned on the same train)."""
    train = [e for path in params.train_paths for e in load_examples(path)]
    english = [e for e in train if e.lang == "en"]
    dev = [e for path in params.dev_paths for e in load_examples(path)]

    def scored(layer: ModelLayer, paragraphs: int) -> dict:
        return {
            "train_paragraphs": paragraphs,
            "threshold": layer.model.threshold,
            "model_alone": evaluate(dev, predict(dev, taxonomy, layer, rules=False)).by_language(),
            "rules+stems+model": evaluate(dev, predict(dev, taxonomy, layer)).by_language(),
        }

    frozen = features_from(untuned(params))
    out: dict = {"frozen_logistic": {}}
    for name, examples in (("english_only", english), ("with_translations", train)):
        model = build(examples, dev, taxonomy, frozen, params.tag.min_precision)
        out["frozen_logistic"][name] = scored(ModelLayer(model, frozen), len(examples))
    with tempfile.TemporaryDirectory() as tmp:
        model, tuned = fine_tuned_in(Path(tmp), params, english, dev, taxonomy)
        out["fine_tuned"] = {
            "english_only": scored(ModelLayer(model, tuned), len(english)),
            "with_translations": scored(committed, committed.model.info.get("train_paragraphs", len(train))),
        }
    return out


def bundled(taxonomy, params, data: Path) -> dict:
    """Agreement with English and tagging time on the bundled document (stage outputs in ``data``)."""
    extracted, aligned = data / "extracted" / DOC, data / "aligned" / DOC
    if not (aligned / "sixway.jsonl").exists():
        return {"skipped": f"{aligned}/sixway.jsonl missing: run the pipeline (dvc repro) first"}
    paragraphs = sum(1 for lang in LANGS for _ in read_jsonl(extracted / f"{lang}.jsonl"))
    out: dict = {"paragraphs": paragraphs}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache.sqlite"
        for run in ("cold", "warm"):
            start = time.perf_counter()
            layer = ModelLayer(load_model(params.tagger_path), features_from(params, cache=cache))
            report = tag_docset(
                extracted, Path(tmp) / "tagged", taxonomy, layer, data / "segmented" / DOC, aligned / "sixway.jsonl"
            )
            seconds = time.perf_counter() - start
            out[f"seconds_{run}"] = round(seconds, 2)
            out[f"ms_per_paragraph_{run}"] = round(1000 * seconds / paragraphs, 1)
        out["projected_tags"] = report["projected"]
        agreement = consistency(aligned / "sixway.jsonl", Path(tmp) / "tagged", list(LANGS))
        out["agreement_with_en"] = agreement["agreement_with_en"]
        out["disagreements"] = len(agreement["disagreements"])
        out["main_job_seconds_warm"] = main_job_seconds(params, data, Path(tmp))
    out["tag_share_of_main_job_warm"] = round(out["seconds_warm"] / out["main_job_seconds_warm"], 3)
    return out


def main_job_seconds(params, data: Path, tmp: Path) -> float:
    """Extract, segment and align of the bundled document with the project's (warm) cache."""
    from pipeline.align.stage import run_align
    from pipeline.extract.stage import run_extract
    from pipeline.segment.stage import run_segment

    start = time.perf_counter()
    run_extract(ROOT / "data" / "raw" / DOC, tmp / "extracted")
    run_segment(tmp / "extracted", tmp / "segmented")
    run_align(tmp / "extracted", tmp / "segmented", tmp / "aligned", params)
    return round(time.perf_counter() - start, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"), help="stage outputs of the bundled document")
    parser.add_argument("--skip-transfer", action="store_true", help="skip the transfer's training runs")
    args = parser.parse_args()
    params = load_params(ROOT / "params.yaml")
    taxonomy = load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    features = features_from(params)
    layer = ModelLayer(load_model(params.tagger_path), features)
    info = {k: v for k, v in layer.model.info.items() if k != "path"}
    results = {"model": info | {"threshold": layer.model.threshold, "tag_thresholds": layer.model.tag_thresholds}}
    results["quality"] = quality(taxonomy, layer)
    if not args.skip_transfer:
        results["transfer"] = transfer(taxonomy, params, layer)
    results["bundled"] = bundled(taxonomy, params, Path(args.data))
    out = ROOT / "metrics" / "tag_quality.json"
    earlier = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    # what this run did not measure stays: the frozen sets scored once, a skipped transfer, notes
    out.write_text(json.dumps(earlier | results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, configs in results["quality"].items():
        for config, by_lang in configs.items():
            cells = "  ".join(
                f"{lang} {s['f1']:.2f}/{s['precision']:.2f}/{s['recall']:.2f}" for lang, s in by_lang.items()
            )
            print(f"{name:10s} {config:18s} {cells}")
    print(json.dumps(results.get("bundled"), indent=1))


if __name__ == "__main__":
    main()
