"""The aligner on a small fake embedder (no model): link sizes up to the maximum, 2-2 links over
two weak 1-1 links, one parameter set for wide and squeezed cosines, and the fast CLI path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.align import bitext
from pipeline.align.aligner import align_units
from pipeline.cli import main
from pipeline.core.params import AlignParams
from tests.fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]


def sides(shape: list[tuple[int, int]]) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Build a parallel text whose gold links have the given (a, b) sizes: link k covers concepts
    twelve concepts, dealt out to a source units and cut into b target pieces."""
    src: list[str] = []
    tgt: list[str] = []
    gold = []
    for k, (a, b) in enumerate(shape):
        words = [f"k{k}w{x}" for x in range(12)]
        s_ids = tuple(range(len(src), len(src) + a))
        t_ids = tuple(range(len(tgt), len(tgt) + b))
        src += [" ".join(words[x::a]) for x in range(a)]
        tgt += [" ".join(words[x * 12 // b : (x + 1) * 12 // b]) for x in range(b)]  # crosses the source split
        gold.append((s_ids, t_ids))
    return src, tgt, gold


SHAPE = [(1, 1), (1, 4), (1, 1), (2, 3), (1, 1), (3, 2), (1, 1), (2, 2), (1, 1), (4, 1), (1, 1), (1, 1), (2, 1)]


def test_default_link_types_reach_four_a_side() -> None:
    types = AlignParams().types
    assert {(1, 4), (4, 1), (2, 3), (3, 2), (2, 2), (0, 1), (1, 0)} <= set(types)


def test_finds_big_links_and_two_two() -> None:
    src, tgt, gold = sides(SHAPE)
    links = align_units(src, tgt, FakeEmbedder(), AlignParams())
    assert [(link.src, link.tgt) for link in links] == gold


def test_same_parameters_serve_squeezed_cosines() -> None:
    src, tgt, gold = sides(SHAPE)
    links = align_units(src, tgt, FakeEmbedder(squeeze=0.9), AlignParams())
    assert [(link.src, link.tgt) for link in links] == gold


def test_small_links_stay_small() -> None:
    src, tgt, gold = sides([(1, 1)] * 30)
    links = align_units(src, tgt, FakeEmbedder(), AlignParams())
    assert [(link.src, link.tgt) for link in links] == gold


def test_batch_aligns_many_pairs_in_one_process(tmp_path: Path, monkeypatch, capsys) -> None:
    src, tgt, gold = sides(SHAPE)
    (tmp_path / "a.en").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "a.fr").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    (tmp_path / "pairs.tsv").write_text("a.en\ta.fr\ten\tfr\tone.align\na.fr\ta.en\tfr\ten\ttwo.align\n")
    made = []

    def fake_embedder_from(params, *args, **kwargs):
        made.append(1)
        return FakeEmbedder()

    monkeypatch.setattr("pipeline.core.params.embedder_from", fake_embedder_from)
    params = ROOT / "params.yaml"
    assert main(["align-bitext", "--batch", str(tmp_path / "pairs.tsv"), "--presplit", "--params", str(params)]) == 0
    assert len(made) == 1
    one = (tmp_path / "one.align").read_text().splitlines()
    two = (tmp_path / "two.align").read_text().splitlines()
    assert len(one) == len(gold) == len(two)
    assert one[1].startswith("[1]:[1, 2, 3, 4]:")
    assert two[1].startswith("[1, 2, 3, 4]:[1]:")


def test_a_batch_aligns_every_pair_it_can_and_names_the_line_of_each_failure(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """A missing side on line 2 stopped the batch before line 3, without naming the line."""
    src, tgt, _ = sides(SHAPE)
    (tmp_path / "a.en").write_text("\n".join(src) + "\n", encoding="utf-8")
    (tmp_path / "a.fr").write_text("\n".join(tgt) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "a.en\ta.fr\ten\tfr\tone.align\ngone.en\ta.fr\ten\tfr\ttwo.align\na.fr\ta.en\tfr\ten\tthree.align\n"
    )
    monkeypatch.setattr("pipeline.core.params.embedder_from", lambda *args, **kwargs: FakeEmbedder())
    params = ROOT / "params.yaml"
    assert main(["align-bitext", "--batch", str(pairs), "--presplit", "--params", str(params)]) == 1
    err = capsys.readouterr().err
    assert f"{pairs}: line 2" in err and "gone.en" in err
    assert (tmp_path / "one.align").exists() and (tmp_path / "three.align").exists()
    assert not (tmp_path / "two.align").exists()
    for row, problem in (
        ("a.en\ta.fr\ten\tfx\tx.align\n", "unknown language code 'fx'"),
        ("a.en\ta.fr\ten\tfr\t\n", "must all be given"),
    ):
        pairs.write_text(row)
        assert main(["align-bitext", "--batch", str(pairs), "--presplit", "--params", str(params)]) == 2
        err = capsys.readouterr().err
        assert f"{pairs}: line 1" in err and problem in err, err


def test_presplit_path_imports_no_splitter_or_torch(tmp_path: Path) -> None:
    """In a fresh interpreter: the CLI module and the presplit path load neither spaCy nor torch."""
    (tmp_path / "a.txt").write_text("k0w1 k0w2\nk1w1\n", encoding="utf-8")
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(Path(__file__).parent)!r})
import pipeline.cli
from pipeline.align import bitext
from pipeline.core.params import AlignParams
from tests.fakes import FakeEmbedder
from test_aligner_fake import FakeEmbedder
p = bitext.Pair({str(tmp_path / "a.txt")!r}, {str(tmp_path / "a.txt")!r}, "en", "fr")
print(bitext.run([p], FakeEmbedder(), AlignParams(), True, "configs")[0][0], end="")
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "torch", "jieba", "sentence_transformers"))
print("HEAVY", heavy)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "HEAVY []" in out
    assert out.startswith("[0]:[0]:")


def test_read_units_splits_only_without_presplit(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("One. Two.\n", encoding="utf-8")
    assert bitext.read_units(path, "en", presplit=True) == ["One. Two."]
