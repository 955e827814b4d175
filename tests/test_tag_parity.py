"""Rule parity across the six languages (issue 12, eighth round): the same meaning gets the same
rule decision in every language (``configs/taxonomy.yaml``).

Translators render a plain "law" with the word for "legislation" (законодательство, législation,
legislación, تشريع), so a passing mention of the law ("consistent with domestic law", "under their own
law", "which State's law applied") fired legislation outside English only; "jurisdiction" is also a
State or a legal system ("a common-law jurisdiction"); Arabic منع matched inside other words; and some
procedural sentences (adopting the meeting's report, a masculine "المعنون" title) were hidden in some
languages only.

Real sentences are lines of the UN Parallel Corpus dev set (``../shared/corpus/unpc_devset``, line n of
each file is the same sentence in the six languages); where no real sentence has the frame, the
labelled paragraph it was found in (seen data: train and dev, heldout9 folded in) is used.
"""

from __future__ import annotations

from functools import cache

import pytest

from pipeline.tag.labels import load_examples
from pipeline.tag.rules import tag_text, without_procedure
from pipeline.tag.taxonomy import load_taxonomy
from tests.conftest import ROOT
from tests.conftest import unpc_line as unpc

LANGS = ["en", "fr", "es", "ru", "zh", "ar"]
LABELS = ROOT / "data" / "labels"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "configs" / "taxonomy.yaml")


@cache
def _labelled() -> dict[tuple[str, str], tuple[str, frozenset[str]]]:
    return {(e.id, e.lang): (e.text, e.tags) for path in sorted(LABELS.glob("tag_*.yaml")) for e in load_examples(path)}


def versions(key: str) -> list[tuple[str, str, frozenset[str]]]:
    """(language, text, labels) of a labelled paragraph in every language it is written in (the first
    native round has English and the language it was written in only)."""
    return [(lang, *_labelled()[(key, lang)]) for lang in LANGS if (key, lang) in _labelled()]


def tags(text: str, lang: str, taxonomy) -> set[str]:
    return set(tag_text(text, lang, taxonomy).tags)


def hidden(text: str, lang: str, taxonomy) -> str:
    """The characters the procedural cues blank (non-blank characters only)."""
    kept = without_procedure(text, lang, taxonomy)
    return "".join(a for a, b in zip(text, kept, strict=True) if a != b)


@pytest.mark.parametrize(
    "line,langs",
    [
        # "A multilateral legal framework for sovereign debt restructuring processes" (a heading).
        (3897, ["en", "es", "zh", "ar"]),
        # "the international legal framework governing space activities" (the sentence names "the/that
        # legal framework" again without "international" in the other languages).
        (1543, ["fr"]),
        (722, ["fr"]),
        # "... may amount to war crimes or crimes against humanity under international law".
        (1634, ["en", "ar"]),
        (2566, ["en", "ar"]),
    ],
)
def test_an_international_legal_framework_is_not_national_legislation_on_real_un_sentences(
    taxonomy, line: int, langs: list[str]
) -> None:
    """An international or multilateral legal framework (the new_instrument debate's "universal legal
    framework") and "under international law" are not national law-making, in any language."""
    for lang in langs:
        assert "legislation" not in tags(unpc(line, lang), lang, taxonomy), (lang, unpc(line, lang))


@pytest.mark.parametrize(
    "key",
    [
        # "consistent with domestic law and human rights obligations" (zh 符合国内法, ru в соответствии с
        # внутренним законодательством, ar بما يتسق مع القانون الداخلي, fr dans le respect du droit interne).
        "t0222",
        # heldout9: "would refuse to surrender a person for conduct that was not also punishable under their
        # own law" (ru по их собственному законодательству): dual criminality, formal cooperation.
        "t0733",
        # "which State's law applied to them" (fr la loi de l'État qui leur était applicable, ru
        # законодательство какого государства к ним применимо).
        "t0610",
        # "registered under its laws" (es conforme a sus leyes, ru в соответствии с его законодательством).
        "d0160",
        # "the territorial scope of criminal law" (zh 刑法属地适用范围, ru сфере действия уголовного закона,
        # fr champ d'application territorial de la loi pénale): jurisdiction.
        "t0118",
        "t0139",
        # "admitted before national courts": 国内法院 is a court, not 国内法.
        "n0925",
        # "the law of the State of establishment prohibited such disclosure".
        "n0372",
        # "a universal legal framework on the use of ICT for criminal purposes" (new_instrument).
        "t0251",
    ],
)
def test_a_passing_mention_of_the_law_is_not_legislation_in_any_language(taxonomy, key: str) -> None:
    """Labelled paragraphs without a legislation label whose translations fired legislation on a
    passing mention of the law: no language does now, as English never did."""
    for lang, text, gold in versions(key):
        assert "legislation" not in gold
        assert "legislation" not in tags(text, lang, taxonomy), (lang, text)


