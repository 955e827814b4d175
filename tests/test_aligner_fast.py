"""The aligner end to end on hand-made sequences with a fake embedder (fast layer): link types,
empty links, fixed links, confidences. Quality on real text is in the slow layer."""

from __future__ import annotations

from pipeline.align.aligner import align_units, align_with_fixed
from pipeline.core.params import AlignParams
from tests.fakes import FakeEmbedder

WORDS = [
    "the expert group met in vienna to discuss international cooperation",
    "several speakers called for expedited preservation of electronic evidence",
    "the secretariat presented the draft report on capacity building",
    "delegates exchanged views on mutual legal assistance requests",
    "a number of countries described their national cybercrime legislation",
    "the meeting was informed about the twenty four seven network",
    "one delegation proposed further technical assistance to developing states",
    "the chair closed the session and thanked the interpreters",
]


def pairs(links) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.src, link.tgt) for link in links]


def test_identity_is_one_to_one_with_high_confidence() -> None:
    links = align_units(WORDS, list(WORDS), FakeEmbedder())
    assert pairs(links) == [((i,), (i,)) for i in range(len(WORDS))]
    assert all(link.confidence > 0.8 for link in links)


def test_merged_units_give_a_two_to_one_link() -> None:
    tgt = [*WORDS[:2], WORDS[2] + " " + WORDS[3], *WORDS[4:]]
    links = pairs(align_units(WORDS, tgt, FakeEmbedder()))
    assert ((2, 3), (2,)) in links
    assert ((4,), (3,)) in links and ((7,), (6,)) in links


def test_a_dropped_unit_is_left_without_counterpart() -> None:
    tgt = WORDS[:3] + WORDS[4:]
    links = pairs(align_units(WORDS, tgt, FakeEmbedder()))
    assert ((3,), ()) in links
    assert ((4,), (3,)) in links


def test_every_unit_appears_once_and_confidences_are_probabilities() -> None:
    tgt = [WORDS[0] + " " + WORDS[1], *WORDS[3:6], "an unrelated line about the weather", WORDS[7]]
    links = align_units(WORDS, tgt, FakeEmbedder(), AlignParams())
    assert sorted(i for link in links for i in link.src) == list(range(len(WORDS)))
    assert sorted(j for link in links for j in link.tgt) == list(range(len(tgt)))
    assert all(0.0 <= link.confidence <= 1.0 for link in links)


def test_a_fixed_link_is_kept_and_the_rest_aligns_around_it() -> None:
    fixed = [((2,), (3,))]
    links, rejected = align_with_fixed(WORDS, list(WORDS), FakeEmbedder(), AlignParams(), fixed)
    assert rejected == []
    kept = next(link for link in links if link.src == (2,) and link.tgt == (3,))
    assert kept.fixed
    assert ((0,), (0,)) in pairs(links) and ((7,), (7,)) in pairs(links)


def test_empty_sides() -> None:
    assert pairs(align_units([], WORDS[:2], FakeEmbedder())) == [((), (0,)), ((), (1,))]
    assert pairs(align_units(WORDS[:1], [], FakeEmbedder())) == [((0,), ())]


def test_a_text_of_one_repeated_line_aligns_by_position() -> None:
    """Every unit is as like every other-side unit as its match, so no margin stands out and no
    link could reach the junk floor: all twenty units came out as skips. Without contrast,
    position and length decide."""
    line = WORDS[7]
    assert pairs(align_units([line] * 6, [line] * 6, FakeEmbedder())) == [((i,), (i,)) for i in range(6)]
    links = pairs(align_units([line] * 6, [line] * 5, FakeEmbedder()))
    assert sum(1 for s, t in links if len(s) == 1 and len(t) == 1) == 5
    assert sorted(i for s, _ in links for i in s) == list(range(6))


def test_a_one_unit_side_has_no_chance_spread_and_still_aligns() -> None:
    """With one unit on a side there is no unrelated pair to measure chance by: the edge price,
    per unit of that spread, falls back to the floor and stays finite."""
    assert pairs(align_units(WORDS[:1], WORDS[:1], FakeEmbedder())) == [((0,), (0,))]
    assert pairs(align_units(WORDS[:1], WORDS[:2], FakeEmbedder())) == [((0,), (0,)), ((), (1,))]
    assert pairs(align_units(WORDS[:2], WORDS[1:2], FakeEmbedder())) == [((0,), ()), ((1,), (0,))]
