"""Hard/soft line-break decisions on labelled lines of English UN documents (text only, no
geometry). Published references on a larger set of this kind: rule-based 0.867, best LLM 0.963."""

from __future__ import annotations

import itertools
import json

from pipeline.extract.reflow import Layout, first_word, is_hard_break, join_lines
from pipeline.extract.text_lines import text_to_lines
from tests.conftest import SHARED, need_shared


def test_linebreak_accuracy_on_labelled_lines() -> None:
    need_shared()
    right = total = 0
    with open(SHARED / "corpus" / "linebreaks" / "validation_small.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            lines = text_to_lines(row["raw_text"])
            layout = Layout.measure(lines)
            predicted = [is_hard_break(a, b, layout) for a, b in itertools.pairwise(lines)]
            assert len(predicted) == len(row["is_hard_linebreak"])
            right += sum(p == g for p, g in zip(predicted, row["is_hard_linebreak"]))
            total += len(predicted)
    assert right / total >= 0.95, f"accuracy {right / total:.3f} on {total} breaks"


def test_join_rules() -> None:
    lines = text_to_lines("the co-\noperation of States and non-\ngovernmental organizations\n")
    vocabulary = {"non-governmental"}
    assert join_lines(lines, vocabulary) == "the cooperation of States and non-governmental organizations"
    zh = text_to_lines("全面研\n究网络犯罪\n")
    assert join_lines(zh, cjk=True) == "全面研究网络犯罪"
    assert first_word("（E/CN.15/2018/12，第 23 段）") == "（E/CN.15/2018/12，"
    assert first_word("capacity-building needs") == "capacity-"
