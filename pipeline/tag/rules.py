"""The rule layer: the taxonomy's regular expressions, each hit kept as exact evidence.

Every tag a paragraph gets carries where it came from (``source``: rule, model, projected,
reviewed) and how sure it is (``confidence``), in ``Tagged.provenance``; every piece of evidence
says which layer produced it, so a CSV reader can tell a matched phrase from a model's guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.tag import morphology, quantities
from pipeline.tag.taxonomy import Tag, Taxonomy

RULE_CONFIDENCE = 0.9
"""Confidence of a rule tag when no model has measured the rule's precision."""
SENTENCE = re.compile(r"[^.!?;。！？；؛؟]+(?:[.!?;。！？；؛؟]+|$)")
"""A sentence or a clause after a semicolon: the reach of a procedural cue. Abbreviations cut it
short, which only narrows what is hidden. The Arabic question mark ends one too, so the guiding
question cue is "؟ at the end" as in the other languages: a cue that scanned for the next ؟ from
every position took 50 s on an 88,000-character Arabic paragraph."""
LEAD_IN = re.compile(r"[:：]")
"""The colon that opens a list: "had before it the following documents: the provisional agenda; a
working paper on ...; and a note on ...". Its items are clauses of their own (``SENTENCE`` cuts at
";"), so a cue in the lead-in covers them too (``_list_end``)."""
LIST_END = re.compile(r"[.!?。！？؟]+|$")
CLAUSE_BOUNDARY = " \t\n.,;:!?，。；：！？、،؛"
"""What a rule may consume before its first word and the evidence leaves out."""
MARKS = {"ar": morphology.AR_DIACRITICS}
r"""Letters a language writes only now and then, read past by the rules: Arabic short vowels, shadda
and tatweel. Three Arabic paragraphs in four write some ("يُتوصَّل", "حذّر", "تلتقِ"), and a rule's
letters and its ``\w`` stopped at them: "لم يتوصل" did not find "لم يُتوصَّل". Rules, excludes,
negations and counts read the text without them (``_plain``); evidence points into the text as written."""


@dataclass
class Evidence:
    tag: str
    rule: str
    span: str
    start: int
    end: int
    source: str = "rule"
    lang: str = ""
    """For a projected tag: the language the evidence is in."""


@dataclass
class Tagged:
    tags: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    provenance: dict[str, dict] = field(default_factory=dict)
    """tag -> {"source": ..., "confidence": ...} (plus "lang" for projected tags)."""
    support: dict[str, float] = field(default_factory=dict)
    """The model's best score per tag when it read the text (what ``tag.rule_floor`` reads)."""


def quantity_rule(hit: quantities.Hit) -> str:
    """The evidence name of a stance read from a quantity: ``quantity:share:16/19`` when the reader
    compared a count with its total, ``quantity:count`` when it had no total to compare with."""
    return f"quantity:{hit.shape}" + (f":{hit.share}" if hit.share is not None else "")


MEASURED = re.compile(r"quantity:\w+:\d+(?:/\d+)?$")


def measured(evidence: Iterable[Evidence | dict]) -> set[str]:
    """The tags a quantity with its total carries. The classifier cannot veto them: an embedding
    does not order 16 and 19, so its low score for a majority read from "Of the 19 countries ...,
    16 asked" says nothing (the rule floor dropped that reading, in four languages of heldout21, and
    let the classifier's subset tag in)."""
    out = set()
    for e in evidence:
        tag, rule = (e["tag"], e["rule"]) if isinstance(e, dict) else (e.tag, e.rule)
        if MEASURED.match(rule):
            out.add(tag)
    return out


def _indexed(words: list[tuple[str, int, int]]) -> tuple[list[tuple[str, int, int]], dict[str, list[int]]]:
    return words, morphology.positions(words)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _list_end(text: str, sentence: re.Match, cue_start: int) -> int:
    """Where a procedural cue found in ``sentence`` stops: the end of the clause, or, when the cue
    is in the lead-in of a list (before a colon, the clause ending in a semicolon), the end of the
    list's sentence. The clauses of a list so blanked are not searched again, so the scan stays
    linear in the text."""
    colon = LEAD_IN.search(sentence.group(0), cue_start)
    if not colon or not sentence.group(0).rstrip().endswith((";", "；", "؛")):
        return sentence.end()
    return LIST_END.search(text, sentence.end()).end()


