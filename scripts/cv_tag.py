"""Grouped cross-validation of the tag classifier over the training and development paragraphs.

The dev split is small (about 70 paragraphs a language), so a change to how the classifier is
trained is also judged on out-of-fold scores: train and dev are pooled, split into folds by
paragraph id (a paragraph and its translations share an id, so no translation of a scored
paragraph is ever in the fold's training data), the classifier is fitted on the other folds with
the committed model's regularisation, and each fold is tagged (rules, then the classifier) with the
committed model's thresholds. Nothing is chosen on these scores; they say whether a training
change carries beyond the one split its settings were chosen on. No held-out test file is read.

When the committed model is a fine-tuned head (``tag.tuned_layers``), its tail has seen every
fold's labels: the folds are then fitted as logistic regressions on the frozen e5 vectors, with the
strength and cut the last frozen-vector model chose (``FROZEN``), so the script still judges
training data, not the fine-tuned tagger (fine-tuning once per fold would cost over an hour).

    python scripts/cv_tag.py [--folds 5]      # micro F1 / precision / recall per language

A new training file is judged on the same scored paragraphs with and without it: ``--exclude FILE``
leaves a params file out, ``--train-only FILE`` adds its paragraphs to every fold's training data
and never scores them (``--exclude F`` against ``--train-only F``).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from pipeline.core.params import load_params
from pipeline.tag.classifier import load_model
from pipeline.tag.labels import Counts, load_examples
from pipeline.tag.layer import ModelLayer, features_from, untuned
from pipeline.tag.taxonomy import load_taxonomy
from pipeline.tag.train import fit, predict

ROOT = Path(__file__).resolve().parents[1]
FROZEN = {"c": 3.0, "threshold": 0.7}
"""Strength and cut the logistic layer last chose on frozen vectors (fourteenth round)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0, help="how paragraph ids are dealt to folds")
    parser.add_argument("--exclude", nargs="*", default=[], help="params train/dev files left out")
    parser.add_argument("--train-only", nargs="*", default=[], help="files always trained on, never scored")
    args = parser.parse_args()
    params = load_params(ROOT / "params.yaml")
    taxonomy = load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    features = features_from(untuned(params))
    committed = load_model(params.tagger_path)
    aside = {str(Path(p)) for p in (*args.exclude, *args.train_only)}
    named = zip((*params.tag.train, *params.tag.dev), (*params.train_paths, *params.dev_paths), strict=True)
    pooled = [path for name, path in named if str(Path(name)) not in aside]
    examples = [e for path in pooled for e in load_examples(path)]
    always = [e for path in args.train_only for e in load_examples(ROOT / path)]
    ids = sorted({e.id for e in examples})
    random.Random(args.seed).shuffle(ids)
    fold_of = {pid: n % args.folds for n, pid in enumerate(ids)}
    tuned = bool(params.tag.tuned_layers)
    c = FROZEN["c"] if tuned else committed.info["regularisation_c"]
    cut = (FROZEN["threshold"], {}) if tuned else (committed.threshold, committed.tag_thresholds)
    counts = Counts()
    for fold in range(args.folds):
        train = [e for e in examples if fold_of[e.id] != fold] + always
        test = [e for e in examples if fold_of[e.id] == fold]
        model = fit(train, taxonomy, features, c)
        model.threshold, model.tag_thresholds = cut
        for e, got in zip(test, predict(test, taxonomy, ModelLayer(model, features))):
            counts.add(e.lang, got, set(e.tags))
    print(f"grouped {args.folds}-fold CV, C={c}, {len(examples)} paragraphs scored, {len(always)} more trained on")
    for lang, s in counts.by_language().items():
        print(f"{lang:4s} F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  ({s['support']} tags)")


if __name__ == "__main__":
    main()