@pytest.mark.parametrize("key", ["t0291", "d0148", "n0371", "n0272", "t0121"])
def test_law_making_and_powers_under_domestic_law_stay_legislation(taxonomy, key: str) -> None:
    """ "Powers under domestic law to intercept", "contact points authorized under domestic law",
    "adapt their own procedural legislation", "the existing legal framework was adequate" are the
    topic: the passing-mention excludes leave them."""
    for lang, text, gold in versions(key):
        assert "legislation" in gold
        assert "legislation" in tags(text, lang, taxonomy), (lang, text)


def test_a_named_law_is_not_a_passing_mention_on_real_un_sentences(taxonomy) -> None:
    """Lines 482 and 1639, "Conformément à la loi anticorruption du territoire", "В соответствии с
    Законом о предупреждении насилия в семье": a law named after "in accordance with" is a law, so
    the conformity exclude does not hide it."""
    for line, lang in ((482, "fr"), (482, "ru"), (1639, "ru"), (1639, "fr")):
        assert "legislation" in tags(unpc(line, lang), lang, taxonomy), (line, lang)


@pytest.mark.parametrize("key", ["d0208", "r0025", "n0340", "d0155"])
def test_a_jurisdiction_as_a_place_is_not_the_jurisdiction_topic(taxonomy, key: str) -> None:
    """heldout9: "A panellist from a common-law jurisdiction explained ..."; "In some jurisdictions
    investigators could ...", "the law of evidence in many jurisdictions", "judges in their
    jurisdictions": a State or legal system where something is done (French says "pays", Chinese
    国家), no language tags jurisdiction."""
    for lang, text, gold in versions(key):
        assert "jurisdiction" not in gold
        assert "jurisdiction" not in tags(text, lang, taxonomy), (lang, text)


@pytest.mark.parametrize("lang", LANGS)
def test_adopting_the_meeting_s_report_is_procedure_on_a_real_un_sentence(taxonomy, lang: str) -> None:
    """Line 2018, "At its 2nd meeting, the Preparatory Committee adopted its draft report ..." (ru
    "принял проект своего доклада", zh "通过了……报告草稿", ar "اعتمدت اللجنة ..."): the sentence is hidden in
    all six languages, so "the report on its meeting, including the recommendations on electronic
    evidence" names no topic."""
    text = unpc(2018, lang)
    assert not without_procedure(text, lang, taxonomy).strip(" .0123456789-–١٠"), (lang, text)


@pytest.mark.parametrize("key", ["n0793", "n0893", "n0926"])
def test_the_topics_of_an_adopted_report_are_not_tagged(taxonomy, key: str) -> None:
    for lang, text, gold in versions(key):
        assert not gold
        assert not tags(text, lang, taxonomy) - {"stance_consensus"}, (lang, text)


@pytest.mark.parametrize(
    "line,title", [(1885, "تسوية المنازعات بالوسائل السلمية"), (1545, "الطريق إلى العيش بكرامة بحلول عام 2030")]
)
def test_a_title_after_the_masculine_al_muanwan_is_hidden(taxonomy, line: int, title: str) -> None:
    """Lines 1885 ("the item entitled 'Peaceful settlement of disputes'") and 1545 ("the report ...
    entitled 'The Road to Dignity by 2030'"): the Arabic title follows "المعنون" (an item, a report, a
    draft resolution) as often as "المعنونة"; both are hidden, as "entitled" is in English."""
    text = unpc(line, "ar")
    assert title in text
    assert "".join(title.split()) in hidden(text, "ar", taxonomy)


