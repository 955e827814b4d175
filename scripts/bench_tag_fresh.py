"""Time-split check of the tagger -> ``metrics/tag_fresh.json``.

The dev split is written in the same hand as train, and the rules were written on both, so dev
cannot say how a training change carries to new phrasings; the frozen sets can, once each. This
benchmark rebuilds the tagger as the labelled data stood at the start of the fourteenth round and
scores it on what was written after: that round's native files, native17 and heldout16 (in its
frozen form). Two classifiers are built on the same split with the same rules: the logistic layer on
frozen vectors (``tag.tuned_layers: 0``) and the fine-tuned one the parameters name, whose rule floor
is also scored off. Nothing is chosen on these scores here; the fifteenth round chose the rule floor
and the dev-best cut of a fine-tuned head on them (``pipeline/tag/layer.py``,
``pipeline/tag/train.py``). About 30 minutes on two cores (one fine-tuning).

    python scripts/bench_tag_fresh.py
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
import time
from pathlib import Path

from pipeline.core.params import load_params
from pipeline.tag.labels import Example, load_examples
from pipeline.tag.layer import ModelLayer, features_from, untuned
from pipeline.tag.taxonomy import load_taxonomy
from pipeline.tag.train import build, evaluate, fine_tuned_in, predict

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "data" / "labels"
WRITTEN_AFTER = (
    "tag_train_native14.yaml",
    "tag_train_native15.yaml",
    "tag_train_native16.yaml",
    "tag_train_native17.yaml",
)
HELDOUT16 = ROOT / "tests" / "data" / "tagging_heldout16.yaml"
"""heldout16 as frozen (scored here in that form)."""
LAST_BEFORE = {"t": 990, "d": 343}
"""The last train and dev ids of the fourteenth round's start: the frozen sets folded in since
(heldout16 as t0991-t1030 and d0344-d0363, heldout17 after it, ...) are left out of the split."""


def _written_after(name: str) -> bool:
    """A native file of the fourteenth round or later (the scored ones and any added since)."""
    match = re.fullmatch(r"tag_train_native(\d+)\.yaml", name)
    return bool(match) and int(match.group(1)) >= 14


def _folded(pid: str, prefix: str) -> bool:
    match = re.fullmatch(prefix + r"(\d+)", pid)
    return bool(match) and int(match.group(1)) > LAST_BEFORE[prefix]


def split(params) -> tuple[list[Example], list[Example], dict[str, list[Example]]]:
    train = [
        e
        for path in params.train_paths
        if not _written_after(path.name)
        for e in load_examples(path)
        if not _folded(e.id, "t")
    ]
    dev = [e for path in params.dev_paths for e in load_examples(path) if not _folded(e.id, "d")]
    scored = {
        name.removeprefix("tag_train_").removesuffix(".yaml"): load_examples(LABELS / name) for name in WRITTEN_AFTER
    }
    scored["heldout16"] = load_examples(HELDOUT16)
    return train, dev, scored


def scores(sets: dict[str, list[Example]], taxonomy, layer: ModelLayer) -> dict:
    return {
        name: {
            "rules+model": evaluate(examples, predict(examples, taxonomy, layer)).by_language(),
            "model_alone": evaluate(examples, predict(examples, taxonomy, layer, rules=False)).by_language()["all"],
        }
        for name, examples in sets.items()
    }


def main() -> None:
    params = load_params(ROOT / "params.yaml")
    taxonomy = load_taxonomy(ROOT / "configs" / "taxonomy.yaml")
    train, dev, sets = split(params)
    out: dict = {
        "train_paragraphs": len(train),
        "dev_paragraphs": len(dev),
        "scored": {k: len(v) for k, v in sets.items()},
    }
    start = time.time()
    frozen = features_from(untuned(params))
    logistic = build(train, dev, taxonomy, frozen, params.tag.min_precision)
    out["frozen_logistic"] = {"cut": logistic.threshold, **scores(sets, taxonomy, ModelLayer(logistic, frozen))}
    print(f"frozen logistic built and scored in {time.time() - start:.0f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        model, tuned = fine_tuned_in(Path(tmp), params, train, dev, taxonomy)
        out["fine_tuned"] = {
            "cut": model.threshold,
            "rule_floor": model.rule_floor,
            **scores(sets, taxonomy, ModelLayer(model, tuned)),
        }
        no_floor = copy.copy(model)
        no_floor.rule_floor = 0.0
        out["fine_tuned_no_floor"] = scores(sets, taxonomy, ModelLayer(no_floor, tuned))
    out["seconds"] = round(time.time() - start)
    path = ROOT / "metrics" / "tag_fresh.json"
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    for variant in ("frozen_logistic", "fine_tuned", "fine_tuned_no_floor"):
        for name in sets:
            s = out[variant][name]["rules+model"]["all"]
            alone = out[variant][name]["model_alone"]
            print(f"{variant:20s} {name:10s} F1 {s['f1']:.3f} P {s['precision']:.3f}  model alone {alone['f1']:.3f}")


if __name__ == "__main__":
    main()
