"""Segment stage: paragraphs to sentences and tokens, per language.

Tokens come from spaCy's blank pipelines (ar, en, fr, ru, es) and from jieba for Chinese (spaCy's
zh tokenizer with the jieba segmenter). Sentence boundaries are a rule layer over those tokens:
a sentence ends at final punctuation unless the word before it is a known abbreviation
(``configs/abbreviations.yaml``: para., art., No., т. е.) or the next word continues in lower
case; document symbols (E/CN.15/2018/12), resolution numbers (65/230) and decimals are single
tokens, so their inner full stops never split.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import spacy
import yaml
from tqdm import tqdm

from pipeline import CONFIGS
from pipeline.core.docset import check_lang, check_out, document_sets, language_files
from pipeline.core.errors import InputError
from pipeline.core.records import read_extracted, write_jsonl
from pipeline.core.report import StageReport

log = logging.getLogger(__name__)
FINAL = {".", "!", "?", "。", "！", "？", "؟", "…", "...", "?»", ".»"}
CLOSERS = set("”’»)]）】》」』\"'")
SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+$")
FINAL_CHARS = ".!?。！？؟…"
LABEL = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|[IVXLC]+\.|[A-Z]\.|\(?[a-z]{1,4}\)|\(\d+\))\s")
"""A paragraph label (``24.``, ``3.1.``, ``IV.``, ``B.``, ``(a)``): its full stop ends no sentence."""


@dataclass
class Sentence:
    doc: str
    lang: str
    para_id: str
    sent_id: str
    text: str
    tokens: list[str] = field(default_factory=list)


MAX_TEXT = 50_000_000
"""Characters of one paragraph the tokenizer takes (spaCy's default is 1,000,000)."""


@cache
def tokenizer(lang: str):
    """A blank spaCy pipeline for the language (jieba-segmented for Chinese)."""
    check_lang(lang)
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank(lang)
    # UN symbols like E/CN.15/2018/12 must stay whole tokens.
    nlp.tokenizer.token_match = SYMBOL.match if lang != "zh" else None
    # spaCy refuses a text over a million characters, a guard for the parser's memory; a blank
    # pipeline only tokenizes (a 1.2 MB paragraph, a text export with no line breaks, stopped
    # the whole segment stage).
    nlp.max_length = MAX_TEXT
    return nlp


@cache
def abbreviations(config_dir: str, lang: str) -> frozenset[str]:
    path = Path(config_dir) / "abbreviations.yaml"
    # BaseLoader keeps every entry a string: YAML 1.1 would read "No" and "no" as False.
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    return frozenset(str(a) for a in table.get(lang) or [])


def split_sentences(text: str, lang: str, config_dir: str = CONFIGS) -> list[tuple[str, list[str]]]:
    """Sentences of one paragraph, each with its tokens."""
    nlp = tokenizer(lang)
    abbrev = abbreviations(config_dir, lang)
    doc = nlp(text)
    tokens = [t for t in doc if not t.is_space]
    label = LABEL.match(text)
    label_end = label.end() if label else 0
    sentences: list[tuple[str, list[str]]] = []
    start = 0
    i = 0
    while i < len(tokens):
        if tokens[i].idx >= label_end and _ends_sentence(tokens, i, abbrev, lang):
            end = i + 1
            while end < len(tokens) and tokens[end].text in CLOSERS:
                end += 1
            sentences.append(_span(text, tokens[start:end]))
            start = i = end
            continue
        i += 1
    if start < len(tokens):
        sentences.append(_span(text, tokens[start:]))
    return sentences


def _span(text: str, toks) -> tuple[str, list[str]]:
    """A sentence's text, cut from the paragraph (spaCy's ``doc.text`` is rebuilt from every
    token at each call: a paragraph of thousands of sentences took minutes)."""
    return text[toks[0].idx : toks[-1].idx + len(toks[-1].text)], [t.text for t in toks]


def _ends_sentence(tokens, i: int, abbrev: frozenset[str], lang: str) -> bool:
    tok = tokens[i].text
    if tok in FINAL:
        before = tokens[i - 1].text if i > 0 else ""
        if tok == "." and (before in abbrev or before.lower() in abbrev or (len(before) == 1 and before.isalpha())):
            return False  # para. 25 / т. е. / initials, split off by the tokenizer
    elif tok[-1] in FINAL_CHARS and len(tok) > 1:
        stem = tok[:-1]
        if stem in abbrev or stem.lower() in abbrev or (len(stem) == 1 and stem.isalpha()) or "." in stem:
            return False  # No. / M. / U.N. kept whole by the tokenizer
    else:
        return False
    nxt = next((tokens[k] for k in range(i + 1, len(tokens)) if tokens[k].text not in CLOSERS), None)
    if nxt is None:
        return False  # the paragraph's end closes the last sentence anyway
    if lang == "zh":
        return True
    # In alphabetic scripts a sentence starts with a capital, a digit, a quote or a bracket.
    return not nxt.text[0].islower()


def segment_paragraphs(rows: list[dict], lang: str, config_dir: str = CONFIGS) -> list[Sentence]:
    """Sentences of every paragraph, with ids ``<para_id>-s<n>`` so alignment can use both levels."""
    out: list[Sentence] = []
    for row in rows:
        for n, (text, toks) in enumerate(split_sentences(row["text"], lang, config_dir), 1):
            out.append(Sentence(row["doc"], lang, row["para_id"], f"{row['para_id']}-s{n}", text, toks))
    return out


def sentence_rows(sentences: list[Sentence]) -> list[dict]:
    return [asdict(s) for s in sentences]


def segment_docset(
    extracted_dir: Path, out_dir: Path, config_dir: str = CONFIGS
) -> tuple[dict[str, int], dict[str, str]]:
    """Segment every language file of one extracted document set; returns sentences per language
    and the problem of each language that could not be read (the others are segmented all the
    same, and its old output is removed: align and tag would take it for the current one)."""
    counts: dict[str, int] = {}
    failed: dict[str, str] = {}
    for lang, path in language_files(extracted_dir).items():
        try:
            rows = read_extracted(path)
        except InputError as err:
            failed[lang] = str(err)
            Path(out_dir, f"{lang}.jsonl").unlink(missing_ok=True)
            continue
        sentences = segment_paragraphs(rows, lang, config_dir)
        write_jsonl(Path(out_dir) / f"{lang}.jsonl", sentence_rows(sentences))
        counts[lang] = len(sentences)
        log.info("%s %s: %d sentences", Path(extracted_dir).name, lang, len(sentences))
    return counts, failed


def run_segment(extracted: Path, out: Path, config_dir: str = CONFIGS) -> StageReport:
    """The segment stage over the extract stage's output (every document set in it)."""
    report = StageReport("segment")
    check_out(out, extracted)
    for folder in tqdm(document_sets(Path(extracted)), desc="segment", unit="set", disable=None):
        try:
            counts, failed = segment_docset(folder, Path(out) / folder.name, config_dir)
        except InputError as err:
            report.fail(folder.name, None, str(err))
            continue
        for lang, problem in failed.items():
            report.fail(folder.name, lang, problem)
        report.sets[folder.name] = {"sentences": counts}
    report.write(Path(out))
    return report
