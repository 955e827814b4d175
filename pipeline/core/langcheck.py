"""Is this text in the language its file name claims? Script and character statistics suffice for
the six UN languages: CJK, Arabic and Cyrillic by script, and English, French and Spanish by their
commonest short words."""

from __future__ import annotations

import re
from collections import Counter

SCRIPTS = {
    "zh": re.compile(r"[\u3400-\u9fff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
FUNCTION_WORDS = {  # only words the other two languages do not share (not "de", "la", "que", "en")
    "en": {"the", "of", "and", "to", "is", "that", "for", "with", "which", "shall"},
    "fr": {"le", "les", "des", "du", "et", "est", "une", "dans", "au", "aux", "qui", "pour"},
    "es": {"el", "los", "las", "del", "y", "es", "una", "por", "con", "para", "se", "al"},
}


def guess_language(text: str) -> str | None:
    """The most likely of the six languages, or None when there is too little text to say."""
    letters = Counter()
    for lang, pattern in SCRIPTS.items():
        letters[lang] = len(pattern.findall(text))
    latin = len(LATIN.findall(text))
    if sum(letters.values()) + latin < 20:
        return None
    script, count = letters.most_common(1)[0]
    if count > latin:
        return script
    words = Counter(w.lower() for w in re.findall(r"[A-Za-zÀ-ɏ]+", text))
    scores = {lang: sum(words[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else None


def check_language(texts: list[str], lang: str) -> str | None:
    """A warning when the texts look like another language than ``lang``, else None."""
    guess = guess_language(" ".join(texts)[:20000])
    if guess is not None and guess != lang:
        return f"text labelled {lang!r} looks like {guess!r}"
    return None
