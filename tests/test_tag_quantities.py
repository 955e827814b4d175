"""Stances read from quantities of holders (``pipeline.tag.quantities``), on real UN sentences (the UN
Parallel Corpus dev set, line n of ../shared/corpus/unpc_devset) and on the labelled paragraphs."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline import LANGS
from pipeline.tag import quantities
from pipeline.tag.labels import load_examples
from pipeline.tag.rules import tag_text
from pipeline.tag.taxonomy import load_taxonomy
from tests.conftest import ROOT
from tests.conftest import unpc_line as line


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "configs" / "taxonomy.yaml")


@pytest.mark.parametrize("lang", LANGS)
def test_a_share_of_governments_is_a_majority_in_every_language(taxonomy, lang: str) -> None:
    # Line 258: "More than 74 per cent of Governments stated that ..." / "Plus de 74 % des gouvernements
    # ont indiqué" / "Más del 74% de los gobiernos afirmaron" / "Более 74 процентов правительств
    # отметили" / "超过74%的政府表示" / "وذكر أكثر من 74 في المائة من الحكومات".
    tagged = tag_text(line(258, lang), lang, taxonomy)
    assert "stance_consensus" in tagged.tags
    evidence = [e for e in tagged.evidence if e.rule.startswith("quantity:")]
    assert evidence and "74" in evidence[0].span
    assert line(258, lang)[evidence[0].start : evidence[0].end] == evidence[0].span


@pytest.mark.parametrize(
    "n,lang,tag",
    [
        (3728, "fr", "stance_some"),  # "deux États Membres ont proposé que la Commission examine ..."
        (301, "ru", "stance_some"),  # "Пять государств, обладающих ядерным оружием, также выразили нежелание ..."
        (1222, "zh", "stance_consensus"),  # "约90.9%的代表团指出 ..." (about 90.9 per cent of the missions)
        (2361, "en", "stance_some"),  # "46 countries out of those that reported ... had established ..."
        (2361, "es", "stance_some"),  # "46 países de los que informaron ..."
    ],
)
def test_counts_and_shares_on_real_un_sentences(n: int, lang: str, tag: str) -> None:
    assert tag in {hit.tag for hit in quantities.read(line(n, lang), lang)}


@pytest.mark.parametrize(
    "n",
    [
        3851,  # "shall require a two-thirds majority of the members present and voting" (rules of procedure)
        166,  # "change the two-thirds majority threshold for the referendum"
        1602,  # "One hundred and eleven countries had not established ...": no view, and 111 is not 11
        1613,  # "killing 325 Syrian civilians, 57 of them children": "them" is no count of holders
        1676,  # "About 40 experts ... participated in the workshop": attendance, not a view
        2634,  # "13 Member States are in arrears under the terms of Article 19 of the Charter"
        2558,  # "两个国家之间的旅行": travel between two States
        27,  # "88 % des indicateurs atteints": a share of indicators, not of holders
        787,  # "من بينهم 867 1 طفلا" (of whom 1,867 children): "بين" is "between", not "explained"
        3093,  # "including 240 military observers": a breakdown, no view
        2951,  # "495 recommandations, dont 46 considérées comme critiques": a participle, not a verb of saying
        3230,  # "Au 31 décembre, 27 demandes de visas": "demandes" is a noun
        1319,  # "y 11 comunicaciones de la Secretaría": a noun, not "comunicaron"
        744,  # "只有22个国家为森林论坛第九届会议提供了国家报告": national reports are documents, not a view
        1441,  # "16份审计报告中的3份报告": three of 16 audit reports
        2424,  # "其中大多数承包者正使用现有分类": most contractors use a classification
        1112,  # "تتراوح ما بين 4 و9,810": a range
        986,  # "من بينهم سبع نساء و 26 طفلا": victims
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_numbers_that_are_not_holders_of_a_view_do_not_fire(n: int, lang: str) -> None:
    assert quantities.read(line(n, lang), lang) == []


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "ar"])
def test_representatives_of_a_number_of_bodies_who_speak_in_support_are_some(lang: str) -> None:
    # Line 59: "Representatives of 17 organizations of the United Nations system spoke in support of
    # creating an ad hoc ... working group" / "Les représentants de 17 organismes ... sont intervenus
    # pour exprimer leur appui" / "Representantes de 17 organizaciones ... se mostraron partidarios" /
    # "Представители 17 организаций ... высказались в поддержку" / "وتحدث ممثلو 17 مؤسسة ... دعماً".
    # (The Chinese "联合国系统 17 个组织的代表在发言中支持" puts the count after a modifier: not read.)
    hits = quantities.read(line(59, lang), lang)
    assert [h.tag for h in hits] == ["stance_some"] and "17" in hits[0].span


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "5 Adoption of the report"),
        ("fr", "5 Adoption du rapport"),
        ("es", "5 Aprobación del informe"),
        ("ru", "5 Утверждение доклада"),
        ("zh", "5 通过报告"),
        ("ar", "5 اعتماد التقرير"),
    ],
)
def test_an_agenda_item_number_is_not_a_count(lang: str, text: str) -> None:
    # The agenda of the bundled document (UNODC/CCPCJ/EG.4/2020/1, row 71): "Утверждение" (adoption)
    # starts like "утверждали" (maintained), and a number alone needs a finite verb of saying after it.
    assert quantities.read(text, lang) == []


@cache
def labelled() -> dict[tuple[str, str], object]:
    paths = ["tag_train.yaml", "tag_train_styles.yaml", "tag_train_native.yaml", "tag_train_native2.yaml"]
    paths += ["tag_dev.yaml", "tag_dev_reports.yaml"]
    return {(e.id, e.lang): e for p in paths for e in load_examples(ROOT / "data" / "labels" / p)}


@pytest.mark.parametrize(
    "pid",
    [
        "d0185",  # "The Secretariat received 48 replies ... Thirty-nine respondents indicated" (39/48)
        "s0005",  # "Of the 52 States that replied ..., 38 indicated" / "من بين الدول الاثنتين والخمسين ... أفادت 38"
        "t0631",  # "Replies ... from 41 States. Twenty-seven of them" / "Vingt-sept d'entre eux" / "其中27个"
        "t0705",  # "More than four fifths of responding States" / "五分之四以上的答复国" / "أكثر من أربعة أخماس"
        "t0675",  # "Nearly half of the respondents" / "近半数答复国" / "почти половина"
        "t0636",  # "Fewer than one in four respondents" / "moins d'un répondant sur quatre" / "不到四分之一"
        "d0203",  # "Only eight respondents so far reported" / "huit États seulement" / "سوى ثماني دول"
    ],
)
def test_labelled_quantities_read_alike_in_six_languages(pid: str) -> None:
    want = next(t for t in labelled()[(pid, "en")].tags if t in (quantities.CONSENSUS, quantities.SOME))
    for lang in LANGS:
        example = labelled()[(pid, lang)]
        assert want in {hit.tag for hit in quantities.read(example.text, lang)}, (pid, lang)


@pytest.mark.parametrize(
    "pid",
    [
        "t0733",  # "Of the 60 States that answered it, 49 reported" / "فمن بين الدول الـ60 التي أجابت عنه، أفادت 49"
        "d0205",  # "Nine in ten of the States that replied" / "из каждых десяти" / "十分之九" / "تسع دول من كل عشر"
        "t0727",  # "Just over half said that they did, while 21 said" (consensus and some)
        "t0728",  # "four of which took the floor" / "dont quatre" / "cuatro de los cuales" / "其中有四国" / "أربع منها"
        "t0723",  # "Representatives of three States recounted" / "Представители трех государств" / "ممثلو ثلاث دول"
        "q0001",  # "47 Member States had replied ... Of those, 31 reported ..., and nine indicated" / "Parmi eux, 31"
        "t0643",  # "Nearly three quarters ... Several of them reported" / "其中若干" / "وذكرت عدة دول منها"
        "d0210",  # "Two representatives of security firms attributed" / "وعزا ممثلان"
        "d0214",  # "Representatives of two privacy advocacy organizations maintained" / "وأكد ممثلا منظمتين"
        "t0738",  # "Three academic panellists cautioned" / "Tres ponentes" / "三位来自学术界的小组成员告诫说"
        "t0749",  # "在作出答复的国家中，有八个报告"
        "t0732",  # "71 replies ..., 64 from Member States and 7 from regional organizations": no stance
    ],
)
def test_quantities_read_the_labelled_stances_exactly_in_six_languages(pid: str) -> None:
    for lang in LANGS:
        example = labelled()[(pid, lang)]
        want = {t for t in example.tags if t in (quantities.CONSENSUS, quantities.SOME)}
        assert {hit.tag for hit in quantities.read(example.text, lang)} == want, (pid, lang)


def test_the_exceptions_to_a_view_are_not_its_holders() -> None:
    # n0731: "Speakers, with one or two exceptions, considered" / "باستثناء واحد أو اثنين منهم".
    example = labelled()[("n0731", "ar")]
    assert quantities.SOME not in {hit.tag for hit in quantities.read(example.text, "ar")}


@pytest.mark.parametrize(
    "lang,text,value",
    [
        ("en", "Thirty-nine", 39),
        ("fr", "quarante et un", 41),
        ("fr", "quatre-vingt-dix-sept", 97),
        ("es", "treinta y nueve", 39),
        ("es", "veintisiete", 27),
        ("ru", "тридцати девяти", 39),
        ("ar", "الاثنتين والخمسين", 52),
        ("ar", "تسعة وثلاثون", 39),
        ("ar", "أحد عشر", 11),
        ("zh", "三十九", 39),
        ("zh", "十一", 11),
    ],
)
def test_numbers_in_words(lang: str, text: str, value: int) -> None:
    assert quantities.number(text, lang) == value


@pytest.mark.parametrize("lang", LANGS)
def test_a_limited_number_of_delegations_is_some(taxonomy, lang: str) -> None:
    # t0684 (heldout8, folded into train): "... whereas a limited number of delegations argued" /
    # "un nombre restreint de délégations" / "ограниченное число делегаций" / "为数有限的代表团" /
    # "عدد محدود من الوفود": the taxonomy's stance_some rules, beside the quantities.
    assert "stance_some" in tag_text(labelled()[("t0684", lang)].text, lang, taxonomy).tags