@pytest.mark.parametrize("line", [3380, 3794])
def test_arabic_man_is_a_word_of_its_own_on_real_un_sentences(taxonomy, line: int) -> None:
    """Lines 3380 and 3794, "المنعقد" (held, of a session): prevention matched inside it; English has no
    prevention there."""
    assert "prevention" not in tags(unpc(line, "en"), "en", taxonomy)
    assert "prevention" not in tags(unpc(line, "ar"), "ar", taxonomy)


def test_arabic_man_still_finds_prevention(taxonomy) -> None:
    """Line 2291, "منعا لمعاودة الإجرام" (to prevent reoffending): the accusative is still the word."""
    assert "prevention" in tags(unpc(2291, "ar"), "ar", taxonomy)


@pytest.mark.parametrize("line", [1241, 2294])
def test_an_arabic_rule_starts_at_a_word_on_real_un_sentences(taxonomy, line: int) -> None:
    """Lines 1241 ("بمساعدة الدول الثالثة", assistance to third States) and 2294 ("لمساعدة البلدان
    المنكوبة", to help the affected countries): the subset rule "عدة ... دول" (several States) matched
    the end of مساعدة (assistance). Arabic rules now start where a word does, after its clitics."""
    assert "stance_some" not in tags(unpc(line, "en"), "en", taxonomy)
    assert "stance_some" not in tags(unpc(line, "ar"), "ar", taxonomy)


@pytest.mark.parametrize(
    "key,tag",
    [
        (("n0913", "ar"), "human_rights"),  # يتناسب: the imperfect prefix before the word a rule names
        (("n0782", "ar"), "stance_some"),  # وأفادت عدة دول: a conjunction before "several"
    ],
)
def test_an_arabic_rule_still_matches_after_clitics_and_verb_prefixes(taxonomy, key, tag: str) -> None:
    text, labels = _labelled()[key]
    assert tag in labels
    assert tag in tags(text, "ar", taxonomy)


@pytest.mark.parametrize("key", [("d0237", "ar"), ("n1301", "ar")])
def test_arabic_nobody_is_not_one_speaker(taxonomy, key) -> None:
    """ "لم يشكَّ أحد من المتكلمين" (none of the speakers doubted): a negated "one of the speakers" is
    nobody, as the negated "وفد واحد" already was; it read as a subset."""
    text, labels = _labelled()[key]
    assert "stance_some" not in labels
    assert "stance_some" not in tags(text, "ar", taxonomy)


def test_an_arabic_rule_that_starts_with_punctuation_still_matches(taxonomy) -> None:
    """r0049, a Chair's list of guiding questions: the procedural cue is the question mark ending the
    sentence, which follows a letter; the word-start condition applies to letters only."""
    text, labels = _labelled()[("r0049", "ar")]
    assert not labels
    assert not tags(text, "ar", taxonomy)


@pytest.mark.parametrize("line,langs", [(417, LANGS), (2110, ["en", "fr", "es", "ru", "zh"])])
def test_prevent_from_is_the_verb_hinder_on_real_un_sentences(taxonomy, line: int, langs: list[str]) -> None:
    """Line 417, "postures ... that have prevented the Conference on Disarmament from establishing an
    ad hoc committee"; line 2110, "designed to prevent these countries from exercising their right":
    the other languages use another verb and never read prevention there (Arabic says منع for both
    senses, "منع هذه البلدان من", and keeps it: "منع الجريمة والحد من" is prevention)."""
    for lang in langs:
        assert "prevention" not in tags(unpc(line, lang), lang, taxonomy), lang


@pytest.mark.parametrize("key", ["n0503", "n0076", "t0304", "n0147"])
def test_hinder_and_professionals_awareness_are_not_prevention(taxonomy, key: str) -> None:
    """ "an e-mail ... prevented data from being lost", "encryption frequently prevented access", "a
    lack of awareness among practitioners/investigators" (labelled paragraphs, no prevention label)."""
    text, gold = _labelled()[(key, "en")]
    assert "prevention" not in gold
    assert "prevention" not in tags(text, "en", taxonomy), text


