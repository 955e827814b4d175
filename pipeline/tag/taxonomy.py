"""The tag taxonomy (``configs/taxonomy.yaml``), loaded and checked.

The file is edited by analysts, so every problem is reported at load time with the file, the tag
and what is wrong: an unknown key, a missing language, a rule that is not a valid regular
expression, a duplicate id.
"""

from __future__ import annotations

import re
import re._casefix
import re._constants as sre
import re._parser
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from pipeline import LANGS
from pipeline.core.errors import InputError
from pipeline.tag import morphology

TAG_KEYS = {"id", "kind", "label", "description", "rules", "exclude", "stems", "negation", "negated"}
NEGATION_KEYS = {"before", "after", "dissent"}
TOP_KEYS = {"version", "languages", "vocabulary", "tags", "procedural", "exclusive"}
KINDS = {"topic", "stance"}
ID = re.compile(r"^[a-z][a-z0-9_]*$")
WORDS = re.compile(r"\{\{([a-z_]+)\}\}")
"""A reference to a vocabulary list in a rule: ``{{holders}}``. Braces are doubled because single
ones are regular-expression counts."""
CLITICS = {"ar": re.compile(r"[وف]?(?:[بكل]?ال|لل|[بكل]|س?[يتنأ])?")}
"""The letters that may stand before a rule's first word in the same written word, per language.
Arabic writes its conjunctions, prepositions, article and verb prefixes onto the word, so its rules
have no spaces to anchor them and matched inside other words ("عدة دول", several States, inside
"مساعدة الدول", assistance to States: 8 wrong subset tags on the labelled data, none right). An
Arabic rule now starts at a word, after at most و/ف, a preposition or the article, or the future
and imperfect prefixes; a rule that starts with punctuation is not held to it."""
WRITTEN_MARKS = {"ar": re.compile(morphology.AR_DIACRITICS.pattern + r"\??")}
"""Arabic short vowels, shadda and tatweel in a pattern, with the ``?`` that makes one optional: the
rules read the text without them (``rules._plain``), so a pattern that writes one ("مقدّ?مي", "نُهُج",
"صوتاً") could never match there; they are dropped when the taxonomy is read."""


class WordStartRule:
    """A rule matched only where a written word starts (after the language's clitics). The check
    runs on each match rather than inside the pattern: a leading look-behind made the regular
    expression engine try it at every character, four times slower on Arabic text."""

    def __init__(self, pattern: re.Pattern, clitics: re.Pattern) -> None:
        self.compiled, self.clitics = pattern, clitics
        self.pattern, self.groupindex = pattern.pattern, pattern.groupindex

    def at_word_start(self, text: str, start: int) -> bool:
        word = start
        while word > 0 and (text[word - 1].isalpha() or unicodedata.category(text[word - 1]) == "Mn"):
            word -= 1
        return word == start or not text[start].isalpha() or bool(self.clitics.fullmatch(text, word, start))

    def finditer(self, text: str) -> Iterator[re.Match]:
        return (m for m in self.compiled.finditer(text) if self.at_word_start(text, m.start()))

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)

    def sub(self, repl: Callable[[re.Match], str], text: str) -> str:
        return self.compiled.sub(lambda m: repl(m) if self.at_word_start(text, m.start()) else m.group(0), text)


FOLD = {c: min(group) for k, v in re._casefix._EXTRA_CASES.items() for group in [(k, *v)] for c in group}
"""Letters the regular expression engine takes for one another beyond lower case (s and ſ, i and ı,
Cyrillic в and its old form ...), each mapped to one of them in ``folded``."""
FOLDED = re.compile(f"[{''.join(map(chr, FOLD))}]")
MIN_LITERAL = 3
"""Shorter required words are in nearly every text: a check for them saves no scan."""
_last: tuple[str | None, str | None] = (None, None)


def folded(text: str) -> str | None:
    """``text`` lowered as the engine compares it without case, or None where lowering changes its
    length (the dotted İ): such a text is scanned by every rule. The last text is kept, since every
    rule of every tag reads the same paragraph in turn."""
    global _last
    seen, low = _last
    if seen is not text:
        low = text.lower()
        if len(low) != len(text):
            low = None
        elif FOLDED.search(low):
            low = low.translate(FOLD)
        _last = (text, low)
    return low