def without_procedure(text: str, lang: str, taxonomy: Taxonomy) -> str:
    """The text with every sentence that matches one of the taxonomy's procedural cues blanked out
    (same length, so evidence offsets still point into the original). "The Meeting had before it a
    working paper on mutual legal assistance" or "the points of contact for the practical
    arrangements of the session" name a topic without anybody discussing it; the labelling
    conventions give such sentences no tag. A cue with an ``only`` group blanks just that group:
    the quoted title of a document, workshop or campaign names a topic, while the rest of its
    sentence ("the campaign entitled ... was run to raise awareness") may still discuss one. A cue in
    the lead-in of a list ("had before it the following documents: ...; ...; and ...") blanks the
    list's items too: they are the documents it announces."""
    cues = taxonomy.procedural.get(lang)
    if not cues:
        return text
    out, covered = text, 0  # covered: the end of the last list blanked whole
    for sentence in SENTENCE.finditer(text):
        if sentence.start() < covered:
            continue
        for cue in cues:
            hits = list(cue.finditer(sentence.group(0)))
            if not hits:
                continue
            if "only" not in cue.groupindex:
                covered = _list_end(text, sentence, hits[0].start())
                out = _blank(out, sentence.start(), covered)
                break
            for hit in hits:
                out = _blank(out, sentence.start() + hit.start("only"), sentence.start() + hit.end("only"))
    return out


def _evidence(tag_id: str, pattern: str, m: re.Match) -> Evidence:
    """A hit as evidence, starting at its first word: a rule anchored on the clause boundary before
    its subject ("(?:^|[.;:]\\s+)delegations from ...") consumes that boundary, which is not evidence."""
    lead = len(m.group(0)) - len(m.group(0).lstrip(CLAUSE_BOUNDARY))
    return Evidence(tag_id, pattern, m.group(0)[lead:], m.start() + lead, m.end())


def _hits(tag: Tag, masked: str, lang: str, text: str, words, where) -> list[Evidence]:
    """The tag's rule and stem matches in ``masked`` (``words``/``where``: its stem index, or None)."""
    hits = [
        _evidence(tag.id, pattern.pattern, m) for pattern in tag.rules.get(lang, []) for m in pattern.finditer(masked)
    ]
    if words is not None and tag.stems.get(lang):
        hits += [
            Evidence(tag.id, f"stem:{phrase}", text[s:e], s, e)
            for phrase in tag.stems[lang]
            for s, e in morphology.find(morphology.phrase_stems(phrase, lang), words, where)
        ]
    return hits


def _plain(text: str, lang: str) -> tuple[str, list[int] | None]:
    """``text`` without the language's ``MARKS``, and where each removed mark stood in the shortened
    text (None when nothing was removed): ``_written`` maps an offset back."""
    marks = MARKS.get(lang)
    removed = [m.start() for m in marks.finditer(text)] if marks else []
    if not removed:
        return text, None
    return marks.sub("", text), [at - k for k, at in enumerate(removed)]


def _written(offset: int, removed: list[int]) -> int:
    """An offset of the plain text as an offset of the written text (marks after a letter stay with it)."""
    return offset + bisect_right(removed, offset)


def tag_text(text: str, lang: str, taxonomy: Taxonomy, stems: bool = True) -> Tagged:
    """Rule tags of one text: the surface patterns, then (``stems``) the stem phrases, outside
    procedural sentences and the tag's ``exclude`` spans, not negated (the tag's ``negation``: "reached no
    shared view"), and the stances read from counts and
    shares of States, respondents or delegations (``pipeline.tag.quantities``: "38 of the 52
    States that replied", "nearly half of the respondents"), outside procedural sentences."""
    out = Tagged()
    negated: dict[str, list[Evidence]] = {}
    written = without_procedure(text, lang, taxonomy)
    base, removed = _plain(written, lang)
    counted = quantities.read(base, lang)
    words, index = _indexed(morphology.tokens(base, lang)) if stems and lang in morphology.STEMMED else (None, {})
    for tag in taxonomy.tags:
        hits = _hits(tag, base, lang, text, words, index)
        # An exclude only takes matches away: a tag with no hit in the text needs none of them.
        if hits and tag.exclude.get(lang):
            masked = base
            for pattern in tag.exclude[lang]:
                masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
            if masked != base:
                tag_words, where = _indexed(morphology.tokens(masked, lang)) if words is not None else (None, {})
                hits = _hits(tag, masked, lang, text, tag_words, where)
        negation = tag.negation.get(lang)
        if hits and negation:
            kept = [h for h in hits if not negation.negates(base, h.start, h.end)]
            if tag.negated:
                negated.setdefault(tag.negated, []).extend(
                    Evidence(tag.negated, f"negated:{h.rule}", h.span, h.start, h.end) for h in hits if h not in kept
                )
            hits = kept
        hits += negated.pop(tag.id, [])
        hits += [
            Evidence(tag.id, quantity_rule(q), text[q.start : q.end], q.start, q.end)
            for q in counted
            if q.tag == tag.id
        ]
        if hits and removed:
            for h in hits:
                h.start, h.end = _written(h.start, removed), _written(h.end, removed)
                h.span = (text if h.rule.startswith(("stem:", "quantity:")) else written)[h.start : h.end]
        if hits:
            out.tags.append(tag.id)
            out.evidence.extend(sorted(hits, key=lambda e: e.start))
            out.provenance[tag.id] = {"source": "rule", "confidence": RULE_CONFIDENCE}
    return out