@pytest.mark.parametrize(
    "key,tag",
    [
        # "Under the agenda item on procedural measures" (fr consacré aux, es relativo a, ru касающегося).
        ("t0712", "legislation"),
        # "The study is divided into eight chapters, dealing respectively with criminalization, ...".
        ("n0562", "legislation"),
        # "a questionnaire whose sections dealt with legislation, electronic evidence and international
        # cooperation, respectively".
        ("n0607", "legislation"),
        # ru "рассмотрела пункт 2 «Техническая помощь и подготовка кадров ...»", ar "البند ... المعنون".
        ("n0790", "capacity_building"),
        # ru "вопросник по электронным доказательствам" (the questionnaire on electronic evidence).
        ("t0716", "electronic_evidence"),
        # en "entitled 'Electronic evidence and human rights'" (single quotes).
        ("n0649", "electronic_evidence"),
        # en "the following meetings would be devoted, respectively, to data preservation, electronic
        # evidence and capacity-building".
        ("n0745", "electronic_evidence"),
        # en "The meeting was also attended, as observers, by ... the G7 24/7 Cybercrime Network"; "Members of
        # the 24/7 network of contact points were also present"; "contact persons for logistical and security
        # arrangements, reachable around the clock"; "a point of contact for the meeting, responsible for
        # visa and logistical matters".
        ("n0529", "network_24_7"),
        ("n0772", "network_24_7"),
        ("t0596", "network_24_7"),
        ("n0625", "network_24_7"),
    ],
)
def test_named_topics_are_hidden_in_every_language(taxonomy, key: str, tag: str) -> None:
    for lang, text, gold in versions(key):
        assert tag not in gold
        assert tag not in tags(text, lang, taxonomy), (lang, text)


NOT_ONE = {
    "en": "Not one delegation disputed that the 24/7 network should be strengthened.",
    "fr": "Pas une seule délégation n'a contesté la nécessité de renforcer le réseau 24/7.",
    "es": "Ni una sola delegación cuestionó la necesidad de reforzar la red 24/7.",
    "ru": "Ни одна делегация не оспорила необходимость укрепления сети 24/7.",
    "zh": "没有一个代表团对加强24/7网络的必要性提出异议。",
    "ar": "ولم يعترض وفد واحد على ضرورة تعزيز شبكة 24/7.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_not_one_delegation_objected_is_agreement_not_a_subset(taxonomy, lang: str) -> None:
    """ "Not one delegation disputed", "ни одна делегация не оспорила", "没有一个代表团...提出异议": the "one
    delegation" of a subset rule sits inside a negated dissent, which is agreement; every language
    read a subset there (t0720, heldout9 folded: ru and zh), and most missed the agreement. The labelled
    paragraph and a sentence of each language's usual formula."""
    for text in (_labelled()[("t0720", lang)][0], NOT_ONE[lang]):
        found = tags(text, lang, taxonomy)
        assert "stance_consensus" in found and "stance_some" not in found, (lang, text)


@pytest.mark.parametrize("lang", LANGS)
def test_far_from_agreement_is_divergence_in_every_language(taxonomy, lang: str) -> None:
    """n1416 ("Opinions on the matter were far from uniform", "loin d'être uniformes", "distaron mucho
    de ser uniformes", "далеко не единодушными", 远未统一, "أبعد ما تكون عن التطابق") and d0239 ("far
    from a common reading", "بعيدة عن الاتفاق على فهم مشترك"): agreement said to be far off is
    divergence, and not the agreement its words name (the Arabic "فهم مشترك", a common
    understanding, read as consensus; the Russian as well)."""
    for key in (("n1416", lang), ("d0239", lang)):
        text, labels = _labelled()[key]
        assert "stance_divergent" in labels
        found = tags(text, lang, taxonomy)
        assert "stance_consensus" not in found, key
    assert "stance_divergent" in tags(_labelled()[("n1416", lang)][0], lang, taxonomy)