def _required(items: list) -> set[str] | None:
    """Words one of which every match of the parsed sequence ``items`` contains (the longest such set
    found), or None."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(words: set[str] | None) -> None:
        nonlocal best
        if words and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is sre.SUBPATTERN:
            consider(_required(av[3]))
        elif op is sre.BRANCH:
            words = [_required(branch) for branch in av[1]]
            if all(words):
                consider(set().union(*words))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
        elif op is sre.ATOMIC_GROUP:
            consider(_required(av))
    if run:
        consider({"".join(run)})
    return best


@cache
def required_words(pattern: str) -> frozenset[str] | None:
    """Lowered words one of which every match of ``pattern`` (read without case) contains, or None
    when some match may contain none of at least ``MIN_LITERAL`` letters. Kept per pattern: reading
    them parses every rule again (.18 s a load), paid once per process."""
    words = _required(list(re._parser.parse(pattern, re.IGNORECASE)))
    if not words or min(map(len, words)) < MIN_LITERAL:
        return None
    return frozenset(w.lower().translate(FOLD) for w in words)


class Prefiltered:
    """A rule scanned only in texts that contain one of the words each of its matches contains
    ("prevent" for ``\\bprevent\\w*``, each first word of an alternation). Latin and Cyrillic rules
    read without case have no literal start the engine can search for, so each rule stepped through
    every character of every paragraph: a substring test on the lowered text is many times faster,
    and most rules have no such word in most paragraphs."""

    def __init__(self, rule: re.Pattern | WordStartRule | KeptExclude, words: frozenset[str]) -> None:
        self.rule, self.words = rule, words
        self.pattern, self.groupindex = rule.pattern, getattr(rule, "groupindex", {})

    def may_match(self, text: str) -> bool:
        low = folded(text)
        return low is None or any(w in low for w in self.words)

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.rule.finditer(text) if self.may_match(text) else iter(())

    def search(self, text: str) -> re.Match | None:
        return self.rule.search(text) if self.may_match(text) else None

    def sub(self, repl: Callable[[re.Match], str], text: str) -> str:
        return self.rule.sub(repl, text) if self.may_match(text) else text


KEEP = "(?P<keep>"
KEEP_REACH = 80
"""How far before an exclude match its ``keep`` context is looked for."""


class KeptExclude:
    """An exclude written ``(?P<keep>CONTEXT)?PHRASE``: PHRASE is blanked unless CONTEXT ends right
    before it ("evidence held by providers in | other jurisdictions" is data held abroad, "experts
    from other jurisdictions" only names States). The context is checked only where PHRASE matched:
    as one expression, the optional leading group was tried at every character (eight times slower)."""

    def __init__(self, pattern: str, keep: str, main: re.Pattern | WordStartRule) -> None:
        self.pattern, self.main = pattern, main
        self.keep = re.compile(f"(?:{keep})\\Z", re.IGNORECASE)

    def sub(self, repl: Callable[[re.Match], str], text: str) -> str:
        def unless_kept(m: re.Match) -> str:
            return m.group(0) if self.keep.search(text, max(0, m.start() - KEEP_REACH), m.start()) else repl(m)

        return self.main.sub(unless_kept, text)


def _split_keep(rule: str) -> tuple[str, str] | None:
    """(context, phrase) of a rule that starts with an optional ``(?P<keep>...)`` group, else None."""
    if not rule.startswith(KEEP):
        return None
    depth, i = 0, 0
    while i < len(rule):
        c = rule[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = rule.index("]", i + 2)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        i += 1
    if rule[i + 1 : i + 2] != "?":
        raise re.error("a keep group must be optional: (?P<keep>...)?")
    return rule[len(KEEP) : i], rule[i + 2 :]


Rule = re.Pattern | WordStartRule | KeptExclude | Prefiltered
NEGATION_REACH = 80
"""How far before a hit its negation is looked for."""


@dataclass
class Negation:
    """A tag's negation guard in one language: a hit is dropped when ``before`` ends right where it
    starts ("reached no | shared view", "n'a pas fait l' | unanimité", "未能 | 获得普遍接受") or
    ``after`` starts right where it ends ("consensus | could not be reached"), unless the hit or the
    negated words name dissent (``dissent``: "no delegation objected", "without a dissenting voice"
    are agreement). The guard is checked only at a hit, over a few words: as exclude spans, every
    negation in the text would have been tried."""

    before: re.Pattern
    after: re.Pattern | None = None
    dissent: re.Pattern | None = None

    def negates(self, text: str, start: int, end: int) -> bool:
        if self.dissent and self.dissent.search(text, start, end):
            return False
        m = self.before.search(text, max(0, start - NEGATION_REACH), start)
        if m and not (self.dissent and self.dissent.search(text, m.start(), start)):
            return True
        m = self.after.match(text, end, min(len(text), end + NEGATION_REACH)) if self.after else None
        return bool(m and not (self.dissent and self.dissent.search(text, end, m.end())))


@dataclass
class Tag:
    id: str
    kind: str
    label: dict[str, str]
    description: dict[str, str]
    rules: dict[str, list[Rule]]
    exclude: dict[str, list[Rule]] = field(default_factory=dict)
    stems: dict[str, list[str]] = field(default_factory=dict)
    """Plain phrases per language, matched on stems (``pipeline.tag.morphology``)."""
    negation: dict[str, Negation] = field(default_factory=dict)
    """Per language, the words that negate a hit just before or after it (``Negation``)."""
    negated: str | None = None
    """The tag a negated hit is evidence of: agreement that was not reached is a divided room."""


@dataclass(frozen=True)
class Exclusive:
    """Tags the labelling conventions let a paragraph carry together only beside one of ``unless``
    ("most ..., while a few ..." is divergent and carries each camp's stance)."""

    tags: frozenset[str]
    unless: frozenset[str]


@dataclass
class Taxonomy:
    path: Path
    tags: list[Tag]
    procedural: dict[str, list[Rule]] = field(default_factory=dict)
    """Per language, cues of a sentence that only records the meeting's procedure (documents before it,
    attendance, logistics, a title): no rule looks inside such a sentence (``pipeline.tag.rules``)."""
    exclusive: list[Exclusive] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [tag.id for tag in self.tags]


def load_taxonomy(path: Path) -> Taxonomy:
    path = Path(path)
    try:
        # The C loader when PyYAML has it: the file is long and read on every run.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError as err:
        raise InputError(path, "taxonomy file not found") from err
    except yaml.YAMLError as err:
        raise InputError(path, f"not valid YAML ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        raise InputError(path, "expected a mapping with a 'tags' list")
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise InputError(path, f"unknown top-level key(s): {', '.join(sorted(unknown))}")
    langs = data.get("languages", list(LANGS))
    words = _vocabulary(path, data.get("vocabulary") or {})
    tags: list[Tag] = []
    seen: set[str] = set()
    for position, raw in enumerate(data["tags"], 1):
        tags.append(_tag(path, position, raw, langs, seen, words))
    order = [tag.id for tag in tags]
    for n, tag in enumerate(tags):
        if tag.negated is not None and tag.negated not in order[n + 1 :]:
            raise InputError(path, f"tag {tag.id!r}: 'negated' must name a tag listed after it, not {tag.negated!r}")
    procedural = data.get("procedural") or {}
    if not isinstance(procedural, dict):
        raise InputError(path, "'procedural' must map languages to lists of regular expressions")
    return Taxonomy(
        path,
        tags,
        {lang: _compile(path, "procedural", lang, rules, words) for lang, rules in procedural.items()},
        _exclusive(path, data.get("exclusive") or [], seen),
    )


def _exclusive(path: Path, raw: object, ids: set[str]) -> list[Exclusive]:
    if not isinstance(raw, list):
        raise InputError(path, "'exclusive' must be a list of {tags: [...], unless: [...]}")
    groups = []
    for n, entry in enumerate(raw, 1):
        where = f"exclusive #{n}"
        if not isinstance(entry, dict) or set(entry) - {"tags", "unless"} or not isinstance(entry.get("tags"), list):
            raise InputError(path, f"{where}: expected a mapping with a 'tags' list and an optional 'unless' list")
        tags, unless = entry["tags"], entry.get("unless") or []
        if len(set(tags)) < 2:
            raise InputError(path, f"{where}: 'tags' needs at least two tags")
        unknown = [t for t in (*tags, *unless) if t not in ids]
        if unknown:
            raise InputError(path, f"{where}: unknown tag(s) {', '.join(map(str, unknown))}")
        groups.append(Exclusive(frozenset(tags), frozenset(unless)))
    return groups


def _vocabulary(path: Path, raw: object) -> dict[str, dict[str, str]]:
    """Named word lists per language (who can hold a view: speakers, experts, delegations ...), so
    that every rule that needs one reads the same list and a noun added once serves all of them."""
    if not isinstance(raw, dict) or not all(
        ID.match(str(name)) and isinstance(table, dict) and all(isinstance(v, list) and v for v in table.values())
        for name, table in raw.items()
    ):
        raise InputError(path, "'vocabulary' must map lower_snake_case names to languages to lists of words")
    return {name: {lang: "|".join(map(str, items)) for lang, items in table.items()} for name, table in raw.items()}


def _tag(
    path: Path, position: int, raw: object, langs: list[str], seen: set[str], words: dict[str, dict[str, str]]
) -> Tag:
    if not isinstance(raw, dict):
        raise InputError(path, f"tag #{position}: expected a mapping")
    tag_id = raw.get("id")
    where = f"tag {tag_id!r}" if tag_id else f"tag #{position}"
    if not isinstance(tag_id, str) or not ID.match(tag_id):
        raise InputError(path, f"{where}: 'id' must be lower_snake_case")
    if tag_id in seen:
        raise InputError(path, f"{where}: duplicate id")
    seen.add(tag_id)
    unknown = set(raw) - TAG_KEYS
    if unknown:
        raise InputError(path, f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if raw.get("kind") not in KINDS:
        raise InputError(path, f"{where}: 'kind' must be one of {', '.join(sorted(KINDS))}")
    for key in ("label", "description", "rules"):
        table = raw.get(key)
        if not isinstance(table, dict):
            raise InputError(path, f"{where}: '{key}' must map languages to values")
        missing = [lang for lang in langs if not table.get(lang)]
        if missing:
            raise InputError(path, f"{where}: '{key}' is missing language(s) {', '.join(missing)}")
    return Tag(
        id=tag_id,
        kind=raw["kind"],
        label=dict(raw["label"]),
        description=dict(raw["description"]),
        rules={lang: _compile(path, where, lang, raw["rules"][lang], words) for lang in langs},
        exclude={
            lang: _compile(path, where, lang, rules, words, excludes=True)
            for lang, rules in (raw.get("exclude") or {}).items()
        },
        stems=_phrases(path, where, raw.get("stems") or {}),
        negation=_negations(path, where, raw.get("negation") or {}, words),
        negated=raw.get("negated"),
    )


def _negations(path: Path, where: str, table: object, words: dict[str, dict[str, str]]) -> dict[str, Negation]:
    """Each language's guard, its expressions read like rules (``{{name}}`` vocabulary included)."""
    if not isinstance(table, dict) or not all(
        isinstance(v, dict) and "before" in v and set(v) <= NEGATION_KEYS for v in table.values()
    ):
        raise InputError(path, f"{where}: 'negation' must map languages to {{before, after, dissent}} expressions")
    out = {}
    for lang, entry in table.items():
        part = {key: _expand(path, where, lang, str(entry[key] or ""), words) for key in entry}
        try:
            out[lang] = Negation(
                before=re.compile(f"(?:{part['before']})\\Z", re.IGNORECASE),
                after=re.compile(part["after"], re.IGNORECASE) if part.get("after") else None,
                dissent=re.compile(part["dissent"], re.IGNORECASE) if part.get("dissent") else None,
            )
        except re.error as err:
            raise InputError(path, f"{where}: negation for {lang} is not a valid regular expression ({err})") from err
    return out


def _phrases(path: Path, where: str, table: object) -> dict[str, list[str]]:
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) and p.strip() for p in v) for v in table.values()
    ):
        raise InputError(path, f"{where}: 'stems' must map languages to lists of phrases")
    return {lang: list(phrases) for lang, phrases in table.items()}


def _compile(
    path: Path, where: str, lang: str, rules: object, words: dict[str, dict[str, str]], excludes: bool = False
) -> list[Rule]:
    if isinstance(rules, str):
        rules = [rules]
    if not isinstance(rules, list):
        raise InputError(path, f"{where}: rules for {lang} must be a list of regular expressions")
    compiled = []
    for rule in rules:
        rule = _expand(path, where, lang, str(rule), words)
        try:
            kept = _split_keep(rule) if excludes else None
            pattern = re.compile(kept[1] if kept else rule, re.IGNORECASE)
            main = WordStartRule(pattern, CLITICS[lang]) if lang in CLITICS else pattern
            rule_object = KeptExclude(rule, kept[0], main) if kept else main
            needed = required_words(kept[1] if kept else rule)
            compiled.append(Prefiltered(rule_object, needed) if needed else rule_object)
        except re.error as err:
            raise InputError(
                path, f"{where}: rule {rule!r} for {lang} is not a valid regular expression ({err})"
            ) from err
    return compiled


def _expand(path: Path, where: str, lang: str, rule: str, words: dict[str, dict[str, str]]) -> str:
    def named(m: re.Match) -> str:
        table = words.get(m.group(1))
        if table is None:
            raise InputError(path, f"{where}: rule for {lang} names {m.group(0)}, which 'vocabulary' does not define")
        if lang not in table:
            raise InputError(path, f"{where}: rule for {lang} names {m.group(0)}, which has no {lang} words")
        return f"(?:{table[lang]})"

    rule = WORDS.sub(named, rule)
    marks = WRITTEN_MARKS.get(lang)
    return marks.sub("", rule) if marks else rule
