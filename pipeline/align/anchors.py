"""Language-independent anchors: what a UN text keeps the same in every language.

Numbers (with Arabic-Indic digits and Chinese numerals normalised), years and dates, document
symbols, resolution numbers, URLs, and paragraph or agenda labels. Two translations of one
paragraph share most of them; neighbouring paragraphs rarely do.
"""

from __future__ import annotations

import re
from collections import Counter

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
CJK_NUMERALS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+")
URL = re.compile(r"(?:https?://|www\.)[^\s，。、）)]+")
NUMBER = re.compile(r"\d+(?:[/.:]\d+)*")
CJK_NUMBER = re.compile(r"第?([零〇一二两三四五六七八九十百]+)(?=[章条节段款项次届])")


def cjk_to_int(text: str) -> int | None:
    """第二十六届 -> 26: the small numerals UN Chinese uses for chapters, sessions, meetings."""
    total, current = 0, 0
    for char in text:
        if char in CJK_NUMERALS:
            current = CJK_NUMERALS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def anchors(text: str, label: str = "") -> Counter:
    """The anchors of a text, as a multiset of normalised strings."""
    text = text.translate(DIGITS)
    found: Counter = Counter()
    for url in URL.findall(text):
        found["url:" + url.rstrip(".").lower()] += 1
    text = URL.sub(" ", text)
    for symbol in SYMBOL.findall(text):
        found["sym:" + symbol] += 1
    text = SYMBOL.sub(" ", text)
    for number in NUMBER.findall(text):
        found["num:" + number.lstrip("0")] += 1
    for numeral in CJK_NUMBER.findall(text):
        value = cjk_to_int(numeral)
        if value is not None:
            found[f"num:{value}"] += 1
    if label:
        digits = NUMBER.findall(label.translate(DIGITS))
        if digits:
            found["label:" + digits[0]] += 1
    return found


def overlap(a: Counter, b: Counter) -> float | None:
    """Dice overlap of two anchor multisets; None when either side has none (no evidence)."""
    if not a or not b:
        return None
    shared = sum((a & b).values())
    return 2 * shared / (sum(a.values()) + sum(b.values()))
