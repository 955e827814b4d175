"""Stems for the languages that inflect, so one rule written in words covers every form.

A regular expression written on the surface must spell out each case ending (Russian), each
clitic prefix (Arabic و/ب/ل/ال) or each plural and gender (French, Spanish). The taxonomy's
``stems`` rules are plain phrases instead; the phrase and the paragraph are both reduced to
stems and compared token by token, and the hit maps back to the original characters, so the
evidence is still an exact span. Russian uses pymorphy3's dictionary lemma, French and Spanish
the Snowball stemmers, Arabic a light stemmer (clitic prefixes and common suffixes stripped, no
root extraction: roots merge words the taxonomy must keep apart). Other languages are not stemmed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

WORD = re.compile(r"[\w\u064b-\u0652\u0640]+", re.UNICODE)
r"""A word, Arabic short vowels, shadda and tatweel included: they are combining marks, not ``\w``,
so without them "وطُرح" split into "وط" and "رح" and no stem phrase matched a vocalised word."""
STEMMED = frozenset({"ru", "ar", "fr", "es"})
AR_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
AR_SUFFIXES = ("يات", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
"""No bare alif: it is the accusative ending of "تأييدا واسعا" but also of adverbs, and stripped it
made "خصوصا" (especially) the stem of "الخصوصية" (privacy) and "مقبولا" that of "مقبولية" on real UN
text; the accusative formulas are stem phrases of their own instead. "يات" before "ات": the plural
of the nouns in "ية" ("اتفاقيات", "الولايات") shares the stem of the singular ("اتفاقية", "الولاية")."""
AR_PRONOUNS = ("هما", "هم", "هن", "كم", "نا")
"""Possessive pronouns, stripped before the suffix above: "سلطاتهم" (their authorities) is "سلطات"."""
AR_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
"""Arabic short vowels, shadda and tatweel: written now and then, read past by stems, rules and counts."""
FUNCTION_WORDS = {
    "fr": frozenset(["le", "la", "les", "l", "de", "des", "du", "d", "et", "à", "au", "aux"]),
    "es": frozenset(["el", "la", "los", "las", "de", "del", "y", "a", "al"]),
    "ru": frozenset(["и", "в", "во", "на", "по", "с", "со", "о", "об", "к"]),
    "ar": frozenset(["في", "من", "على", "إلى"]),
}
"""Articles and prepositions, skipped on both sides: "conservation des données" = "conserver les données"."""


def arabic_light_stem(word: str) -> str:
    """Strip one clitic prefix, one possessive pronoun and one suffix while at least three letters remain
    (Light10-like)."""
    word = AR_DIACRITICS.sub("", word).replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي")
    for prefix in AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for pronoun in AR_PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= 4:
            word = word[: -len(pronoun)]
            break
    for suffix in AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@cache
def _snowball(lang: str):
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer({"fr": "french", "es": "spanish"}[lang])


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    word = word.lower()
    if lang == "ru":
        return _morph().parse(word)[0].normal_form.replace("ё", "е")
    if lang == "ar":
        return arabic_light_stem(word)
    if lang in ("fr", "es"):
        return _snowball(lang).stem(word)
    return word


CLAUSE_BREAK = re.compile(r"[.,;!?\u060c\u061b\u061f]")
"""Punctuation between two words of a stem phrase: the phrase does not run across it ("بناءً على
طلبها، لمساعدتها" is "at its request, to help it", not "a request for assistance")."""


class Words(list):
    """The (stem, start, end) of a text's words, with ``breaks``: the indices of the words that follow
    a clause punctuation mark."""

    breaks: frozenset[int] = frozenset()


def tokens(text: str, lang: str) -> Words:
    """(stem, start, end) of every word of a text but function words."""
    skip = FUNCTION_WORDS.get(lang, frozenset())
    words = Words(
        (stem(m.group(0), lang), m.start(), m.end()) for m in WORD.finditer(text) if m.group(0).lower() not in skip
    )
    marks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
    if marks:
        words.breaks = frozenset(
            i for i in range(1, len(words)) if bisect_left(marks, words[i - 1][2]) < bisect_left(marks, words[i][1])
        )
    return words


@lru_cache(maxsize=20_000)
def phrase_stems(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(s for s, _, _ in tokens(phrase, lang))


def positions(words: list[tuple[str, int, int]]) -> dict[str, list[int]]:
    """Where each stem occurs, so a phrase is only tried where its first word is."""
    out: dict[str, list[int]] = {}
    for i, (word, _, _) in enumerate(words):
        out.setdefault(word, []).append(i)
    return out


def find(phrase: tuple[str, ...], words: Words, where: dict[str, list[int]], gap: int = 1) -> list[tuple[int, int]]:
    """Character spans where the phrase's stems occur in order, each within ``gap`` extra words
    of the previous one (so "assistance judiciaire" also finds "assistance mutuelle judiciaire")."""
    spans = []
    for i in where.get(phrase[0], []) if phrase else []:
        start = words[i][1]
        j, ok = i, True
        for part in phrase[1:]:
            nxt = None
            for k in range(j + 1, min(j + 2 + gap, len(words))):
                if k in words.breaks:
                    break
                if words[k][0] == part:
                    nxt = k
                    break
            if nxt is None:
                ok = False
                break
            j = nxt
        if ok:
            spans.append((start, words[j][2]))
    return spans
