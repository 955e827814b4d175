"""Stances carried by a quantity: how many of the States, respondents or delegations hold a view.

Secretariat notes that count national replies and reports that count speakers state a position
as a proportion: "Of the 52 States that replied, 38 indicated ...", "Thirty-nine respondents
indicated ..." after "The Secretariat received 48 replies", "Nearly half of the respondents",
"More than four fifths of responding States", "62 per cent of States", "Only eight respondents".
The labelling conventions (``data/labels/README.md``) give such a count stance_consensus when the
share is above one half and stance_some when it is a half or less, or when no total is stated.
A regular expression can find the words but cannot compare 39 with 48, so the taxonomy's rules
cannot carry this family; the classifier cannot either (an embedding does not order numbers).

The component reads the same shapes in the six languages with one procedure: a per-language
lexicon (cardinal numbers written in words, fractions, "more than / fewer than / about",
the nouns of holders of a view, the verbs that give a total of replies) fills a handful of
patterns, and the share is computed from what they capture:

- ``share``: a count and its total together ("38 of the 52 States", "39 из 48", "(29 de 40)",
  "在作出答复的61个国家中，约有40个", "Of the 52 States that replied ..., 38");
- ``fraction``: a fraction or a percentage of holders, with its comparator ("nearly half of
  the respondents", "plus des quatre cinquièmes des États", "不到四分之一的答复方",
  "62 per cent of States", "moins d'un répondant sur quatre");
- ``total``: the number of replies or States that answered ("received 48 replies", "replies
  from 41 States", "41 States replied", "analysed the 57 replies"); it is the denominator of a later
  count;
- ``count``: a number of holders ("Thirty-nine respondents", "Three academic panellists", "两个代表团",
  "ثماني دول", "una veintena de delegaciones", "Семеро экспертов", "Около десятка экспертов"), a
  range read at its lower end ("two or three delegations", "dos o tres", "два-три", "两三个"), or of
  the bodies whose representatives speak ("Representatives of three States", "Les délégations de
  quatre États", "ممثلو ثلاث دول"), also inside the noun phrase ("Representatives of the cybercrime
  units of two States", "Представители подразделений ... двух государств", "联合国系统17个组织的代表",
  "ممثلو وحدتَي ... في دولتين"), read against the total stated before it in the paragraph, and
  stance_some without one;
- ``anaphor``: a count of holders named before it ("Twenty-seven of them", "Of those, 31",
  "Из них 31", "其中31个"), or a relative count ("four of which took the floor", "dont quatre",
  "cuatro de los cuales", "четыре из которых", "其中有四国", "أربع منها"); with no total it needs
  holders named in the 200 characters before it ("57 of them children" names none);
- ``bare``: a number or fraction standing alone as the subject of a verb of saying or replying,
  the holders named before ("..., and nine indicated", "Just over half said that they did, while
  21 said", "Un peu plus de la moitié ont répondu", "Nine in ten said", "neuf sur dix ont indiqué");
- ``vague``: an unnamed count that refers back ("Several of them reported", "la plupart d'entre
  eux", "La mayoría de ellos", "некоторые из них", "其中若干", "وذكرت عدة دول منها"): most of them
  is a majority, the others a subset;
- ``all``: "All four panellists held", "Все четыре участника", "四名小组成员一致认为": a consensus;
- ``group``: the definite article and a count, the whole of a group named ("The four panellists
  agreed", "Los cuatro ponentes coincidieron", "Les trois experts ont convenu", "اتفق الخبراء
  الثلاثة"): a consensus when a verb of agreement follows, a subset when a restrictive relative picks
  them out ("the three delegations that had submitted proposals stressed"), and nothing otherwise;
- ``dual``: Arabic duals of holder nouns, a count of two in one word (وفدان, دولتان, خبيران,
  "وعزا ممثلان", "وأكد ممثلا منظمتين"); "بين دولتين" (between two States) has no verb of saying.

Only holders of a view count: a number not followed by such a noun (article 18, 90 days,
2 June, 48 hours) is never read, a count after a preposition of place or direction ("in three
countries", "assistance to 12 States") names places, not who holds a view, and a total is not a
count. A two-thirds majority of the representatives present and voting has no holder noun in reach.
Two gates were tried before the present one and dropped on real UN text (the UN Parallel Corpus
dev set): any count of holders (fired on attendance lists, "the Office assisted two Member States",
"the representatives of 42 Member States"), then a count at the head of a clause (still "About 40
experts participated", "13 Member States are in arrears", "57 of them children"). A count now needs
a verb of saying or reporting (``SAYS``), or a questionnaire's replies around it. A number with
no holder noun (``bare``) needs the verb right after it, finite in French and Spanish ("dont 46
considérées comme critiques", "11 comunicaciones" are a participle and a noun), and in Arabic a
verb right before it and nothing but punctuation after ("من بينهم 57 طفلا" is "of whom 57
children"). The exceptions to a view ("with one or two exceptions", "باستثناء واحد أو اثنين منهم")
are not its holders, and "71 replies, 64 of them from Member States" is where replies came from.
Tried and dropped: the definite article as "all" whatever the verb ("The five nuclear-weapon States
also expressed reluctance" is a subset of the conference, not a consensus): it now needs a verb of
agreement (``group``); "the remainder"/"the rest" as the complement of a share (the labels give
"Only 12 of the 58 States ...; the rest relied on general offences" stance_some alone). A verb of
saying before its count is read in Spanish and Russian ("Destacaron tres expertos", "отметили три
эксперта", not "призвали три государства" nor "С заявлениями выступили представители 42
государств", the list of who took the floor), and the agent of a passive in English, French and
Spanish for shares and fractions ("welcomed by more than four fifths of the delegations"); a count
after "by/par/por" is read as a total of replies first ("replies by 41 States").

Every shape is one regular expression run once over the text (``finditer``), and the gates look
at a bounded window around each match, so the reader is linear in the length of the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from pipeline.tag import morphology

CONSENSUS, SOME = "stance_consensus", "stance_some"


@dataclass(frozen=True)
class Hit:
    """One stance read from a quantity, with the span it was read from."""

    tag: str
    shape: str
    span: str
    start: int
    end: int
    share: Fraction | None
    """The share of holders (None: a count with no total stated)."""


# Cardinal numbers written in words. Digits (any script: Python's \d and int() read Arabic-Indic
# digits too) are read everywhere. "One" is left out of the words: it is also the article
# (un/une/uno/una) and "one delegation" is already the taxonomy's stance_some rule.
EN_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
EN_UNITS += ["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
FR_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
FR_APPROX = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
}
ES_APPROX = {"decena": 10, "docena": 12, "veintena": 20, "treintena": 30, "cuarentena": 40, "cincuentena": 50}
APPROX = {"fr": FR_APPROX, "es": ES_APPROX}
"""Approximate counts: "une quarantaine d'États", "una veintena de delegaciones"."""
ES_WORDS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiún": 21, "veintiuno": 21,
    "veintiuna": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}  # fmt: skip
RU_WORDS = {
    "один": 1,
    "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
    "десяток": 10, "десятка": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
}  # fmt: skip
RU_FORMS = (
    r"дво(?:е|их)|тро(?:е|их)|четвер(?:о|ых)|пятер(?:о|ых)|семер(?:о|ых)|десят(?:ок|ка)|дв(?:а|е|ух|ум|умя)|тр(?:и|[её]х|[её]м|емя)"
    r"|четыр(?:е|[её]х|[её]м|ьмя)|пят(?:ь|и|ью)|шест(?:ь|и|ью)|сем(?:ь|и|ью)"
    r"|вос(?:емь|ьми|емью|ьмью)|девят(?:ь|и|ью)|десят(?:ь|и|ью)|\w{2,6}надцат(?:ь|и|ью)|двадцат(?:ь|и|ью)"
    r"|тридцат(?:ь|и|ью)|сорок(?:а)?|пят(?:ьдесят|идесяти)|шест(?:ьдесят|идесяти)|сем(?:ьдесят|идесяти)"
    r"|вос(?:емьдесят|ьмидесяти)|девяност(?:о|а)"
)
RU_ONE = r"один|одн(?:о|а|ого|ой|ому|им)"
"""One, only after a ten ("сорок одно из 57 государств"): alone it is the article-like "одна делегация"."""
AR_UNITS = {
    "اثن": 2, "اثنت": 2, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9, "عشر": 10,
    "احد": 1, "احدي": 1,
}  # fmt: skip
AR_TENS = {"عشر": 20, "ثلاث": 30, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80, "تسع": 90}
AR_WORD = (
    r"(?:و|ال|وال)?(?:اثن[اتي]\w{0,3}|ثلاث\w{0,3}|[أا]ربع\w{0,3}|خمس\w{0,3}|ست\w{0,3}|سبع\w{0,3}|"
    r"ثمان\w{0,3}|تسع\w{0,3}|عشر\w{0,3}|[أإا]حد[ىي]?)"
)
ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

NUM = {
    "en": rf"\d+|(?:{'|'.join(EN_TENS)})(?:[- ](?:one|{'|'.join(EN_UNITS[:8])}))?|{'|'.join(EN_UNITS)}",
    "fr": (
        r"\d+|(?:(?:soixante|quatre)[- ])?(?:vingts?|trente|quarante|cinquante|soixante|dix|onze|douze|"
        r"treize|quatorze|quinze|seize)(?:(?:-| et )(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|"
        r"dix|onze|douze|treize|quatorze|quinze|seize)(?:-(?:sept|huit|neuf))?)?|deux|trois|quatre|cinq|"
        r"six|sept|huit|neuf"
    ),
    "es": r"\d+|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)"
    r"(?: y (?:uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|"
    + "|".join(w for w, v in ES_WORDS.items() if 1 < v < 30),
    "ru": rf"\d+|(?:{RU_FORMS})(?: (?:{RU_FORMS}|{RU_ONE}))?",
    "ar": rf"\d+|{AR_WORD}(?: {AR_WORD})?",
    "zh": r"\d+|[一二两三四五六七八九十]{1,3}",
}
"""A cardinal number, in digits or words (two to ninety-nine)."""
RANGE = {
    "en": r"\s+(?:or|to)\s+",
    "fr": r"\s+(?:ou|à)\s+",
    "es": r"\s+(?:o|u|a)\s+",
    "ru": r"\s*[-–]\s*|\s+или\s+",
    "zh": r"(?!)",
    "ar": r"\s+(?:أو|إلى)\s+",
}
"""Between the two ends of a range ("two or three delegations", "dos o tres expertos", "два-три
эксперта"): a count of holders all the same, read as its lower end (stance_some without a total)."""


def number(text: str, lang: str) -> int | None:
    """The value of a number ``NUM`` matched, or None."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if lang == "en":
        parts = re.split(r"[- ]", text)
        words = {w: k for k, w in enumerate(["one", *EN_UNITS], 1)} | {w: 20 + 10 * k for k, w in enumerate(EN_TENS)}
        return sum(words.get(p, 0) for p in parts) or None
    if lang == "fr":
        parts = re.split(r"-| et | ", text)
        total, k = 0, 0
        while k < len(parts):
            if parts[k] == "quatre" and k + 1 < len(parts) and parts[k + 1].startswith("vingt"):
                total, k = total + 80, k + 2
                continue
            total, k = total + FR_WORDS.get(parts[k], 0), k + 1
        return total or None
    if lang == "es":
        return sum(ES_WORDS.get(p, 0) for p in text.split(" y ")) or None
    if lang == "ru":
        return sum(RU_WORDS.get(morphology.stem(p, "ru"), 0) for p in text.split()) or None
    if lang == "ar":
        return _arabic_number(text)
    if lang == "zh":
        return _chinese_number(text)
    return None


def _arabic_number(text: str) -> int | None:
    total = 0
    for word in text.split():
        word = re.sub("^(?:وال|ال|و)", "", word).replace("أ", "ا").replace("إ", "ا").replace("ى", "ي")
        for suffix in ("ون", "ين"):
            if word.endswith(suffix) and word[: -len(suffix)] in AR_TENS:
                total += AR_TENS[word[: -len(suffix)]]
                break
        else:
            base = word[:-1] if word.endswith("ة") else word
            if base.startswith("اثن"):
                base = "اثن"
            total += 10 if base == "عشر" and total else AR_UNITS.get(base, 0)
    return total or None


def _chinese_number(text: str) -> int | None:
    if "十" not in text:
        if len(text) == 2 and text[0] in ZH_DIGITS and text[1] in ZH_DIGITS:
            low, high = ZH_DIGITS[text[0]], ZH_DIGITS[text[1]]
            return low if high == low + 1 else None  # 两三个, 三四位: two or three, three or four
        return ZH_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (ZH_DIGITS.get(units, 0) if units else 0)
    return value if (not tens or tens in ZH_DIGITS) and (not units or units in ZH_DIGITS) else None


HOLDER = {
    "en": (
        r"(?:Member )?States?(?: parties)?|countries|respondents|replies|responses|delegations|delegates|"
        r"speakers|experts|participants|panellists|panelists|representatives|Governments"
    ),
    "fr": (
        r"(?:États|Etats)(?: parties| Membres)?|pays|répondants?|réponses|délégations|délégués|orateurs|"
        r"intervenants|intervenantes|experts|participants|panélistes|représentants|gouvernements"
    ),
    "es": (
        r"Estados(?: partes| Miembros)?|países|encuestados|respuestas|delegaciones|delegados|oradores|"
        r"expertos|participantes|panelistas|ponentes|intervinientes|representantes|gobiernos"
    ),
    "ru": (
        r"государств\w*|стран(?:ы|ам|ами|ах)?\b|респондент\w*|ответ(?:а|ов|ы)\b|делегаци\w*|делегат\w*|"
        r"выступавш\w*|оратор\w*|эксперт\w*|участник\w*|представител\w*|правительств\w*"
    ),
    "zh": r"(?:缔约|会员|成员|答复|作出答复的)?国家?|答复方|答复|代表团|发言者|专家|与会者|代表|小组成员|政府",
    "ar": (
        r"(?:ال)?(?:دول\w*|بلدان|مجيب\w*|ردود|ردا|وفود|متكلم\w*|خبراء|مشارك\w*|ممثل\w*|حكومات|أعضاء|مندوب\w*)"
        r"|وفدا|خبيرا|بلدا"
    ),
}
"""Nouns of those who hold or report a view: States, respondents, replies, delegations, speakers,
experts, participants, panellists, representatives, Governments (in Arabic also the singular
accusative a count from eleven to ninety-nine takes: "12 وفدا", "اثني عشر خبيرا")."""

# "responding", "that replied", "ayant répondu": words between a number or fraction and the holder noun.
FILL = {
    "en": r"(?:(?!(?:of|in|and|or|to|from|that|which|who|whom|the|them|those|these)\b)[a-z][a-z-]+ ){0,2}?",
    "fr": r"",
    "es": r"",
    "ru": (
        r"(?:(?:ответивш|представивш|участвующ|други|развивающ|выступ[иа]вш)\w* |"
        r"(?-i:[а-яё]+(?:ие|ые|их|ых|ими|ыми) )(?=[^\s.;:]*\s))?"
    ),
    "zh": r"(?:来自[^，。；、的]{1,10}的)?",
    "ar": r"",
}

GT = {
    "en": r"more than|over|just over|slightly more than|at least|well over",
    "fr": r"plus d[e'’]|un peu plus d[e'’]|plus des|un peu plus des|au moins|bien plus d[e'’]",
    "es": r"más de|algo más de|poco más de|al menos",
    "ru": r"более|свыше|больше|чуть более|чуть больше|немногим более|немногим больше|по меньшей мере",
    "zh": r"超过|逾|多于|一半以上的|以上",
    "ar": r"أكثر من|ما يزيد(?: قليلا)? (?:على|عن)|ما لا يقل عن",
}
LT = {
    "en": r"fewer than|less than|under|just under|only|barely",
    "fr": r"moins d[e'’]|moins des|seulement|à peine",
    "es": r"menos de|apenas|solo|sólo|solamente",
    "ru": r"менее|меньше|лишь|только|не более",
    "zh": r"不到|不足|少于|以下|只有|仅有|仅",
    "ar": r"أقل من|لم \w+ سوى|فقط",
}
ABOUT = {
    "en": r"nearly|almost|about|around|roughly|some|approximately|close to",
    "fr": r"près d[e'’]|près des|presque|environ|quelque|approximativement",
    "es": r"casi|cerca de|unos|unas|aproximadamente|alrededor de",
    "ru": r"почти|около|примерно|порядка|приблизительно",
    "zh": r"近|将近|约有|约|大约|左右|近一半|接近",
    "ar": r"نحو|حوالي|حوالى|قرابة|تقريبا|تقريباً|ما يقارب|زهاء",
}

FRACTIONS: dict[str, list[tuple[str, Fraction]]] = {
    "en": [
        (r"half", Fraction(1, 2)), (r"(?:a|one) third", Fraction(1, 3)), (r"two[- ]thirds", Fraction(2, 3)),
        (r"(?:a|one) quarter", Fraction(1, 4)), (r"three[- ]quarters", Fraction(3, 4)),
        (r"(?:a|one) fifth", Fraction(1, 5)), (r"two[- ]fifths", Fraction(2, 5)),
        (r"three[- ]fifths", Fraction(3, 5)), (r"four[- ]fifths", Fraction(4, 5)),
    ],
    "fr": [
        (r"la moitié", Fraction(1, 2)), (r"(?:un|le) tiers", Fraction(1, 3)), (r"(?:les )?deux tiers", Fraction(2, 3)),
        (r"(?:un|le) quart", Fraction(1, 4)), (r"(?:les )?trois quarts", Fraction(3, 4)),
        (r"(?:un|le) cinquième", Fraction(1, 5)), (r"(?:les )?quatre cinquièmes", Fraction(4, 5)),
        (r"(?:les )?trois cinquièmes", Fraction(3, 5)),
    ],
    "es": [
        (r"la mitad", Fraction(1, 2)), (r"(?:un|el) tercio|la tercera parte", Fraction(1, 3)),
        (r"(?:los )?dos tercios|(?:las )?dos terceras partes", Fraction(2, 3)),
        (r"una cuarta parte|la cuarta parte|un cuarto", Fraction(1, 4)),
        (r"(?:las )?tres cuartas partes", Fraction(3, 4)),
        (r"una quinta parte", Fraction(1, 5)), (r"(?:las )?cuatro quintas partes", Fraction(4, 5)),
        (r"(?:las )?tres quintas partes", Fraction(3, 5)),
    ],
    "ru": [
        (r"половин\w*", Fraction(1, 2)), (r"(?:одн\w+ )?трет(?:ь|и|ью)", Fraction(1, 3)),
        (r"дв\w+ трет(?:и|ей|ям|ями)", Fraction(2, 3)),
        (r"(?:одн\w+ )?четверт(?:ь|и|ью)", Fraction(1, 4)), (r"тр\w+ четверт\w+", Fraction(3, 4)),
        (r"четыр\w+ пят\w+", Fraction(4, 5)), (r"тр\w+ пят\w+", Fraction(3, 5)),
        (r"пят(?:ая|ой|ую) част\w*|кажд\w+ пят\w+", Fraction(1, 5)), (r"кажд\w+ трет\w+", Fraction(1, 3)),
        (r"кажд\w+ четв[её]рт\w+", Fraction(1, 4)), (r"кажд\w+ шест\w+", Fraction(1, 6)),
        (r"десят(?:ая|ой|ую) част\w*|кажд\w+ десят\w+", Fraction(1, 10)),
    ],
    "zh": [
        (r"半数|一半", Fraction(1, 2)), (r"三分之一", Fraction(1, 3)), (r"三分之二", Fraction(2, 3)),
        (r"四分之一", Fraction(1, 4)), (r"四分之三", Fraction(3, 4)), (r"五分之一", Fraction(1, 5)),
        (r"五分之三", Fraction(3, 5)), (r"五分之四", Fraction(4, 5)),
    ],
    "ar": [
        (r"(?:ال)?نصف", Fraction(1, 2)), (r"ثلثي|ثلثا", Fraction(2, 3)), (r"(?:ال)?ثلث", Fraction(1, 3)),
        (r"ثلاثة أرباع", Fraction(3, 4)), (r"(?:ال)?ربع", Fraction(1, 4)), (r"أربعة أخماس", Fraction(4, 5)),
        (r"ثلاثة أخماس", Fraction(3, 5)), (r"(?:ال)?خمس", Fraction(1, 5)),
    ],
}  # fmt: skip
ZH_FRACTION = r"[一二三四五六七八九十]{1,3}分之[一二三四五六七八九十]{1,3}|[一二三四五六七八九]成(?![员为立果本功熟年])"
"""Any Chinese fraction: 十分之九 (nine tenths), and tenths as 九成 (not 成员, 成为, 成立)."""
PERCENT = {
    "en": r"(?P<pct>\d+(?:\.\d+)?) ?(?:per ?cent|%)",
    "fr": r"(?P<pct>\d+(?:,\d+)?) ?(?:pour ?cent|%)",
    "es": r"(?:el )?(?P<pct>\d+(?:,\d+)?) ?(?:por ?ciento|%)",
    "ru": r"(?P<pct>\d+(?:,\d+)?) ?(?:процент\w*|%)",
    "zh": r"百分之(?P<pctw>[一二三四五六七八九十]{1,3})|(?P<pct>\d+(?:\.\d+)?) ?%",
    "ar": r"(?P<pct>\d+(?:[.,٫]\d+)?) ?(?:في المائة|في المئة|%)",
}

# Placeholders: {N} a number, {H} a holder noun, {A} filler adjectives, {F} a fraction or
# percentage, {C} a comparator (more than / fewer than / about / only).
SHAPES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "count",
            (
                r"\b(?:the\s+)?(?:representatives|delegations|delegates|experts|speakers)\s+(?:of|from)\s+(?:the\s+)?"
                r"(?:(?P<n>{N})(?=\s)|(?:[\w-]+\s+){1,7}?(?:of|from)\s+(?:the\s+)?(?P<n2>{N}){R}\s+{A}(?:{H})\b)"
            ),
        ),
        ("share", r"\b(?P<n>{N})\s+(?:out\s+)?of\s+(?:the\s+|those\s+|all\s+)?(?P<m>{N})\s+{A}(?:{H})\b"),
        ("share", r"\((?P<n>{N})\s+(?:out\s+)?of\s+(?P<m>{N})\)"),
        (
            "share",
            (
                r"\bOf\s+(?:the|those|"
                r"all)\s+(?P<m>{N})\s+{A}(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s*(?:per|in\s|out\s|"
                r"%))"
            ),
        ),
        ("share", r"\b(?:(?P<c>{C})\s+)?(?P<n>{N})\s+(?:{H})\s+(?:out\s+)?of\s+(?P<m>{N})\b"),
        ("fraction", r"\b(?:(?P<c>{C})\s+)?(?P<f>{F})\s+of\s+(?:the\s+|all\s+)?(?:(?:{N})\s+)?{A}(?:{H})\b"),
        (
            "fraction",
            (
                r"\b(?:Of|Among)\s+(?:the|"
                r"those)\s+(?:(?P<m>{N})\s+)?{A}(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<f>{F})\b(?!\s+of)"
            ),
        ),
        (
            "fraction",
            (
                r"\b(?:(?P<c>{C})\s+)?(?P<n>{N}|one)\s+(?:{A}(?:{H}|(?:respondent|reply|response|country|delegation|expert|speaker|"
                r"participant|Government)(?=\s+(?:in|out\s+of)\s))\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<m>{N})\b|"
                r"(?:in|out\s+of)\s+(?:every\s+)?(?P<m2>{N})\s+(?:of\s+(?:the\s+|those\s+)?)?{A}(?:{H})\b)"
            ),
        ),
        ("total", r"\b(?:received|from|by)\s+(?P<m>{N})\s+{A}(?:{H})\b"),
        (
            "total",
            r"\b(?P<m>{N})\s+{A}(?:{H})\s+(?:had\s+|have\s+)?(?:replied|responded|answered|returned|submitted)\b",
        ),
        (
            "total",
            (
                r"\b(?P<m>{N})\s+(?:replies|responses)\s+(?:had\s+been\s+|have\s+been\s+|were\s+)?(?:received|"
                r"analysed|analyzed)\b"
            ),
        ),
        ("total", r"\bthe\s+(?P<m>{N})\s+(?:replies|responses)\b"),
        ("anaphor", r"\b(?:(?P<c>{C})\s+)?(?P<n>{N})\s+of\s+(?:them|those|these)\b"),
        ("anaphor", r"\bOf\s+(?:those|these|them),?\s+(?P<n>{N})\b"),
        ("anaphor", r"\b(?P<n>{N})\s+of\s+(?:which|whom)\b"),
        ("vague", r"\b(?P<v>several|a few|some|many|most|the majority)\s+of\s+(?:them|those|these)\b"),
        ("all", r"\ball\s+(?P<n>{N})\s+{A}(?:{H})\b"),
        ("group", r"\bthe\s+(?P<n>{N})\s+{A}(?:{H})\b"),
        ("count", r"\b(?:(?P<c>{C})\s+)?(?P<n>{N}){R}\s+(?:of\s+the\s+)?{A}(?:{H})\b"),
        ("count", r"\bAmong\s+(?:the|those)\s+{A}(?:{H}),\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s+of)"),
        (
            "bare",
            r"\b(?:(?P<c>{C})\s+)?(?:(?P<f>{F})|(?P<n>{N}|one)(?:\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<m>{N}))?)\b",
        ),
    ],
    "fr": [
        (
            "count",
            (
                r"\b(?:les\s+|des\s+)?(?:représentants|délégations|délégués|experts|orateurs)\s+(?:(?:de|d['’])\s*"
                r"(?P<n>{N})(?=\s)|(?:des|du|de\s+la|de\s+l['’])\s*(?:[\w'’-]+\s+){1,7}?(?:de|d['’])\s*(?P<n2>{N}){R}\s+"
                r"(?:{H})\b)"
            ),
        ),
        ("share", r"\b(?P<n>{N}|une (?:{Q}))\s+(?:des|sur les|parmi les)\s+(?P<m>{N})\s+(?:{H})\b"),
        ("share", r"\((?P<n>{N})\s+(?:sur|des)\s+(?P<m>{N})\)"),
        (
            "share",
            (
                r"\b(?:Sur|Parmi|Des)\s+(?:les|"
                r"ces)\s+(?P<m>{N})\s+(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s*(?:pour|%))"
            ),
        ),
        (
            "fraction",
            r"(?:(?P<c>{C})\s*)?\b(?P<f>{F})(?:\s+(?P<c2>environ))?\s+(?:des|de ces)\s*(?:(?:{N})\s+)?(?:{H})\b",
        ),
        (
            "fraction",
            (
                r"\b(?:Sur|Parmi)\s+(?:les|"
                r"ces)\s+(?:(?P<m>{N})\s+)?(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s*)?(?P<f>{F})\b(?!\s+des)"
            ),
        ),
        (
            "fraction",
            (
                r"(?:(?P<c>{C})\s*)?\b(?P<n>{N}|un|une)\s+(?:{H}|(?:État|Etat|pays|répondant|délégation|délégué|"
                r"orateur|intervenant|intervenante|expert|participant|gouvernement)(?=\s+sur\s))\s+sur\s+(?P<m>{N})\b"
            ),
        ),
        ("total", r"\b(?:reçu|de|par)\s+(?P<m>{N})\s+(?:{H})\b"),
        ("total", r"\b(?P<m>{N})\s+(?:{H})\s+(?:ont|avaient|avait|a)\s+répondu"),
        ("total", r"\b(?P<m>{N})\s+réponses\s+(?:avaient|ont|avait)\s+été\s+reçues"),
        ("total", r"\bles\s+(?P<m>{N})\s+réponses\b"),
        ("anaphor", r"\b(?:Sur|Parmi)\s+(?:ce nombre|celles-ci|ceux-ci|ces réponses),?\s+(?P<n>{N})\b"),
        ("anaphor", r"\b(?:(?P<c>{C})\s+)?(?P<n>{N})\s+d[’']\s*entre\s+(?:eux|elles)\b"),
        ("anaphor", r"\b(?:Parmi|Sur)\s+(?:eux|elles),?\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b"),
        ("anaphor", r"\bdont\s+(?P<n>{N})\b"),
        (
            "vague",
            (
                r"\b(?P<v>plusieurs|certain(?:e)?s|quelques-un(?:e)?s|bon nombre|beaucoup|nombre|la plupart|la "
                r"majorité)\s+d['’]\s*entre\s+(?:eux|elles)\b"
            ),
        ),
        (
            "all",
            r"\b(?:tou(?:te)?s\s+les\s+(?P<n>{N})\s+(?:{H})\b|les\s+(?P<n2>{N})\s+(?:{H})(?=\s+\w+\s+tou(?:te)?s\b))",
        ),
        ("group", r"\b(?:les|ces)\s+(?P<n>{N})\s+(?:{H})\b"),
        ("count", r"\bParmi\s+(?:les|ces)\s+(?:{H}),\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s+des)"),
        (
            "count",
            (
                r"(?:(?P<c>{C})\s*)?\b(?P<n>{N}|une (?:{Q})){R}\s+(?:des\s+|d['’]\s*(?=(?:{H}))|"
                r"d[e'’]\s*entre\s+les\s+)?(?:{H})\b(?:\s+(?:seulement|à peine))?"
            ),
        ),
        ("bare", r"(?:(?P<c>{C})\s*)?\b(?:(?P<f>{F})|(?P<n>{N}|un|une)(?:\s+sur\s+(?P<m>{N}))?)\b"),
    ],
    "es": [
        (
            "count",
            (
                r"\b(?:(?:los|las)\s+)?(?:representantes|delegaciones|delegados|expertos|oradores)\s+de\s+"
                r"(?:(?P<n>{N})(?=\s)|(?:los|las|la|el)\s+(?:[\w-]+\s+){1,7}?de\s+(?P<n2>{N}){R}\s+(?:{H})\b)"
            ),
        ),
        ("share", r"\b(?:(?P<c>{C})\s+)?(?P<n>{N})\s+de\s+(?:los|las)\s+(?P<m>{N})\s+(?:{H})\b"),
        ("share", r"\((?P<n>{N})\s+de\s+(?P<m>{N})\)"),
        (
            "share",
            (
                r"\b(?:De|Entre)\s+(?:los|las|esos|"
                r"estos)\s+(?P<m>{N})\s+(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s*(?:por|%))"
            ),
        ),
        ("fraction", r"(?:(?P<c>{C})\s+)?\b(?P<f>{F})\s+de\s+(?:los|las|esos|estos)\s+(?:(?:{N})\s+)?(?:{H})\b"),
        (
            "fraction",
            (
                r"\b(?:De|Entre)\s+(?:los|las|esos|"
                r"estos)\s+(?:(?P<m>{N})\s+)?(?:{H})\b[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<f>{F})\b(?!\s+de)"
            ),
        ),
        ("fraction", r"(?:(?P<c>{C})\s+)?\b(?P<n>{N}|uno|una)\s+de\s+cada\s+(?P<m>{N})\s+(?:{H})\b"),
        ("total", r"\b(?:recibió|recibieron|recibido|de|por)\s+(?P<m>{N})\s+(?:{H})\b"),
        ("total", r"\b(?:respondieron|contestaron)\b[^.;]{0,40}?\b(?P<m>{N})\s+(?:{H})\b"),
        ("total", r"\b(?P<m>{N})\s+(?:{H})\s+(?:habían\s+|han\s+)?(?:respondido|respondieron|contestaron)\b"),
        ("total", r"\blas\s+(?P<m>{N})\s+respuestas\b"),
        ("anaphor", r"\b(?:De|Entre)\s+(?:ellos|ellas|esos|estos),?\s+(?P<n>{N})\b"),
        ("anaphor", r"\b(?P<n>{N})\s+de\s+(?:ellos|ellas)\b"),
        ("anaphor", r"\b(?P<n>{N})\s+de\s+(?:los|las)\s+cuales\b"),
        (
            "vague",
            (
                r"\b(?P<v>varios|varias|algunos|algunas|muchos|muchas|bastantes|la mayoría|la mayor parte|buena "
                r"parte)\s+de\s+(?:ellos|ellas|estos|estas|esos|esas)\b"
            ),
        ),
        ("all", r"\b(?:todos|todas)\s+(?:los|las)\s+(?P<n>{N})\s+(?:{H})\b"),
        ("group", r"\b(?:los|las|estos|estas)\s+(?P<n>{N})\s+(?:{H})\b"),
        ("count", r"\bEntre\s+(?:los|las|esas|estas)\s+(?:{H}),\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b(?!\s+de)"),
        ("count", r"(?:(?P<c>{C})\s+)?\b(?P<n>{N}|una (?:{Q})){R}\s+(?:de\s+(?:(?:los|las)\s+)?)?(?:{H})\b"),
        ("bare", r"(?:(?P<c>{C})\s+)?\b(?:(?P<f>{F})|(?P<n>{N}|uno|una)(?:\s+de\s+cada\s+(?P<m>{N}))?)\b"),
    ],
    "ru": [
        (
            "count",
            (
                r"(?<![а-яё])(?:представител\w+|делегаци\w+|эксперт\w+)\s+(?:(?P<n>{N})(?=\s)|"
                r"(?:[а-яё-]+\s+){1,7}?(?P<n2>{N}){R}\s+{A}(?:{H}))"
            ),
        ),
        (
            "share",
            rf"(?:(?P<c>{{C}})\s+)?\b(?P<n>{{N}}|{RU_ONE})\s+(?:(?:{{H}})\s+)?из\s+(?:каждых\s+)?(?P<m>{{N}})\s+{{A}}(?:{{H}})",
        ),
        (
            "share",
            r"\bИз\s+(?P<m>{N})\s+[^.;:]{0,60}?(?:{H})[^.;:]{0,140}?,?\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\s+(?!процент|%)",
        ),
        ("fraction", r"(?:(?P<c>{C})\s+)?\b(?P<f>{F})\s+(?:из\s+)?(?:(?:{N})\s+)?{A}(?:{H})"),
        ("fraction", r"\bИз\s+(?:(?P<m>{N})\s+)?{A}(?:{H})[^.;:]{0,140}?,\s+(?:(?P<c>{C})\s+)?(?P<f>{F})\b"),
        ("total", r"\b(?:получ\w+|представил\w*|поступил\w*|от|ответы)\s+(?P<m>{N})\s+(?:{H})"),
        ("total", r"\b(?:проанализирова\w+|изучи\w+|обобщи\w+|рассмотре\w+|все)\s+(?P<m>{N})\s+ответ\w*"),
        ("total", r"\b(?P<m>{N})\s+(?:{H})\s+(?:ответил\w*|представил\w*\s+ответ\w*)"),
        ("anaphor", r"(?:(?P<c>{C})\s+)?\b(?P<n>{N})\s+из\s+(?:них|этих)\b"),
        ("anaphor", r"\bИз\s+(?:них|этих\s+\w+),?\s+(?:(?P<c>{C})\s+)?(?P<n>{N})\b"),
        ("anaphor", r"\b(?P<n>{N})\s+из\s+котор\w+"),
        (
            "vague",
            r"(?<![а-яё])(?P<v>некоторые|несколько|многие|ряд|большинство|большая часть)\s+из\s+(?:них|этих)(?![а-яё])",
        ),
        ("all", r"(?<![а-яё])(?:все|всех)\s+(?P<n>{N})\s+{A}(?:{H})"),
        ("count", r"(?:(?P<c>{C})\s+)?\b(?P<n>{N}){R}\s+(?:из\s+)?{A}(?:{H})"),
        ("bare", r"(?:(?P<c>{C})\s+)?\b(?:(?P<f>{F})|(?P<n>{N})(?:\s+из\s+(?:каждых\s+)?(?P<m>{N}))?)(?![а-яё\d])"),
    ],
    "zh": [
        (
            "count",
            r"(?P<n>{N})\s?(?:个|家|名|位)[^，。；的]{0,12}的[^，。；的\d一二两三四五六七八九十]{0,8}?(?:代表团|代表|专家)",
        ),
        (
            "share",
            r"在[^。；，]{0,40}?(?P<m>{N})(?:个|位|名|份)(?:{H})中[，,]?\s*(?:(?P<c>{C}))?(?:有)?(?P<n>{N})(?:个|位|名|份)",
        ),
        ("share", r"(?P<m>{N})(?:个|位|名|份)(?:{H})中[，,]?\s*(?:(?P<c>{C}))?(?:有)?(?P<n>{N})(?:个|位|名|份)"),
        ("share", r"每(?P<m>{N})(?:个|位|名|份)(?:{H})?(?:中|里|当中)?[，,]?\s*就?有(?P<n>{N})(?:个|位|名|份)"),
        ("share", r"[（(](?P<m>{N})(?:个|位|名|份)?(?:{H})?中的?(?P<n>{N})(?:个|位|名|份|国)?[）)]"),
        ("share", r"[（(](?P<n>{N})/(?P<m>{N})[）)]"),
        ("fraction", r"(?:(?P<c>{C}))?(?P<f>{F})(?:(?P<c2>以上|以下|左右))?的?(?:[^，。；的]{1,6}的)?(?:{H})"),
        ("fraction", r"(?:{H})中[，,]?(?:(?P<c>{C}))?(?:有)?(?P<f>{F})(?:(?P<c2>以上|以下|左右))?"),
        ("total", r"(?:收到|收到了|来自|共有)[^。；，]{0,30}?(?P<m>{N})(?:个|份)(?:{H})"),
        ("total", r"(?:分析了|审查了|研究了|汇总了)[^。；，]{0,30}?(?P<m>{N})份答复"),
        ("total", r"(?P<m>{N})(?:个|份)(?:{H})(?:[^。；，]{0,40}?作出了?|提交了?)?答复"),
        ("anaphor", r"其中(?:(?P<c>{C}))?(?:有)?(?P<n>{N})(?:个|位|名|份|国|家)"),
        ("vague", r"其中(?P<v>一些|若干|部分|多数|大多数|大部分|不少|许多|很多|少数)"),
        ("all", r"(?P<n>{N})(?:个|位|名)(?:{H})(?=一致|均|都|全都)"),
        ("count", r"(?:在[^。；，]{0,40}?)?(?:{H})中[，,]?(?:(?P<c>{C}))?有(?P<n>{N})(?:个|位|名|份)"),
        ("count", r"(?:(?P<c>{C}))?(?:有)?(?P<n>{N})\s?(?:个|位|名|份){A}(?:{H})(?![的、]|之间)"),
        ("bare", r"(?:(?P<c>{C}))?(?:(?P<f>{F})|(?P<n>{N})(?:个|位|名|份))"),
    ],
    "ar": [
        (
            "count",
            (
                r"(?<!\w)(?:ممثل[وي]|وفود|خبراء)\s+(?:(?P<n>{N})(?=\s)|(?:[^\s.،؛]+\s+){1,6}?(?:في|من)\s+"
                r"(?:(?P<n2>{N})\s+(?:{H})|(?P<d>(?:دولت|حكومت)ين))(?!\w))"
            ),
        ),
        ("share", r"(?<!\w)(?P<n>{N})\s+(?:{H})?\s*من\s+(?:أصل|بين|مجموع|كل)\s+(?:{H})?\s*(?:الـ?\s*)?(?P<m>{N})"),
        (
            "share",
            (
                r"(?<!\w)[وف]?من\s+(?:بين|أصل|"
                r"مجموع)\s+(?:{H})\s+(?:(?:ال)?(?:أطراف|أعضاء)\s+)?(?:الـ?\s*)?(?P<m>{N})[^.؛:]{0,140}?،\s*(?:\w+\s+)?(?:(?P<c>{C})\s+)?(?P<n>{N})(?!\w)"
            ),
        ),
        ("share", r"[(](?P<n>{N})\s+من\s+(?:أصل\s+)?(?P<m>{N})[)]"),
        (
            "fraction",
            r"(?:(?P<c>{C})\s+)?(?<!\w)(?:و)?(?P<f>{F})\s+(?:من\s+)?(?:{H})(?:\s+(?:ال)?مجيب\w*)?(?:\s+(?P<c2>تقريبا))?",
        ),
        ("total", r"(?:ردود\w*|ردا|رداً|تلق\w+)\s+(?:[^.؛]{0,30}?\s)?من\s+(?P<m>{N})\s+(?:{H})"),
        ("total", r"(?:تلق\w+|ورد\w*)\s+[^.؛]{0,20}?(?P<m>{N})\s+(?:ردا|رداً|ردود)"),
        ("total", r"(?<!\w)(?P<m>{N})\s+(?:{H})(?:\s+\w+)?\s+(?:ردت|أجابت|ردوا|أجابوا)(?!\w)"),
        # The total after the noun, the number in words agreeing with it: "الردود السبعة والخمسين" (the 57 replies).
        ("total", r"(?<!\w)[وف]?(?:ال)?(?:ردود|إجابات)\s+(?P<m>(?:الـ?\s*)?\d+|ال{N})(?!\w)"),
        ("anaphor", r"(?<!\w)(?P<n>{N})\s+(?:{H})\s+منها(?!\w)"),
        ("anaphor", r"(?<!\w)منها\s+(?P<n>{N})(?!\w)"),
        ("anaphor", r"(?<!\w)(?P<n>{N})\s+(?:منها|منهم)(?!\w)"),
        ("anaphor", r"(?<!\w)[وف]?من\s+بين\s+(?:هذه|تلك|هؤلاء)(?:\s+\w+)?،?\s+(?:\w+\s+)?(?P<n>{N})(?!\w)"),
        (
            "vague",
            (
                r"(?<!\w)(?P<v>بعضها|بعضهم|(?:عدد|عدة|قلة|قليل|قليلون|كثير|كثيرون) (?:منها|منهم)|معظمها|معظمهم|أغلبها|"
                r"أغلبهم|"
                r"(?:عدة|بعض|معظم|أغلب)\s+(?:{H})\s+(?:منها|منهم))(?!\w)"
            ),
        ),
        (
            "dual",
            (
                r"(?<!\w)[وف]?(?:(?:وفد|دولت|خبير|ممثل|متكلم|مشارك|عضو|حكومت|مندوب|متحدث)ان|"
                r"(?:وفد|دولت|خبير|عضو|حكومت)ين|(?:ممثل|عضو|خبير|مندوب)ا(?=\s+\w))(?!\w)"
            ),
        ),
        ("group", r"(?<!\w)(?:{H})\s+(?P<n>ال(?:{N}))(?!\w)"),
        ("count", r"(?:(?P<c>{C})\s+)?(?<!\w)(?P<n>{N})\s+(?:من\s+)?(?:{H})(?!\w)"),
        ("bare", r"(?:(?P<c>{C})\s+)?(?<!\w)(?:(?P<f>{F})|(?P<n>{N})(?=\s*(?:[،.؛:]|منها|منهم|$)))(?!\w)"),
    ],
}
WHO_STARTS = {
    "en": r"(?:^|[.;:!?,(]|\b(?:and|but|while|whereas|although|that|however|also|so far|to date|yet))\s*$",
    "fr": (
        r"(?:^|[.;:!?,(]|\b(?:et|mais|tandis que|alors que|que|qu|toutefois|en outre|à ce jour|jusqu.ici|"
        r"dont))['’]?\s*$"
    ),
    "es": r"(?:^|[.;:!?,(]|\b(?:y|pero|mientras que|que|aunque|hasta la fecha|además|sin embargo))\s*$",
    "ru": r"(?:^|[.;:!?,(]|(?<![а-яё])(?:и|но|а|то|тогда как|что|хотя|на сегодняшний день|пока|однако))\s*$",
    "zh": r"(?:^|[。；：，,（(的]|其中|而|但|另|并|也|还|又)\s*$",
    "ar": (
        r"(?:^|[.؛:،(]|(?<!\w)[وف]|(?<!\w)(?:و|ف)?(?:أفاد|أشار|ذكر|أبد|رأ|رو|اقترح|أعرب|أكد|قال|طلب|شدد|أبرز|لفت|"
        r"لاحظ|أوضح|أيد|عارض|تفد|يفد|تفيد|يفيد|تشير|يشير|تذكر|يذكر|سوى|حذر|نبه|عزا|وصف|أجاب|دعا|دعت|أقر|اعتبر|ارتأ|تحدث|عرض|بين[تو])\w*)\s*$"
    ),
}
"""Where a count of holders may stand: at the head of a clause, as its subject ("Two delegations
recounted ...", "; 11 indicated ..."), or in Arabic after the verb it is the subject of ("أفادت 31
دولة"). A count elsewhere is an object or a complement ("the Office assisted two Member States",
"statements were made by the representatives of 42 Member States", "in three countries",
"Ont participé à la réunion 94 experts"): it names whom something concerns, not who holds a view."""
SAYS = {
    "en": (
        r"\b(?:reported|indicated|stated|noted|said|expressed|considered|mentioned|described|proposed|"
        r"suggested|supported|called|recounted|explained|warned|emphasi[sz]ed|stressed|highlighted|"
        r"underlined|underscored|referred|requested|asked|agreed|favou?red|opposed|objected|welcomed|"
        r"confirmed|cited|shared|pointed|questioned|argued|maintained|held|believed|felt|observed|"
        r"informed|specified|preferred|wished|voiced|raised|acknowledged|recogni[sz]ed|report|indicate|"
        r"state|consider|see|saw|expressed|cautioned|attributed|urged|insisted|contended|claimed|affirmed|"
        r"spoke (?:in (?:support|favour)|against)|drew attention)\b"
    ),
    "fr": (
        r"\b(?:indiqu|signal|déclar|fai(?:t|saient) (?:savoir|observer|état|valoir)|font (?:savoir|état|"
        r"valoir)|not[éèe]|soulign|estim|consid[eéè]r|propos|suggér|appuy|soutenu|demand|relat|cit[éèa]|"
        r"expliqu|mis en garde|mentionn|précis|affirm|exprim|dit|jug|préconis|évoqu|rapporté|souhait|"
        r"object|contest|insist|relev|reconn|pens|craign|sollicit|décri|avert|appel|plaid|fait part|"
        r"font part|partag|communiqu|attribu)\w*"
    ),
    "es": (
        r"\b(?:indic|señal|informa|informó|declar|afirm|observ(?:ó|aron|aba|aban)\b|destac|subray|estim|consider|propus|propon|sugir|"
        r"suger|apoy|respald|pidi|solicit|relat|cit|explic|advirt|mencion|precis|express|manifest|opin|"
        r"coincid|convin|insist|reconoc|objet|cuestion|expres|dijeron|sostuv|expus|aludi|hicieron|"
        r"comunic|describ|pidieron|plante|compart|refiri|atribuy|calific|mostr(?:aron|ó)\b|pronunci|abog|acogi|defend|inst(?:aron|ó)\b|adujeron|aconsej)\w*"
    ),
    "ru": (
        r"(?<![а-яё])(?:сообщ|указ|отмет|заяв|подчеркну|счита|сочл|предлож|поддерж|просил|призва|привел|"
        r"рассказ|пояснил|предупред|упомя|выраз|высказ|соглас(?:ил|ны|н[аы]?\b|ен)|возраз|признал|описал|подтверд|"
        r"ответил\w* что|обрат|сослал|выступ|попрос|расска|говор|предостер|описа|поделил|привод|объясн|"
        r"назвал|утвержда|полага|настаива|отстаива|рекомендова)\w*"
    ),
    "zh": r"表示|报告称|报告说|指出|认为|提出|称|说明|介绍|强调|建议|要求|请求|讲述|支持|反对|提到|主张"
    r"|赞成|注意到|列举|描述|解释|警告|关切|表达|希望|赞同|告诫|提醒|提请注意",
    "ar": (
        r"(?<!\w)(?:و|ف)?(?:أفاد|أشار|ذكر|أبد|رأ|رو|اقترح|أعرب|أكد|قال|طلب|شدد|أبرز|لفت|لاحظ|أوضح|أيد|عارض|تفد|"
        r"يفد|سوى|بين[تو]|أقر|دعا|دعت|اعتبر|ارتأ|وصف|حذر|تحدث|عرض|نبه|تشر|يشر|روى|عزا|حدد)\w*"
    ),
}
"""Verbs of reporting or holding a view: a count of holders is a stance only when they say,
report or hold something ("Thirty countries have signed a memorandum", "About 40 experts
participated in the workshop", "13 Member States are in arrears" hold no view). In Arabic the
verb comes before its subject ("أفادت 31 دولة"); elsewhere it follows in the same clause."""
REPLY = {
    "en": r"\b(?:repl(?:y|ied|ies|ying)|respon(?:d|ded|ding|dents?|ses?)|answered|questionnaire)\b",
    "fr": r"\b(?:répon\w*|répondants?|questionnaire)\b",
    "es": r"\b(?:respond\w*|respuestas?|encuestados|contest\w*|cuestionario)\b",
    "ru": r"(?<![а-яё])(?:ответ\w*|респондент\w*|вопросник\w*)",
    "zh": r"答复|回复|问卷|调查表",
    "ar": r"(?<!\w)(?:و|ف)?(?:ال)?(?:رد\w*|مجيب\w*|استبيان|أجاب\w*)",
}
"""Replies to a questionnaire: in a count of replies ("Of the 52 States that replied, 8 had
received assistance", "fewer than half of the responding States had designated ...") the reply
is the report, so no verb of saying is needed."""
DOCUMENTS = {
    "en": r"\b(?:replies|responses)\b",
    "fr": r"\bréponses\b",
    "es": r"\brespuestas\b",
    "ru": r"(?<![а-яё])ответ(?:ов|а|ы)?(?![а-яё])",
    "zh": r"份(?:答复|回复)",
    "ar": r"(?<!\w)(?:ال)?(?:ردود|ردا|رد)(?!\w)",
}
"""Replies counted as documents ("Nine of the replies were submitted in Spanish", "девять ответов
поступили после срока", "另有9份答复"): what they say is a stance, where and when they came is
not, so such a count needs a verb of saying of its own; the replies around it do not stand in."""
CLAUSE_END = re.compile(r"[.;:。；：!?؛]")
OR_MORE = re.compile(r"\s*(?:or more|ou plus|o más|или более|或更多|أو أكثر)", re.IGNORECASE)
VOTE = re.compile(
    r"(?:majority|mayoría|majorité|большинств\w*|أغلبية)\s+(?:of|de|des|d[e'’]|в|بـ?)?\s*$|^\s*(?:majority|多数)",
    re.IGNORECASE,
)
"""A voting threshold: "a two-thirds majority of the representatives present and voting",
"mayoría de dos tercios de los representantes", "三分之二多数": a fraction of voters, not a stance."""


@cache
def _shapes(lang: str) -> list[tuple[str, re.Pattern]]:
    parts = {
        "N": NUM[lang],
        "H": HOLDER[lang],
        "A": FILL[lang],
        "C": "|".join(f"(?:{c})" for c in (GT[lang], LT[lang], ABOUT[lang])),
        "F": "|".join(f"(?:{f})" for f, _ in FRACTIONS[lang])
        + ("|" + ZH_FRACTION if lang == "zh" else "")
        + "|"
        + PERCENT[lang],
        "Q": "|".join(APPROX.get(lang, {"(?!)": 0})),
        "R": f"(?:(?:{RANGE[lang]})(?:{NUM[lang]}))?",
    }
    out = []
    for shape, template in SHAPES[lang]:
        pattern = re.sub(r"\{([A-Z])\}", lambda m: parts[m.group(1)], template)
        out.append((shape, re.compile(pattern, re.IGNORECASE)))
    return out


def _value(text: str | None, lang: str) -> int | None:
    if not text:
        return None
    text = text.strip()
    if lang in APPROX:
        approx = re.fullmatch(r"un[ae]? (\w+)", text, re.IGNORECASE)
        if approx and approx.group(1).lower() in APPROX[lang]:
            return APPROX[lang][approx.group(1).lower()]
    if lang in ("en", "fr", "es") and text.lower() in ("one", "un", "une", "uno", "una"):
        return 1
    return number(text, lang)


def _fraction(match: re.Match, lang: str) -> Fraction | None:
    if match.groupdict().get("pct"):
        return Fraction(match.group("pct").replace(",", ".").replace("٫", ".")) / 100
    if match.groupdict().get("pctw"):
        value = _chinese_number(match.group("pctw"))
        return Fraction(value, 100) if value else None
    text = match.group("f")
    for pattern, value in FRACTIONS[lang]:
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return value
    if lang != "zh":
        return None
    if text.endswith("成"):
        return Fraction(ZH_DIGITS[text[0]], 10)
    whole, _, part = text.partition("分之")
    denominator, numerator = _chinese_number(whole), _chinese_number(part)
    return Fraction(numerator, denominator) if denominator and numerator else None


def _comparator(match: re.Match, lang: str) -> str:
    """gt, lt, about or exact."""
    words = " ".join(w for w in (match.groupdict().get("c"), match.groupdict().get("c2")) if w)
    for kind, table in (("gt", GT), ("lt", LT), ("about", ABOUT)):
        if words and re.fullmatch(f"(?:{table[lang]})(?:\\s+(?:{table[lang]}))*", words.strip(), re.IGNORECASE):
            return kind
    if lang == "zh" and words:
        return "gt" if "以上" in words else "lt" if "以下" in words else "about"
    return "exact"


PASSIVE_BY = {"en": "by", "fr": "par", "es": "por"}
"""The agent of a passive verb of saying: "a step welcomed by more than four fifths of the
delegations". A bare count after it ("by two delegations") is matched as a total first."""
PLURAL_VERB = {"es": r"\w+(?:aron|ieron|yeron)", "ru": r"[а-яё]+л[иo]"}
"""A verb of saying before its subject: Spanish "Destacaron tres expertos que ...", Russian
"Необходимость ... отметили три эксперта"; plural, as the count it agrees with."""
NOT_SUBJECT = re.compile(r"(?<![а-яё])(?:призва|просил|попрос|поддерж|предупред|предлож|выступ)", re.IGNORECASE)
"""Russian verbs whose object stands where an inverted subject would ("призвали три государства",
"поддержали две делегации" may be whom they called on or supported), and "С заявлениями выступили
представители 42 государств", the list of who took the floor: not read as inversion."""


def _verb_before(text: str, start: int, lang: str) -> bool:
    """Whether a verb of saying stands right before a count as its own: the count is the agent of a
    passive ("stressed by two delegations") or, in Spanish and Russian, the inverted subject."""
    before = text[max(0, start - 40) : start]
    if lang in PASSIVE_BY and re.search(f"(?:{SAYS[lang]})\\s+{PASSIVE_BY[lang]}\\s+$", before, re.IGNORECASE):
        return True
    if lang not in PLURAL_VERB:
        return False
    last = re.search(f"({PLURAL_VERB[lang]})\\s+$", before, re.IGNORECASE)
    if not last or not re.fullmatch(SAYS[lang], last.group(1), re.IGNORECASE) or NOT_SUBJECT.match(last.group(1)):
        return False
    if lang == "es":  # the verb opens its clause: "Destacaron tres expertos", "; señalaron dos delegaciones"
        verb_at = max(0, start - 40) + last.start()
        return re.search(WHO_STARTS[lang], text[max(0, verb_at - 30) : verb_at], re.IGNORECASE) is not None
    return True


def _documents(match: re.Match, lang: str, shape: str) -> bool:
    """Whether a count is of replies as documents (``DOCUMENTS``)."""
    return shape == "count" and re.search(DOCUMENTS[lang], match.group(0), re.IGNORECASE) is not None


def _says(text: str, match: re.Match, lang: str, shape: str = "") -> bool:
    """Whether the holders a match counts say or report something (``SAYS``), or are replies (not
    when the count is of the replies themselves, ``DOCUMENTS``)."""
    if shape not in ("bare", "vague") and _verb_before(text, match.start(), lang):
        return True
    # A share of States "that replied" may name the replies before it ("在答复调查问卷的国家中，十分之九").
    reach = 40 if shape in ("share", "fraction") else 0
    documents = _documents(match, lang, shape)
    if not documents and re.search(REPLY[lang], text[max(0, match.start() - reach) : match.end() + 30], re.IGNORECASE):
        return True
    if lang == "ar":
        # The verb comes first; the verb of a relative count ("التي تكلمت أربع منها") or of an
        # unnamed one opens its clause, further back.
        reach = 120 if shape in ("anaphor", "vague") else 30
        before = text[max(0, match.start() - reach) : match.start()]
        window = CLAUSE_END.split(before)[-1] + " " + match.group(0)
        if not documents and re.search(REPLY[lang], window):
            return True
    else:
        after = text[match.end() : match.end() + 90]
        cut = CLAUSE_END.search(after)
        window = after[: cut.start()] if cut else after
    return re.search(SAYS[lang], window, re.IGNORECASE) is not None


NUMBER_GOES_ON = re.compile(
    (
        r"(?:\d[.,\s]?|\b(?:hundred|thousand|cent|cents|mille|cientos?|mil|сто|сот\w*|тысяч\w*|百|千|مائة|"
        r"مئة|ألف)\s*(?:and\s+|et\s+|y\s+|و)?)$"
    ),
    re.IGNORECASE,
)
"""Before a number: it is the end of a longer one ("2,830", "One hundred and eleven")."""


def _tag(share: Fraction | None, comparator: str) -> str | None:
    """stance_consensus above one half, stance_some at or below it (or with no total); "more than
    a half" is a majority, "nearly two thirds" still one, "fewer than two thirds" says nothing."""
    if share is None:
        return SOME
    if share <= 0 or share > 1:
        return None
    if comparator == "gt":
        return CONSENSUS if share >= Fraction(1, 2) else SOME
    if comparator == "lt":
        return SOME if share <= Fraction(1, 2) else None
    return CONSENSUS if share > Fraction(1, 2) else SOME


BARE_NEXT = {
    "en": r"\s+(?:(?:had|have|has|also|further|then|each|all|in turn)\s+)?",
    "fr": (
        r"\s+(?:(?:ont|avaient|avait|a|se sont|sont|étaient)\s+(?:(?:également|aussi|pour leur part)\s+)?"
        r"|(?=\w+ent\b))"
    ),
    "es": r"\s+(?:(?:han|habían|había|ha|se|también|además)\s+|(?=\w+(?:ó|aron|ieron|yeron|an|en|aban|ían)\b))",
    "ru": r"\s+(?:(?:также|же|в свою очередь)\s+)?(?=\w+(?:л|ли|ла|ло|ют|ят|ут|ат|ет|ит)\b)",
    "zh": r"(?:则|也|还|均|都)?",
}
"""Between a number standing alone and its verb ("21 said", "nine indicated", "just over half
said", "tandis que 21 ont indiqué", "mientras que 21 indicaron"): the holders were named before,
and only the verb right after the number shows that it counts them. In French and Spanish the verb
must be finite ("ont indiqué", "indicaron", "сообщили"): "495 recommandations, dont 46 considérées
comme critiques", "11 comunicaciones" and "5 Утверждение доклада" (an agenda item) are a participle
and nouns; a capital letter ("5 Adoption of the report", "6 Report of the meeting") starts a title,
not a verb. Arabic puts the verb first."""
MOST = re.compile(r"most|majorit|plupart|mayor|большинств|большая|多数|大部分|معظم|أغلب", re.IGNORECASE)
"""The words of an unnamed count that make it a majority ("most of them", "la plupart d'entre eux")."""
EXCEPT = re.compile(
    r"(?:\bexcept(?:ion)?s?|\ball\s+but|\bbarring|\bsave|\bexcepto|\bsalvo|(?<=s )menos|\bsauf|\bhormis|\bexcepté"
    r"|(?<![а-яё])(?:кроме|исключени\w*)|除|باستثناء|عدا)\s+[^,.;:،؛，]{0,20}$",
    re.IGNORECASE,
)
"""Before a count: the exceptions to a view ("with one or two exceptions", "باستثناء واحد أو اثنين
منهم"), who do not hold it; "all but two of the experts", "todos menos dos", "tous hormis deux" are a
near-unanimity (the taxonomy's stance_consensus rules), not a subset of two. Spanish "menos" is an
exception only after a plural ("todos menos dos", "los expertos menos dos"): "al menos tres
delegaciones" (at least three) and "menos de la mitad" (fewer than half) are counts."""
ORIGIN = re.compile(
    r"\s*(?:\w+\s+)?(?:(?:from|de|del|des|du|от|من|after|before|within|après|avant|después|antes|после|до|بعد|قبل)\s"
    r"|d['’])|\s*(?:émanant|provenant|procedentes?)\b|\s*(?:是在|在)[^。；，,]{0,12}(?:之?后|以后|之前)|来自",
    re.IGNORECASE,
)
"""After "64 of them": where or when replies came ("71 replies, 64 of them from Member States", "57
replies, 12 of them after the deadline", "其中12份是在截止日期后收到的"), a breakdown of the replies,
not a view."""


ZH_MODIFIER = re.compile(r"(?:^|[。；：，,（(])[^。；：，,（()）、了向在对和与为被由请给将有是听\d]{1,8}\s*$")
"""Chinese: the words that may stand before a count of the bodies whose representatives speak, in
the same noun phrase ("联合国系统17个组织的代表", "该区域两个国家的网络犯罪部门代表"); a verb
(了, 向, 请, 听 ...) before it makes the count an object ("会议邀请了17个组织的代表")."""
RELATIVE = {
    "en": r"\s+(?:that|which|who|whom|whose)\b",
    "fr": r"\s+(?:qui|que|qu['’]|dont|ayant)\b",
    "es": r"\s+(?:que|quienes|cuy[oa]s?)\b",
    "ar": r"\s+(?:التي|الذين|اللذين|اللتين|اللواتي)(?!\w)",
}
"""A restrictive relative after "the three delegations": "the three delegations that had submitted
proposals" picks a subset out of those present, not a whole group (a comma before it would not)."""
AGREE = {
    "en": (
        r"\b(?:(?:all|both)\s+)?(?:agreed|concurred|were\s+(?:all\s+)?(?:unanimous|in\s+agreement|of\s+"
        r"(?:the\s+same|one)\s+(?:view|opinion|mind))|shared\s+the\s+view)\b"
    ),
    "fr": (
        r"\b(?:(?:ont|sont|étaient|se\s+sont)\s+(?:tous\s+|toutes\s+)?(?:convenu|unanimes|accordé\w*|"
        r"tombé\w*\s+d['’]accord|d['’]accord)|s['’]accord(?:aient|ent|èrent)|partageaient)"
    ),
    "es": r"\b(?:coincid|convin|concord|estuvieron\s+de\s+acuerdo|se\s+mostraron\s+de\s+acuerdo|fueron\s+unánimes)\w*",
    "ar": r"(?<!\w)(?:و|ف)?(?:اتفق|أجمع|توافق)\w*|(?<!\w)(?:جميعا|جميعهم|كلهم)(?!\w)",
}
"""Agreement of a whole group named by its number: "The four panellists agreed", "Los cuatro
ponentes coincidieron", "Les trois experts ont convenu", "واتفق الخبراء الثلاثة"."""


def _group(text: str, match: re.Match, lang: str) -> str | None:
    """The stance of a definite count of holders ("the four panellists"): all of a group named, so a
    consensus when they agree (``AGREE``), a subset when a restrictive relative picks them out
    (``RELATIVE``) and they say something, and nothing else: "The five nuclear-weapon States also
    expressed reluctance" are five of a conference, neither all of it nor a view shared by all."""
    if not re.search(WHO_STARTS[lang], text[max(0, match.start() - 30) : match.start()], re.IGNORECASE):
        return None
    if re.match(RELATIVE[lang], text[match.end() :], re.IGNORECASE):
        return SOME if _says(text, match, lang) else None
    if lang == "ar":
        before = CLAUSE_END.split(text[max(0, match.start() - 30) : match.start()])[-1]
        window = before + text[match.end() : match.end() + 12]
    else:
        after = text[match.end() : match.end() + 60]
        cut = CLAUSE_END.search(after)
        window = after[: cut.start()] if cut else after
    return CONSENSUS if re.search(AGREE[lang], window, re.IGNORECASE) else None


def _starts_clause(text: str, match: re.Match, lang: str, shape: str) -> bool:
    """Whether a count of holders stands where its subject would (``WHO_STARTS``); a number
    alone (``bare``) must also be followed by a verb of saying or replying, or in Arabic preceded by one."""
    before = text[max(0, match.start() - 30) : match.start()]
    if not (
        re.search(WHO_STARTS[lang], before, re.IGNORECASE)
        or (shape == "count" and _verb_before(text, match.start(), lang))
        or (lang == "zh" and shape == "count" and "的" in match.group(0) and ZH_MODIFIER.search(before))
    ):
        return False
    if shape != "bare":
        return True
    verb = f"(?:{SAYS[lang]})|(?:{REPLY[lang]})"
    if lang == "ar":
        return re.search(f"(?:{verb})\\s*$", text[max(0, match.start() - 30) : match.start()]) is not None
    after = re.compile(f"{BARE_NEXT[lang]}(?P<verb>{verb})", re.IGNORECASE).match(text, match.end())
    return after is not None and not after.group("verb")[:1].isupper()


MARKS = morphology.AR_DIACRITICS
"""Read past, so "تلقَّت" is "تلقت" and "رداً" is "ردا"."""


def read(text: str, lang: str) -> list[Hit]:
    """Stances read from the quantities of holders in a text, in text order (spans in ``text``)."""
    if lang not in SHAPES:
        return []
    if lang == "ar" and MARKS.search(text):
        kept = [k for k, ch in enumerate(text) if not MARKS.match(ch)]
        return [
            Hit(h.tag, h.shape, text[kept[h.start] : kept[h.end - 1] + 1], kept[h.start], kept[h.end - 1] + 1, h.share)
            for h in _read("".join(text[k] for k in kept), lang)
        ]
    return _read(text, lang)


class _Taken:
    """Disjoint spans already read, kept sorted so an overlap test is a binary search: a list
    scanned for every match made the reader quadratic in a paragraph with thousands of numbers."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.spans, (start, end))
        return (k > 0 and self.spans[k - 1][1] > start) or (k < len(self.spans) and self.spans[k][0] < end)

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))


def _last_total(totals: list[tuple[int, int]], position: int, n: int) -> int | None:
    """The last total stated before ``position`` that can hold ``n`` (``totals`` sorted by position)."""
    for k in range(bisect_right(totals, (position, -1)) - 1, -1, -1):
        if totals[k][1] >= n:
            return totals[k][1]
    return None


def _read(text: str, lang: str) -> list[Hit]:
    taken = _Taken()
    totals: list[tuple[int, int]] = []  # (position, total), sorted
    replies = False  # a total of replies was stated: what follows reports them
    hits: list[Hit] = []
    found = []
    for order, (shape, pattern) in enumerate(_shapes(lang)):
        for m in pattern.finditer(text):
            found.append((order, m.start(), shape, m))
    for _, _, shape, m in sorted(found, key=lambda f: (f[0], f[1])):
        if taken.overlaps(m.start(), m.end()):
            continue
        if shape == "group":
            n = _value(m.group("n"), lang)
            tag = _group(text, m, lang) if n and n >= 2 else None
            if tag and not NUMBER_GOES_ON.search(text[max(0, m.start() - 20) : m.start()]):
                taken.add(m.start(), m.end())
                hits.append(Hit(tag, shape, m.group(0), m.start(), m.end(), Fraction(1) if tag == CONSENSUS else None))
            continue
        if shape != "total" and (
            NUMBER_GOES_ON.search(text[max(0, m.start() - 20) : m.start()])
            or not (
                _says(text, m, lang, shape)
                or (replies and shape in ("share", "anaphor", "count", "dual") and not _documents(m, lang, shape))
            )
        ):
            continue
        if shape in ("count", "all", "dual", "bare", "vague") and (
            not _starts_clause(text, m, lang, shape) or OR_MORE.match(text, m.end())
        ):
            continue
        if shape in ("fraction", "bare") and (
            VOTE.search(text[max(0, m.start() - 30) : m.start()]) or VOTE.match(text, m.end())
        ):
            continue
        if shape == "anaphor" and ORIGIN.match(text, m.end()):
            continue
        if shape != "share" and EXCEPT.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        comparator = _comparator(m, lang)
        n = _value(m.groupdict().get("n") or m.groupdict().get("n2"), lang)
        total = _value(m.groupdict().get("m") or m.groupdict().get("m2"), lang)
        n = 2 if shape == "dual" or m.groupdict().get("d") else n  # a dual: "في دولتين" (in two States)
        if shape == "total":
            if total:
                insort(totals, (m.start(), total))
                near = text[max(0, m.start() - 60) : m.end() + 40]
                replies = replies or re.search(REPLY[lang], near, re.IGNORECASE) is not None
                taken.add(m.start(), m.end())
            continue
        named = re.search(HOLDER[lang], text[max(0, m.start() - 200) : m.start()], re.IGNORECASE) is not None
        if shape == "vague":
            if not named:
                continue  # "some of them children": no holders named before
            taken.add(m.start(), m.end())
            tag = CONSENSUS if MOST.search(m.group("v")) else SOME
            hits.append(Hit(tag, shape, m.group(0), m.start(), m.end(), None))
            continue
        if shape == "bare" and (n or 0) >= 1000:
            continue  # a year: "2005 saw"
        if shape == "fraction" or (shape == "bare" and m.group("f")):
            share = (
                _fraction(m, lang)
                if m.groupdict().get("f") is not None
                else (Fraction(n, total) if n and total else None)
            )
            if share is None:
                continue
        elif shape == "share":
            if not n or not total or n > total:
                continue
            share = Fraction(n, total)
        elif shape == "all":
            if not n or n < 2:
                continue
            share = Fraction(1)
        else:
            if not n or (n == 1 and shape in ("count", "bare")):
                continue
            before = _last_total(totals, m.start(), n)
            if shape == "anaphor" and not before and not named:
                continue  # "57 of them children": no total and no holders named before "them"
            if total:  # "nine in ten said", "neuf sur dix ont indiqué"
                share = Fraction(n, total) if n <= total else None
                if share is None:
                    continue
            else:
                share = Fraction(n, before) if before else None
        tag = _tag(share, comparator)
        taken.add(m.start(), m.end())
        if tag:
            hits.append(Hit(tag, shape, m.group(0), m.start(), m.end(), share))
    return sorted(hits, key=lambda h: h.start)
