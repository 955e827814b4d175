"""Tagging: the hand-labelled paragraphs (six languages), evidence, the taxonomy checks, the verb."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from pipeline.cli import main
from pipeline.core.errors import InputError
from pipeline.tag.stage import tag_text
from pipeline.tag.taxonomy import load_taxonomy
from tests.conftest import ROOT

TAXONOMY = ROOT / "configs" / "taxonomy.yaml"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(TAXONOMY)


def scores(path: Path, taxonomy) -> tuple[float, float]:
    tp = fp = fn = 0
    for lang, items in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for item in items:
            got, want = set(tag_text(item["text"], lang, taxonomy).tags), set(item["tags"])
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    return tp / (tp + fp), tp / (tp + fn)


def test_required_tags_exist(taxonomy) -> None:
    required = {
        "formal_cooperation",
        "informal_cooperation",
        "network_24_7",
        "data_preservation",
        "electronic_evidence",
        "jurisdiction",
        "capacity_building",
        "prevention",
        "legislation",
        "new_instrument",
        "human_rights",
        "organized_crime_convention",
        "stance_consensus",
        "stance_some",
        "stance_divergent",
    }
    assert required <= set(taxonomy.ids)


def test_hand_labelled_regression_set(taxonomy) -> None:
    precision, recall = scores(DATA / "tagging_gold.yaml", taxonomy)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_second_regression_set(taxonomy) -> None:
    """tagging_heldout.yaml was held out for the first rules, then used to extend them."""
    precision, recall = scores(DATA / "tagging_heldout.yaml", taxonomy)
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


def test_held_out_set_stays_precise(taxonomy) -> None:
    """tagging_heldout2.yaml was written after the rules were frozen and never used to change
    them: rules stay precise, recall on new phrasings is low (metrics/tag_quality.json); the
    floors guard against regressions, they are not a claim of quality."""
    precision, recall = scores(DATA / "tagging_heldout2.yaml", taxonomy)
    assert precision >= 0.85 and recall >= 0.2, (precision, recall)


def test_every_language_has_cases_for_most_tags() -> None:
    data = yaml.safe_load((DATA / "tagging_gold.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"ar", "zh", "en", "fr", "ru", "es"}
    per_lang = Counter(lang for lang, items in data.items() for item in items for _ in item["tags"])
    assert min(per_lang.values()) >= 12


def test_evidence_names_span_and_rule(taxonomy) -> None:
    text = "Most experts agreed that the Commission on Crime Prevention and Criminal Justice should meet."
    result = tag_text(text, "en", taxonomy)
    assert result.tags == ["stance_consensus"], "a body's name is not a prevention position"
    evidence = result.evidence[0]
    assert text[evidence.start : evidence.end] == evidence.span == "Most experts"
    assert "most" in evidence.rule


def test_russian_and_arabic_inflections(taxonomy) -> None:
    assert "formal_cooperation" in tag_text("о взаимной правовой помощи", "ru", taxonomy).tags
    assert "formal_cooperation" in tag_text("по вопросам взаимной правовой помощью", "ru", taxonomy).tags
    assert "capacity_building" in tag_text("وبناء القدرات", "ar", taxonomy).tags
    assert "capacity_building" in tag_text("بناء قدرات الموظفين", "ar", taxonomy).tags


BROKEN = {
    "unknown key": ("  colour: red\n", "unknown key(s) colour"),
    "bad regex": (None, "is not a valid regular expression"),
    "missing language": (None, "'rules' is missing language(s) zh"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_invalid_taxonomy_fails_at_load_naming_file_tag_and_problem(tmp_path: Path, case: str) -> None:
    text = TAXONOMY.read_text(encoding="utf-8")
    if case == "unknown key":
        text = text.replace(
            "  - id: network_24_7\n", "  - id: network_24_7\n  colour: red\n".replace("  colour", "    colour")
        )
    elif case == "bad regex":
        text = text.replace("en: ['24/7',", "en: ['24/(7',")
    else:
        text = re.sub(r"      zh: \['24/7', '全天候', '联络点'.*\n", "", text, count=1)
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_taxonomy(path)
    message = str(err.value)
    assert str(path) in message and "network_24_7" in message and BROKEN[case][1] in message


def test_tag_verb_on_plain_text(tmp_path: Path) -> None:
    src = tmp_path / "fr.txt"
    src.write_text(
        "La plupart des experts sont convenus qu'il fallait renforcer l'entraide judiciaire.\n\nLa séance est levée.\n",
        encoding="utf-8",
    )
    out = tmp_path / "tags.jsonl"
    assert main(["tag", str(src), "--out", str(out), "--rules-only"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["tags"] for r in rows] == [["formal_cooperation", "stance_consensus"], []]
    assert rows[0]["evidence"][0]["span"]


def test_tag_verb_reports_a_broken_taxonomy(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text("tags: [{id: x, kind: topic}]\n", encoding="utf-8")
    src = tmp_path / "en.txt"
    src.write_text("Text.\n", encoding="utf-8")
    assert main(["tag", str(src), "--taxonomy", str(bad)]) == 2
    assert "t.yaml: tag 'x': 'label' must map languages to values" in capsys.readouterr().err


def _labelled_paragraphs() -> list[tuple[str, str]]:
    """(lang, text) of the training and dev splits and the older test sets (not the frozen ones)."""
    from pipeline.tag.labels import load_examples

    paths = [ROOT / "data" / "labels" / "tag_train.yaml", ROOT / "data" / "labels" / "tag_dev.yaml"]
    paths += [DATA / name for name in ("tagging_gold.yaml", "tagging_heldout.yaml", "tagging_heldout2.yaml")]
    return [(e.lang, e.text) for path in paths for e in load_examples(path)]


def test_rule_hits_start_at_a_word_start(taxonomy) -> None:
    """In the languages written with spaces and no clitic prefixes, a rule hit never starts inside a
    word: "официальн..." must not match inside "неофициальное" (informal), nor "нов..." inside
    "на основании" (on the basis of), nor "formal channels" inside "informal channels"; nor does it
    start at the space inside a phrase ("délégation| après délégation" as evidence)."""
    inside = [
        (lang, e.tag, text[max(0, e.start - 6) : e.end])
        for lang, text in _labelled_paragraphs()
        if lang in ("en", "fr", "es", "ru")
        for e in tag_text(text, lang, taxonomy).evidence
        if (e.start > 0 and text[e.start - 1].isalpha()) or e.span[:1].isspace()
    ]
    assert not inside, inside[:5]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Эксперты обсудили официальное и неофициальное международное сотрудничество."),
        ("zh", "专家们讨论了非正式国际合作和非正式渠道。"),
        ("en", "Experts described cooperation through informal channels."),
        ("ar", "أحاط الاجتماع علما بالتقرير الشفوي للرئيس عن المشاورات غير الرسمية."),
    ],
)
def test_informal_is_not_formal(taxonomy, lang: str, text: str) -> None:
    """Phrases of the bundled document and the labelled sets: "informal" is not "formal", and the
    meeting's informal consultations are procedure, not a channel of cooperation."""
    got = tag_text(text, lang, taxonomy)
    starts = [e.start for e in got.evidence if e.tag == "formal_cooperation"]
    assert not [s for s in starts if text[max(0, s - 2) : s] in ("не", "in") or text[s - 1 : s] == "非"], starts
    if lang == "ar":
        assert "informal_cooperation" not in got.tags


def test_quantified_delegations_in_every_gender(taxonomy) -> None:
    """Spanish and French quantifiers agree with the noun ("algunas delegaciones", "certaines
    délégations"); every labelled paragraph that opens with such a subject has stance_some."""
    import re

    openers = {
        "es": re.compile(r"^(?:Algunas|Varias|Muchas|Otras|Unas pocas|Diversas) (?:delegaciones|expertas)"),
        "fr": re.compile(r"^(?:Certaines|De nombreuses|Plusieurs|D'autres) délégations"),
    }
    cases = [(lang, text) for lang, text in _labelled_paragraphs() if lang in openers and openers[lang].match(text)]
    assert len(cases) >= 10
    missed = [text for lang, text in cases if "stance_some" not in tag_text(text, lang, taxonomy).tags]
    assert not missed, missed[:3]


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        ("en", "Traffic data could be obtained in many States without a judicial warrant.", "stance_some", False),
        ("es", "Los datos podían obtenerse en muchos Estados sin orden judicial.", "stance_some", False),
        ("ar", "ورأت وفود كثيرة أن الطلبات ينبغي أن تُقبل إلكترونيا.", "stance_some", True),
        ("ar", "وأكد أحد الوفود أن دستور بلده يشترط إذنا قضائيا.", "stance_some", True),
        ("ru", "Запрос был выполнен на основании договора о выдаче.", "new_instrument", False),
        ("fr", "L'exigence de double incrimination posait peu de problèmes.", "legislation", False),
        ("zh", "一些代表团介绍了其中央机关如何跟踪收到的协助请求。", "formal_cooperation", True),
    ],
)
def test_where_is_not_who_and_other_rule_fixes(taxonomy, lang: str, text: str, tag: str, present: bool) -> None:
    assert (tag in tag_text(text, lang, taxonomy).tags) is present


SEEN = {
    "dev": ROOT / "data" / "labels" / "tag_dev.yaml",
    "train": ROOT / "data" / "labels" / "tag_train.yaml",
    "styles": ROOT / "data" / "labels" / "tag_train_styles.yaml",
    "heldout3": DATA / "tagging_heldout3.yaml",
    "heldout4": DATA / "tagging_heldout4.yaml",
    "heldout5": DATA / "tagging_heldout5.yaml",
    "heldout6": DATA / "tagging_heldout6.yaml",
}
"""Labelled sets that are seen (reported on, folded in or read while fixing rules); never a frozen
set not yet reported on."""


def _seen(name: str, key: str, lang: str):
    """A labelled paragraph of a seen set: ``key`` is the record id (``t0017``) in the splits and
    ``lang-N`` (1-based position) in the sets under tests/data."""
    from pipeline.tag.labels import load_examples

    return next(e for e in load_examples(SEEN[name]) if e.id == key and e.lang == lang)


@pytest.mark.parametrize(
    "cause,where,key,lang,tag,present",
    [
        # Names of bodies are not topics: the Working Group on Technical Assistance, the Office of the
        # High Commissioner for Human Rights, the Conference of the Parties, the Crime Congress.
        ("body", "heldout5", "en-11", "en", "capacity_building", False),
        ("body", "heldout5", "ru-11", "ru", "capacity_building", False),
        ("body", "heldout4", "en-7", "en", "human_rights", False),
        ("body", "heldout4", "ar-7", "ar", "human_rights", False),
        ("body", "dev", "d0106", "en", "organized_crime_convention", False),
        ("body", "dev", "d0106", "zh", "organized_crime_convention", False),
        ("body", "heldout5", "zh-17", "zh", "prevention", False),
        ("body", "heldout5", "ar-17", "ar", "prevention", False),
        # The workshop as the meeting itself ("most participants in the workshop") is not training.
        ("workshop", "heldout5", "zh-17", "zh", "capacity_building", False),
        ("workshop", "heldout5", "en-42", "en", "capacity_building", False),
        ("workshop", "heldout5", "fr-42", "fr", "capacity_building", False),
        # Procedural sentences: documents before the meeting, their titles, logistics, attendance.
        ("procedure", "heldout5", "en-52", "en", "formal_cooperation", False),
        ("procedure", "heldout5", "fr-52", "fr", "formal_cooperation", False),
        ("procedure", "heldout5", "es-52", "es", "formal_cooperation", False),
        ("procedure", "heldout5", "ru-52", "ru", "formal_cooperation", False),
        ("procedure", "heldout5", "zh-52", "zh", "formal_cooperation", False),
        ("procedure", "heldout5", "ar-52", "ar", "formal_cooperation", False),
        ("procedure", "heldout5", "en-43", "en", "prevention", False),
        ("procedure", "heldout5", "es-26", "es", "network_24_7", False),
        ("procedure", "heldout5", "ar-26", "ar", "network_24_7", False),
        ("procedure", "styles", "s0009", "en", "electronic_evidence", False),
        ("procedure", "train", "t0022", "en", "prevention", False),
        # Negation: "not all experts agreed", "no consensus could be reached" are not agreement, and
        # "no one disagreed" is agreement, not divergence.
        ("negation", "heldout4", "en-31", "en", "stance_consensus", False),
        ("negation", "heldout4", "es-31", "es", "stance_consensus", False),
        ("negation", "heldout4", "ru-31", "ru", "stance_consensus", False),
        ("negation", "heldout4", "zh-31", "zh", "stance_consensus", False),
        ("negation", "heldout4", "ar-31", "ar", "stance_consensus", False),
        ("negation", "heldout4", "zh-42", "zh", "stance_consensus", False),
        ("negation", "heldout4", "ar-42", "ar", "stance_consensus", False),
        ("negation", "styles", "s0012", "es", "stance_divergent", False),
        ("negation", "styles", "s0012", "es", "stance_consensus", True),
        ("negation", "styles", "s0012", "ru", "stance_consensus", True),
        ("negation", "styles", "s0012", "ar", "stance_consensus", True),
        # A quantifier of places or of the object of a provision holds no view: "data centres in several
        # countries", "ensure that all States could cooperate", "open to all States", "provided to several States".
        ("not-speakers", "styles", "s0109", "en", "stance_some", False),
        ("not-speakers", "heldout3", "ar-25", "ar", "stance_some", False),
        ("not-speakers", "train", "t0017", "en", "stance_consensus", False),
        ("not-speakers", "train", "t0227", "zh", "stance_consensus", False),
        ("not-speakers", "styles", "s0109", "fr", "stance_some", False),
        ("not-speakers", "heldout3", "zh-29", "zh", "stance_some", False),
        ("not-speakers", "heldout3", "es-29", "es", "stance_some", False),
        # A rule matching inside a longer word: 大部分 (most) is not 部分 (some), تتوافق/بتوافق
        # (is compatible / adopted by consensus) is not توافق (consensus), disproportionate is not
        # proportionality.
        ("substring", "heldout4", "zh-26", "zh", "stance_some", False),
        ("substring", "heldout4", "zh-26", "zh", "stance_consensus", True),
        ("substring", "heldout5", "ar-30", "ar", "stance_consensus", False),
        ("substring", "styles", "s0026", "ar", "stance_consensus", False),
        ("substring", "styles", "s0064", "fr", "human_rights", False),
        ("substring", "styles", "s0064", "ar", "human_rights", False),
        ("substring", "styles", "s0081", "zh", "legislation", False),  # 通过司法协助: through, not adopting a law
        # Dual criminality phrased out ("an offence under the laws of both States") and the French name of
        # the offence of data interference are not legislation or evidence topics.
        ("paraphrase", "styles", "s0007", "es", "legislation", False),
        ("paraphrase", "styles", "s0007", "ru", "legislation", False),
        ("paraphrase", "train", "t0013", "fr", "electronic_evidence", False),
        # Asking for help to set up response teams is not a mutual legal assistance request; the teams
        # themselves are prevention in every language, as in English.
        ("request", "heldout5", "zh-39", "zh", "formal_cooperation", False),
        ("request", "heldout5", "ru-39", "ru", "formal_cooperation", False),
        ("request", "heldout5", "ru-39", "ru", "prevention", True),
    ],
)
def test_rule_false_positive_causes(taxonomy, cause: str, where: str, key: str, lang: str, tag: str, present: bool):
    """Rule false positives (and the misses next to them) of phrasings written after the rules, on the
    seen sets, grouped by cause; the label agrees with the expected outcome in every case."""
    example = _seen(where, key, lang)
    assert (tag in example.tags) is present, "the case contradicts its label"
    assert (tag in tag_text(example.text, lang, taxonomy).tags) is present, (cause, example.text)


@pytest.mark.parametrize(
    "where,key,lang,tag",
    [
        ("heldout5", "en-42", "en", "stance_consensus"),  # most participants in the workshop considered
        ("train", "t0084", "zh", "capacity_building"),  # 为法官和检察官举办了关于网络犯罪的讲习班
        ("dev", "d0015", "en", "stance_some"),  # in the view of some States parties
        ("heldout5", "zh-39", "zh", "prevention"),  # 计算机事件应对小组 (the team), not 预防犯罪大会
    ],
)
def test_rule_fixes_keep_the_true_tag_beside(taxonomy, where: str, key: str, lang: str, tag: str) -> None:
    example = _seen(where, key, lang)
    assert tag in example.tags
    assert tag in tag_text(example.text, lang, taxonomy).tags, example.text


def test_procedural_sentence_hides_only_itself(taxonomy) -> None:
    """A procedural cue blanks its own sentence, not the paragraph: a real documentation sentence
    followed by a real position keeps the position's tags, at the position's offsets."""
    procedural, position = _seen("heldout5", "en-52", "en").text, _seen("heldout4", "en-31", "en").text
    text = f"{procedural} {position}"
    got = tag_text(text, "en", taxonomy)
    assert "formal_cooperation" not in got.tags
    assert "electronic_evidence" in got.tags
    assert all(e.start > len(procedural) and text[e.start : e.end] == e.span for e in got.evidence)


def test_a_quoted_title_is_hidden_but_not_its_sentence(taxonomy) -> None:
    """The quoted title after "entitled" (intitulé, 题为, عنوانها) is hidden, not its sentence: a title
    names a topic, the rest of the sentence may still discuss one. (s0053 in Chinese, "... was chaired by
    the Minister", is now hidden whole, as in English, Spanish and Arabic: who chaired is procedure.)"""
    from pipeline.tag.rules import without_procedure

    for key, lang in (("s0009", "en"), ("s0009", "ar"), ("s0009", "zh"), ("s0053", "fr")):
        text = _seen("styles", key, lang).text
        kept = without_procedure(text, lang, taxonomy)
        hidden = [k for k, (a, b) in enumerate(zip(text, kept, strict=True)) if a != b]
        assert hidden, text
        title = text[hidden[0] : hidden[-1] + 1]
        assert title[0] in '“”«《"' and title[-1] in '“”»》"', title
        assert kept.replace(" ", "") == (text[: hidden[0]] + text[hidden[-1] + 1 :]).replace(" ", "")
        assert not tag_text(text, lang, taxonomy).tags, text


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        # The UN formulas of general agreement in each language ("it was widely recognized", "there was
        # general agreement", "an overwhelming majority", "the prevailing view"), and their negations.
        ("zh", "各方普遍认识到，在司法协助请求中使用标准表格可以缩短答复时间。", "stance_consensus", True),
        ("zh", "代表们以压倒性多数支持在公约中列入关于技术援助的一章。", "stance_consensus", True),
        ("zh", "与会者就设立区域培训中心的价值达成了共识。", "stance_consensus", True),
        ("zh", "关于是否设立新的监督机制，与会者未能达成共识。", "stance_consensus", False),
        ("es", "Se reconoció ampliamente que los plazos de respuesta seguían siendo largos.", "stance_consensus", True),
        ("es", "Los expertos se mostraron unánimes en que la formación debía ser continua.", "stance_consensus", True),
        (
            "es",
            "Hubo acuerdo general en que los puntos de contacto debían estar disponibles.",
            "stance_consensus",
            True,
        ),
        ("es", "No hubo acuerdo general sobre la conveniencia de un mecanismo de examen.", "stance_consensus", False),
        ("fr", "Un large soutien s'est exprimé en faveur de définitions harmonisées.", "stance_consensus", True),
        ("fr", "La quasi-totalité des délégations ont appuyé un article sur la prévention.", "stance_consensus", True),
        (
            "fr",
            "Il n'y a pas eu d'accord général sur la durée de conservation des journaux.",
            "stance_consensus",
            False,
        ),
        ("ar", "وكان هناك اتفاق عام على أن التدريب المستمر للمحققين أمر لا غنى عنه.", "stance_consensus", True),
        ("ar", "وحظي اقتراح إنشاء مراكز إقليمية للتدريب بتأييد واسع.", "stance_consensus", True),
        # Divergence phrased as a split body or opposed positions.
        (
            "fr",
            "Les délégations étaient divisées sur la compétence à l'égard des données hébergées.",
            "stance_divergent",
            True,
        ),
        (
            "es",
            "Los expertos expresaron opiniones encontradas sobre el acceso transfronterizo.",
            "stance_divergent",
            True,
        ),
        ("zh", "一些代表团支持设立该机制，而另一些代表团则认为现有安排已经足够。", "stance_divergent", True),
        ("zh", "对于该条款草案，各代表团立场相去甚远。", "stance_divergent", True),
        # Preservation requests and orders, quick freeze and retention periods in Chinese.
        ("zh", "若干代表团表示，其联络点能够在数小时内答复外国的保全请求。", "data_preservation", True),
        ("zh", "一位专家介绍了本国法律规定的快速冻结程序。", "data_preservation", True),
        # Freezing assets is not preserving data.
        ("zh", "若干国家介绍了冻结犯罪所得资产的程序。", "data_preservation", False),
        (
            "ru",
            "Ряд делегаций рассказали о замораживании активов, полученных преступным путем.",
            "data_preservation",
            False,
        ),
        ("zh", "许多国家尚未规定服务提供商留存流量数据的最低期限。", "data_preservation", True),
        # A new or future treaty in Chinese.
        ("zh", "几位发言者认为，新条约应当与现有区域文书相辅相成。", "new_instrument", True),
        ("zh", "一些代表团希望未来公约载有关于资产追回的条款。", "new_instrument", True),
        # Training of judges and prosecutors, mentoring, forensic laboratories (as resources) in Russian.
        ("ru", "Ряд делегаций подчеркнули необходимость подготовки судей и прокуроров.", "capacity_building", True),
        ("ru", "Эксперты рассказали о программе наставничества для молодых следователей.", "capacity_building", True),
        # Agency-to-agency channels and liaison officers in Chinese.
        ("zh", "几位专家提到，机构对机构的合作在追踪被盗资金方面十分有效。", "informal_cooperation", True),
        ("zh", "一些国家向主要伙伴国派驻了联络官。", "informal_cooperation", True),
        # Preservation requests, retention by providers and freezing orders in es, fr, ru and ar.
        (
            "es",
            "Varias delegaciones dijeron que respondían con rapidez a las solicitudes de conservación.",
            "data_preservation",
            True,
        ),
        (
            "fr",
            "Un expert a expliqué que les fournisseurs ne gardaient les journaux que quelques jours.",
            "data_preservation",
            True,
        ),
        (
            "ru",
            "Ряд делегаций сообщили о запросах об обеспечении сохранности, полученных из-за рубежа.",
            "data_preservation",
            True,
        ),
        ("ar", "وأفادت عدة وفود بأنها ترد على طلبات الحفظ في غضون ساعات.", "data_preservation", True),
        ("ar", "وشدد الخبراء على ضرورة الاحتفاظ بسجل لكل من تعامل مع الجهاز المضبوط.", "data_preservation", False),
        # "In the view of several delegations", "a minority of States", "a view was expressed".
        ("ru", "По мнению нескольких делегаций, сроки исполнения просьб слишком велики.", "stance_some", True),
        ("ru", "Меньшинство государств выступили против включения этого положения.", "stance_some", True),
        ("ar", "وطُرح رأي مفاده أن الطلبات ينبغي أن تُرسل إلكترونيا.", "stance_some", True),
        # Russian agreement formulas, and their negation.
        ("ru", "Участники сошлись во мнении, что подготовка кадров должна быть постоянной.", "stance_consensus", True),
        ("ru", "Широкую поддержку получило предложение о создании региональных центров.", "stance_consensus", True),
        ("ru", "Эксперты не сошлись во мнениях относительно сроков хранения данных.", "stance_consensus", False),
    ],
)
def test_common_un_phrasings_outside_english(taxonomy, lang: str, text: str, tag: str, present: bool) -> None:
    """Phrasings the translations of the labelled paragraphs use for concepts the English rules
    already know, written anew here; negated agreement stays untagged."""
    assert (tag in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    ("lang", "text", "present"),
    [
        # The topic: which State may prosecute, data held by providers in other jurisdictions.
        ("en", "Experts differed on which State should exercise jurisdiction over attacks launched from abroad.", True),
        ("en", "Investigators needed evidence held by providers in other jurisdictions.", True),
        ("en", "Delegations asked whether data held by a provider fell within their jurisdiction.", True),
        ("es", "Los expertos discreparon sobre qué Estado debía ejercer su jurisdicción sobre esos ataques.", True),
        ("es", "Los investigadores necesitaban pruebas en poder de proveedores sujetos a otras jurisdicciones.", True),
        ("ru", "Эксперты разошлись во мнениях о том, какое государство должно осуществлять юрисдикцию.", True),
        ("ru", "Нужны доказательства у поставщиков, которые подпадают под юрисдикцию других государств.", True),
        ("zh", "专家们对应由哪个国家对这类攻击行使管辖权看法不一。", True),
        ("zh", "专家们讨论了存储在其管辖权范围内的数据。", True),
        ("ar", "واختلف الخبراء بشأن الدولة التي ينبغي أن تمارس الولاية القضائية على هذه الهجمات.", True),
        ("ar", "واحتاج المحققون إلى البيانات المخزنة في ولاية قضائية أخرى.", True),
        ("fr", "Les experts étaient partagés sur la compétence territoriale des États.", True),
        # The trap: a jurisdiction as the place where something happens (a State, its territory).
        ("en", "Prosecutors within their jurisdiction often lacked tools to examine seized phones.", False),
        ("en", "One expert said that police in his own jurisdiction kept statistics on ransomware.", False),
        ("en", "The reply was delayed because the requesting jurisdiction had sent no translation.", False),
        ("en", "Specialists from other jurisdictions described their cybercrime units.", False),
        ("en", "Several jurisdictions that had set up specialized units reported more convictions.", False),
        ("es", "Los fiscales en su jurisdicción carecían a menudo de herramientas para examinar teléfonos.", False),
        ("es", "Especialistas de otras jurisdicciones describieron sus unidades contra el delito cibernético.", False),
        ("es", "La respuesta se retrasó porque la jurisdicción requirente no envió una traducción.", False),
        ("ru", "Прокуроры в их юрисдикции нередко не располагали средствами для исследования телефонов.", False),
        ("ru", "Специалисты из других юрисдикций рассказали о своих подразделениях.", False),
        ("zh", "在其管辖权范围内，检察官往往缺乏检查手机的工具。", False),
        ("ar", "وتأخر الرد لأن الولاية القضائية الطالبة لم ترسل ترجمة.", False),
        ("ar", "ووصف متخصصون من ولايات قضائية أخرى وحداتهم المعنية بالجرائم السيبرانية.", False),
        ("fr", "Les procureurs dans leur ressort manquaient souvent d'outils pour examiner les téléphones.", False),
    ],
)
def test_a_jurisdiction_as_a_place_is_not_the_topic(taxonomy, lang: str, text: str, present: bool) -> None:
    """A jurisdiction as a place ("within their jurisdiction", "the requesting jurisdiction", "other
    jurisdictions") names a State where something happens; the topic is competence to prosecute and data held abroad
    (an exclude's ``keep`` group: "evidence held by providers in other jurisdictions")."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is present, text


def test_vocalised_arabic_word_is_one_token() -> None:
    """Short vowels and shadda are combining marks: a vocalised word ("وطُرح", "سُلِّم") stays one token
    with its offsets, so the stem phrases still match it."""
    from pipeline.tag import morphology

    text = "وطُرح رأي، وسُلِّم بذلك."
    words = morphology.tokens(text, "ar")
    assert [text[s:e] for _, s, e in words] == ["وطُرح", "رأي", "وسُلِّم", "بذلك"]
    assert words[0][0] == "طرح"


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        # Real UN sentences (UN Parallel Corpus dev set, ../shared/corpus/unpc_devset, line n of the file).
        # Line 2841: "The view was expressed that ...", the Chinese UN formula 有意见认为.
        (
            "zh",
            "107. 有意见认为，应当设立一个咨询小组和举措，类似于空间任务计划咨询小组和近地天体行动小组"
            "（第14行动小组），以处理对空间碎片的补救解决办法的问题。",
            "stance_some",
            True,
        ),
        # Line 2421: "... are criminalized in Section 252 ...": tipificado como delito, not only "tipificar".
        (
            "es",
            "El tráfico de influencias, tanto activo como pasivo, está tipificado como delito en el artículo 252 "
            "de la Ley de Delitos Penales.",
            "legislation",
            True,
        ),
        # Line 3188: the Code of Criminal Procedure.
        (
            "es",
            "Sírvanse facilitar también información actualizada sobre la situación actual del proyecto de ley "
            "federal núm. 14704-6 relativo a las enmiendas del Código de Procedimiento Penal y el Código "
            "Penitenciario mencionados en el párrafo 107.",
            "legislation",
            True,
        ),
        # Line 167: "participants agreed", as the English rule has it.
        (
            "ar",
            "وقد اتفق المشاركون في الدورة الخامسة والأربعين لمنتدى جزر المحيط الهادئ الذي عقد في كورور، بالاو، "
            "في الفترة من 29 إلى 31 تموز/ يوليه 2014، على قبول توكيلاو كعضو منتسب.",
            "stance_consensus",
            True,
        ),
        # Line 1075, 1676, 3416: an Arabic accusative alif is not stripped by the stemmer, so "خصوصًا"
        # (especially) is not "الخصوصية" (privacy), "40 خبيراً" not "خبيران" (two experts), "مقبولا" not
        # "مقبولية" (admissibility).
        (
            "ar",
            "ومع ذلك، فعند استعراض التقدُّم المحرز في تحسين صحة "
            "المرأة عمومًا وصحة الأمهات خصوصًا، ترسم البيانات صورة قاتمة.",
            "human_rights",
            False,
        ),
        (
            "ar",
            "٢ - وقد شارك في حلقة العمل تلك نحو 40 خبيراً، من بينهم ممثلو المتعاقدين مع السلطة وأعضاء اللجنة "
            "القانونية والتقنية.",
            "stance_some",
            False,
        ),
        (
            "ar",
            "١٧٦ - يمثل تعريف الجرائم ضد الإنسانية المنصوص عليه في المادة 7 من نظام روما الأساسي تعريفا مقبولا على "
            "نطاق واسع في القانون الدولي المكرس().",
            "electronic_evidence",
            False,
        ),
        # Lines 857 and 1439: retaining money and freezing accounts are not preserving data.
        (
            "zh",
            '根据"暂行准则"第一部分（紧急援助），在目前基金中可用资金的基础上，应留存33287美元作为储备金，'
            "因此可供动用的资金最多为299589美元。",
            "data_preservation",
            False,
        ),
        (
            "zh",
            "14. 决定，会员国可允许在已依照上文第12段规定冻结的账户中存入这些账户的利息或其他收益，"
            "或根据这些账户受本决议各项规定制约之前订立的合同、协定或义务应该收取的付款，"
            "但任何此种利息、其他收益和付款仍须受这些规定的制约并予以冻结；",
            "data_preservation",
            False,
        ),
        # Line 2289: training officials ("former les fonctionnaires"), as English "train" is; lines 3461 and
        # 778: "formations" are also armed formations and country configurations, which are not training.
        (
            "fr",
            "Le Comité consultatif se félicite des efforts déployés jusqu'ici pour former les fonctionnaires à "
            "l'élaboration des cadres logiques et aux méthodes de suivi de l'exécution des programmes et "
            "d'établissement de rapports à ce sujet.",
            "capacity_building",
            True,
        ),
        (
            "fr",
            "10. Retirer du territoire ukrainien les formations armées illégales et leur matériel, ainsi que les "
            "combattants et les mercenaires;",
            "capacity_building",
            False,
        ),
        (
            "fr",
            "Il est apparu sur ce point que certaines présidences du Conseil avaient joué un rôle essentiel dans la "
            "mise en place d'un espace informel permettant aux présidents de formations par pays et aux "
            "représentants des pays figurant à l'ordre du jour de débattre des objectifs et des résultats attendus "
            "de l'engagement de la Commission avant l'examen par le Conseil des situations en question.",
            "capacity_building",
            False,
        ),
        # Line 3649: consensus reached; line 2082: "generally recognized principles of international law"
        # are not a generally held view.
        (
            "ru",
            "32. Парагвай сообщил о том, что в итоговом документе свое отражение находит процесс широкого "
            "участия, благодаря которому участникам удалось достигнуть консенсуса.",
            "stance_consensus",
            True,
        ),
        (
            "ru",
            "Они призвали к разработке системы открытой, инклюзивной, неделимой и транспарентной безопасности и "
            "сотрудничества в регионе на основе общепризнанных принципов международного права.",
            "stance_consensus",
            False,
        ),
        # Line 3895: "follow due process" is "respetar las garantías procesales".
        (
            "es",
            "La comunicación del fraude debía venir guiada por los principios de la transparencia y respetar las "
            "garantías procesales.",
            "human_rights",
            True,
        ),
        # Line 1663: "diversos Estados" now counts as a quantifier (it was spelt "diversa?s"), but States
        # encouraged to ratify are the object, not holders of a view.
        (
            "es",
            "Portugal ha defendido la necesidad de la universalización del Tratado y ha alentado a diversos "
            "Estados, entre ellos los incluidos en el Anexo 2, mediante gestiones multilaterales y bilaterales, a "
            "que ratifiquen el Tratado (medida 10); también ha promovido activamente que se imparta formación a "
            "algunos países en relación con la promoción del Tratado y la instauración de la Autoridad Reguladora "
            "Nacional (medida 13).",
            "stance_some",
            False,
        ),
        # Line 1097: "does not extradite" (the verb, as English "extradit..." matches it), and "delitos
        # tipificados con arreglo a la Convención" is "offences established in accordance with the
        # Convention", not criminalization.
        (
            "es",
            "Luxemburgo puede establecer su jurisdicción respecto de los delitos tipificados con arreglo a la "
            "Convención cuando el presunto infractor se encuentra en su territorio y Luxemburgo no lo extradita por "
            "el solo hecho de ser uno de sus nacionales (artículo 5-1 del CIC).",
            "formal_cooperation",
            True,
        ),
        (
            "es",
            "Luxemburgo puede establecer su jurisdicción respecto de los delitos tipificados con arreglo a la "
            "Convención cuando el presunto infractor se encuentra en su territorio y Luxemburgo no lo extradita por "
            "el solo hecho de ser uno de sus nacionales (artículo 5-1 del CIC).",
            "legislation",
            False,
        ),
        (
            "fr",
            "Le Luxembourg peut se déclarer compétent à l'égard des infractions établies conformément à la Convention "
            "lorsque l'auteur présumé se trouve sur son territoire et qu'il n'extrade pas cette personne au seul "
            "motif qu'elle est l'un de ses ressortissants. (art. 5-1 du Code d'instruction criminelle).",
            "formal_cooperation",
            True,
        ),
    ],
)
def test_un_formulas_on_real_un_sentences(taxonomy, lang: str, text: str, tag: str, present: bool) -> None:
    """The sixth round's rules for standard UN formulas outside English, on real UN sentences: each
    formula where the UN's translators use it, and the look-alikes the Arabic stemmer and the wider
    Chinese preservation rule must not catch."""
    assert (tag in tag_text(text, lang, taxonomy).tags) is present, text


def test_arabic_stem_keeps_possessive_and_final_ya_forms_together() -> None:
    """A possessive pronoun is stripped before the suffix ("سلطاتهم", their authorities, is "السلطات"),
    and alif maqsura is written ya ("أبدى" and "أُبدي" are one verb), so the stem phrases match them."""
    from pipeline.tag import morphology

    assert morphology.arabic_light_stem("سلطاتهم") == morphology.arabic_light_stem("السلطات")
    assert morphology.arabic_light_stem("أبدى") == morphology.arabic_light_stem("أُبدي")
    assert morphology.arabic_light_stem("خصوصا") != morphology.arabic_light_stem("الخصوصية")


@pytest.mark.parametrize(
    "lang,text,present",
    [
        # The bundled report (UNODC/CCPCJ/EG.4/2020/1, para 12), the Expert Group's own conclusion.
        ("en", "The Expert Group considered that sustainable capacity-building ... was needed first.", True),
        ("fr", "Le Groupe d'experts a estimé qu'il fallait d'abord renforcer durablement les capacités.", True),
        ("es", "El Grupo de Expertos consideró que era necesario, en primer lugar, desarrollar la capacidad.", True),
        ("ru", "Группа экспертов сочла, что прежде всего необходимо устойчивое наращивание потенциала.", True),
        ("zh", "专家组认为首先需要在国家执法和刑事司法系统内进行可持续的能力建设。", True),
        ("ar", "ورأى فريق الخبراء أن هناك حاجة أولا إلى بناء القدرات بصورة مستدامة.", True),
        # UN Parallel Corpus dev set, line 976, in its six languages: a committee's finding.
        (
            "en",
            "The Committee considered that the evidence of its abuse warranted its placement under "
            "international control.",
            True,
        ),
        (
            "fr",
            "Le Comité a estimé que les données probantes relatives à son abus justifiaient que la "
            "substance soit placée sous contrôle international.",
            True,
        ),
        (
            "es",
            "El Comité consideró que los indicios de uso indebido de la sustancia justificaban que se "
            "sometiera a fiscalización internacional.",
            True,
        ),
        (
            "ru",
            "Комитет пришел к выводу, что доказательства злоупотребления 25C-NBOMe оправдывают "
            "применение к нему мер международного контроля.",
            True,
        ),
        ("zh", "委员会认为，既然有证据表明存在滥用这种物质的现象，就应对其实施国际管制。", True),
        ("ar", "واعتبرت اللجنة أنَّ الأدلة المتعلقة بتعاطيها تستلزم إخضاعها للمراقبة الدولية.", True),
        # Not the body: one group of experts (a camp), and a body agreeing on its own procedure.
        ("ru", "Одна группа экспертов сочла, что пробелы требуют нового документа.", False),
        ("en", "The Group agreed that its next meeting would be devoted to the exchange of good practices.", False),
    ],
)
def test_a_meeting_body_s_own_view_is_a_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """The labelling convention settled in the seventh round: a body's own view ("The Expert Group
    considered that ...") is the position its members reached together, in every language."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        # Safeguards on an investigative power: a judge's authorization and independent oversight.
        ("en", "Experts stressed that remote searches should require prior authorization by a judge.", True),
        (
            "fr",
            "Les experts ont souligné que toute perquisition à distance devait être soumise au contrôle d'un juge.",
            True,
        ),
        ("es", "Los expertos subrayaron que los registros a distancia debían contar con autorización judicial.", True),
        ("ru", "Эксперты подчеркнули, что удаленный обыск должен проводиться только с санкции суда.", True),
        ("zh", "专家们强调，远程搜查必须事先获得法官授权。", True),
        ("ar", "وشدد الخبراء على أن التفتيش عن بعد يجب أن يخضع لإذن مسبق من قاض.", True),
        # Journalists, the confidentiality of communications, self-incrimination.
        ("en", "Several speakers warned that vague offences could be used against journalists.", True),
        (
            "fr",
            "Plusieurs orateurs ont mis en garde contre l'usage d'infractions vagues contre des journalistes.",
            True,
        ),
        ("es", "Varios oradores advirtieron que se podían invocar delitos imprecisos contra periodistas.", True),
        (
            "ru",
            "Несколько выступавших предупредили, что расплывчатые составы могут применяться против журналистов.",
            True,
        ),
        ("zh", "若干发言者警告说，措辞含糊的罪名可能被用来针对记者。", True),
        ("ar", "وحذر عدة متكلمين من أن الجرائم المصوغة بعبارات مبهمة قد تستخدم ضد الصحفيين.", True),
        # The traps beside them: a court order as a plain procedural tool, an attempt (Russian попытка
        # holds the letters of пытка, torture), the verb "to guarantee" (Russian гарантировать).
        ("es", "Los datos almacenados se incautaron mediante orden judicial.", False),
        ("ar", "وضُبطت البيانات المخزنة بموجب أمر قضائي.", False),
        ("ru", "Выступавшие рассказали о попытках мошенничества с использованием электронной почты.", False),
        ("ru", "Необходимо гарантировать оперативный обмен информацией между полицейскими службами.", False),
    ],
)
def test_human_rights_named_by_its_safeguards(taxonomy, lang: str, text: str, present: bool) -> None:
    """Delegates name the human-rights topic by what protects it (a judge's authorization,
    independent oversight, safeguards, journalists, the confidentiality of communications) more
    often than by "human rights" or "privacy"; a court order used as a tool is not the topic."""
    assert ("human_rights" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        # Divided or far apart, with an adverb between: the state of the room, not a verb of opinion.
        ("en", "Experts were sharply divided over whether to allow remote searches.", True),
        ("fr", "Les experts étaient profondément divisés sur la question des perquisitions à distance.", True),
        ("es", "Los expertos estuvieron muy divididos en cuanto a los registros a distancia.", True),
        ("ru", "Мнения экспертов разделились по вопросу об удаленном обыске.", True),
        ("zh", "专家们对远程搜查问题意见分歧很大。", True),
        ("ar", "وانقسم الخبراء بشأن مسألة التفتيش عن بعد.", True),
        # Agreement not reached.
        ("en", "Delegations did not see eye to eye on the scope of the convention.", True),
        ("fr", "Les délégations ne sont pas parvenues à s'entendre sur le champ d'application.", True),
        ("es", "Las delegaciones no lograron ponerse de acuerdo sobre el ámbito de aplicación.", True),
        ("ru", "Делегациям не удалось договориться о сфере применения конвенции.", True),
        ("zh", "各代表团未能就公约的适用范围达成一致。", True),
        ("ar", "ولم تتفق الوفود على نطاق الاتفاقية.", True),
        # Two camps: a majority against a few.
        ("en", "Most experts favoured the police, whereas a few preferred the prosecution service.", True),
        (
            "fr",
            "La plupart des experts privilégiaient la police, tandis que quelques-uns préféraient le parquet.",
            True,
        ),
        ("es", "La mayoría de los expertos prefería la policía, mientras que unos pocos preferían la fiscalía.", True),
        ("ru", "Большинство экспертов выступали за полицию, тогда как несколько предпочитали прокуратуру.", True),
        ("zh", "大多数专家倾向于警方，而少数专家倾向于检察机关。", True),
        ("ar", "وفضّل معظم الخبراء الشرطة، في حين فضلت قلة منهم النيابة العامة.", True),
        # The traps: data split across servers, a disclaimer that views were not necessarily shared
        # (不一定), no difference of view, a condition the investigators could not meet.
        ("en", "Data held by cloud providers were often split across data centres.", False),
        ("zh", "本摘要中的各项意见不一定得到全体专家的认可。", False),
        ("en", "There was no substantive difference of view among speakers on awareness campaigns.", False),
        ("ar", "وشدد الخبراء على أن التجريم لن يردع الجناة ما لم يتمكن المحققون من تعقبهم.", False),
    ],
)
def test_divergence_said_as_the_state_of_the_room(taxonomy, lang: str, text: str, present: bool) -> None:
    """Reports say opinions diverged as often by the state of the room ("sharply divided", "far
    apart"), by agreement not reached ("did not see eye to eye") or by two camps ("whereas a few")
    as by "opinions differed"; the rules knew mostly the last (recall .34 on train and dev)."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        (
            "en",
            "The Working Group recognized that direct contacts between police services saved time.",
            True,
        ),
        (
            "en",
            "In the view of the Committee, preservation orders should be available before a formal request is sent.",
            True,
        ),
        ("en", "The Commission expressed concern about the growing use of ransomware against hospitals.", True),
        ("en", "The Group considered it advisable to hold a regional workshop on the chain of custody.", True),
        (
            "fr",
            "Le Groupe de travail a reconnu que les contacts directs entre polices raccourcissaient les délais.",
            True,
        ),
        ("fr", "Le Groupe a jugé utile que les points de contact soient testés chaque année.", True),
        ("es", "El Grupo reconoció que los contactos directos entre servicios de policía acortaban los plazos.", True),
        ("es", "El Grupo consideró conveniente celebrar un seminario regional sobre la cadena de custodia.", True),
        ("ru", "Группа признала, что прямые контакты между полицейскими службами сокращают сроки.", True),
        ("ru", "Группа сочла целесообразным ежегодно проверять работу контактных пунктов.", True),
        ("zh", "专家组认识到，警察部门之间的直接联系缩短了追查嫌疑人所需的时间。", True),
        ("zh", "工作组认为宜每年对联络点进行一次测试。", True),
        ("ar", "وأقر الفريق بأن الاتصالات المباشرة بين أجهزة الشرطة تختصر الوقت اللازم لتعقب المشتبه فيهم.", True),
        ("ar", "ورأى الفريق من المستصوب اختبار جهات الاتصال مرة كل سنة.", True),
        ("en", "The Group agreed that its next meeting would be held in Vienna and adopted its report.", False),
        ("en", "Speakers at the Commission stressed that laws should be drafted in technology-neutral terms.", False),
        ("fr", "Le Groupe a décidé de tenir sa prochaine réunion à Vienne et a adopté son rapport.", False),
        ("es", "El Grupo decidió celebrar su próxima reunión en Viena y aprobó su informe.", False),
        ("ru", "Группа постановила провести следующее совещание в Вене и утвердила свой доклад.", False),
        ("zh", "专家组决定在维也纳举行下次会议，并通过了报告。", False),
        ("ar", "وأقر الفريق جدول أعماله المؤقت وقرر عقد اجتماعه المقبل في فيينا.", False),
    ],
)
def test_a_meeting_body_s_view_beyond_considered_that(taxonomy, lang: str, text: str, present: bool) -> None:
    """A body recognizing, being convinced, finding it advisable or expressing concern states its own
    view (stance_consensus), in each language's wording; its own procedure (next meeting, adopting its
    report or agenda: Arabic أقر is also "adopted") and a speaker at the body are not its view."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        (
            "en",
            "All but two of the experts who spoke supported exchanging information through police channels first.",
            True,
        ),
        (
            "en",
            "With one or two exceptions, speakers considered that the Convention could serve as a legal basis.",
            True,
        ),
        ("en", "Barring a few, delegations welcomed the assistance provided by the Office.", True),
        (
            "fr",
            "À de rares exceptions près, les orateurs ont estimé que la Convention pouvait servir de base juridique.",
            True,
        ),
        ("fr", "Tous sauf deux des experts ont appuyé l'échange d'informations entre services de police.", True),
        (
            "es",
            "Salvo contadas excepciones, los oradores consideraron que la Convención podía servir de base jurídica.",
            True,
        ),
        (
            "es",
            "Todos menos dos de los expertos apoyaron el intercambio de información entre servicios de policía.",
            True,
        ),
        ("ru", "За редким исключением, выступавшие сочли, что Конвенция может служить правовой основой.", True),
        ("ru", "Все эксперты, кроме двух, поддержали обмен информацией между полицейскими службами.", True),
        ("zh", "除两名专家外，所有专家都支持先通过警方渠道交换信息。", True),
        ("zh", "除极少数例外，发言者均认为《公约》可作为法律依据。", True),
        ("ar", "ورأى المتكلمون، باستثناء اثنين منهم، أن الاتفاقية يمكن أن تكون أساسا قانونيا.", True),
        ("ar", "وأيد الخبراء، باستثناء قلة منهم، تبادل المعلومات عبر قنوات الشرطة.", True),
        ("en", "With the exception of article 5, the text was read without comment.", False),
        ("fr", "À l'exception de l'article 5, le texte a été lu sans observation.", False),
        ("es", "Con la excepción del artículo 5, el texto se leyó sin observaciones.", False),
        ("ru", "За исключением статьи 5, текст был зачитан без замечаний.", False),
        ("zh", "除第5条外，案文宣读时没有评论。", False),
        ("ar", "وباستثناء المادة 5، قرئ النص دون تعليق.", False),
    ],
)
def test_all_but_a_few_is_a_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """Near-unanimity said as an exception ("all but two of the experts", "à de rares exceptions près",
    "salvo contadas excepciones", "за редким исключением", "除两名专家外", "باستثناء قلة منهم") is a
    consensus; an exception that is an article of a text holds no view."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "All but two of the experts who spoke supported exchanging information through police channels first."),
        ("es", "Todos menos dos de los expertos apoyaron el intercambio de información entre servicios de policía."),
        ("fr", "Tous hormis deux experts ont appuyé l'échange d'informations entre services de police."),
        ("ru", "Все эксперты, кроме двух, поддержали обмен информацией между полицейскими службами."),
        ("zh", "除两名专家外，所有专家都支持先通过警方渠道交换信息。"),
        ("ar", "وأيد الخبراء، باستثناء خبيرين اثنين، تبادل المعلومات عبر قنوات الشرطة."),
    ],
)
def test_the_excepted_few_are_not_a_subset_holding_the_view(taxonomy, lang: str, text: str) -> None:
    """ "All but two of the experts": the quantity reader used to read "two of the experts" as a subset
    (stance_some); the two excepted hold no view of their own here (``quantities.EXCEPT``)."""
    tags = tag_text(text, lang, taxonomy).tags
    assert "stance_consensus" in tags and "stance_some" not in tags, (text, tags)


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Delegation after delegation stressed the need for a contact point reachable at any hour.", True),
        (
            "en",
            "Speakers from every regional group acknowledged that data were increasingly stored in the cloud.",
            True,
        ),
        ("en", "The proposal met with near-universal support among the experts.", True),
        ("en", "The bulk of the delegations favoured a general safeguards clause.", True),
        (
            "fr",
            "Délégation après délégation a souligné la nécessité d'un point de contact joignable à toute heure.",
            True,
        ),
        (
            "fr",
            "Des orateurs de tous les groupes régionaux ont reconnu que les données étaient stockées en nuage.",
            True,
        ),
        ("fr", "La proposition a recueilli un appui quasi universel parmi les experts.", True),
        ("es", "Delegación tras delegación subrayó la necesidad de un punto de contacto disponible a toda hora.", True),
        ("es", "El grueso de las delegaciones se mostró partidario de una cláusula general de salvaguardias.", True),
        ("ru", "Делегация за делегацией подчеркивала необходимость круглосуточного контактного пункта.", True),
        ("ru", "Выступавшие от всех региональных групп признали, что данные все чаще хранятся в облаке.", True),
        ("ru", "Основная масса делегаций высказалась за общее положение о гарантиях.", True),
        ("zh", "一个又一个代表团强调需要设立随时可联系的联络点。", True),
        ("zh", "来自各区域组的发言者均承认，数据越来越多地存储在云端。", True),
        ("ar", "وشدد وفد تلو الآخر على الحاجة إلى جهة اتصال متاحة في أي وقت.", True),
        ("ar", "ولقي الاقتراح شبه إجماع بين الخبراء.", True),
        ("en", "Not every delegation agreed that a new network was needed.", False),
        ("en", "The network should be open to every State that wishes to join it.", False),
        ("fr", "Le réseau devrait être ouvert à chaque État qui souhaite y adhérer.", False),
        ("fr", "Le Comité a recommandé l'adhésion universelle aux traités existants.", False),
        ("es", "La red debería estar abierta a cada Estado que desee sumarse a ella.", False),
        ("ru", "Сеть должна быть открыта для каждого государства, желающего к ней присоединиться.", False),
        ("zh", "在各区域组进行磋商之后，会议复会。", False),
        ("ar", "وينبغي أن تكون الشبكة مفتوحة لكل دولة ترغب في الانضمام إليها.", False),
    ],
)
def test_universal_holders_without_all_or_most(taxonomy, lang: str, text: str, present: bool) -> None:
    """Universal or near-universal holders said without "all"/"most": reduplication ("delegation after
    delegation"), every regional group, "near-universal", "the bulk of"; not "not every delegation",
    nor every State as the object of a provision, nor consultations among the regional groups."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Experts were of one mind that judges needed training in handling digital evidence.", True),
        ("en", "The proposal met with no objection from any delegation.", True),
        ("en", "None of the experts voiced any reservation about the need for swift preservation orders.", True),
        ("en", "Few, if any, speakers questioned the value of a universal instrument.", True),
        ("fr", "Les orateurs ont demandé d'une seule voix que la Convention soit pleinement utilisée.", True),
        (
            "fr",
            "Aucun expert n'a émis de réserve quant à la nécessité de pouvoir ordonner rapidement la conservation.",
            True,
        ),
        ("es", "Los oradores pidieron al unísono que se aprovechara plenamente la Convención.", True),
        ("es", "Ninguno de los expertos expresó reservas sobre la necesidad de órdenes de conservación rápidas.", True),
        ("ru", "Выступавшие в один голос призывали в полной мере использовать Конвенцию.", True),
        ("ru", "Никто из выступавших не ставил под сомнение необходимость судебного контроля.", True),
        ("zh", "发言者异口同声地呼吁充分利用《公约》。", True),
        ("zh", "该提案没有遭到任何代表团的反对。", True),
        ("ar", "ودعا المتكلمون بصوت واحد إلى الاستفادة الكاملة من الاتفاقية.", True),
        ("ar", "ولم يكد أحد من المتكلمين يشكك في ضرورة الرقابة القضائية.", True),
        ("en", "Experts were not of one mind on whether printouts of web pages should be admitted.", False),
        (
            "en",
            "The Chair said that, if there was no objection, she would take it that the Group wished to proceed.",
            False,
        ),
        ("fr", "Une seule voix s'est élevée en faveur d'un nouvel instrument.", False),
        ("es", "Una sola voz se alzó a favor de un nuevo instrumento.", False),
        ("ru", "Никто из выступавших не поддержал это предложение, кроме одной делегации.", False),
        ("zh", "一位发言者对此提出质疑。", False),
        ("ar", "وأعرب متكلم واحد عن اعتراضه على الاقتراح.", False),
    ],
)
def test_one_voice_and_no_dissent_are_a_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """Agreement said as one voice or as the absence of dissent ("of one mind", "met with no objection
    from any delegation", "few, if any, questioned", "d'une seule voix", "al unísono", "в один голос",
    "异口同声", "بصوت واحد"); not "not of one mind" (divergent), the Chair's "if there was no objection",
    nor one voice or one objection alone."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "A broad majority favoured keeping the Expert Group as the main forum.", True),
        ("en", "Some States preferred diplomatic channels, whereas the majority favoured direct transmission.", True),
        (
            "fr",
            "Une large majorité s'est prononcée pour le maintien du Groupe d'experts comme principale instance.",
            True,
        ),
        (
            "es",
            "Unos pocos Estados preferían la vía diplomática, pero la mayoría se inclinó por la transmisión directa.",
            True,
        ),
        ("ru", "Значительное большинство высказались за сохранение Группы экспертов в качестве главного форума.", True),
        ("zh", "少数国家倾向于外交渠道，多数则认为应在中央机关之间直接转递。", True),
        ("ar", "ورأت الأغلبية أنه ينبغي الإبقاء على فريق الخبراء بوصفه المنتدى الرئيسي.", True),
        ("en", "In the majority of cases, the data had been deleted before the request arrived.", False),
        ("en", "Decisions require a two-thirds majority of the members present and voting.", False),
        ("fr", "Dans la majorité des cas, les données avaient été effacées avant l'arrivée de la demande.", False),
        ("es", "En la mayoría de los casos, los datos se habían borrado antes de que llegara la solicitud.", False),
        ("ru", "В большинстве случаев данные удалялись до поступления запроса.", False),
        ("zh", "多数情况下，数据在请求到达之前就已被删除。", False),
        ("ar", "وفي أغلب الحالات، كانت البيانات قد حذفت قبل وصول الطلب.", False),
    ],
)
def test_the_majority_as_holder_of_a_view(taxonomy, lang: str, text: str, present: bool) -> None:
    """ "The majority favoured", "A broad majority", "Une large majorité s'est prononcée", "la mayoría se
    inclinó", "Значительное большинство высказались", "多数则认为": the majority holding a view is a
    consensus; "the majority of cases" and a voting majority hold none."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "At least three delegations said that the Convention sufficed."),
        ("fr", "Au moins trois délégations ont indiqué que la Convention suffisait."),
        ("es", "Al menos tres delegaciones señalaron que la Convención era suficiente."),
        ("ru", "По меньшей мере три делегации заявили, что Конвенции достаточно."),
        ("ar", "وذكرت ثلاثة وفود على الأقل أن الاتفاقية كافية."),
    ],
)
def test_at_least_n_is_not_an_exception(taxonomy, lang: str, text: str) -> None:
    """``quantities.EXCEPT`` reads Spanish "todos menos dos" (all but two) as an exception, but "al menos
    tres" (at least three) is a count of holders: "menos" counts as an exception only after a plural
    ("todos menos", "los expertos menos")."""
    assert "stance_some" in tag_text(text, lang, taxonomy).tags, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Several delegations asked that the draft article on extradition remain in square brackets.", True),
        ("fr", "Des délégations ont voulu que le projet d'article sur l'extradition reste entre crochets.", True),
        ("es", "Varias delegaciones pidieron dejar el proyecto de artículo sobre extradición entre corchetes.", True),
        ("ru", "Несколько делегаций просили оставить проект статьи о выдаче в квадратных скобках.", True),
        ("zh", "若干代表团要求将关于引渡的条款草案保留在方括号内。", True),
        ("ar", "وطلبت عدة وفود أن يبقى مشروع المادة المتعلقة بتسليم المطلوبين بين معقوفتين.", True),
        ("en", "Most delegations wished the future convention to oblige States parties to raise awareness.", True),
        ("fr", "La plupart des délégations voulaient que la future convention oblige les États parties.", True),
        ("es", "La mayoría de las delegaciones deseaba que la futura convención obligara a los Estados partes.", True),
        ("ru", "Большинство делегаций хотели, чтобы будущая конвенция обязывала государства-участники.", True),
        ("zh", "多数代表团希望在谈判案文中规定缔约国的义务。", True),
        ("ar", "وأعربت معظم الوفود عن رغبتها في أن تُلزم الاتفاقية المقبلة الدول الأطراف.", True),
        # The trap: a national draft law and the meeting's own draft agenda or resolution are not the treaty.
        ("en", "The secretariat presented the draft provisional agenda, which was approved without amendment.", False),
        ("fr", "Le secrétariat a présenté le projet d'ordre du jour provisoire, qui a été approuvé.", False),
        ("es", "La Secretaría presentó el proyecto de programa provisional, que fue aprobado.", False),
        ("ru", "Секретариат представил проект предварительной повестки дня, который был утвержден.", False),
        ("zh", "委员会建议经济及社会理事会核准一项决议草案。", False),
        ("ar", "وقدمت الأمانة مشروع جدول الأعمال المؤقت، فأقر دون تعديل.", False),
    ],
)
def test_the_convention_under_negotiation_is_a_new_instrument(taxonomy, lang: str, text: str, present: bool) -> None:
    """Ad Hoc Committee reports name the treaty being negotiated by its drafting vocabulary (the draft
    convention, the future convention, a draft article, the negotiating text, square brackets, a first
    or second reading), not by "a new global instrument"; a draft agenda or resolution is not it."""
    assert ("new_instrument" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Speakers noted that screenshots of chat messages were often challenged by the defence.", True),
        ("fr", "Les orateurs ont noté que les captures d'écran de messages étaient souvent contestées.", True),
        ("es", "Los oradores señalaron que las capturas de pantalla de mensajes se impugnaban a menudo.", True),
        ("ru", "Выступавшие отметили, что снимки экрана с переписки часто оспариваются защитой.", True),
        ("zh", "发言者指出，聊天信息的截图经常受到辩方质疑。", True),
        ("ar", "وأشار المتكلمون إلى أن لقطات الشاشة للرسائل كثيرا ما يطعن فيها الدفاع.", True),
        ("en", "One expert explained that data obtained from a provider abroad could not be used in court.", True),
        ("fr", "Un expert a expliqué que ces données ne pouvaient pas être utilisées devant les tribunaux.", True),
        ("es", "Un experto explicó que esos datos no podían utilizarse ante los tribunales.", True),
        ("ru", "Один эксперт пояснил, что такие данные нельзя использовать в суде.", True),
        ("zh", "一位专家解释说，这类数据不能在法庭上使用。", True),
        ("ar", "وأوضح أحد الخبراء أن هذه البيانات لا يمكن استخدامها أمام المحاكم.", True),
        # The trap: bringing offenders to justice is prosecution, not evidence.
        ("en", "Speakers stressed that the perpetrators of ransomware attacks must be brought to justice.", False),
        ("fr", "Les orateurs ont souligné que les auteurs d'attaques devaient être traduits en justice.", False),
        ("es", "Los oradores subrayaron que los autores de ataques debían ser llevados ante los tribunales.", False),
        ("ru", "Выступавшие подчеркнули, что виновные в атаках должны быть привлечены к ответственности.", False),
        ("zh", "发言者强调，必须将勒索软件攻击的实施者绳之以法。", False),
        ("ar", "وشدد المتكلمون على ضرورة تقديم مرتكبي الهجمات إلى العدالة.", False),
    ],
)
def test_evidence_is_named_by_the_court_that_weighs_it(taxonomy, lang: str, text: str, present: bool) -> None:
    """Delegates raise electronic evidence through its use before a court (data that "could not be used
    in court", "relied on at trial") and its common forms (screenshots), without the words "electronic
    evidence"; bringing offenders to justice is not the topic."""
    assert ("electronic_evidence" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Several experts said that their police exchanged information through INTERPOL channels.", True),
        (
            "fr",
            "Plusieurs experts ont indiqué que leur police échangeait des informations par les canaux d'INTERPOL.",
            True,
        ),
        ("es", "Varios expertos señalaron que su policía intercambiaba información por los canales de INTERPOL.", True),
        ("ru", "Несколько экспертов сообщили, что их полиция обменивается информацией по каналам Интерпола.", True),
        ("zh", "几位专家表示，本国警方通过国际刑警组织渠道交换信息。", True),
        ("ar", "وذكر عدة خبراء أن الشرطة في بلدانهم تتبادل المعلومات عبر قنوات الإنتربول.", True),
        # The trap: the diplomatic channel is the formal route.
        (
            "en",
            "Several experts said that requests were still sent through diplomatic channels and took months.",
            False,
        ),
        ("fr", "Plusieurs experts ont indiqué que les demandes passaient encore par la voie diplomatique.", False),
        ("es", "Varios expertos señalaron que las solicitudes seguían enviándose por vía diplomática.", False),
        ("ru", "Несколько экспертов сообщили, что запросы по-прежнему направляются по дипломатическим каналам.", False),
        ("zh", "几位专家表示，请求仍通过外交渠道发送，需要数月时间。", False),
        ("ar", "وذكر عدة خبراء أن الطلبات لا تزال ترسل عبر القنوات الدبلوماسية وتستغرق شهورا.", False),
    ],
)
def test_informal_cooperation_is_named_by_its_police_channels(taxonomy, lang: str, text: str, present: bool) -> None:
    """Police-to-police cooperation is mostly named by its channels (INTERPOL channels, secure
    messaging, direct exchanges between investigators, emergency disclosure requests to providers);
    the diplomatic channel is not one of them."""
    assert ("informal_cooperation" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Speakers described campaigns warning older persons about online scams.", True),
        (
            "fr",
            "Les orateurs ont décrit des campagnes mettant en garde les personnes âgées contre les escroqueries.",
            True,
        ),
        (
            "es",
            "Los oradores describieron campañas que alertaban a las personas de edad sobre las estafas en línea.",
            True,
        ),
        (
            "ru",
            "Выступавшие рассказали о кампаниях, предостерегающих пожилых людей от мошенничества в интернете.",
            True,
        ),
        ("zh", "发言者介绍了提醒老年人防范网络诈骗的宣传活动。", True),
        ("ar", "ووصف المتكلمون حملات لتحذير كبار السن من الاحتيال عبر الإنترنت.", True),
        ("en", "Teachers showed children how to recognize grooming attempts.", True),
        # The trap: a delegation cautioning against something gives a view, not a warning to the public.
        ("en", "One delegation cautioned against undue haste in the negotiations.", False),
        ("fr", "Une délégation a mis en garde contre toute précipitation dans les négociations.", False),
        ("es", "Una delegación advirtió de que no convenía precipitarse en las negociaciones.", False),
        ("ru", "Одна делегация предостерегла от поспешности в ходе переговоров.", False),
        ("zh", "一个代表团告诫谈判不要操之过急。", False),
        ("ar", "وحذر أحد الوفود من التسرع في المفاوضات.", False),
    ],
)
def test_prevention_is_named_by_warnings_to_the_public(taxonomy, lang: str, text: str, present: bool) -> None:
    """Prevention is mostly described by what is done for the public (campaigns warning older persons,
    banks alerting customers, children taught to recognize phishing or grooming, incident response
    teams); a delegate who cautions against something is not warning the public."""
    assert ("prevention" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Several experts noted that a provider could split the data of one customer across data centres.", True),
        (
            "fr",
            "Des experts ont noté qu'un fournisseur répartissait les données entre des centres de données.",
            True,
        ),
        (
            "es",
            "Varios expertos señalaron que un proveedor podía repartir los datos de un cliente entre centros de datos.",
            True,
        ),
        (
            "ru",
            "Эксперты отметили, что провайдер распределяет данные по разным центрам обработки данных.",
            True,
        ),
        ("zh", "几位专家指出，服务提供商可能将一名客户的数据分散存放在多个数据中心。", True),
        ("ar", "وأشار عدة خبراء إلى أن مقدم الخدمة قد يوزع بيانات العميل الواحد على عدة مراكز بيانات.", True),
        (
            "en",
            "Some delegations objected to investigative measures carried out on the territory of another State.",
            True,
        ),
        # The trap: a national database says nothing about where data sit or who may reach them.
        ("en", "Several experts noted that the police kept the data of suspects in a national database.", False),
        (
            "fr",
            "Plusieurs experts ont noté que la police conservait les données des suspects dans une base nationale.",
            False,
        ),
        (
            "es",
            "Varios expertos señalaron que la policía guardaba los datos de los sospechosos en una base nacional.",
            False,
        ),
        ("ru", "Несколько экспертов отметили, что полиция хранит данные подозреваемых в национальной базе.", False),
        ("zh", "几位专家指出，警方将嫌疑人的数据保存在国家数据库中。", False),
        ("ar", "وأشار عدة خبراء إلى أن الشرطة تحفظ بيانات المشتبه فيهم في قاعدة بيانات وطنية.", False),
    ],
)
def test_jurisdiction_is_named_by_where_the_data_sit(taxonomy, lang: str, text: str, present: bool) -> None:
    """Where data are held is named by the place rather than the legal word: data centres, cloud
    services or accounts (zh 云服务, 云端), the territory of another State; a national database is not it."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        # "For others, ..." opens the second camp; "for other purposes" is a preposition (the bundled
        # report, para 35 in Russian: "для других" in a list of purposes).
        ("ru", "Для одних экспертов это было необходимо, другие же, напротив, считали это излишним.", True),
        ("ru", "Информация может использоваться для других целей, предусмотренных законом.", False),
        ("es", "Los datos podrán utilizarse para otros fines previstos en la ley.", False),
        ("fr", "Les données pourront servir pour d'autres infractions graves.", False),
    ],
)
def test_for_others_opens_a_camp_not_a_purpose(taxonomy, lang: str, text: str, present: bool) -> None:
    """The second camp is set off by a comma or a dash; "for other purposes" holds no view."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,tag",
    [
        # Words of the tenth round's rules that mean something else in general UN text (the UN Parallel
        # Corpus dev set, rules of 35f1449 against these, line by line): IAEA safeguards, French
        # "surveillance" (monitoring), disputed territories, dispute settlement, progress not achieved,
        # the majority of people affected, a physical division.
        (
            "en",
            "A State with a safeguards agreement may also conclude a protocol additional to its safeguards agreement.",
            "human_rights",
        ),
        ("fr", "Le Comité a renforcé la surveillance de l'application des recommandations.", "human_rights"),
        (
            "es",
            "La información confidencial relacionada con las salvaguardias no debería facilitarse a terceros.",
            "human_rights",
        ),
        ("ru", "Стороны обсудили статус спорных территорий.", "stance_divergent"),
        ("zh", "双方同意通过谈判解决争议。", "stance_divergent"),
        ("ru", "В этой области не было достигнуто существенного прогресса.", "stance_divergent"),
        (
            "en",
            "While the majority of affected people are in three states, a million live elsewhere.",
            "stance_divergent",
        ),
        ("en", "The facility is divided between an area for production and an area for research.", "stance_divergent"),
        ("en", "The majority voluntarily chose to do so.", "stance_consensus"),
    ],
)
def test_general_un_text_keeps_its_other_senses(taxonomy, lang: str, text: str, tag: str) -> None:
    """A rule written from cybercrime reports must not fire on the other senses its words have in
    the rest of the UN's documents."""
    assert tag not in tag_text(text, lang, taxonomy).tags, text


@pytest.mark.parametrize(
    "lang,text,tag",
    [
        # The UN Parallel Corpus dev set again, after the first narrowing: peoples divided by borders,
        # one State's intransigent position, consequences for others, the majority of tourists.
        (
            "ru",
            "Коренные народы, которые разделены международными границами, имеют право на контакты.",
            "stance_divergent",
        ),
        (
            "es",
            "Los pueblos indígenas que están divididos por fronteras internacionales tienen derecho a contactos.",
            "stance_divergent",
        ),
        ("ru", "Население пострадало из-за непримиримой политики властей.", "stance_divergent"),
        (
            "ru",
            "Действия одного субъекта могут иметь последствия для других, в том числе для пользователей.",
            "stance_divergent",
        ),
        ("ru", "Подавляющее большинство транзитных туристов размещаются на курортах.", "stance_consensus"),
    ],
)
def test_general_un_text_keeps_its_other_senses_too(taxonomy, lang: str, text: str, tag: str) -> None:
    """The second pass over the dev set: divisions by borders, one party's intransigence and the
    majority of a population hold no view of the meeting."""
    assert tag not in tag_text(text, lang, taxonomy).tags, text


@pytest.mark.parametrize(
    "lang,text,span",
    [
        ("en", "Delegation after delegation stressed the need for a contact point.", "Delegation after delegation"),
        (
            "fr",
            "Délégation après délégation a souligné la nécessité d'un point de contact.",
            "Délégation après délégation",
        ),
        (
            "es",
            "Delegación tras delegación subrayó la necesidad de un punto de contacto.",
            "Delegación tras delegación",
        ),
        ("ru", "Делегация за делегацией подчеркивала необходимость контактного центра.", "Делегация за делегацией"),
        ("es", "A juicio del Grupo, la cooperación directa era esencial.", "juicio del Grupo"),
    ],
)
def test_consensus_evidence_starts_at_the_phrase(taxonomy, lang: str, text: str, span: str) -> None:
    """A rule may check its qualifier by a look-behind, but its evidence is the phrase an analyst
    reads, from its first word (these rules once started at the space inside the phrase)."""
    spans = [e.span for e in tag_text(text, lang, taxonomy).evidence if e.tag == "stance_consensus"]
    assert span in spans, spans


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Remote access to servers abroad proved the most divisive question of the session.", True),
        ("en", "Platforms were asked to remove divisive content online without delay.", False),
        ("en", "The court dealt with the contentious proceedings brought by the company.", False),
        ("fr", "L'accès à distance s'est révélé être la question la plus clivante de la session.", True),
        ("fr", "La question la plus urgente était celle des ressources.", False),
        ("es", "El acceso remoto resultó ser la cuestión más polémica del período de sesiones.", True),
        ("es", "Se pidió a las plataformas que retiraran los contenidos polémicos en línea.", False),
        ("ru", "Удаленный доступ оказался самым спорным вопросом сессии.", True),
        ("ru", "Платформам предложили удалять спорный контент в интернете.", False),
        ("zh", "远程访问境外服务器成为本届会议上争议最大的问题。", True),
        ("zh", "平台被要求迅速删除网上的争议性内容。", False),
        ("ar", "وكانت مسألة الوصول عن بعد أكثر المسائل إثارة للانقسام في الدورة.", True),
        ("ar", "وطُلب إلى المنصات إزالة المحتوى المثير للانقسام على الإنترنت.", False),
    ],
)
def test_the_most_divisive_point_is_divergence(taxonomy, lang: str, text: str, present: bool) -> None:
    """The shape of the debate said by its sharpest point ("the most divisive question", "la plus
    clivante", "самый спорный вопрос", "争议最大") is divergence; divisive content and a court's
    contentious proceedings hold no view of the meeting."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The experts' assessments of the training ranged from encouraging to bleak.", True),
        ("en", "The sentences imposed ranged from two to ten years of imprisonment.", False),
        ("fr", "Les appréciations des experts allaient de l'enthousiasme au scepticisme.", True),
        ("fr", "Les peines prononcées allaient de deux à dix ans d'emprisonnement.", False),
        ("es", "Las valoraciones de los expertos fueron desde alentadoras hasta desoladoras.", True),
        ("es", "Las penas impuestas iban de dos a diez años de prisión.", False),
        ("ru", "Оценки экспертов колебались от обнадеживающих до крайне мрачных.", True),
        ("ru", "Назначенные сроки наказания колебались от двух до десяти лет.", False),
        ("zh", "专家们对培训的评价从令人鼓舞到十分悲观不等。", True),
        ("zh", "判处的刑期从两年到十年不等。", False),
        ("ar", "وتراوحت تقييمات الخبراء للتدريب بين المشجع والقاتم.", True),
        ("ar", "وتراوحت الأحكام الصادرة بين سنتين وعشر سنوات.", False),
    ],
)
def test_views_spread_over_a_range_are_divergence(taxonomy, lang: str, text: str, present: bool) -> None:
    """Participants' assessments or suggestions "ranging from X to Y" are views spread apart; the
    figures of a report (sentences, durations) ranging over values are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The debate revealed a wide gulf between the positions of delegations on direct access.", True),
        ("en", "Efforts to bridge the gap between rich and poor countries continued.", False),
        ("fr", "Le débat a fait apparaître un fossé profond entre les positions des délégations.", True),
        ("fr", "La fracture numérique entre les pays persiste.", False),
        ("es", "Se expresaron valoraciones muy dispares sobre la ley de registro.", True),
        ("es", "La brecha digital entre los países persiste.", False),
        ("ru", "Прозвучали резко расходящиеся оценки этих законов.", True),
        ("ru", "Сохраняется цифровой разрыв между странами.", False),
        ("zh", "各方对这些法律的评价截然相反。", True),
        ("zh", "发展中国家与发达国家之间的数字鸿沟依然存在。", False),
        ("ar", "وأظهرت المناقشة تقييمات متضاربة لهذه القوانين.", True),
        ("ar", "ولا تزال الفجوة الرقمية بين البلدان قائمة.", False),
    ],
)
def test_contrasting_appraisals_and_gulfs_are_divergence(taxonomy, lang: str, text: str, present: bool) -> None:
    """Sharply contrasting appraisals and a gulf between positions are divergence; the digital
    divide between countries is not a difference of views."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The law was seen by some as an aid to investigators and by others as a threat to privacy.", True),
        ("en", "Investigators exchanged data with their counterparts in other countries.", False),
        ("fr", "Pour les uns, la loi aidait les enquêteurs ; pour les autres, elle menaçait la vie privée.", True),
        ("fr", "Les services s'alertaient les uns les autres en cas d'attaque.", False),
        (
            "es",
            "Algunos consideraron que la ley era útil; otros sostuvieron que amenazaba la privacidad.",
            True,
        ),
        ("es", "Los investigadores intercambiaron datos con otros países.", False),
        ("ru", "Одни считали этот закон подспорьем для следствия, другие — угрозой частной жизни.", True),
        ("ru", "Следователи обменивались данными с другими странами.", False),
        ("zh", "有的认为此类法律有助于侦查，有的则认为其威胁隐私。", True),
        ("zh", "侦查人员与其他国家交换了数据。", False),
        ("ar", "ورأى فيها البعض أداة مفيدة للمحققين، ورأى فيها آخرون تهديدا للخصوصية.", True),
        ("ar", "وتعاون المحققون بعضهم مع بعض في تبادل البيانات.", False),
    ],
)
def test_two_camps_named_by_pronouns_are_divergent_and_some(taxonomy, lang: str, text: str, present: bool) -> None:
    """ "Seen by some as ... and by others as", "les uns ... les autres", "одни ..., другие",
    "有的...有的": two camps, each a subset (data/labels/README.md), so both tags; a reciprocal or
    other countries name no camp."""
    tags = tag_text(text, lang, taxonomy).tags
    assert ("stance_divergent" in tags) is present, text
    assert ("stance_some" in tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The consumer-protection official on the panel argued that banks should alert their clients.", True),
        ("en", "A delegate speaking for a group of like-minded States proposed a deadline of 45 days.", True),
        ("en", "The official opened the session and the panel was chaired by a judge.", False),
        ("en", "It was noted that banks should alert their clients.", False),
        (
            "fr",
            "La responsable de la protection des consommateurs a fait valoir que les banques devaient alerter.",
            True,
        ),
        ("fr", "La responsable de la protection des consommateurs a ouvert la séance.", False),
        (
            "es",
            "El funcionario de protección al consumidor sostuvo que los bancos debían alertar a sus clientes.",
            True,
        ),
        ("es", "El funcionario de protección al consumidor abrió la sesión.", False),
        ("ru", "Представитель ассоциации банков утверждал, что банки должны предупреждать клиентов.", True),
        ("ru", "Представитель ассоциации банков открыл заседание.", False),
        ("zh", "来自消费者保护机构的官员认为，银行应提醒客户。", True),
        ("zh", "来自消费者保护机构的官员主持了会议。", False),
        ("ar", "واحتجت المسؤولة عن حماية المستهلك بأن على المصارف تنبيه عملائها.", True),
        ("ar", "وافتتحت المسؤولة عن حماية المستهلك الجلسة.", False),
    ],
)
def test_a_single_holder_named_by_function_is_some(taxonomy, lang: str, text: str, present: bool) -> None:
    """One speaker named by what they are (the consumer-protection official, a delegate speaking
    for a group, observers from civil society) who argues or proposes holds a view of a subset:
    stance_some. A function named with no view, or agentless "it was noted", is not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "text,present",
    [
        ("It was also noted by experts that prevention required the involvement of the private sector.", False),
        ("It was stressed by speakers that requests should be answered within 30 days.", False),
        ("It was noted by some experts that prevention required the involvement of the private sector.", True),
        ("It was also noted by several delegations that requests should be answered within 30 days.", True),
    ],
)
def test_a_plural_agent_in_the_passive_needs_a_quantifier(taxonomy, text: str, present: bool) -> None:
    """The passive "It was noted by experts" says no more than "Experts noted", which the labelling convention
    leaves without a stance (as the Arabic and Russian translations of the bundled report word it);
    "noted by some experts" names a subset. The English rule tagged the first as a subset until the
    seventeenth round, without one labelled paragraph behind it."""
    assert ("stance_some" in tag_text(text, "en", taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The experts reached no shared view on whether providers should keep logs for a year.", False),
        ("en", "No proposal for a retention period drew general acceptance among the delegations.", False),
        ("en", "Consensus could not be reached on the scope of the draft article on jurisdiction.", False),
        ("en", "No delegation objected to the proposal to keep logs for a year.", True),
        ("en", "The value of direct police contacts was acknowledged by most experts, not only by donors.", True),
        ("fr", "Les experts ne sont pas parvenus à une position commune sur la durée de conservation.", False),
        ("fr", "Cette proposition n'a pas fait l'unanimité parmi les délégations.", False),
        ("fr", "La proposition n'a suscité aucune objection de la part des délégations.", True),
        ("es", "No hubo unanimidad entre los expertos sobre el plazo de conservación de los datos.", False),
        ("es", "Los expertos no lograron un amplio acuerdo sobre el plazo de conservación.", False),
        ("es", "No se alzó ni una sola voz en contra del plazo de conservación propuesto.", True),
        ("ru", "Эксперты не пришли к общему мнению относительно срока хранения данных.", False),
        ("ru", "Никто из экспертов не возражал против предложенного срока хранения данных.", True),
        ("zh", "专家们提出的保存期限各不相同，没有任何一个期限获得普遍接受。", False),
        ("zh", "没有任何代表团对拟议的保存期限提出异议。", True),
        ("ar", "ولم يتسن التوصل إلى توافق بشأن مدة الاحتفاظ بالبيانات.", False),
        ("ar", "ولم يعترض أي وفد على مدة الاحتفاظ المقترحة.", True),
    ],
)
def test_negated_agreement_is_not_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """Agreement words under a negation ("reached no shared view", "n'a pas fait l'unanimité", "没有
    ……获得普遍接受") are no consensus; negated dissent ("no delegation objected", "ni una sola voz en
    contra") still is (the ``negation`` guard of stance_consensus)."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The proposal to test each contact point yearly commanded wide assent among the delegations.", True),
        ("en", "A single round-the-clock network found approval on all sides.", True),
        ("en", "The Convention has achieved broad acceptance of the convention by States in every region.", False),
        ("en", "Wide assent is needed for any change to the schedule of meetings.", False),
        ("en", "The report described all sides of the issue of data retention.", False),
        ("fr", "L'idée d'un réseau unique a recueilli une large adhésion parmi les experts.", True),
        ("fr", "Le Président veillera à une large adhésion des parties prenantes au processus.", False),
        ("es", "La idea de un punto de contacto único gozó de aceptación general entre los expertos.", True),
        ("es", "El informe destaca la amplia aceptación de la Convención por los Estados.", False),
        ("ru", "Идея единого контактного пункта получила широкое одобрение экспертов.", True),
        ("ru", "Только такой документ может получить всеобщее признание государств.", False),
        ("zh", "建立单一联络点的设想得到了各方的赞同。", True),
        ("zh", "秘书处介绍了各方提交的书面材料。", False),
        ("ar", "ولقيت فكرة إنشاء جهة اتصال واحدة استحساناً واسعاً لدى الخبراء.", True),
        ("ar", "وأشار التقرير إلى القبول الواسع للاتفاقية من جانب الدول.", False),
    ],
)
def test_breadth_of_assent_is_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """A proposal that "commanded wide assent", "found approval on all sides", "a recueilli une large
    adhésion", "gozó de aceptación general", "получила широкое одобрение", "得到了各方的赞同", "لقيت
    استحساناً واسعاً" had the room's agreement; the acceptance of a treaty by States, a condition ("wide
    assent is needed") and "all sides of the issue" are none."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "The prevailing sentiment among experts was that logs should be kept for a year.", True),
        ("en", "The weight of opinion in the Group favoured a single network of contact points.", True),
        ("en", "The prevailing exchange rate was applied to the contributions received.", False),
        ("fr", "L'opinion qui a prévalu était qu'un réseau unique suffisait.", True),
        ("fr", "Le Groupe a examiné l'opinion d'un expert sur la question.", False),
        ("es", "El sentir predominante entre los expertos fue que bastaba una sola red.", True),
        ("es", "Se presentó la opinión de un experto sobre la cuestión.", False),
        ("ru", "Преобладающим было мнение о том, что достаточно одной сети.", True),
        ("ru", "Эксперты в своем подавляющем большинстве поддержали создание единой сети.", True),
        ("ru", "Эксперт изложил свое мнение о создании единой сети.", False),
        ("zh", "占主导地位的意见是，一个统一的网络就已足够。", True),
        ("zh", "一位专家介绍了本国的意见。", False),
        ("ar", "وكان الشعور السائد بين الخبراء أن شبكة واحدة تكفي.", True),
        ("ar", "وعرض أحد الخبراء رأيه بشأن الشبكة.", False),
    ],
)
def test_prevailing_view_is_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """The view that prevailed, said as its weight or mood ("the prevailing sentiment", "the weight of
    opinion", "l'opinion qui a prévalu", "el sentir predominante", "Преобладающим было мнение", "в своем
    подавляющем большинстве", "占主导地位的意见", "الشعور السائد"), is the room's consensus; one
    speaker's view is not."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Few delegations, if any, questioned the value of a single network.", True),
        ("en", "The value of a single network went unchallenged.", True),
        ("en", "A few delegations objected to the creation of a single network.", False),
        ("fr", "Rares ont été les orateurs à contester l'utilité d'un réseau unique.", True),
        ("fr", "Rares ont été les délégations à soutenir la création d'un réseau unique.", False),
        ("es", "Apenas hubo discrepancias sobre la utilidad de una red única.", True),
        ("es", "Unas pocas delegaciones se opusieron a la creación de una red única.", False),
        ("ru", "Вряд ли кто-либо из выступавших ставил под сомнение полезность единой сети.", True),
        ("ru", "Несколько делегаций возражали против создания единой сети.", False),
        ("zh", "建立统一网络的必要性未受到任何质疑。", True),
        ("zh", "有几个代表团对建立统一网络提出质疑。", False),
        ("ar", "ولم يكد أي وفد يعترض على إنشاء شبكة موحدة.", True),
        ("ar", "واعترضت بضعة وفود على إنشاء شبكة موحدة.", False),
    ],
)
def test_dissent_said_rare_is_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """Dissent said to be rare or absent ("few, if any, questioned", "went unchallenged", "Rares ont été
    les orateurs à contester", "Apenas hubo discrepancias", "Вряд ли кто-либо ... ставил под сомнение",
    "未受到任何质疑", "لم يكد أي وفد يعترض") is agreement; "a few delegations objected" is a subset."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Delegations presented a united front in favour of a single network.", True),
        ("en", "The experts were at one in recommending a single network.", True),
        ("en", "The experts' views did not converge on the need for a single network.", False),
        ("fr", "Les experts ont recommandé d'une même voix la création d'un réseau unique.", True),
        ("fr", "Un expert a recommandé la création d'un réseau unique.", False),
        ("es", "Los panelistas coincidieron en que bastaba una sola red.", True),
        ("es", "Los panelistas no coincidieron en si bastaba una sola red.", False),
        ("ru", "Позиции экспертов совпали в вопросе о создании единой сети.", True),
        ("ru", "Позиции не совпали в вопросе о создании единой сети.", False),
        ("zh", "专家们一致建议建立统一的网络。", True),
        ("zh", "一位专家建议建立统一的网络。", False),
        ("ar", "وتطابقت آراء الخبراء بشأن إنشاء شبكة موحدة.", True),
        ("ar", "واقترح أحد الخبراء إنشاء شبكة موحدة.", False),
    ],
)
def test_one_front_is_consensus(taxonomy, lang: str, text: str, present: bool) -> None:
    """Speakers who stood together ("presented a united front", "were at one", "d'une même voix",
    "los panelistas coincidieron", "Позиции ... совпали", "一致建议", "تطابقت آراء") agreed; "did not
    converge", "no coincidieron", "не совпали" and one speaker did not."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is present


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        (
            "en",
            "Several experts described how hard it was to gather digital evidence from seized phones.",
            "electronic_evidence",
            True,
        ),
        (
            "fr",
            "Plusieurs experts ont décrit les difficultés du recueil des preuves numériques sur les téléphones saisis.",
            "electronic_evidence",
            True,
        ),
        (
            "es",
            "Varios expertos describieron las dificultades de obtener pruebas digitales de los teléfonos incautados.",
            "electronic_evidence",
            True,
        ),
        (
            "ru",
            "Несколько экспертов рассказали о трудностях сбора цифровых доказательств с изъятых телефонов.",
            "electronic_evidence",
            True,
        ),
        ("zh", "若干专家介绍了从扣押的手机中收集数字证据的困难。", "electronic_evidence", True),
        ("ar", "وتحدث عدة خبراء عن صعوبات جمع الأدلة الرقمية من الهواتف المضبوطة.", "electronic_evidence", True),
        # The traps: a programme's panels, an attendance count, a study's outline name topics without a position.
        (
            "en",
            "The seminar's programme included panels on ransomware and on the gathering of digital evidence.",
            "electronic_evidence",
            False,
        ),
        (
            "fr",
            "Le programme du séminaire comprenait des tables rondes sur le recueil des preuves numériques.",
            "electronic_evidence",
            False,
        ),
        (
            "es",
            "El programa del seminario incluyó mesas redondas sobre el ransomware y la obtención de pruebas digitales.",
            "electronic_evidence",
            False,
        ),
        (
            "ru",
            "Программа семинара включала дискуссионные группы по сбору цифровых доказательств.",
            "electronic_evidence",
            False,
        ),
        ("zh", "研讨会议程包括关于勒索软件和数字证据收集的小组讨论。", "electronic_evidence", False),
        (
            "ar",
            "وتضمَّن برنامج الحلقة الدراسية حلقات نقاش عن برمجيات الفدية وجمع الأدلة الرقمية.",
            "electronic_evidence",
            False,
        ),
        (
            "en",
            "The regional meeting brought together 85 participants, among them representatives of the private sector.",
            "prevention",
            False,
        ),
        (
            "fr",
            "La réunion régionale a réuni 85 participants, dont des représentants du secteur privé.",
            "prevention",
            False,
        ),
        (
            "es",
            "La reunión regional reunió a 85 participantes, entre ellos representantes del sector privado.",
            "prevention",
            False,
        ),
        (
            "ru",
            "В региональном совещании приняли участие 85 человек, в том числе представители частного сектора.",
            "prevention",
            False,
        ),
        ("zh", "区域会议汇集了85名与会者，其中包括私营部门的代表。", "prevention", False),
        ("ar", "وجمع الاجتماع الإقليمي 85 مشاركاً، من بينهم ممثلو القطاع الخاص.", "prevention", False),
        (
            "en",
            "The report consists of three chapters: legislation; electronic evidence; and prevention.",
            "legislation",
            False,
        ),
        (
            "fr",
            "Le rapport comporte trois chapitres : législation ; preuves électroniques ; et prévention.",
            "legislation",
            False,
        ),
        (
            "es",
            "El informe consta de tres capítulos: legislación; pruebas electrónicas; y prevención.",
            "legislation",
            False,
        ),
        (
            "ru",
            "Доклад состоит из трех глав: законодательство; электронные доказательства; предупреждение.",
            "legislation",
            False,
        ),
        ("zh", "报告共分三章：立法；电子证据；预防。", "legislation", False),
        (
            "ar",
            "تتألف الدراسة من ثلاثة فصول: التشريعات؛ والأدلة الإلكترونية؛ والمنع.",
            "legislation",
            False,
        ),
    ],
)
def test_programmes_attendance_and_outlines_name_topics_without_positions(
    taxonomy, lang: str, text: str, tag: str, present: bool
) -> None:
    """A workshop's programme of panels, the count and kinds of participants, the chapters of a study
    (and presentations heard with who gave them, statements made, an agenda item's quoted title) list
    topics nobody took a position on: the procedural cues blank them in every language."""
    assert (tag in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        (
            "en",
            "Requests the Office to support the negotiation of a comprehensive international convention on cybercrime.",
            "new_instrument",
            True,
        ),
        (
            "fr",
            "Prie l'Office d'appuyer la négociation d'une convention internationale générale sur la cybercriminalité.",
            "new_instrument",
            True,
        ),
        (
            "es",
            "Solicita a la Oficina que apoye la negociación de una convención internacional integral.",
            "new_instrument",
            True,
        ),
        (
            "ru",
            "Просит Управление поддерживать переговоры о всеобъемлющей международной конвенции.",
            "new_instrument",
            True,
        ),
        ("zh", "请毒品和犯罪问题办公室支持谈判一项全面国际公约。", "new_instrument", True),
        (
            "ar",
            "يطلب إلى المكتب أن يدعم التفاوض على اتفاقية دولية شاملة لمكافحة الجريمة السيبرانية.",
            "new_instrument",
            True,
        ),
        # The traps: the Budapest Convention's protocols are an existing treaty; a universal convention is not Budapest.
        (
            "en",
            "Two States reported that they had ratified the Budapest Convention and its Second Additional Protocol.",
            "new_instrument",
            False,
        ),
        (
            "fr",
            "Deux États ont indiqué avoir ratifié la Convention de Budapest et son deuxième Protocole additionnel.",
            "new_instrument",
            False,
        ),
        (
            "es",
            "Dos Estados indicaron haber ratificado el Convenio de Budapest y su Segundo Protocolo Adicional.",
            "new_instrument",
            False,
        ),
        (
            "ru",
            "Два государства сообщили о ратификации Будапештской конвенции и второго Дополнительного протокола к ней.",
            "new_instrument",
            False,
        ),
        ("zh", "两个国家报告已批准《布达佩斯公约》及其第二附加议定书。", "new_instrument", False),
        ("ar", "وأفادت دولتان بأنهما صدقتا على اتفاقية بودابست وبروتوكولها الإضافي الثاني.", "new_instrument", False),
        (
            "en",
            "Speakers differed on whether a universal convention on cybercrime was needed.",
            "organized_crime_convention",
            False,
        ),
        (
            "fr",
            "Les orateurs étaient partagés sur la nécessité d'une nouvelle convention sur la cybercriminalité.",
            "organized_crime_convention",
            False,
        ),
        (
            "ru",
            "Мнения разошлись о том, нужна ли универсальная конвенция о киберпреступности.",
            "organized_crime_convention",
            False,
        ),
    ],
)
def test_existing_protocols_are_not_the_new_instrument(taxonomy, lang: str, text: str, tag: str, present: bool) -> None:
    """The Second Additional Protocol to the Budapest Convention is a treaty in force, not the
    instrument under negotiation; the negotiation of a comprehensive international convention is."""
    assert (tag in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Two delegations had used the Firearms Protocol to charge sellers of weapon parts online.", True),
        (
            "fr",
            "Deux délégations avaient utilisé le Protocole relatif aux armes à feu contre des vendeurs en ligne.",
            True,
        ),
        ("es", "Dos delegaciones habían aplicado el Protocolo sobre Armas de Fuego a vendedores en línea.", True),
        ("ru", "Две делегации применили Протокол об огнестрельном оружии к продавцам в интернете.", True),
        ("zh", "两个代表团曾援用《枪支议定书》起诉网上卖家。", True),
        ("ar", "واستخدم وفدان بروتوكول الأسلحة النارية لملاحقة البائعين على الإنترنت.", True),
        ("en", "Several speakers had relied on the Palermo Convention to request extradition in fraud cases.", True),
        ("fr", "Plusieurs orateurs s'étaient fondés sur la Convention de Palerme pour demander l'extradition.", True),
        ("es", "Varios oradores se habían basado en la Convención de Palermo para solicitar la extradición.", True),
        ("ru", "Несколько выступавших ссылались на Палермскую конвенцию при запросах о выдаче.", True),
        ("zh", "若干发言者曾依据《巴勒莫公约》请求引渡。", True),
        ("ar", "واستند عدة متكلمين إلى اتفاقية باليرمو لطلب تسليم المطلوبين.", True),
        # The trap: an annex listing the instruments mentioned is not their use.
        (
            "en",
            "The annex to the present report lists the instruments mentioned, among them the Palermo Convention.",
            False,
        ),
        ("fr", "L'annexe au présent rapport énumère les instruments mentionnés, dont la Convention de Palerme.", False),
        (
            "es",
            "En el anexo figura una lista de los instrumentos citados, entre ellos la Convención de Palermo.",
            False,
        ),
        (
            "ru",
            "В приложении к докладу приводится перечень документов, в том числе Палермской конвенции.",
            False,
        ),
        ("zh", "本报告附件列出了会上提及的文书，其中包括《巴勒莫公约》。", False),
        ("ar", "وترد في مرفق هذا التقرير قائمة بالصكوك المذكورة، ومنها اتفاقية باليرمو.", False),
    ],
)
def test_the_palermo_convention_and_its_protocols_are_named_by_their_names(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """UN reports name the Organized Crime Convention as the Palermo Convention and its Protocols
    by short titles (Firearms, Trafficking in Persons, Smuggling of Migrants); an annex listing the
    instruments mentioned does not discuss them."""
    assert ("organized_crime_convention" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Most experts wanted contact points reachable at any hour to handle urgent requests.", True),
        (
            "fr",
            "La plupart des experts voulaient des agents joignables de jour comme de nuit pour les demandes urgentes.",
            True,
        ),
        ("es", "La mayoría pidió unidades localizables a cualquier hora del día para las solicitudes urgentes.", True),
        (
            "ru",
            "Большинство экспертов хотели, чтобы контактные центры для срочных запросов работали без выходных.",
            True,
        ),
        ("zh", "多数专家希望设立不分昼夜处理紧急请求的部门。", True),
        ("ar", "ورأى معظم الخبراء ضرورة وجود موظفين مناوبين لمعالجة الطلبات العاجلة.", True),
        # The traps: a police officer calling a counterpart at any hour is informal cooperation, and
        # a sanctions committee's national contact points are not the 24/7 network.
        ("en", "Police officers could call their counterparts abroad at any hour to ask about an IP address.", False),
        ("fr", "Les policiers pouvaient appeler à toute heure leurs homologues étrangers.", False),
        ("es", "Los policías podían llamar a cualquier hora a sus homólogos extranjeros.", False),
        ("ru", "Полицейские могли в любое время суток звонить зарубежным коллегам.", False),
        ("zh", "警察可以随时致电外国同行询问IP地址。", False),
        ("ar", "وكان بإمكان ضباط الشرطة الاتصال بنظرائهم في الخارج في أي وقت.", False),
        ("en", "The Committee will communicate the outcomes of its working groups to national contact points.", False),
    ],
)
def test_the_24_7_network_is_named_by_its_hours(taxonomy, lang: str, text: str, present: bool) -> None:
    """Reports describe the 24/7 network by its hours ("contact points reachable at any hour", "de
    jour comme de nuit", "不分昼夜", "موظفين مناوبين") more often than by "24/7"; the hours alone
    ("call a counterpart at any hour") and other bodies' contact points are not it."""
    assert ("network_24_7" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "The summary does not purport to reflect agreed positions, including on jurisdiction and human rights."),
        (
            "fr",
            "Le résumé ne prétend pas refléter des positions convenues, y compris sur la compétence.",
        ),
        (
            "es",
            "El resumen no pretende reflejar posiciones acordadas sobre la jurisdicción y los derechos humanos.",
        ),
        (
            "ru",
            "Резюме не претендует на отражение согласованных позиций по вопросам юрисдикции и прав человека.",
        ),
        ("zh", "本摘要无意反映商定立场，包括关于管辖权和人权问题的立场。"),
        ("ar", "ولا يُقصد بهذا الموجز أن يعكس مواقف متفقا عليها، بما في ذلك بشأن الولاية القضائية وحقوق الإنسان."),
    ],
)
def test_a_summary_that_does_not_purport_to_reflect_positions_names_no_topic(taxonomy, lang: str, text: str) -> None:
    """A Chair's disclaimer lists the matters raised without a position on them."""
    tags = tag_text(text, lang, taxonomy).tags
    assert "jurisdiction" not in tags and "human_rights" not in tags, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Investigators struggled to obtain records from platforms headquartered abroad.", True),
        (
            "fr",
            "Les enquêteurs peinaient à obtenir des journaux auprès de plateformes dont le siège est à l'étranger.",
            True,
        ),
        (
            "es",
            "Los investigadores tenían dificultades para obtener registros de plataformas con sede en el extranjero.",
            True,
        ),
        ("ru", "Следователям трудно получать журналы от платформ, штаб-квартиры которых находятся за рубежом.", True),
        ("zh", "调查人员难以从总部设在国外的平台获取日志。", True),
        ("ar", "ويواجه المحققون صعوبة في الحصول على السجلات من منصات مقارها في الخارج.", True),
        ("en", "Experts asked whether investigators may search a mailbox kept on servers in another country.", True),
        (
            "fr",
            "Les experts se sont demandé si l'on pouvait fouiller une messagerie hébergée dans un autre pays.",
            True,
        ),
        (
            "es",
            "Los expertos se preguntaron si los investigadores podían registrar un buzón alojado en otro país.",
            True,
        ),
        (
            "ru",
            "Эксперты задались вопросом, могут ли следователи обыскивать почтовый ящик, размещенный в другой стране.",
            True,
        ),
        ("zh", "专家们询问调查人员能否搜查存储在另一国家的电子邮箱。", True),
        ("ar", "وتساءل الخبراء عما إذا كان يجوز للمحققين تفتيش بريد مخزن في دولة أخرى.", True),
        (
            "en",
            "Several delegations asked which State should prosecute when victim and offender are apart.",
            True,
        ),
        (
            "fr",
            "Des délégations ont évoqué l'établissement de la compétence à l'égard des infractions en mer.",
            True,
        ),
        (
            "es",
            "Varias delegaciones se preguntaron qué Estado debía enjuiciar si víctima y autor están lejos.",
            True,
        ),
        (
            "ru",
            "Делегации спросили, какое государство должно осуществлять преследование в таких делах.",
            True,
        ),
        ("zh", "若干代表团询问，在被害人和犯罪人身处不同地点时应由哪个国家起诉。", True),
        (
            "ar",
            "وتساءلت عدة وفود عن الدولة التي ينبغي أن تقيم ولايتها القضائية في هذه القضايا.",
            True,
        ),
        ("en", "The Office arranged for witnesses located abroad to testify by video link.", False),
        (
            "fr",
            "Des témoins se trouvant à l'étranger ont déposé par visioconférence, là où se trouve le tribunal.",
            False,
        ),
        ("es", "La Oficina permitió que testigos situados en el extranjero declararan por videoconferencia.", False),
        ("ru", "Управление организовало допрос свидетелей, находящихся за рубежом, по видеосвязи.", False),
        ("zh", "该办公室安排身处国外的证人通过视频作证。", False),
        (
            "ar",
            "ورتب المكتب لشهود مقيمين في الخارج أن يدلوا بشهاداتهم عبر الفيديو، ومنهم من يعيش خارج أراضيه الأصلية.",
            False,
        ),
        ("fr", "Le programme vise à renforcer les compétences techniques des enquêteurs.", False),
        ("en", "Courts weighed electronic evidence obtained from abroad.", False),
    ],
)
def test_jurisdiction_is_named_by_data_and_providers_abroad_and_by_who_prosecutes(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Reports name the topic by where the data, servers or providers are ("headquartered abroad",
    "hébergée dans un autre pays", "за рубежом", 设在国外, في الخارج) and by which State may prosecute
    (French "établissement de la compétence", Arabic "ولايتها القضائية"); people abroad (witnesses, a
    liaison officer) and evidence "obtained from abroad" are not the topic."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        (
            "en",
            "Investigators said that requests sent directly to online platforms were often answered within a day.",
            True,
        ),
        (
            "fr",
            "Selon les enquêteurs, les demandes envoyées directement aux plateformes aboutissent en un jour.",
            True,
        ),
        (
            "es",
            "Según los investigadores, las solicitudes enviadas directamente a las plataformas se atienden en un día.",
            True,
        ),
        (
            "ru",
            "Следователи сообщили, что запросы, направляемые напрямую платформам, часто исполняются в течение дня.",
            True,
        ),
        ("zh", "调查人员说，直接向平台发出的请求往往在一天内得到答复。", True),
        ("ar", "وذكر المحققون أن الطلبات الموجهة مباشرة إلى المنصات كثيرا ما يُرد عليها في غضون يوم.", True),
        ("en", "Information passed on spontaneously by a neighbouring police force led to the arrest.", True),
        ("fr", "Des informations communiquées spontanément par une police voisine ont permis l'arrestation.", True),
        ("es", "La información transmitida espontáneamente por una policía vecina permitió la detención.", True),
        (
            "ru",
            "Сведения, переданные по собственной инициативе полицией соседней страны, позволили произвести арест.",
            True,
        ),
        ("zh", "邻国警方主动提供的信息促成了逮捕。", True),
        ("ar", "وأدت المعلومات التي أحالتها شرطة بلد مجاور من تلقاء نفسها إلى إلقاء القبض على المشتبه فيه.", True),
        ("en", "Speakers praised the exchange of leads between police services of neighbouring States.", True),
        ("fr", "Les orateurs ont salué les échanges de pistes entre services de police d'États voisins.", True),
        ("es", "Los oradores elogiaron el intercambio de pistas entre cuerpos de policía de Estados vecinos.", True),
        ("ru", "Выступавшие высоко оценили обмен версиями между полицейскими службами соседних государств.", True),
        ("zh", "发言者赞扬了相邻国家警方之间交换线索的做法。", True),
        ("ar", "وأشاد المتكلمون بالتعاون بين أجهزة الشرطة في الدول المتجاورة.", True),
        (
            "en",
            "The central authority may send mutual legal assistance requests directly to and from its counterparts.",
            False,
        ),
        (
            "fr",
            "L'autorité centrale peut envoyer des demandes d'entraide directement aux autres autorités centrales.",
            False,
        ),
        ("en", "Botnet takedowns require coordination between police services and computer security companies.", False),
        (
            "es",
            "Las redes de bots exigen coordinación entre los servicios policiales y las empresas de seguridad.",
            False,
        ),
        (
            "ru",
            "Партнерства между правоохранительными органами и банками помогают блокировать мошеннические сайты.",
            False,
        ),
        ("zh", "国家计算机应急小组与警方之间的联络应受明确规则约束。", False),
        ("en", "Women take part in formal and informal conflict prevention efforts.", False),
        ("en", "Contact points should be able to request preservation directly from providers.", False),
    ],
)
def test_informal_cooperation_is_named_by_direct_requests_spontaneous_information_and_police_channels(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Reports name informal cooperation by the act: requests sent directly to platforms, information
    passed on spontaneously, exchanges between the police of States; a formal request sent directly
    between central authorities, coordination between police and private companies (prevention) and
    a preservation request are not it."""
    assert ("informal_cooperation" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Thirty prosecutors completed a course on tracing virtual assets.", True),
        ("fr", "Trente procureurs ont suivi un cours sur le traçage des actifs virtuels.", True),
        ("es", "Treinta fiscales completaron un curso sobre el rastreo de activos virtuales.", True),
        ("ru", "Тридцать прокуроров прошли курс по расследованию преступлений с виртуальными активами.", True),
        ("zh", "三十名检察官修完了追查虚拟资产的课程。", True),
        ("ar", "وأتم ثلاثون من أعضاء النيابة العامة دورة تدريبية بشأن تعقب الأصول الافتراضية.", True),
        ("en", "Several States cited the lack of forensic equipment in their laboratories.", True),
        ("fr", "Plusieurs États ont cité le manque d'équipements de criminalistique dans leurs laboratoires.", True),
        ("es", "Varios Estados señalaron la falta de equipos forenses en sus laboratorios.", True),
        ("ru", "Ряд государств указали на нехватку специального оборудования в своих лабораториях.", True),
        ("zh", "若干国家提到其实验室缺乏专用设备。", True),
        ("ar", "وأشارت عدة دول إلى نقص المعدات المتخصصة في مختبراتها.", True),
        ("es", "Las delegaciones pidieron formación de instructores para las escuelas judiciales.", True),
        ("ru", "Делегации просили организовать подготовку инструкторов для судебных школ.", True),
        ("fr", "Le débat en cours sur le programme de développement se poursuit.", False),
        ("es", "El debate en curso sobre la agenda para el desarrollo continúa.", False),
        ("es", "La prevención de la formación de barrios marginales es una prioridad.", False),
        ("zh", "两个青年组织敦促在学校课程中教儿童识别网络诱骗。", False),
        ("zh", "国家应协助这些组织建立必要的机构。", False),
        ("ar", "ويمثل التعليم خطوة على درب تحسين أحوال الأمة، مع الإرشاد للأطفال.", False),
        ("ru", "Участники семинара-практикума обменялись мнениями о сроках хранения данных.", False),
    ],
)
def test_capacity_building_is_named_by_courses_equipment_and_trainers(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Reports name capacity-building by what is given: a course completed, forensic equipment lacking or
    supplied, trainers trained (es formación de instructores, ru подготовка инструкторов, ar دورة
    تدريبية). "En cours" / "en curso" (ongoing), school curricula for children (prevention), a slum's
    formation, Arabic درب (a path) and a workshop as the meeting's format are not it."""
    assert ("capacity_building" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Judges in one State rejected connection records because nobody could vouch for them.", True),
        ("fr", "Les tribunaux d'un État ont écarté des journaux de connexion faute de garantie.", True),
        ("es", "Los tribunales de un Estado rechazaron registros de conexión por falta de garantías.", True),
        ("ru", "Суды одного государства отклонили журналы подключений из-за отсутствия гарантий.", True),
        ("zh", "一国法院拒绝采信连接日志，因为无人能为其作保。", True),
        ("ar", "ورفضت محاكم إحدى الدول سجلات الاتصال لعدم وجود ضمانات.", True),
        (
            "en",
            "Experts stressed that the contents of volatile memory vanish once a seized laptop is switched off.",
            True,
        ),
        (
            "fr",
            "Les experts ont souligné que le contenu de la mémoire vive disparaît dès que l'ordinateur est éteint.",
            True,
        ),
        ("es", "Los expertos subrayaron que el contenido de la memoria volátil desaparece al apagar el equipo.", True),
        ("ru", "Эксперты подчеркнули, что содержимое энергозависимой памяти исчезает при выключении компьютера.", True),
        ("zh", "专家们强调，一旦关机，易失性内存中的内容就会消失。", True),
        ("ar", "وشدد الخبراء على أن محتويات الذاكرة المتطايرة تختفي بمجرد إطفاء الحاسوب.", True),
        ("ru", "Эксперты обсудили, как документировать цепочку хранения изъятого телефона.", True),
        ("zh", "专家们讨论了如何记录所扣押电话的保管链。", True),
        ("ar", "وناقش الخبراء كيفية توثيق تسلسل العهدة للهاتف المضبوط.", True),
        ("en", "Two forensic examiners described the backlog of their laboratory.", False),
        ("zh", "统计数据的易失性数据问题得到了讨论。", False),
        ("ar", "وأنشئ مختبر للتحليل الجنائي الرقمي في العاصمة، وتوجد نسخ مطابقة من البيانات في عدة بلدان.", False),
        ("ru", "Эксперты обсудили цепочку передачи запросов между ведомствами.", False),
    ],
)
def test_electronic_evidence_is_named_by_courts_admitting_records_and_forensic_terms(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Reports name electronic evidence by what courts do with records (admit, reject, écarter, отклонить,
    采信, ترفض المحاكم) and by the forensic terms: volatile memory, hash values, chain of custody (ru цепочка
    хранения, zh 保管链, ar تسلسل العهدة), forensic images, authenticity. A forensic laboratory or its
    examiners (capacity-building), mirrored copies of data (jurisdiction) and a chain of requests are not it."""
    assert ("electronic_evidence" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("en", "Speakers called for teaching online safety in primary schools.", True),
        ("fr", "Les orateurs ont préconisé l'enseignement de l'hygiène numérique à l'école primaire.", True),
        ("es", "Los oradores pidieron que se enseñara ciberhigiene en la escuela primaria.", True),
        ("ru", "Выступавшие призвали обучать кибергигиене в начальной школе.", True),
        ("zh", "发言者呼吁在小学开展网络卫生教育。", True),
        ("ar", "ودعا المتكلمون إلى تعليم النظافة السيبرانية في المدارس الابتدائية.", True),
        ("fr", "Les experts ont décrit des partenariats public-privé pour bloquer les sites frauduleux.", True),
        ("es", "Los expertos describieron alianzas público-privadas para bloquear sitios fraudulentos.", True),
        ("ru", "Эксперты рассказали о государственно-частном партнерстве в блокировании мошеннических сайтов.", True),
        ("zh", "专家们介绍了为封堵欺诈网站而建立的公私伙伴关系。", True),
        ("ar", "ووصف الخبراء شراكات بين القطاعين العام والخاص لحجب المواقع الاحتيالية.", True),
        ("ar", "وطلب وفدان المساعدة في إنشاء أفرقة وطنية للتصدي لطوارئ الحاسوب.", True),
        ("fr", "La Finlande a lancé une campagne nationale contre la discrimination.", False),
        ("es", "La fundación lleva a cabo varias campañas nacionales contra la violencia.", False),
        ("zh", "该协会开展宣传活动，以增加政府对发展的贡献。", False),
        ("ru", "Секретариат просил сообщить о кампаниях по информированию о правах женщин.", False),
    ],
)
def test_prevention_is_named_by_cyberhygiene_online_safety_and_public_private_partnerships(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Prevention by its measures: cyberhygiene and online safety taught at school (fr hygiène numérique,
    ru кибергигиена, zh 网络卫生, ar النظافة السيبرانية), public-private partnerships (the Arabic dual
    القطاعين العام والخاص, fr partenariats public-privé), national computer emergency teams (ar أفرقة وطنية
    للتصدي لطوارئ الحاسوب). A national campaign or an advocacy campaign on another subject is not it."""
    assert ("prevention" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "text,plain",
    [
        ("ولم يُتوصَّل إلى اتفاق بشأن مدة الحفظ.", "ولم يتوصل إلى اتفاق بشأن مدة الحفظ."),
        (
            "وحذّر عددٌ من الخبراء من التسرّع، في حين رأى آخرون أنَّ الوقت قد حان.",
            "وحذر عدد من الخبراء من التسرع، في حين رأى آخرون أن الوقت قد حان.",
        ),
        ("وأيَّدت جميعُ الوفود تقريباً إدراجَ المادة.", "وأيدت جميع الوفود تقريبا إدراج المادة."),
    ],
)
def test_arabic_rules_read_past_short_vowels_and_shadda(taxonomy, text: str, plain: str) -> None:
    """Most Arabic report paragraphs write a shadda or a short vowel here and there ("يُتوصَّل",
    "حذّر"); the rules read the text without them, so the written and the bare text get the same
    tags, and the evidence still points into the text as written."""
    written = tag_text(text, "ar", taxonomy)
    assert written.tags and written.tags == tag_text(plain, "ar", taxonomy).tags, text
    for e in written.evidence:
        assert text[e.start : e.end] == e.span, e


@pytest.mark.parametrize(
    "lang,text,divergent",
    [
        (
            "en",
            "A clear majority favoured a short deadline, while a limited number of delegations wanted none at all.",
            True,
        ),
        (
            "en",
            "Most experts backed the proposal; two experts, however, warned "
            "that it would overload small central authorities.",
            True,
        ),
        (
            "fr",
            "Une nette majorité était favorable à un délai court, tandis qu'un "
            "petit nombre de délégations n'en voulaient aucun.",
            True,
        ),
        (
            "fr",
            "La plupart des experts ont appuyé la proposition ; deux experts ont toutefois "
            "objecté qu'elle surchargerait les petites autorités centrales.",
            True,
        ),
        (
            "es",
            "Una clara mayoría era partidaria de un plazo breve, mientras "
            "que unas pocas delegaciones no querían ninguno.",
            True,
        ),
        (
            "es",
            "Si bien la mayoría de los expertos apoyó la propuesta, unos cuantos "
            "advirtieron que sobrecargaría a las autoridades centrales.",
            True,
        ),
        (
            "ru",
            "Явное большинство выступало за короткий срок, тогда как "
            "немногие делегации не хотели устанавливать его вовсе.",
            True,
        ),
        (
            "ru",
            "Если большинство экспертов поддержали предложение, то два "
            "эксперта предупредили о перегрузке центральных органов.",
            True,
        ),
        ("zh", "明显多数赞成规定较短期限，而少数几个代表团则不希望规定任何期限。", True),
        ("zh", "大多数专家支持该提议，但也有几位专家警告说，这会使小型中央机关不堪重负。", True),
        ("ar", "وأيدت أغلبية واضحة مهلة قصيرة، في حين رفضت قلة من الوفود أي مهلة.", True),
        ("ar", "رأى بعض الخبراء أن المهلة ضرورية، وردَّ آخرون بأنها تعيق التعاون.", True),
        ("en", "While 2019 saw a sharp rise in ransomware cases, the number fell in the following year.", False),
        (
            "es",
            "Aunque algunos Estados se quejaban de los retrasos, era importante preservar la confianza en el sistema.",
            False,
        ),
        ("es", "Hay otros supuestos, no obstante, en que las penas resultan demasiado leves.", False),
        ("ar", "وفي حين تشير مجموعة دول عدم الانحياز إلى فتوى المحكمة، فإنها تدعو إلى الحوار.", False),
    ],
)
def test_two_camps_contrasted_by_a_conjunction_are_divergent(taxonomy, lang: str, text: str, divergent: bool) -> None:
    """ "A clear majority ..., while a limited number of delegations ...", "two experts, however,
    warned": two camps set side by side are a divided room (data/labels/README.md), however the
    camps are counted; a year, a concession without camps or a named Group after the conjunction
    is not a camp."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is divergent, text


@pytest.mark.parametrize(
    "lang,text,divergent",
    [
        (
            "en",
            "No agreement emerged on whether the orders could be renewed, and "
            "the positions of delegations did not draw closer.",
            True,
        ),
        (
            "en",
            "Views clashed as to whether screenshots could be admitted; the question remained an open question.",
            True,
        ),
        (
            "fr",
            "Les délégations ne se sont pas accordées sur la durée des "
            "injonctions, et aucun terrain d'entente ne s'est dégagé.",
            True,
        ),
        ("fr", "Des divergences de vues ont persisté sur la recevabilité des captures d'écran.", True),
        (
            "es",
            "No surgió ningún acuerdo sobre la renovación de las órdenes y persistieron las diferencias de opinión.",
            True,
        ),
        ("es", "Hubo diversidad de opiniones sobre la admisibilidad de las capturas de pantalla.", True),
        ("ru", "Единства мнений по вопросу о продлении распоряжений не было.", True),
        ("ru", "Сохранялись расхождения во мнениях относительно допустимости снимков экрана.", True),
        ("zh", "关于命令能否延期，各代表团相持不下，未能形成共同看法。", True),
        ("zh", "对于屏幕截图能否采信，专家们的意见仍然不一。", True),
        ("ar", "ولم تلتقِ آراء الخبراء بشأن تمديد الأوامر، وتعذَّر التوفيق بين المواقف.", True),
        ("ar", "وتشعّبت الآراء بشأن مقبولية لقطات الشاشة.", True),
        (
            "en",
            "Any difference of opinion on the interpretation of the Convention shall be settled by negotiation.",
            False,
        ),
        ("en", "There were no real differences of opinion on the value of awareness campaigns.", False),
        (
            "fr",
            "Toute divergence d'opinions sur l'interprétation de la Convention est réglée par voie de négociation.",
            False,
        ),
        ("es", "El foro se enriqueció a través de una diversidad de opiniones sobre la ordenación forestal.", False),
        (
            "ru",
            "Между выступавшими не было существенных расхождений во мнениях о пользе просветительских кампаний.",
            False,
        ),
        ("fr", "La question de l'adhésion est restée ouverte à tous les États.", False),
    ],
)
def test_divergence_said_as_the_state_of_the_debate(taxonomy, lang: str, text: str, divergent: bool) -> None:
    """No agreement emerged, views clashed, differences of opinion persisted, the question remained
    open: the debate's outcome says the room was divided. A treaty's clause on any future difference
    of opinion, differences said to be absent, a diversity of views that enriches a forum and a
    convention left open to States are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is divergent, text


@pytest.mark.parametrize(
    "lang,text,tag,present",
    [
        (
            "en",
            "Nearly all delegations agreed that the safeguards should also cover remote searches.",
            "stance_consensus",
            True,
        ),
        (
            "fr",
            "Presque toutes les délégations sont convenues que les garanties "
            "devaient aussi couvrir les perquisitions à distance.",
            "stance_consensus",
            True,
        ),
        (
            "es",
            "Casi todas las delegaciones convinieron en que las salvaguardias "
            "debían abarcar también los registros a distancia.",
            "stance_consensus",
            True,
        ),
        (
            "ru",
            "Почти все делегации согласились с тем, что гарантии должны распространяться и на дистанционный обыск.",
            "stance_consensus",
            True,
        ),
        ("zh", "几乎所有代表团都同意，保障措施也应适用于远程搜查。", "stance_consensus", True),
        ("ar", "واتفقت جميع الوفود تقريباً على أن الضمانات ينبغي أن تشمل التفتيش عن بُعد.", "stance_consensus", True),
        ("ar", "وكان الرأي الغالب بين المتكلمين أن الاتفاقية ستسد الثغرات.", "stance_consensus", True),
        ("ar", "ورحّب المشاركون عموماً بالدورة التدريبية.", "stance_consensus", True),
        ("ar", "ولم يُبدِ أيٌّ من الخبراء تحفظاً على ضرورة الحفظ العاجل.", "stance_consensus", True),
        ("ar", "وسيُعمَّم الموجز على جميع الوفود في غضون أسبوعين.", "stance_consensus", False),
        ("ar", "وسيجري تنظيم العمل بطريقة تمكن جميع الوفود من المشاركة الكاملة.", "stance_consensus", False),
        ("ar", "ويؤثر الرأي العام في السياسات الجنائية.", "stance_consensus", False),
        ("en", "One panellist stressed that first responders needed training.", "stance_some", True),
        ("fr", "Une panéliste a souligné que les primo-intervenants avaient besoin de formation.", "stance_some", True),
        ("es", "Una panelista subrayó que los primeros intervinientes necesitaban capacitación.", "stance_some", True),
        (
            "ru",
            "Один из экспертов подчеркнул, что сотрудникам, первыми прибывающим на место, необходима подготовка.",
            "stance_some",
            True,
        ),
        ("zh", "一位小组成员强调，需要对先期响应人员进行培训。", "stance_some", True),
        ("ar", "وشدّدت إحدى عضوات حلقة النقاش على ضرورة تدريب المستجيبين الأوائل.", "stance_some", True),
        ("ar", "وأُعرب عن رأي مفاده أن التدريب ينبغي أن يكون إلزامياً.", "stance_some", True),
        ("ar", "وحذّر عدة أعضاء في حلقة النقاش من صعوبة تحديد مكان الجريمة.", "stance_some", True),
        ("ar", "وعرض أحد أعضاء حلقة النقاش تجربة بلده في التحقيقات.", "stance_some", False),
        ("ar", "ولم يشكّك إلا نفر قليل من المتكلمين في أهمية الشراكات.", "stance_some", False),
        ("ar", "ورحبت الوفود بالتقدم الذي أحرزته كلتا المنظمتان.", "stance_some", False),
    ],
)
def test_arabic_stance_wordings_the_other_languages_already_read(
    taxonomy, lang: str, text: str, tag: str, present: bool
) -> None:
    """The parallel gap: wordings the five other languages already read as a stance and Arabic did
    not ("جميع الوفود تقريباً", "الرأي الغالب", "المشاركون عموماً", "إحدى عضوات حلقة النقاش", "أُعرب عن
    رأي مفاده"); an object of a verb or preposition ("على جميع الوفود"), public opinion, a panellist who
    presented and the few excepted from near-unanimity hold no view."""
    assert (tag in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,consensus",
    [
        ("en", "Delegations broadly concurred that the contact points should be reachable at night.", True),
        (
            "fr",
            "Les délégations se sont dans l'ensemble accordées à dire que les "
            "points de contact devaient être joignables la nuit.",
            True,
        ),
        (
            "fr",
            "Les participants sont volontiers convenus qu'un point de contact joignable la nuit était indispensable.",
            True,
        ),
        ("fr", "Les États parties ont fait front commun pour défendre la conservation rapide des données.", True),
        ("fr", "Aucun des experts présents n'a émis de réserve quant à la nécessité de former les juges.", True),
        (
            "es",
            "Las delegaciones coincidieron en general en que los puntos de contacto debían estar disponibles de noche.",
            True,
        ),
        ("ru", "Делегации в целом сошлись во мнении, что контактные пункты должны быть доступны ночью.", True),
        ("zh", "各代表团普遍认为，联络点应在夜间也能联系上。", True),
        ("ar", "واتفقت الوفود عموماً على أن جهات الاتصال ينبغي أن تكون متاحة ليلاً.", True),
        ("fr", "Les experts ne se sont pas accordés sur la valeur probante des captures d'écran.", False),
        ("fr", "Les membres du Conseil sont convenus du mandat de la mission.", False),
        ("fr", "Il préconise l'ouverture, d'un commun accord, d'autres points de passage.", False),
    ],
)
def test_french_agreement_said_with_reflexive_and_adverbial_verbs(
    taxonomy, lang: str, text: str, consensus: bool
) -> None:
    """French reports say agreement with reflexive verbs and adverbs ("se sont dans l'ensemble
    accordées", "sont volontiers convenus que", "ont fait front commun", "aucun des experts n'a émis de
    réserve") where the other languages already had rules; not agreement denied ("ne se sont pas
    accordés"), agreement on a procedure ("sont convenus du mandat") or parties' mutual consent."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is consensus, text


@pytest.mark.parametrize(
    "lang, text, present",
    [
        ("en", "Several speakers stressed PREVENTION campaigns aimed at older persons.", True),
        ("en", "Several speakers stressed the protection of older persons.", False),
        ("fr", "Plusieurs orateurs ont insisté sur la PRÉVENTION auprès des personnes âgées.", True),
        ("fr", "Plusieurs orateurs ont insisté sur la protection des personnes âgées.", False),
        ("es", "Varios oradores destacaron la PREVENCIÓN entre las personas mayores.", True),
        ("es", "Varios oradores destacaron la protección de las personas mayores.", False),
        ("ru", "Ряд ораторов подчеркнули важность ПРЕДУПРЕЖДЕНИЯ преступлений против пожилых людей.", True),
        ("ru", "Ряд ораторов подчеркнули важность защиты пожилых людей.", False),
        ("ar", "وشدد عدة متكلمين على أهمية الوقاية لدى كبار السن.", True),
        ("ar", "وشدد عدة متكلمين على أهمية حماية كبار السن.", False),
        ("zh", "若干发言者强调了针对老年人的预防工作。", True),
        ("zh", "若干发言者强调了对老年人的保护。", False),
    ],
)
def test_rules_are_skipped_only_where_their_required_words_are_absent(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Each rule is scanned only in a text that contains one of the words every one of its matches
    contains (``taxonomy.Prefiltered``), read without case as the engine reads it: the tags and the
    evidence are those of every rule scanned, a word in capitals included."""
    from pipeline.tag import rules
    from pipeline.tag.taxonomy import Prefiltered

    scanned = load_taxonomy(TAXONOMY)
    for tag in scanned.tags:
        for table in (tag.rules, tag.exclude):
            for key, items in table.items():
                table[key] = [r.rule if isinstance(r, Prefiltered) else r for r in items]
    got, every = rules.tag_text(text, lang, taxonomy), rules.tag_text(text, lang, scanned)
    assert ("prevention" in got.tags) is present, text
    assert got.tags == every.tags
    assert [(e.tag, e.rule, e.start, e.end) for e in got.evidence] == [
        (e.tag, e.rule, e.start, e.end) for e in every.evidence
    ]


def test_required_words_of_a_rule() -> None:
    """The words a rule's every match contains: one of each alternative, the longest run of letters
    the rule cannot skip, none under three letters; the text lowered and folded as the engine
    compares letters (ſ is s), and no filter on a text whose lowering changes its length (İ)."""
    from pipeline.tag.taxonomy import folded, required_words

    assert required_words(r"\bprevent\w*") == {"prevent"}
    assert required_words(r"electronic evidence|(?:digital|e-)evidence") == {"electronic evidence", "evidence"}
    assert required_words(r"(?:online )?Safety\b") == {"safety"}
    assert required_words(r"(?:ال)?أدلة (?:ال)?رقمية") in ({"أدلة "}, {"رقمية"})
    assert required_words(r"\w+ (?:on|in)\b") is None
    assert required_words(r"(?:data )?(?:on|in)") is None
    assert folded("Cyber ſecurity") == "cyber security"
    assert folded("İstanbul") is None


@pytest.mark.parametrize(
    "lang,text,some",
    [
        ("en", "Experts from Latin American countries stressed the value of partnerships with operators.", True),
        ("fr", "Des orateurs de pays en développement ont appelé l'attention sur le manque d'analystes.", True),
        ("es", "Oradores de varias regiones informaron de que la información espontánea había sido útil.", True),
        ("ru", "Эксперты из стран Центральной Азии отметили нехватку специалистов по цифровой криминалистике.", True),
        ("zh", "来自发展中国家的发言者提请注意本国调查人员缺乏培训。", True),
        ("ar", "وأشارت وفود دول جزرية صغيرة إلى نقص المحللين المدربين.", True),
        ("en", "The meeting was attended by experts from 83 Member States.", False),
        ("fr", "Les frais de voyage des représentants de pays en développement ont été couverts.", False),
        ("es", "El representante de cualquier Estado podrá proponer la suspensión de la sesión.", False),
        ("ru", "В совещании приняли участие эксперты из 40 государств.", False),
        ("zh", "各国的代表团表示支持该提案。", False),
        ("ar", "وحضر الاجتماع ممثلو الدول الأعضاء.", False),
    ],
)
def test_holders_named_by_the_states_or_region_they_come_from(taxonomy, lang: str, text: str, some: bool) -> None:
    """UN reports name who held a view by the States, countries or region a holder comes from
    ("experts from Latin American countries", "Эксперты из стран ...", "来自发展中国家的发言者"):
    stance_some. Not attendance counts ("experts from 83 Member States"), funding of their travel,
    "the representative of any State" (a rule of procedure) or every State's delegation."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is some, text


@pytest.mark.parametrize(
    "lang,text,consensus",
    [
        ("en", "Participants welcomed, in broad terms, the expansion of the network of contact points.", True),
        ("fr", "Les débats ont fait apparaître une convergence de vues sur le respect de la souveraineté.", True),
        ("es", "Los participantes recomendaron de común acuerdo incluir la protección de los hospitales.", True),
        ("ru", "Каждый из выступивших экспертов поддержал принцип ограничения перехвата тяжкими преступлениями.", True),
        ("zh", "发言者一致承认，私营部门在提醒客户方面发挥着关键作用。", True),
        ("ar", "وكان هناك توافق عام على ضرورة حماية المستشفيات.", True),
        ("en", "The two Governments decided by common accord to open another crossing point.", False),
        ("fr", "Il préconise l'ouverture, d'un commun accord, d'autres points de passage.", False),
        ("es", "Las partes decidieron de común acuerdo aplazar la reunión.", False),
        ("ru", "Каждый из экспертов остался при своем мнении.", False),
        ("zh", "报告员宣读了已达成一致的段落。", False),
        ("zh", "专家们未能达成共识。", False),
    ],
)
def test_consensus_said_by_adverbs_and_collective_verbs(taxonomy, lang: str, text: str, consensus: bool) -> None:
    """Agreement said by an adverbial phrase or a collective verb form ("in broad terms",
    "de común acuerdo" after a verb of opinion, "каждый из выступивших ... поддержал", "一致承认",
    "达成/形成共识"): stance_consensus. Not parties' mutual consent ("decided by common accord"),
    each keeping their own view, an agreed paragraph read out, or consensus not reached."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is consensus, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Several delegations asked that the convention contain a chapter on prevention.", True),
        ("en", "Opinions differed on the article on the protection of personal data.", True),
        ("en", "A minority held that a global instrument was needed, others that existing treaties sufficed.", True),
        ("en", "Experts noted that the convention adopted by the African Union protected data.", False),
        ("en", "Experts described how their courts applied the Convention in fraud cases.", False),
        ("fr", "Plusieurs délégations ont demandé que la convention comporte un chapitre sur la prévention.", True),
        ("fr", "Les avis ont divergé sur l'article relatif à la protection des données personnelles.", True),
        ("fr", "Une minorité a estimé qu'un instrument mondial était nécessaire.", True),
        ("fr", "Les experts ont noté que la convention adoptée par l'Union africaine protégeait les données.", False),
        ("es", "Varias delegaciones pidieron que la convención incluya un capítulo sobre prevención.", True),
        ("es", "Las opiniones difirieron sobre el artículo relativo a la protección de datos personales.", True),
        ("es", "Una minoría consideró que se necesitaba un instrumento mundial.", True),
        ("es", "Los expertos señalaron que la convención aprobada por la Unión Africana protegía los datos.", False),
        ("ru", "Несколько делегаций просили включить в конвенцию главу о предупреждении.", True),
        ("ru", "Меньшинство считало, что необходим глобальный документ.", True),
        ("ru", "Эксперты отметили, что конвенция, принятая Африканским союзом, защищает данные.", False),
        ("ru", "Эксперты сообщили, как их суды применяют Будапештскую конвенцию.", False),
        ("zh", "若干代表团要求在公约中列入关于预防的一章。", True),
        ("zh", "少数代表团认为需要一项全球性文书。", True),
        ("zh", "专家们介绍了本国法院如何适用《布达佩斯公约》。", False),
        ("ar", "وطلبت عدة وفود إدراج الفصل المتعلق بالمنع في النص.", True),
        ("ar", "ورأت أقلية أن هناك حاجة إلى صك عالمي.", True),
        ("ar", "وأوضح الخبراء كيف تطبق محاكمهم اتفاقية بودابست.", False),
    ],
)
def test_convention_under_negotiation_named_by_its_parts(taxonomy, lang: str, text: str, expected: bool) -> None:
    """The convention being negotiated is named by its parts (the convention should contain, the chapter
    or article on X, a global instrument / convention / legal framework, a future or another treaty), in
    six languages; a named existing instrument or a regional convention "adopted by" a body is not it."""
    assert ("new_instrument" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Some delegations were content with a general reference to domestic law in the article.", False),
        ("en", "The Committee continued its reading of the chapter on procedural measures.", False),
        ("en", "Several States had amended their legislation to criminalize illegal access.", True),
        ("fr", "Certaines délégations se contentaient d'une référence générale au droit interne.", False),
        ("fr", "Plusieurs États avaient modifié leur législation pour incriminer l'accès illégal.", True),
        ("es", "Algunas delegaciones se conformaban con una referencia general al derecho interno.", False),
        ("es", "Varios Estados habían modificado su legislación para tipificar el acceso ilícito.", True),
        ("ru", "Комитет продолжил рассмотрение главы о процессуальных мерах.", False),
        ("ru", "Несколько государств внесли изменения в свое законодательство.", True),
        ("zh", "特设委员会继续审议关于程序措施的一章。", False),
        ("zh", "若干国家修订了本国立法，将非法访问定为刑事犯罪。", True),
        ("ar", "وواصلت اللجنة نظرها في الفصل المتعلق بالتدابير الإجرائية.", False),
        ("ar", "وعدلت عدة دول تشريعاتها لتجريم الدخول غير المشروع.", True),
    ],
)
def test_domestic_law_as_a_treaty_reference_point_is_not_legislation(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """A treaty clause's "reference to domestic law", the convention's "chapter on procedural measures" and
    "the future legal framework" name no national law-making; amending legislation to criminalize does."""
    assert ("legislation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "وذكر وفد أن قانون بلده يجيز للنيابة العامة أن تأمر بالتجميد الفوري للسجلات لدى مقدم الخدمة.", True),
        ("ar", "وأفادت دول بأن الشرطة تطلب من مقدمي الخدمات الإبقاء على البيانات دون تغيير.", True),
        ("ar", "وانقسم الخبراء بشأن البيانات المحفوظة في السحابة.", False),
        ("ar", "ودعا المؤتمر إلى تجميد الأصول المتأتية من الجريمة.", False),
        ("en", "The prosecutor may order the immediate freezing of the records held by the provider.", True),
        ("fr", "Le procureur peut ordonner la conservation rapide des données détenues par le fournisseur.", True),
        ("es", "El fiscal puede ordenar la conservación rápida de los datos en poder del proveedor.", True),
        ("ru", "Прокурор может распорядиться об оперативном обеспечении сохранности данных у поставщика.", True),
        ("zh", "检察官可以命令服务提供商迅速保全所存储的数据。", True),
    ],
)
def test_arabic_freezing_and_keeping_data_unchanged_is_preservation(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Arabic says preservation as freezing records or data with a clitic or article (بالتجميد الفوري
    للسجلات, يجمِّدون البيانات), keeping data unchanged (الإبقاء على البيانات), preservation orders (أوامر
    التحفظ); data "محفوظة" in the cloud are stored, not preserved, and frozen assets are not data."""
    assert ("data_preservation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,divergent",
    [
        ("ar", "وظلت مسألة ما إذا كان ينبغي إلزام مقدمي الخدمات بحفظ البيانات مفتوحة حتى نهاية الاجتماع.", True),
        ("ar", "ووازن الخبراء بين خيارين لتمويل التدريب، ولم يرجح أي منهما على الآخر.", True),
        ("ar", "وظلت الاتفاقية مفتوحة للتوقيع أمام جميع الدول.", False),
        ("ar", "وناقش الخبراء المسألة مطولا دون أن تتقارب وجهات النظر.", True),
        ("ar", "ولم يكن تجريم هذا السلوك موضع خلاف بين الخبراء.", False),
        (
            "fr",
            "La question de la durée de conservation des données est restée sans réponse à la fin de la réunion.",
            True,
        ),
        ("fr", "La convention est restée ouverte à la signature de tous les États.", False),
        ("es", "La cuestión del plazo de conservación de los datos siguió siendo objeto de desacuerdo.", True),
        ("es", "La cuestión del plazo de conservación fue objeto de un examen detenido.", False),
        ("ru", "Единства мнений по вопросу о сроке хранения данных достичь не удалось.", True),
        ("ru", "Согласия государства, в котором находились данные, получить не удалось.", False),
        ("en", "The experts debated the retention period at length, without the positions coming any closer.", True),
        ("en", "The experts debated the retention period at length and agreed to revert to it.", False),
        ("zh", "关于数据保存期限的问题，专家们的看法未能接近。", True),
        ("zh", "关于数据保存期限的问题，专家们进行了深入讨论。", False),
    ],
)
def test_a_question_left_unsettled_is_divergent(taxonomy, lang: str, text: str, divergent: bool) -> None:
    """The question stayed open, no option prevailed, agreement named first and its absence at the
    end, positions that never came closer: the room was divided. A convention left open for
    signature, a matter said not to be in dispute, a question merely examined are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is divergent, text


@pytest.mark.parametrize(
    "lang,text,divergent",
    [
        ("ar", "ورأى بعض الخبراء أن التشفير يحمي المستخدمين، ورأى آخرون، على العكس، أنه يعرقل التحقيقات.", True),
        ("ar", "فمن الوفود من رأى أن الأولوية للتدريب، ومنها من رأى أن الأولوية للمعدات.", True),
        ("ar", "وأشار بعض الخبراء إلى أهمية التدريب، وأضاف آخرون أمثلة من بلدانهم.", False),
        ("ar", "وطالبت مجموعة من الوفود بإذن قضائي مسبق. أما الوفود الأخرى فآثرت الإحالة إلى القانون الداخلي.", True),
        ("ar", "وأفادت 12 دولة بأن قانونها يجرم ذلك صراحة؛ أما الدول الأخرى فتطبق أحكاما عامة.", False),
        ("fr", "Certains experts jugeaient le délai suffisant, d'autres le trouvaient beaucoup trop court.", True),
        ("fr", "Certains experts ont décrit leur législation. D'autres ont décrit des affaires récentes.", False),
        ("es", "Para unos, el plazo era suficiente; para otros, demasiado breve.", True),
        ("es", "Para unos pocos Estados, el plazo comenzó en enero.", False),
        (
            "ru",
            "Если некоторые эксперты считали этот срок достаточным, то большинство сочли его слишком коротким.",
            True,
        ),
        ("ru", "Если государство не ответит на запрос, то запрос направляется повторно.", False),
        (
            "en",
            "Of the 30 States that replied, 16 reported a fixed period, while 14 indicated that no period applied.",
            True,
        ),
        ("en", "Of the 30 States that replied, 16 reported a fixed period of retention.", False),
        ("zh", "一些国家主张规定固定期限，而另一些国家则认为应由法院逐案决定。", True),
        ("zh", "一些国家规定了固定期限，并介绍了本国的做法。", False),
    ],
)
def test_a_second_camp_set_against_the_first_is_divergent(taxonomy, lang: str, text: str, divergent: bool) -> None:
    """Two camps in the forms each language uses: Arabic "ورأى آخرون" and "منهم من ... ومنهم من",
    "certains ..., d'autres", "para unos ..., para otros", "Если ..., то большинство", counted camps
    after "while", "而……则". Others merely adding examples, a conditional "Если ..., то" and a
    count of one camp alone are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is divergent, text


@pytest.mark.parametrize(
    "lang,text,divergent",
    [
        ("ar", "واتفق معظم الخبراء على أهمية أوامر التجميد، غير أن قلة من الخبراء حذروا من إساءة استخدامها.", True),
        ("ar", "واتفق معظم الخبراء على أهمية أوامر التجميد، غير أن عددا كبيرا من الدول لا يزال يفتقر إليها.", False),
        (
            "es",
            "La mayoría de los expertos apoyó las órdenes de congelación; no obstante, unos "
            "cuantos expertos objetaron que carecían de control judicial.",
            True,
        ),
        ("es", "La mayoría de los expertos apoyó las órdenes de congelación y describió su uso.", False),
        (
            "ru",
            "Большинство экспертов поддержали такие распоряжения, однако некоторые "
            "эксперты предупредили об опасности злоупотреблений.",
            True,
        ),
        (
            "ru",
            "Большинство экспертов поддержали такие распоряжения; вместе с тем "
            "несколько выступавших сообщили о сроках их исполнения.",
            False,
        ),
        ("en", "Most experts supported such orders, but a few experts warned that they could be abused.", True),
        ("en", "Most experts supported such orders, but a few experts described how they were issued.", False),
        ("zh", "大多数专家支持此类命令，但有几位专家担心这些命令可能被滥用。", True),
        ("zh", "大多数专家支持此类命令，但有几位专家介绍了本国的执行情况。", False),
        (
            "fr",
            "La plupart des experts étaient favorables à ces injonctions, tandis "
            "qu'une minorité leur préférait une décision judiciaire.",
            True,
        ),
        ("fr", "Le premier rapport portait sur la police, tandis qu'un autre rapport décrivait les tribunaux.", False),
    ],
)
def test_a_few_objecting_after_the_majority_is_divergent(taxonomy, lang: str, text: str, divergent: bool) -> None:
    """ "Most agreed, but a few warned": a minority set against the majority with a verb of view
    ("غير أن قلة من الخبراء حذروا", "no obstante, unos cuantos expertos objetaron", "однако некоторые
    эксперты предупредили", "但有几位专家担心", "tandis qu'une minorité leur préférait"). A few
    who only describe or report, or a large number, are not a dissenting camp."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is divergent, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Several States reported that their criminal laws did not yet cover ransomware.", True),
        ("en", "The speaker recalled developments in international criminal law on immunity.", False),
        ("fr", "Plusieurs États ont indiqué que leur droit pénal ne visait pas encore les rançongiciels.", True),
        ("fr", "L'orateur a rappelé l'évolution du droit pénal international en matière d'immunité.", False),
        ("es", "Varios Estados informaron de que su derecho penal aún no abarcaba los programas de secuestro.", True),
        ("es", "El orador recordó la evolución del derecho penal internacional en materia de inmunidad.", False),
        (
            "ru",
            "Несколько государств сообщили, что их уголовная ответственность "
            "за программы-вымогатели пока не установлена.",
            True,
        ),
        ("ru", "Оратор напомнил о развитии международного сотрудничества в вопросах иммунитета.", False),
        ("zh", "若干国家报告说，本国的网络犯罪法律尚未涵盖勒索软件。", True),
        ("zh", "发言者回顾了国际法在豁免问题上的发展。", False),
        ("ar", "وأفادت عدة دول بأن قوانينها الجنائية لا تشمل بعد برمجيات الفدية.", True),
        ("ar", "وذكّر المتكلم بتطور القانون الجنائي الدولي في مسألة الحصانة.", False),
    ],
)
def test_national_laws_named_by_kind_and_owner_are_legislation(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Laws named by their kind or owner (their criminal laws, 本国的网络犯罪法律, قوانينها الجنائية, derecho penal)
    are national law; international criminal law is not."""
    assert ("legislation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Some experts wanted the sale of stolen passwords made a separate offence.", True),
        ("en", "Some experts described how stolen passwords were sold on forums.", False),
        (
            "fr",
            "Certains experts souhaitaient faire de la vente de mots de passe volés une infraction distincte.",
            True,
        ),
        ("fr", "Certains experts ont décrit la vente de mots de passe volés sur des forums.", False),
        ("es", "Algunos expertos querían que la venta de contraseñas robadas fuera un delito autónomo.", True),
        ("es", "Algunos expertos describieron la venta de contraseñas robadas en foros.", False),
        ("ru", "Некоторые эксперты предлагали ввести отдельный состав за продажу похищенных паролей.", True),
        ("ru", "Некоторые эксперты рассказали о продаже похищенных паролей на форумах.", False),
        ("zh", "一些专家希望将出售被盗密码的行为规定为一项单独的罪行。", True),
        ("zh", "一些专家介绍了在论坛上出售被盗密码的情况。", False),
        ("ar", "وأراد بعض الخبراء أن يصبح بيع كلمات المرور المسروقة جريمة قائمة بذاتها.", True),
        ("ar", "ووصف بعض الخبراء بيع كلمات المرور المسروقة في المنتديات.", False),
    ],
)
def test_offences_made_separate_are_legislation(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Making conduct a separate offence (an offence in its own right, infraction distincte, отдельный
    состав, 单独的罪行, جريمة قائمة بذاتها) is criminalization; describing the conduct is not."""
    assert ("legislation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ورأت دول نامية أن أوامر المنصات الأجنبية تمس بسيادتها.", True),
        ("ar", "وشدد الوفد على أهمية سيادة القانون في مكافحة الجريمة.", False),
        ("ar", "ويراسل المحققون مقدمي الخدمات الذين توجد مقارهم في بلدان أخرى.", True),
        ("en", "Developing States saw the orders of foreign platforms as a threat to their sovereignty.", True),
        ("en", "The delegation stressed the importance of the rule of law in fighting crime.", False),
        ("fr", "Des pays en développement voyaient dans ces injonctions une atteinte à leur souveraineté.", True),
        ("fr", "La délégation a souligné l'importance de l'état de droit dans la lutte contre la criminalité.", False),
        ("es", "Algunos países en desarrollo veían en esas órdenes una amenaza para su soberanía.", True),
        ("es", "La delegación destacó la importancia del estado de derecho en la lucha contra el delito.", False),
        ("ru", "Развивающиеся страны увидели в этих требованиях угрозу своему суверенитету.", True),
        ("ru", "Делегация подчеркнула важность верховенства права в борьбе с преступностью.", False),
        ("zh", "一些发展中国家认为外国平台的指令威胁其主权。", True),
        ("zh", "该代表团强调了法治在打击犯罪中的重要性。", False),
    ],
)
def test_arabic_sovereignty_with_clitics_and_providers_based_elsewhere_are_jurisdiction(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Sovereignty with a clitic or pronoun (بسيادتها) and providers based in other countries (توجد
    مقارهم في بلدان أخرى) are jurisdiction in Arabic as in the other languages; the rule of law is not."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ورأى عدة متكلمين أن الأولوية ليست لإبرام معاهدات جديدة بل لتنفيذ الصكوك القائمة.", True),
        ("ar", "وأخذت الدول في الحسبان أحكام اتفاقية مالابو عند صياغة قوانينها.", False),
        ("ar", "وطلبت وفود أن تتضمن الاتفاقية فصلا عن المنع.", True),
        ("en", "Several speakers said the priority was not new treaties but implementing existing ones.", True),
        ("en", "States took the provisions of the Malabo Convention into account in their drafting.", False),
        (
            "fr",
            "Plusieurs orateurs ont estimé que la priorité n'était pas un nouveau "
            "traité mais l'application des instruments existants.",
            True,
        ),
        ("fr", "Les États ont tenu compte des dispositions de la Convention de Malabo.", False),
        (
            "es",
            "Varios oradores consideraron que la prioridad no era un nuevo "
            "tratado sino aplicar los instrumentos vigentes.",
            True,
        ),
        ("es", "Los Estados tuvieron en cuenta las disposiciones del Convenio de Malabo.", False),
        (
            "ru",
            "Несколько ораторов заявили, что приоритетом является не новый "
            "договор, а осуществление действующих документов.",
            True,
        ),
        ("ru", "Государства учли положения Малабской конвенции.", False),
        ("zh", "几位发言者认为，优先事项不是缔结新条约，而是执行现有文书。", True),
        ("zh", "各国考虑到了《马拉博公约》的规定。", False),
    ],
)
def test_new_treaties_in_any_form_are_new_instrument(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A new treaty in the plural or with the article (معاهدات جديدة, الاتفاقية الجديدة, new treaties) and
    the convention as the subject of its clauses are new_instrument; a named treaty's provisions are not."""
    assert ("new_instrument" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ولا بد من توثيق كل من تعامل مع الجهاز المضبوط كي يصمد الدليل أثناء المحاكمة.", True),
        ("ar", "وجهزت الدولة مختبرا جديدا للتحليل الجنائي بمعدات حديثة.", False),
        ("ar", "وينبغي أن تقبل المحاكم السجلات التي ينشئها مقدم الخدمة إذا ثبتت سلامتها.", True),
        (
            "en",
            "Every person who handled the seized device must be recorded for the evidence to stand up at trial.",
            True,
        ),
        ("en", "The State equipped a new forensic laboratory with modern tools.", False),
        (
            "fr",
            "Chaque personne ayant manipulé l'appareil saisi doit être consignée pour que la preuve tienne au procès.",
            True,
        ),
        ("fr", "L'État a équipé un nouveau laboratoire de criminalistique d'outils modernes.", False),
        (
            "es",
            "Debe registrarse a cada persona que manipuló el dispositivo "
            "incautado para que la prueba se sostenga en el juicio.",
            True,
        ),
        ("es", "El Estado equipó un nuevo laboratorio forense con herramientas modernas.", False),
        (
            "ru",
            "Каждый, кто работал с изъятым устройством, должен быть "
            "зафиксирован, чтобы доказательство выдержало проверку в суде.",
            True,
        ),
        ("ru", "Государство оснастило новую лабораторию современными инструментами.", False),
        ("zh", "必须记录每一位经手被扣押设备的人，证据才能在庭审中站得住脚。", True),
        ("zh", "该国为一个新的实验室配备了现代化工具。", False),
    ],
)
def test_evidence_standing_up_at_trial_is_electronic_evidence(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Evidence that must stand up at trial (أثناء المحاكمة) or that courts admit (تقبل المحاكم) is
    electronic evidence; a forensic laboratory as a resource is not."""
    assert ("electronic_evidence" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "ar",
            "واستخدمت سلطات مركزية كثيرة اتفاقية الأمم المتحدة لمكافحة "
            "الجريمة المنظمة عبر الوطنية أساسا قانونيا للطلبات.",
            True,
        ),
        ("ar", "وافتتح رئيس مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية الجلسة.", False),
        (
            "en",
            "Many central authorities used the United Nations Convention against "
            "Transnational Organized Crime as the legal basis for requests.",
            True,
        ),
        (
            "en",
            "The President of the Conference of the Parties to the United Nations "
            "Convention against Transnational Organized Crime opened the meeting.",
            False,
        ),
        (
            "fr",
            "De nombreuses autorités centrales ont utilisé la Convention des Nations Unies "
            "contre la criminalité transnationale organisée comme base légale.",
            True,
        ),
        (
            "fr",
            "Le Président de la Conférence des Parties à la Convention des Nations Unies "
            "contre la criminalité transnationale organisée a ouvert la séance.",
            False,
        ),
        (
            "es",
            "Muchas autoridades centrales utilizaron la Convención de las Naciones Unidas "
            "contra la Delincuencia Organizada Transnacional como base jurídica.",
            True,
        ),
        (
            "es",
            "El Presidente de la Conferencia de las Partes en la Convención de las Naciones "
            "Unidas contra la Delincuencia Organizada Transnacional abrió la sesión.",
            False,
        ),
        (
            "ru",
            "Многие центральные органы использовали Конвенцию Организации Объединенных Наций против "
            "транснациональной организованной преступности в качестве правового основания.",
            True,
        ),
        (
            "ru",
            "Председатель Конференции участников Конвенции Организации Объединенных Наций "
            "против транснациональной организованной преступности открыл заседание.",
            False,
        ),
        ("zh", "许多中央机关将《联合国打击跨国有组织犯罪公约》作为请求的法律依据。", True),
        ("zh", "《联合国打击跨国有组织犯罪公约》缔约方会议主席宣布会议开幕。", False),
    ],
)
def test_organized_crime_convention_by_its_full_united_nations_name(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """The Convention's full name with the United Nations (لمكافحة, des Nations Unies, de las Naciones
    Unidas, Организации Объединенных Наций) is the treaty; the Conference of the Parties' name is not."""
    assert ("organized_crime_convention" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "وطلبت الشرطة من مقدم الخدمة تأمين سجلات الاتصال قبل محوها.", True),
        ("ar", "وأكد المتكلمون أن البيانات المحفوظة في الخارج تطرح مسألة الولاية القضائية.", False),
        ("en", "The police asked the provider to secure the logs and keep the traffic data intact.", True),
        ("en", "The speakers stressed the preservation of cultural heritage.", False),
        ("fr", "La police a demandé au fournisseur de geler les journaux de connexion.", True),
        ("fr", "Les données conservées à l'étranger posent une question de compétence.", False),
        ("es", "La policía pidió al proveedor que mantuviera intactos los datos.", True),
        ("es", "Los datos conservados en el extranjero plantean una cuestión de jurisdicción.", False),
        ("ru", "Полиция попросила провайдера хранить метаданные шесть месяцев.", True),
        ("ru", "Эксперты обсудили вопрос о хранении оружия на складах.", False),
        ("zh", "警方请服务提供商留存连接日志，并冻结相关账户数据。", True),
        ("zh", "专家讨论了文化遗产的保护问题。", False),
    ],
)
def test_preservation_said_as_keeping_freezing_or_securing_logs(taxonomy, lang: str, text: str, expected: bool) -> None:
    """UN reports say preservation without the word: keeping or retaining logs, metadata or records,
    freezing or securing them, keeping data intact (الاحتفاظ بسجلات, تأمين سجلات, garder les métadonnées,
    mantener intactos los datos, хранить метаданные); data "conservées / conservados / المحفوظة" abroad
    are only stored, and heritage is not data."""
    assert ("data_preservation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ودرّب المكتب 300 محقق على تتبع العملات المشفرة، ونظم حلقة عمل لفائدة القضاة.", True),
        ("ar", "وأشار المتكلم إلى أن الطريق إلى التنمية يمر على درب طويل.", False),
        ("en", "The Office trained 300 investigators and held a workshop for judges.", True),
        ("en", "The speaker said that development was a long road.", False),
        ("fr", "L'Office a formé 300 enquêteurs et organisé un atelier à l'intention des juges.", True),
        ("fr", "L'orateur a dit que le développement était un long chemin.", False),
        ("es", "La Oficina capacitó a 300 investigadores y organizó talleres para jueces.", True),
        ("es", "El orador dijo que el desarrollo era un largo camino.", False),
        ("ru", "Управление провело подготовку следователей и учебные курсы для судей.", True),
        ("ru", "Выступавший сказал, что развитие — долгий путь.", False),
        ("zh", "该办公室培训了300名调查人员，并为法官举办了讲习班。", True),
        ("zh", "发言者说，发展是一条漫长的道路。", False),
    ],
)
def test_arabic_training_verb_read_without_its_marks(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Arabic writes "درّب المكتب ... محققا" (the Office trained) with a shadda the rules read past, so the
    old rule spelled with marks never matched; the verb now needs its trainer or trainees, since "على درب"
    is a path on general UN text."""
    assert ("capacity_building" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "وقال خبير إن ملحقي الشرطة يتبادلون المعلومات العملياتية عبر قنوات الأميريبول والإنتربول.", True),
        ("ar", "وقال خبير إن بلده أرسل الطلب إلى السلطة المركزية.", False),
        ("en", "One expert said that police attachés exchanged information through INTERPOL channels.", True),
        ("en", "One expert said that his country sent the request to the central authority.", False),
        (
            "fr",
            "Un expert a dit que les attachés de police échangeaient des informations par les canaux d'INTERPOL.",
            True,
        ),
        ("fr", "Un expert a dit que son pays avait adressé la demande à l'autorité centrale.", False),
        (
            "es",
            "Un experto dijo que los agregados de policía intercambiaban información por los canales de INTERPOL.",
            True,
        ),
        ("es", "Un experto dijo que su país había enviado la solicitud a la autoridad central.", False),
        ("ru", "Один эксперт сказал, что полицейские атташе обмениваются информацией по каналам Интерпола.", True),
        ("ru", "Один эксперт сказал, что его страна направила просьбу в центральный орган.", False),
        ("zh", "一位专家说，警务联络官通过国际刑警组织渠道交换信息。", True),
        ("zh", "一位专家说，本国已将请求发送给中央机关。", False),
    ],
)
def test_arabic_police_attaches_and_interpol_channels_are_informal(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Arabic names police-to-police channels as attachés ("ملحقو الشرطة"), "قنوات الأميريبول والإنتربول" (the
    channel name after another), a secure communications system, direct contact with foreign counterparts;
    a request to the central authority is the formal channel."""
    assert ("informal_cooperation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ودعم المكتب حملات لتحذير كبار السن من الاحتيال، وساعد على تفكيك شبكة روبوتات.", True),
        ("ar", "وأشار الخبراء إلى حملة الانتخابات في البلد.", False),
        ("en", "The Office supported campaigns to warn older persons about fraud and helped take down a botnet.", True),
        ("en", "The experts referred to the election in the country.", False),
        (
            "fr",
            "L'Office a appuyé des campagnes de sensibilisation des personnes âgées et le démantèlement d'un botnet.",
            True,
        ),
        ("fr", "Les experts ont évoqué les élections dans le pays.", False),
        (
            "es",
            "La Oficina apoyó campañas de sensibilización y el desmantelamiento de redes de bots.",
            True,
        ),
        ("es", "Los expertos se refirieron a las elecciones en el país.", False),
        (
            "ru",
            "Управление поддержало кампании по повышению осведомленности пожилых людей и ликвидацию бот-сети.",
            True,
        ),
        ("ru", "Эксперты упомянули о выборах в стране.", False),
        ("zh", "该办公室支持了提醒老年人防范诈骗的活动，并协助取缔了一个僵尸网络。", True),
        ("zh", "专家们提到了该国的选举。", False),
    ],
)
def test_arabic_warning_campaigns_and_botnets_are_prevention(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Arabic writes botnets in the singular or as an adjective ("شبكة روبوتات", "شبكات روبوتية"), incident
    response teams under several names, campaigns "لتحذير" (to warn) older persons or customers; a campaign
    with no warning or teaching purpose is not prevention."""
    assert ("prevention" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ولاحظ المتكلمون أن كثيرا من الدول لا تسلم مواطنيها، وأن طلبات التسليم بطيئة.", True),
        ("ar", "وطلبت الشرطة من مقدم الخدمة تسليم البيانات.", False),
        (
            "en",
            "Speakers noted that many States did not extradite their nationals.",
            True,
        ),
        ("en", "The police asked the provider to hand over the data.", False),
        ("fr", "Les orateurs ont noté que de nombreux États n'extradaient pas leurs nationaux.", True),
        ("fr", "La police a demandé au fournisseur de remettre les données.", False),
        ("es", "Los oradores señalaron que muchos Estados no extraditaban a sus nacionales.", True),
        ("es", "La policía pidió al proveedor que entregara los datos.", False),
        (
            "ru",
            "Выступавшие отметили, что запросы о выдаче идут медленно.",
            True,
        ),
        ("ru", "Полиция попросила провайдера передать данные.", False),
        ("zh", "发言者指出，许多国家不引渡本国国民。", True),
        ("zh", "警方要求服务提供商交出数据。", False),
    ],
)
def test_arabic_extradition_is_the_surrender_of_persons(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Arabic تسليم is extradition only with a person (المشتبه فيهم, مواطنيها, رعاياها) or as a request or
    treaty of تسليم; "تسليم البيانات" is handing over data."""
    assert ("formal_cooperation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "وشدد الخبراء على احترام خصوصيتهم وعلى إخضاع الاعتراض للرقابة القضائية.", True),
        ("ar", "وأشار الخبراء على وجه الخصوص إلى الحاجة إلى التدريب.", False),
        ("en", "The experts stressed respect for their privacy and judicial oversight of interception.", True),
        ("en", "The experts referred in particular to the need for training.", False),
        (
            "fr",
            "Les experts ont insisté sur le respect de leur vie privée et le contrôle judiciaire des interceptions.",
            True,
        ),
        ("fr", "Les experts ont évoqué en particulier le besoin de formation.", False),
        ("es", "Los expertos insistieron en el respeto de su privacidad y en la supervisión judicial.", True),
        ("es", "Los expertos se refirieron en particular a la necesidad de formación.", False),
        ("ru", "Эксперты подчеркнули уважение неприкосновенности частной жизни и судебный контроль.", True),
        ("ru", "Эксперты указали, в частности, на потребность в обучении.", False),
        ("zh", "专家们强调尊重其隐私，并对截取实行司法监督。", True),
        ("zh", "专家们特别提到了培训需求。", False),
    ],
)
def test_arabic_privacy_with_a_pronoun_is_not_in_particular(taxonomy, lang: str, text: str, expected: bool) -> None:
    """ "خصوصيتهم" (their privacy) writes the ة as ت before the pronoun, and the stem phrase "الخصوصية" was
    stemmed to "خصوص", so "على وجه الخصوص" (in particular) read as privacy (11 lines of the UN Parallel
    Corpus dev set); the regular expressions now read the pronoun forms and the stem phrase is gone."""
    assert ("human_rights" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ar", "ورأى الخبراء أن الاعتراض ينبغي أن يخضع لإذن من هيئة قضائية مستقلة.", True),
        ("ar", "ورأى الخبراء أن الانتخابات تشرف عليها هيئة انتخابية مستقلة.", False),
        (
            "en",
            "The experts considered that interception should be authorized by an independent judicial authority.",
            True,
        ),
        ("en", "The experts considered that elections were overseen by an independent electoral authority.", False),
        (
            "fr",
            "Les experts ont estimé que l'interception devait être autorisée par une autorité judiciaire indépendante.",
            True,
        ),
        (
            "fr",
            "Les experts ont estimé que les élections étaient supervisées par une autorité électorale indépendante.",
            False,
        ),
        (
            "es",
            "Los expertos estimaron que la interceptación debía autorizarla una autoridad judicial independiente.",
            True,
        ),
        (
            "es",
            "Los expertos estimaron que las elecciones las supervisaba una autoridad electoral independiente.",
            False,
        ),
        ("ru", "Эксперты сочли, что перехват требует разрешения независимого судебного органа.", True),
        ("ru", "Эксперты отметили, что выборы проводит независимая избирательная комиссия.", False),
        ("zh", "专家们认为，截取应当经独立司法机构授权。", True),
        ("zh", "专家们认为，选举由独立的选举机构监督。", False),
    ],
)
def test_independent_judicial_authority_is_a_safeguard(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Spanish and French reports name the safeguard as the body itself ("autoridad judicial independiente",
    "autorité judiciaire indépendante", "هيئة قضائية مستقلة"), besides "con sujeción a salvaguardias", "ne bis
    in idem", "informations personnelles", "datos privados"; an independent electoral body is not one."""
    assert ("human_rights" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,consensus,some",
    [
        ("en", "Save for one delegate, who asked for time, the delegations held the article sound.", True, False),
        ("en", "One delegate asked for more time to study the article.", False, True),
        ("en", "No delegation supported the proposal except for one delegation.", False, True),
        ("fr", "Hormis une intervenante, qui réservait sa position, les délégations ont approuvé.", True, False),
        ("fr", "Une délégation a réservé sa position sur l'article.", False, True),
        ("es", "Salvo una oradora, que reservó su posición, las delegaciones aprobaron el artículo.", True, False),
        ("es", "Una oradora reservó su posición sobre el artículo.", False, True),
        ("ru", "За исключением одного делегата, попросившего время, делегации одобрили статью.", True, False),
        ("ru", "Один делегат попросил время на размышление.", False, True),
        ("zh", "除一位代表表示需要更多时间研究外，各代表团认为该条可以接受。", True, False),
        ("zh", "一位代表表示需要更多时间研究该条。", False, True),
        ("ar", "وباستثناء مندوبة واحدة طلبت مزيدا من الوقت، رأت الوفود أن المادة مقبولة.", True, False),
        ("ar", "وطلبت مندوبة مزيدا من الوقت لدراسة المادة.", False, True),
    ],
)
def test_lone_exception_to_a_near_unanimous_view_is_consensus(
    taxonomy, lang: str, text: str, consensus: bool, some: bool
) -> None:
    """A holder named only as the exception to a near-unanimous view ("with the sole exception of one expert,
    who reserved her position, those who spoke held ...") makes the paragraph stance_consensus and is no
    subset of its own (data/labels/README.md); the same holder speaking alone is stance_some."""
    tags = tag_text(text, lang, taxonomy).tags
    assert ("stance_consensus" in tags, "stance_some" in tags) == (consensus, some), text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "A significant number of speakers called for more training of judges.", True),
        ("en", "In some quarters, the proposal was considered premature.", True),
        ("en", "The number of speakers on the list was announced by the Chair.", False),
        ("fr", "Un nombre non négligeable d'intervenants ont demandé davantage de formation.", True),
        ("fr", "Dans certains milieux, la proposition a été jugée prématurée.", True),
        ("fr", "La criminalité reste élevée dans certains milieux ruraux.", False),
        ("es", "Un pequeño grupo de delegaciones pidió más capacitación para los jueces.", True),
        ("es", "Desde algunos sectores se estimó que la propuesta era prematura.", True),
        ("es", "En algunos sectores de la economía el fraude en línea aumentó.", False),
        ("ru", "Значительное число выступавших призвали расширить подготовку судей.", True),
        ("ru", "В некоторых кругах это предложение сочли преждевременным.", True),
        ("ru", "Председатель огласил число ораторов в списке.", False),
        ("zh", "相当一部分发言者呼吁加强对法官的培训。", True),
        ("zh", "有方面表示，该提议为时过早。", True),
        ("zh", "在一些方面，进展仍然有限。", False),
        ("ar", "ودعا عدد لا يستهان به من المتكلمين إلى زيادة تدريب القضاة.", True),
        ("ar", "ورأت أقلية لا يستهان بها أن الاقتراح سابق لأوانه.", True),
        ("ar", "وتتعاون الدول بعضها مع بعض في تدريب القضاة.", False),
    ],
)
def test_counting_nouns_and_impersonal_subsets_are_some(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Subsets said with a counting noun ("a significant number of speakers", "значительное число
    выступавших", "un petit groupe de délégations", "相当一部分发言者", "عدد لا يستهان به من المتكلمين") or
    impersonally ("in some quarters", "dans certains milieux", "desde algunos sectores", "в некоторых
    кругах", "有方面表示") are stance_some; the count of a list, rural "milieux", economic "sectores",
    "在一些方面" (in some respects) and the reciprocal "بعضها مع بعض" are not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("zh", "几乎每一位发言者都强调了培训法官的重要性。", True),
        ("zh", "与会者基本上都认为，应加强对检察官的培训。", True),
        ("zh", "专家们的看法在以下一点上不谋而合：应尽快保全数据。", True),
        ("zh", "各代表团形成了一种共识：联络点应全天候运作。", True),
        ("zh", "几乎每位发言者都给出了不同的答案。", False),
        ("zh", "一位发言者强调了培训法官的重要性。", False),
        ("en", "Almost every speaker stressed the importance of training judges.", True),
        ("fr", "La quasi-totalité des intervenants ont souligné l'importance de former les juges.", True),
        ("es", "Casi todos los oradores subrayaron la importancia de capacitar a los jueces.", True),
        ("ru", "Почти все выступавшие подчеркнули важность подготовки судей.", True),
        ("ar", "وشدد كل المتكلمين تقريبا على أهمية تدريب القضاة.", True),
    ],
)
def test_chinese_agreement_said_by_every_speaker_and_converging_views(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Chinese says broad agreement as "几乎每一位发言者", "与会者基本上都认为", views that "不谋而合/汇合/如出一辙",
    "形成了一种共识", as the other five languages say "almost every speaker", "la quasi-totalité", "casi
    todos", "почти все", "كل المتكلمين تقريبا"; "几乎每位发言者都给出了不同的答案" (as many answers as
    speakers) is divided, not agreed."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


def test_arabic_plural_in_yat_shares_the_singular_stem() -> None:
    """The plurals "اتفاقيات"/"الولايات" stem like "اتفاقية"/"الولاية"; unrelated words stay apart."""
    from pipeline.tag import morphology

    assert morphology.arabic_light_stem("الاتفاقيات") == morphology.arabic_light_stem("الاتفاقية")
    assert morphology.arabic_light_stem("الولايات") == morphology.arabic_light_stem("الولاية")
    assert morphology.arabic_light_stem("خصوصا") != morphology.arabic_light_stem("الخصوصية")
    assert morphology.arabic_light_stem("تعاون") != morphology.arabic_light_stem("معاونة")


@pytest.mark.parametrize(
    "lang,joined,split",
    [
        ("ar", "وقدمت طلب المساعدة إلى السلطة.", "وردّت بناءً على طلبها، لمساعدتها في التحقيق."),
        ("fr", "Il a présenté une demande d'entraide judiciaire.", "Sur demande, entraide et conseils judiciaires."),
        ("es", "Presentó una solicitud de asistencia judicial.", "Previa solicitud; asistencia a los tribunales."),
        ("ru", "Он направил запрос о правовой помощи.", "По запросу, помощи не оказали."),
    ],
)
def test_stem_phrase_does_not_run_across_punctuation(lang: str, joined: str, split: str) -> None:
    """A stem phrase matches words in one clause; a comma or semicolon between them breaks it."""
    from pipeline.tag import morphology

    phrase = {"ar": "طلب المساعدة", "fr": "demande entraide", "es": "solicitud asistencia", "ru": "запрос помощь"}[lang]
    stems = morphology.phrase_stems(phrase, lang)

    def hits(text: str) -> list:
        words = morphology.tokens(text, lang)
        return morphology.find(stems, words, morphology.positions(words))

    assert hits(joined), joined
    assert not hits(split), split


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ru", "Согласовать позиции делегаций по этому пункту так и не удалось.", True),
        ("ru", "Эксперты остались при своем мнении, и вопрос был отложен.", True),
        ("ru", "Одна группа экспертов поддержала предложение, а другая его отвергла.", True),
        ("ru", "Проект получил поддержку, хотя две делегации попросили время для консультаций.", False),
        ("ru", "Согласовать текст удалось на второй день сессии.", False),
        ("en", "The positions of delegations on the paragraph could not be reconciled.", True),
        ("en", "The text was agreed on the second day of the session.", False),
        ("fr", "Il n'a pas été possible de rapprocher les positions des délégations.", True),
        ("fr", "Le texte a été arrêté le deuxième jour de la session.", False),
        ("es", "Los expertos no se pusieron de acuerdo sobre el plazo.", True),
        ("es", "El texto se acordó el segundo día del período de sesiones.", False),
        ("zh", "各代表团的立场未能调和。", True),
        ("zh", "案文在会议第二天商定。", False),
        ("ar", "لم تتقارب آراء الوفود بشأن هذه الفقرة.", True),
        ("ar", "واتفق على النص في اليوم الثاني من الدورة.", False),
    ],
)
def test_russian_failure_to_agree_said_verb_last_and_two_named_camps(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Russian reports put the failure last ("Согласовать позиции ... так и не удалось", "Договориться о
    том, ... не удалось"), keep each side "при своем мнении", and name the camps "одна группа ..., а
    другая", "сторонники ... противники", "между теми, кто ... и теми, кто"; the other five languages say
    "could not be reconciled", "rapprocher les positions", "no se pusieron de acuerdo", "未能调和", "لم
    تتقارب". A text agreed, and an exception that states no view ("хотя две делегации попросили время"),
    are not divided."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "After two days of debate the negotiations on the article reached a deadlock.", True),
        ("en", "The Council urged the parties to resolve the deadlock over its composition.", False),
        ("fr", "Après deux jours de débat, les négociations sur l'article ont abouti à une impasse.", True),
        ("fr", "Les entreprises se trouvent souvent dans une impasse juridique.", False),
        ("es", "Tras dos días de debate, se llegó a un punto muerto sobre el artículo.", True),
        ("es", "El Consejo instó a las partes a superar el punto muerto.", False),
        ("ru", "После двух дней прений переговоры по статье зашли в тупик.", True),
        ("ru", "Совет призвал стороны найти выход из тупика.", False),
        ("zh", "经过两天的辩论，关于该条的谈判陷入僵局。", True),
        ("zh", "安理会敦促各方打破僵局。", False),
        ("ar", "وبعد يومين من النقاش، وصلت المفاوضات بشأن المادة إلى طريق مسدود.", True),
        ("ar", "وتجد الشركات نفسها في مأزق قانوني.", False),
    ],
)
def test_deadlocked_debate_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A debate that "reached a deadlock" ("ont abouti à une impasse", "se llegó a un punto muerto",
    "зашли в тупик", "陷入僵局", "وصلت إلى طريق مسدود") is a divided room; a call to break a deadlock
    between parties (UN resolutions: "resolve the deadlock over the composition of the Council") and a
    company "in an impasse" (a dilemma) are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The replies broke down 31 to 27 on whether a court order was required.", True),
        ("en", "The meeting was held in Vienna from 3 to 5 April.", False),
        ("fr", "Les réponses se sont réparties à 31 contre 27 sur la nécessité d'une ordonnance.", True),
        ("fr", "La réunion s'est tenue à Vienne du 3 au 5 avril.", False),
        ("es", "Las respuestas se repartieron 31 a 27 en cuanto a la necesidad de una orden judicial.", True),
        ("es", "La reunión se celebró en Viena del 3 al 5 de abril.", False),
        ("ru", "Ответы разделились в соотношении 31 к 27 по вопросу о необходимости судебного ордера.", True),
        ("ru", "Совещание проходило в Вене с 3 по 5 апреля.", False),
        ("zh", "对于是否需要法院命令，答复的比例为31比27。", True),
        ("zh", "会议于4月3日至5日在维也纳举行。", False),
        ("ar", "وجاءت الردود بواقع 31 مقابل 27 بشأن ضرورة الأمر القضائي.", True),
        ("ar", "وعقد الاجتماع في فيينا من 3 إلى 5 نيسان/أبريل.", False),
    ],
)
def test_counted_split_of_replies_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Replies or votes counted against each other ("broke down 31 to 27", "réparties à 31 contre 27",
    "se repartieron 31 a 27", "в соотношении 31 к 27", "比例为31比27", "بواقع 31 مقابل 27") are two camps;
    a range of dates is not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Two readings of the article competed throughout the consultations.", True),
        ("en", "Neither option carried the day, and the matter was deferred.", True),
        ("en", "The proposal found both staunch supporters and firm opponents among the experts.", True),
        ("en", "To the objection that the measure was costly, others retorted that it saved weeks.", True),
        (
            "en",
            "Several African States favoured a new treaty, whereas the States members of the Council of Europe "
            "considered the existing one sufficient.",
            True,
        ),
        ("en", "Two options were presented to the Committee by the secretariat.", False),
        ("en", "The programme has supporters in many countries.", False),
    ],
)
def test_english_camps_options_and_neither_side_prevailing(taxonomy, lang: str, text: str, expected: bool) -> None:
    """English reports set camps against each other without "some ... others": two readings that "competed"
    or "clashed", experts who "fell into two camps", options of which "neither carried the day", "both staunch
    supporters and firm opponents", an objection to which "others retorted", and camps named by where they
    come from ("whereas the States members of the Council of Europe considered"); options merely presented,
    and supporters without opponents, are not divided."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("ru", "Управление провело для следователей семинар-практикум по анализу мобильных устройств.", True),
        ("ru", "Сотрудники прошли двухнедельную подготовку по работе с цифровыми доказательствами.", True),
        ("ru", "Государства просили ЮНОДК и впредь оказывать им помощь в разработке законодательства.", True),
        ("ru", "Прокурор рассказал о пользе, которую ему принесли онлайн-курс и контакты с наставником.", True),
        ("en", "The Office held a workshop for investigators on the analysis of mobile devices.", True),
        ("fr", "L'Office a organisé un atelier de formation à l'intention d'enquêteurs de quatre pays.", True),
        ("es", "La Oficina organizó un taller para investigadores sobre el análisis de dispositivos.", True),
        ("zh", "办公室为四个国家的调查人员举办了移动设备分析讲习班。", True),
        ("ar", "ونظم المكتب حلقة عمل تدريبية للمحققين من أربعة بلدان.", True),
        ("ru", "Участники семинара-практикума Конгресса обсудили сроки хранения журналов регистрации.", False),
        ("ru", "Семинар-практикум 4 Конгресса был посвящен новым формам преступности.", False),
        ("ru", "Идея обучать школьников распознавать фишинговые сообщения получила поддержку.", False),
    ],
)
def test_russian_capacity_building_named_by_courses_for_practitioners_and_help_to_set_up(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Russian reports name capacity-building by a workshop or course held "для следователей/судей", staff who
    "прошли подготовку", an online course and a mentor, the Office's "помощь в разработке/создании", as the
    other languages say "a workshop for investigators", "atelier de formation", "讲习班". A "семинар-практикум"
    of the Congress is the meeting's format, not training, and teaching schoolchildren to recognize phishing
    is prevention."""
    assert ("capacity_building" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("zh", "许多发言者介绍了通过区域警察组织开展的警方之间交流。", True),
        ("zh", "一些国家报告称，本国调查人员直接向外国服务提供商索取用户信息。", True),
        ("zh", "会员国应考虑利用美洲警察组织的安全通信渠道交换紧急信息。", True),
        ("en", "Many speakers described police-to-police exchanges through regional police organizations.", True),
        ("fr", "De nombreux intervenants ont décrit la coopération de police à police.", True),
        ("es", "Muchos oradores describieron la cooperación entre policías de la región.", True),
        ("ru", "Многие выступавшие рассказали об обмене информацией между полицейскими службами разных стран.", True),
        ("ar", "ووصف كثير من المتكلمين التعاون بين أجهزة الشرطة عبر المنظمات الإقليمية.", True),
        ("zh", "一些专家认为，直接向服务提供商当地分支机构发出的提交令是合法的。", False),
        ("zh", "关于允许缔约国直接从服务提供商处获取存储在另一国的数据的条款，未能达成共识。", False),
    ],
)
def test_chinese_informal_cooperation_between_police_and_direct_requests(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """Chinese reports say police-to-police cooperation as "警方之间交流/渠道" (without 的), investigators asking a
    foreign provider or counterpart directly ("直接向……服务提供商索取/提出请求"), and the secure channels of
    INTERPOL and regional police organizations; a production order served directly on a provider's branch or
    direct cross-border access to data is jurisdiction, not informal cooperation."""
    assert ("informal_cooperation" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,present",
    [
        ("fr", "Pendant la période, l'Office a formé 300 enquêteurs au traçage des cryptomonnaies.", True),
        ("fr", "Les agents chargés de ces demandes devraient être formés aux exigences juridiques applicables.", True),
        ("fr", "Le Programme mondial a dispensé des formations destinées aux procureurs de cinq pays.", True),
        ("fr", "L'Office a aidé deux États à mettre en place des équipes d'intervention informatique.", True),
        ("en", "During the period, the Office trained 300 investigators in tracing cryptocurrencies.", True),
        ("es", "Durante el período, la Oficina capacitó a 300 investigadores en el rastreo de criptomonedas.", True),
        ("ru", "За отчетный период Управление провело для 300 следователей курс по отслеживанию криптовалют.", True),
        ("zh", "报告期内，办公室培训了300名调查人员追踪加密货币。", True),
        ("ar", "وخلال الفترة المشمولة بالتقرير، درب المكتب 300 محقق على تتبع العملات المشفرة.", True),
        ("fr", "Un comité formé à partir de représentants des États a examiné la question.", False),
        ("fr", "Le groupe a été formé à cet effet par les États Membres.", False),
    ],
)
def test_french_capacity_building_named_by_trained_staff_and_help_to_set_up(
    taxonomy, lang: str, text: str, present: bool
) -> None:
    """French reports say training by the verb: the Office "a formé 300 enquêteurs", staff "formés aux"
    requirements, "formations destinées aux procureurs", the Office "a aidé deux États à mettre en place", as
    the other languages say "trained", "capacitó", "провело курс", "培训了", "درب". A committee "formé à partir
    de" (made up of) or "formé à cet effet" (set up for that purpose) is not training."""
    assert ("capacity_building" in tag_text(text, lang, taxonomy).tags) is present, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "ru",
            "Делегации Чили и Перу сообщили, что их центральные органы принимают просьбы по электронной почте.",
            True,
        ),
        ("ru", "Эксперт, работающий следователем, рассказал о деле, в котором данные были утрачены.", True),
        ("ru", "Высказывалась точка зрения, согласно которой контактные пункты следует создавать в полиции.", True),
        ("ru", "Одна группа экспертов сочла, что действующих договоров достаточно.", True),
        ("ru", "Группа экспертов провела свое шестое совещание в Вене.", False),
        ("ru", "Представитель Секретариата сообщил, что доклад будет издан позднее.", False),
        (
            "es",
            "Las delegaciones de Chile y el Perú informaron de que aceptaban solicitudes por correo.",
            True,
        ),
        ("es", "Se opinó que los puntos de contacto debían establecerse en la policía.", True),
        ("es", "En general se opinó que los puntos de contacto debían establecerse en la policía.", False),
        (
            "en",
            "The delegations of Chile and Peru reported that their central authorities accepted requests by email.",
            True,
        ),
        ("en", "The view was expressed that points of contact should be located in the police.", True),
        ("fr", "Selon une délégation, les points de contact devraient relever de la police.", True),
        ("zh", "一位发言者认为，联络点应设在警察部门。", True),
        ("ar", "ورأى أحد الخبراء أن نقاط الاتصال ينبغي أن تكون في الشرطة.", True),
    ],
)
def test_one_speaker_named_delegations_and_the_view_expressed(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A single speaker with a verb of saying, the delegations of two named States, the view said in the
    passive ("высказывалась точка зрения", "se opinó") and "одна группа экспертов" are stance_some; the
    Expert Group as a body, a Secretariat representative and "en general se opinó" (consensus) are not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("es", "Varias pidieron apoyo para crear equipos de respuesta a incidentes.", True),
        ("es", "Algunas consideraban que los proveedores solo debían revelar datos previa solicitud.", True),
        ("es", "Hubo quienes sostuvieron que la ubicación de la víctima debía prevalecer.", True),
        ("es", "Muchos resultaron heridos durante los disturbios.", False),
        ("ru", "Немногочисленные делегации рассказали о том, как их полиция обменивается сведениями.", True),
        ("ru", "Среди экспертов нашлись те, кто считал, что смена персонала вредна.", True),
        ("ru", "Права меньшинств должны соблюдаться.", False),
        ("en", "Several called for support to set up incident response teams.", True),
        ("fr", "Plusieurs orateurs ont demandé un appui pour créer des équipes d'intervention.", True),
        ("zh", "若干发言者要求提供支持以建立事件应对小组。", True),
        ("ar", "وطلبت عدة وفود الدعم لإنشاء أفرقة الاستجابة للحوادث.", True),
    ],
)
def test_unnamed_subsets_said_as_pronouns_or_minorities(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A quantifier standing alone as the subject of a plural verb ("varias pidieron", "algunas
    consideraban"), "hubo quienes", "немногочисленные делегации", "нашлись те, кто" name a subset;
    "muchos resultaron heridos" holds no view and "права меньшинств" (minorities' rights) counts no one."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ru", "Примерно каждый шестой респондент сообщил, что его законодательство это допускает.", True),
        ("ru", "Около пятой части выступивших экспертов заявили, что суды компетентны.", True),
        ("ru", "Три азиатские делегации отметили, что запросы остаются без ответа.", True),
        ("ru", "В совещании приняли участие три азиатские делегации.", False),
        ("en", "One in six respondents reported that its law allowed it.", True),
        ("fr", "Environ un cinquième des experts ont déclaré que les tribunaux étaient compétents.", True),
        ("es", "Uno de cada seis encuestados indicó que su ley lo permitía.", True),
        ("zh", "约五分之一的专家表示法院有管辖权。", True),
        ("ar", "وأفاد خمس المجيبين بأن قوانينهم تسمح بذلك.", True),
    ],
)
def test_counts_as_ordinal_fractions_and_with_adjectives(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Russian counts a share as "каждый шестой респондент", "пятая часть" and puts adjectives between a
    number and the holders ("три азиатские делегации отметили"): stance_some under a verb of saying, not
    in an attendance sentence."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("zh", "多数代表团支持谈判一项全面的、具有法律约束力的文书。", True),
        ("zh", "一些代表团希望公约应涵盖网络助长型犯罪。", True),
        ("zh", "与会者讨论了关于迅速保全数据的条款应列入国际合作一章。", True),
        ("zh", "本报告第一章载有专家组通过的建议。", False),
        ("zh", "若干国家已批准《布达佩斯公约》第二附加议定书。", False),
        ("ru", "Большинство делегаций поддержали разработку всеобъемлющего юридически обязательного документа.", True),
        ("ru", "Эксперт считал, что параллельный договор приведет к фрагментации правового поля.", True),
        ("ru", "Ряд государств ратифицировали Будапештскую конвенцию в прошлом году.", False),
        ("en", "Most delegations supported a comprehensive and legally binding instrument.", True),
        ("fr", "La plupart des délégations ont appuyé l'élaboration d'une nouvelle convention.", True),
        ("es", "La mayoría de las delegaciones apoyó la elaboración de una nueva convención.", True),
        ("ar", "وأيدت معظم الوفود وضع اتفاقية جديدة.", True),
        ("en", "Several States had ratified the Budapest Convention the previous year.", False),
    ],
)
def test_chinese_and_russian_names_of_the_convention_under_negotiation(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Chinese and Russian name the instrument under negotiation as "全面的、具有法律约束力的文书",
    "独立的公约", "附加议定书", "公约应 ...", "国际合作一章", "всеобъемлющий юридически обязательный документ",
    "параллельный договор", "договор универсального характера", "будущая правовая база", "предусмотренные
    конвенцией"; Chapter I of a report ("第一章"), the Budapest Convention's own additional protocols and a
    ratified named convention are not the new instrument."""
    assert ("new_instrument" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ru", "Ряд делегаций просили упростить запросы к поставщикам услуг, зарегистрированным за рубежом.", True),
        ("ru", "Было неясно, какое государство должно взять на себя ведущую роль в уголовном преследовании.", True),
        ("ru", "Данные хранились в облаке у поставщика.", True),
        ("ru", "Ряд делегаций просили упростить запросы к поставщикам услуг.", False),
        ("es", "Los investigadores se dirigían a proveedores de servicios con sede en otros países.", True),
        ("es", "Se ignoraba en qué país se encuentra el servidor.", True),
        ("es", "Quedó abierta la cuestión de qué Estado debía ejercer la acción penal.", True),
        ("es", "Los investigadores se dirigían a proveedores de servicios con sede en la capital.", False),
        ("zh", "调查人员直接向总部设在其他国家的服务提供商提出请求。", True),
        ("zh", "受害者分布在数十个国家时应由哪个国家提起公诉，仍未解决。", True),
        ("zh", "调查人员直接向服务提供商提出请求。", False),
        ("en", "Investigators wrote directly to providers established abroad.", True),
        ("fr", "Les enquêteurs s'adressaient directement aux fournisseurs établis à l'étranger.", True),
        ("ar", "وتوجه المحققون مباشرة إلى مقدمي الخدمات الموجودين في الخارج.", True),
    ],
)
def test_providers_established_abroad_and_which_state_prosecutes(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Russian, Spanish and Chinese say where a provider or server is and which State prosecutes with
    a participle or a seat: "зарегистрированным за рубежом", "в облаке", "какое государство должно взять
    на себя ведущую роль", "con sede en otros países", "en qué país se encuentra", "qué Estado debía
    ejercer la acción penal", "总部设在其他国家", "由哪个国家提起公诉"; a provider with no place, or seated in
    the capital, is not jurisdiction."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Courts in his country had excluded e-mails obtained from a foreign provider.", True),
        ("en", "The experts discussed the probative value of connection logs kept by operators.", True),
        ("en", "Such records could go before a court if nothing had been altered.", True),
        ("en", "The offences against the integrity of data and systems were agreed.", False),
        ("en", "Users should enable two-factor authentication on their accounts.", False),
        ("fr", "Les juridictions nationales admettraient des données extraites à l'étranger.", True),
        ("fr", "Le Groupe a examiné les règles d'exclusion des preuves et leur valeur probante.", True),
        ("fr", "Les tribunaux ont condamné les auteurs à des peines de prison.", False),
        ("zh", "其本国法院排除了从外国服务提供商处获取的电子邮件。", True),
        ("zh", "专家们认为，通过非法侵入设备获取的证据不应在刑事诉讼中采纳。", True),
        ("zh", "法院判处犯罪人五年监禁。", False),
        ("es", "Los tribunales de su país habían excluido unos correos electrónicos obtenidos de un proveedor.", True),
        ("ru", "Суды его страны исключили из числа доказательств электронные письма.", True),
        ("ar", "وأضاف خبير آخر أن محاكم بلده رفضت قبول أدلة حصل عليها من خادم في الخارج.", True),
    ],
)
def test_courts_admitting_or_excluding_material_is_electronic_evidence(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Admissibility is said with the court as subject and the material as object, or with the
    evidence's weight: "courts ... excluded e-mails", "probative value", "go before a court", "les
    juridictions admettraient des données", "règles d'exclusion des preuves", "法院排除了电子邮件",
    "不应在刑事诉讼中采纳", "исключили из числа доказательств"; the integrity of data as an offence,
    user authentication and a court sentencing offenders are not."""
    assert ("electronic_evidence" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "An expert from a Central American country recounted how a single call had saved the logs.", True),
        ("en", "The delegations of Iceland and Norway expressed concern about blocking orders.", True),
        ("en", "The representative of the Secretariat described the work of the Global Programme.", False),
        ("en", "The Group concluded that judges did not know how to weigh an expert report, and considered it.", False),
        ("fr", "La délégation indonésienne a décrit des unités de formation mobiles pour la police.", True),
        ("fr", "Le représentant de Bahreïn a raconté comment le point de contact avait réagi.", True),
        ("fr", "Le représentant du Brésil a présenté un projet de résolution sur la coopération.", False),
        ("zh", "洪都拉斯代表请毒品和犯罪问题办公室优先协助设立网络犯罪科。", True),
        ("zh", "一位在南欧某检察院工作的专家感到遗憾的是，保全令往往到得太晚。", True),
        ("zh", "大多数专家认为，保全令应在一天内送达。", False),
        ("zh", "巴西代表介绍了关于加强国际合作的决议草案。", False),
        ("es", "La delegación de México pidió a los tribunales que protegieran la identidad de las víctimas.", True),
        ("ru", "Эксперт из Колумбии выразил сомнения в отношении таких полномочий полиции.", True),
        ("ar", "وأعرب خبير من كولومبيا عن تحفظات بشأن منح الشرطة هذه الصلاحيات.", True),
    ],
)
def test_a_single_speaker_or_named_delegation_recounting_is_stance_some(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """One delegation, expert or panellist, named by country or described by region or profession,
    recounting a case or a concern ("An expert from ... recounted", "La délégation indonésienne a
    décrit", "洪都拉斯代表请", "一位……的专家感到遗憾") holds a view of a subset; a representative of
    the Secretariat, a draft resolution introduced, "an expert report" and a majority are not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "A group of Latin American delegations proposed that requests be sent electronically.", True),
        ("en", "Participants from the Mekong subregion said that their contact points served as a channel.", True),
        ("en", "A group of governmental experts was established to study the question.", False),
        ("fr", "Un groupe interrégional d'orateurs a souligné l'intérêt des campagnes de sensibilisation.", True),
        ("fr", "Les participants du Cône Sud ont plaidé pour la transmission électronique des demandes.", True),
        ("fr", "Les participants des États Membres ont souligné l'importance de la coopération.", False),
        ("zh", "北欧国家代表团提议在该条中明确提及必要性原则。", True),
        ("zh", "一组非洲国家提议规定司法协助请求可以电子方式转递。", True),
        ("zh", "挪威代表代表一组国家发了言。", False),
        ("es", "Un grupo de delegaciones latinoamericanas propuso que las solicitudes se enviaran por correo.", True),
        ("ru", "Группа африканских государств предложила предусмотреть электронную передачу запросов.", True),
        ("ar", "واقترحت مجموعة من الدول الأفريقية أن تحال الطلبات إلكترونيا.", True),
    ],
)
def test_groups_and_regional_subsets_of_holders_are_stance_some(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A group, coalition or circle of delegations and the delegations or participants of a region
    ("a group of Latin American delegations proposed", "les participants du Cône Sud ont plaidé",
    "北欧国家代表团提议", "一组非洲国家提议") are a subset; an expert body set up, the participants of
    the Member States, and who spoke on behalf of a group are not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Most delegations supported the text; a few, chiefly from one region, counselled waiting.", True),
        ("en", "It was the view of many that the Group had made a valuable contribution.", True),
        ("en", "A few days later the secretariat circulated the revised text.", False),
        ("fr", "La plupart des experts ont approuvé le texte; une minorité préconisait un autre choix.", True),
        ("fr", "Selon un avis exprimé, les demandes devraient être acceptées sous forme électronique.", True),
        ("fr", "À quelques voix isolées près, les participants ont estimé que la mesure était utile.", False),
        ("zh", "有专家建议，各国执法机构应互派联络官。", True),
        ("zh", "少数意见认为，应允许各国规定额外的要件。", True),
        ("zh", "鲜有发言者表示质疑，甚至可以说无人质疑。", False),
        ("es", "La mayoría apoyó el texto, mientras que una minoría abogó por otra vía.", True),
        ("ru", "Большинство поддержало текст, тогда как меньшинство выступало за иной подход.", True),
        ("ar", "وأيدت معظم الوفود النص، في حين دعت أقلية إلى نهج آخر.", True),
    ],
)
def test_elliptical_quantifiers_and_minority_views_are_stance_some(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """A quantifier standing alone as the subject ("a few ... counselled", "une minorité préconisait",
    "有专家建议") and an opinion attributed to some ("It was the view of many", "Selon un avis exprimé",
    "少数意见认为") are a subset; "a few days", "à quelques voix près" (all but a few) and "鲜有发言者"
    (hardly anyone) are not."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The Working Group affirmed that preservation orders should be issued within hours.", True),
        ("en", "The Working Group held its second meeting in Vienna.", False),
        ("fr", "Le Groupe de travail a affirmé que les injonctions de conservation devaient être rapides.", True),
        ("fr", "Le Groupe de travail a tenu sa deuxième réunion à Vienne.", False),
        ("es", "El Grupo de Trabajo afirmó que las órdenes de conservación debían dictarse en pocas horas.", True),
        ("es", "El Grupo de Trabajo celebró su segunda reunión en Viena.", False),
        ("ru", "Рабочая группа пришла к убеждению, что приказы о сохранности должны выдаваться быстро.", True),
        ("ru", "Рабочая группа провела свое второе заседание в Вене.", False),
        ("zh", "工作组申明，保全令应在数小时内发出。", True),
        ("zh", "工作组在维也纳举行了第二次会议。", False),
        ("ar", "وخلص الفريق العامل إلى أن أوامر الحفظ ينبغي أن تصدر في غضون ساعات.", True),
        ("ar", "وعقد الفريق العامل اجتماعه الثاني في فيينا.", False),
    ],
)
def test_body_affirming_its_own_position_is_consensus(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A meeting body affirming or holding a position ("affirmed that", "a affirmé que", "afirmó que",
    "пришла к убеждению", "申明", "خلص ... إلى أن") is its members' shared view; the body holding a meeting
    is procedure."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The delegations, with two exceptions, considered the deadline realistic.", True),
        ("en", "Two delegations considered the deadline realistic.", False),
        ("fr", "Les délégations, à l'exception de deux d'entre elles, ont jugé le délai réaliste.", True),
        ("fr", "Deux délégations ont jugé le délai réaliste.", False),
        ("es", "Las delegaciones, con dos excepciones, consideraron realista el plazo.", True),
        ("es", "Dos delegaciones consideraron realista el plazo.", False),
        ("ru", "Делегации, за двумя исключениями, сочли этот срок реалистичным.", True),
        ("ru", "Две делегации сочли этот срок реалистичным.", False),
    ],
)
def test_counted_exceptions_as_an_aside_are_consensus(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Near-unanimity named by its counted exceptions, said as an aside ("with two exceptions", "à
    l'exception de deux d'entre elles", "con dos excepciones", "за двумя исключениями"); two delegations
    alone are not a majority."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The shared conviction of the experts was that logs must be kept for a year.", True),
        ("en", "The idea that prevailed in the Group was that logs must be kept for a year.", True),
        ("fr", "L'idée qui a prévalu était que les journaux devaient être conservés un an.", True),
        ("es", "Existía el entendimiento común de que los registros debían conservarse un año.", True),
        ("es", "El documento proporcionaba un entendimiento común de las consecuencias jurídicas.", False),
        ("ru", "Возобладало мнение, что журналы должны храниться год.", True),
    ],
)
def test_prevailing_or_shared_view_as_a_noun_is_consensus(taxonomy, lang: str, text: str, expected: bool) -> None:
    """The room's view said with a noun ("shared conviction", "the idea that prevailed", "l'idée qui a
    prévalu", "entendimiento común de que", "возобладало мнение"); a document giving "un entendimiento común
    de" a subject is no view of speakers."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Several experts wanted any interception to require the approval of a judge.", True),
        ("en", "Others asked that such measures be reviewed by an independent supervisory body.", True),
        ("en", "The delegate spoke about the court's budget and its new building.", False),
        ("fr", "Plusieurs experts voulaient soumettre toute interception à l'approbation d'un juge.", True),
        ("fr", "Toute mesure devrait être soumise au contrôle a posteriori d'une autorité indépendante.", True),
        ("fr", "Le juge a présidé la réunion du comité d'organisation.", False),
        ("es", "Varios expertos pidieron que toda interceptación exigiera la aprobación previa de un juez.", True),
        ("es", "Toda medida debería someterse a la supervisión de un juez.", True),
        ("es", "El juez presidió la reunión del comité organizador.", False),
        ("ru", "Ряд экспертов потребовали, чтобы любой перехват проводился под контролем судьи.", True),
        ("ru", "Такие меры должны подлежать проверке независимым надзорным органом.", True),
        ("ru", "Кампании, направленные на защиту пожилых людей от мошенничества, получили поддержку.", False),
        ("zh", "多位专家要求任何截取措施都必须置于法官的监督之下。", True),
        ("zh", "此类措施应接受独立机构的事后审查。", True),
        ("zh", "法院大楼的翻修工作已经完成。", False),
        ("ar", "وطالب عدة خبراء بأن يخضع أي اعتراض لرقابة القاضي.", True),
        ("ar", "وينبغي أن تخضع هذه التدابير لرقابة هيئة مستقلة.", True),
        ("ar", "وقال إن كلفة المرشدين لا تتناسب مع عدد المستفيدين.", False),
    ],
)
def test_judicial_authorisation_named_by_practice_is_human_rights(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Reports name the judicial safeguard on investigative powers by its practice: "the approval of a
    judge", "review by an independent supervisory body", "l'approbation préalable d'un juge", "la
    supervisión de un juez", "под контролем судьи", "法官的监督", "رقابة القاضي", "رقابة هيئة مستقلة" (a bare
    "court order" is not: reports name it as a step of preservation or disclosure); a court as a
    building or a judge chairing a meeting is not, nor Russian "направленные на защиту" (aimed at
    protecting: it once read as "право на защиту") or Arabic "لا تتناسب مع" (a cost not commensurate)."""
    assert ("human_rights" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Fraudsters set up fake portals to harvest personal data from taxpayers.", False),
        ("en", "The law should limit how long personal data may be kept by the police.", True),
        ("fr", "Les escrocs créent de faux portails pour recueillir des données personnelles.", False),
        ("fr", "La loi devrait limiter la durée de conservation des données personnelles par la police.", True),
        ("es", "Los estafadores crean portales falsos con el fin de obtener datos personales.", False),
        ("es", "La ley debería limitar el tiempo durante el cual la policía conserva los datos personales.", True),
        ("ru", "Мошенники создают поддельные порталы для сбора персональных данных.", False),
        ("ru", "Закон должен ограничивать срок хранения персональных данных полицией.", True),
        ("zh", "诈骗者建立虚假门户网站以窃取个人数据。", False),
        ("zh", "法律应限制警方保存个人数据的时间。", True),
        ("ar", "ويُنشئ المحتالون بوابات زائفة بغرض جمع البيانات الشخصية.", False),
        ("ar", "وينبغي أن يحد القانون من مدة احتفاظ الشرطة بالبيانات الشخصية.", True),
    ],
)
def test_personal_data_harvested_or_sold_by_criminals_is_not_human_rights(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Personal data as the loot of a fraud ("to harvest personal data", "pour recueillir des données
    personnelles", "con el fin de obtener datos personales", "для сбора персональных данных", "窃取个人数据",
    "بغرض جمع البيانات الشخصية", the sale of stolen personal data) is the crime, not the right to privacy;
    personal data kept by the police is."""
    assert ("human_rights" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Delegations supported rules on gathering evidence in electronic form for any serious offence.", True),
        ("en", "Messages extracted from seized phones were excluded in two cases.", True),
        ("en", "Officers seized phones and cash during the raid on the market.", False),
        ("fr", "Les délégations ont appuyé des règles sur le recueil de preuves sous forme électronique.", True),
        ("fr", "La police a saisi des téléphones lors de la descente.", False),
        ("es", "Las delegaciones apoyaron normas sobre la obtención de pruebas en formato electrónico.", True),
        ("es", "La policía incautó teléfonos durante la redada.", False),
        ("ru", "Делегации поддержали нормы о сборе доказательств в электронной форме.", True),
        ("ru", "Полиция изъяла телефоны в ходе обыска на рынке.", False),
        ("zh", "各代表团支持关于以电子形式收集证据的规则。", True),
        ("zh", "警方在突击搜查中扣押了手机和现金。", False),
        ("ar", "وأيدت الوفود قواعد بشأن جمع الأدلة في شكل إلكتروني.", True),
        ("ar", "وضبطت الشرطة هواتف خلال المداهمة.", False),
    ],
)
def test_evidence_in_electronic_form_and_from_seized_devices_is_electronic_evidence(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """The convention's wording "evidence in electronic form" ("preuves sous forme électronique", "pruebas
    en formato electrónico", "доказательств в электронной форме", "以电子形式收集证据", "الأدلة في شكل
    إلكتروني") and material drawn from seized devices are electronic evidence; a seizure alone is not."""
    assert ("electronic_evidence" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Speakers urged hosting companies to take down sites imitating tax offices.", True),
        ("en", "Police dismantled the gang that ran the investment scam.", False),
        ("fr", "Des experts ont appelé les opérateurs à bloquer rapidement les sites d'hameçonnage.", True),
        ("fr", "La police a arrêté les auteurs de l'escroquerie.", False),
        ("es", "Los operadores deberían bloquear sin demora los sitios web fraudulentos.", True),
        ("es", "Pidió que se retiren todas las limitaciones impuestas al Grupo.", False),
        ("ru", "Операторы должны оперативно блокировать мошеннические веб-сайты.", True),
        ("ru", "Полиция задержала участников мошеннической группы.", False),
        ("zh", "专家们呼吁平台及时下架虚假银行应用程序。", True),
        ("zh", "警方逮捕了诈骗团伙成员。", False),
        ("ar", "ودعا الخبراء المنصات إلى حجب المواقع الاحتيالية على وجه السرعة.", True),
        ("ar", "وألقت الشرطة القبض على أفراد العصابة.", False),
        ("en", "Banks sent warning messages to customers about the new scheme.", True),
        ("en", "The delegation voiced concern about the warning signs of a downturn.", False),
        ("fr", "Les banques devraient protéger leurs clients contre l'usurpation d'identité.", True),
        ("es", "Las plataformas deberían proteger a los usuarios contra las estafas.", True),
        ("ru", "Обсуждалась защита детей в интернете.", True),
        ("zh", "专家们讨论了网上儿童保护问题。", True),
        ("ar", "وناقش الخبراء حماية الأطفال على الإنترنت.", True),
        ("en", "Statements were also made by an organization devoted to child online protection.", False),
        ("fr", "Les filles qui vont à l'école dans des conditions d'insécurité sont exposées à des risques.", False),
        ("fr", "Les élèves apprennent à l'école à repérer les fausses offres en ligne.", True),
    ],
)
def test_prevention_by_practice_takedown_warnings_protection_schools(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """UN reports name prevention by its practice: taking down or blocking fraudulent and phishing sites,
    warnings sent to customers, protecting children online or customers against fraud, teaching pupils
    to spot scams; dismantling a gang by investigation, an NGO named by its field, the safety of schools
    in general UN text and the removal of illegal content as a legal duty are not."""
    assert ("prevention" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "en",
            "Whether the order should reach all providers in the chain remained unresolved when the meeting closed.",
            True,
        ),
        ("en", "The Convention remained open for signature until the end of the year.", False),
        (
            "fr",
            "La question de savoir si l'ordre devait viser tous les fournisseurs est restée en suspens "
            "à la clôture de la réunion.",
            True,
        ),
        ("fr", "La Convention est restée ouverte à la signature jusqu'à la fin de l'année.", False),
        (
            "es",
            "La cuestión de si la orden debía dirigirse a todos los proveedores quedó sin resolver al "
            "término de la reunión.",
            True,
        ),
        ("es", "La Convención quedó abierta a la firma hasta el final del año.", False),
        ("ru", "Вопрос о том, должен ли приказ охватывать всех провайдеров, к концу совещания остался открытым.", True),
        ("ru", "Конвенция оставалась открытой для подписания до конца года.", False),
        ("zh", "该命令是否应针对链条上的所有服务提供商，这一问题在会议结束时仍无定论。", True),
        ("zh", "该公约在年底前开放供签署。", False),
        ("ar", "وظلت مسألة ما إذا كان ينبغي أن يشمل الأمر جميع مقدمي الخدمات مفتوحة عند اختتام الاجتماع.", True),
        ("ar", "وظلت الاتفاقية مفتوحة للتوقيع حتى نهاية السنة.", False),
    ],
)
def test_question_left_open_at_the_close_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A debate's question left open or unresolved at the close is a divided room: "remained unresolved",
    "est restée en suspens", "quedó sin resolver", "остался открытым", "仍无定论", "ظلت مسألة ... مفتوحة";
    a treaty that remained open for signature is not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The views of the two groups of delegations could not be brought closer during the session.", True),
        ("en", "The informal consultations brought the positions of the delegations closer.", False),
        ("fr", "Les positions des deux groupes de délégations n'ont pas pu être rapprochées pendant la session.", True),
        ("fr", "Les consultations officieuses ont permis de rapprocher les positions des délégations.", False),
        (
            "es",
            "No fue posible acercar las posiciones de los dos grupos de delegaciones durante el período de sesiones.",
            True,
        ),
        ("es", "Las consultas oficiosas permitieron acercar las posiciones de las delegaciones.", False),
        ("ru", "Сблизить позиции двух групп делегаций в ходе сессии не удалось.", True),
        ("ru", "Неофициальные консультации позволили сблизить позиции делегаций.", False),
        ("zh", "两组代表团的立场在会议期间始终无法拉近。", True),
        ("zh", "非正式磋商拉近了各代表团的立场。", False),
        ("ar", "ولم يتسن التقريب بين مواقف المجموعتين من الوفود خلال الدورة.", True),
        ("ar", "وأسهمت المشاورات غير الرسمية في التقريب بين مواقف الوفود.", False),
    ],
)
def test_positions_not_brought_closer_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Positions that could not be brought closer or reconciled are divergent ("could not be brought
    closer", "n'ont pas pu être rapprochées", "no fue posible acercar las posiciones", "сблизить позиции
    не удалось", "始终无法拉近", "لم يتسن التقريب بين"); consultations that brought them closer are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "en",
            "Of the 40 States that replied, 28 had a specific preservation order, while the remaining "
            "12 relied on general seizure powers.",
            True,
        ),
        ("en", "The remaining 12 posts were filled in May.", False),
        (
            "fr",
            "Sur les 40 États ayant répondu, 28 disposaient d'une injonction de conservation, les "
            "autres recourant à leurs pouvoirs généraux de saisie.",
            True,
        ),
        ("fr", "Les 12 autres postes ont été pourvus en mai.", False),
        (
            "es",
            "De los 40 Estados que respondieron, 28 contaban con una orden de conservación, mientras "
            "que los 12 restantes recurrían a sus facultades generales de incautación.",
            True,
        ),
        ("es", "Los 12 puestos restantes se cubrieron en mayo.", False),
        (
            "ru",
            "Из 40 ответивших государств 28 предусматривают специальный приказ о сохранении, а "
            "остальные 12 государств опираются на общие полномочия по изъятию.",
            True,
        ),
        ("ru", "Остальные средства будут перечислены в мае.", False),
        ("zh", "在作出答复的40个国家中，有28个国家规定了专门的保全令，其余12个国家则依靠一般扣押权力。", True),
        ("zh", "其余资金将于五月拨付。", False),
        (
            "ar",
            "ومن بين الدول الأربعين التي ردت، لدى 28 دولة أمر حفظ محدد، في حين تعتمد الدول الاثنتا عشرة "
            "المتبقية على صلاحيات الضبط العامة.",
            True,
        ),
        ("ar", "وستصرف الأموال المتبقية في أيار/مايو.", False),
    ],
)
def test_the_remaining_replies_set_against_a_counted_camp_are_divergent(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Counted replies set against "the remaining 12" are two camps (data/labels/README.md): "while the
    remaining 12", "les autres recourant", "mientras que los 12 restantes", "а остальные 12 государств",
    "其余12个国家则", "في حين ... المتبقية"; the remaining posts or funds are not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The idea of a shared registry found as many sceptics as supporters among the experts.", True),
        ("en", "The idea of a shared registry found many supporters among the experts.", False),
        ("fr", "L'idée d'un registre commun a trouvé autant de sceptiques que de partisans parmi les experts.", True),
        ("fr", "L'idée d'un registre commun a trouvé de nombreux partisans parmi les experts.", False),
        ("es", "La idea de un registro común tuvo tantos escépticos como partidarios entre los expertos.", True),
        ("es", "La idea de un registro común tuvo muchos partidarios entre los expertos.", False),
        ("ru", "У идеи общего реестра нашлось столько же скептиков, сколько и сторонников.", True),
        ("ru", "У идеи общего реестра нашлось много сторонников.", False),
        ("zh", "对于建立共同登记册的设想，支持者与反对者势均力敌。", True),
        ("zh", "建立共同登记册的设想得到了许多支持者的赞同。", False),
        ("ar", "ولقيت فكرة إنشاء سجل مشترك من المتشككين بقدر ما لقيت من المؤيدين.", True),
        ("ar", "ولقيت فكرة إنشاء سجل مشترك تأييد كثير من الخبراء.", False),
    ],
)
def test_as_many_supporters_as_opponents_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Camps said to be evenly matched are divergent: "as many sceptics as supporters", "autant de
    sceptiques que de partisans", "tantos escépticos como partidarios", "столько же скептиков, сколько и
    сторонников", "支持者与反对者势均力敌", "من المتشككين بقدر ما"; many supporters alone is not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,divergent,consensus",
    [
        ("en", "No consensus emerged on whether the offence should require intent.", True, False),
        (
            "en",
            "Consensus was reached on the article after the divergence over its scope had been resolved.",
            False,
            True,
        ),
        (
            "fr",
            "Aucun consensus ne s'est dégagé sur la question de savoir si l'infraction devait exiger une intention.",
            True,
            False,
        ),
        ("fr", "Un consensus s'est dégagé sur l'article une fois levée la divergence sur sa portée.", False, True),
        ("es", "No surgió ningún consenso sobre si el delito debía exigir dolo.", True, False),
        (
            "es",
            "Se alcanzó un consenso sobre el artículo una vez resuelta la divergencia sobre su alcance.",
            False,
            True,
        ),
        ("ru", "Делегации не достигли согласия относительно сферы применения статьи.", True, False),
        (
            "ru",
            "После того как разногласия относительно сферы применения статьи были устранены, был достигнут консенсус.",
            False,
            True,
        ),
        ("zh", "关于该罪行是否应要求故意，没有形成共识。", True, False),
        ("zh", "在关于适用范围的分歧得到解决之后，就该条达成了共识。", False, True),
        ("ar", "ولم يتبلور توافق في الآراء بشأن ما إذا كان ينبغي أن تشترط الجريمة توافر القصد.", True, False),
        ("ar", "وتم التوصل إلى توافق في الآراء بشأن المادة بعد تسوية الخلاف حول نطاقها.", False, True),
    ],
)
def test_negated_consensus_is_divergent_and_resolved_divergence_is_consensus(
    taxonomy, lang: str, text: str, divergent: bool, consensus: bool
) -> None:
    """ "No consensus emerged" / "did not reach agreement" is a divided room (data/labels/README.md: "no
    consensus" is stance_divergent), not consensus; a consensus reached once the divergence was resolved
    is the outcome the room reached, consensus alone ("分歧得到解决" is not a standing division)."""
    tags = tag_text(text, lang, taxonomy).tags
    assert ("stance_divergent" in tags) is divergent, text
    assert ("stance_consensus" in tags) is consensus, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The two groups of delegations remained poles apart on the scope of the article.", True),
        ("en", "The region has become one of the poles of growth of the world economy.", False),
        ("fr", "Les deux groupes de délégations sont restés aux antipodes sur la portée de l'article.", True),
        ("fr", "La région est devenue l'un des pôles de croissance de l'économie mondiale.", False),
        (
            "es",
            "El debate osciló entre dos polos: campañas dirigidas a las personas mayores o a toda la población.",
            True,
        ),
        ("es", "La región se ha convertido en uno de los polos de crecimiento de la economía mundial.", False),
        (
            "ru",
            "Две группы делегаций заняли диаметрально противоположные позиции относительно сферы применения статьи.",
            True,
        ),
        ("ru", "Регион стал одним из полюсов роста мировой экономики.", False),
        ("zh", "讨论在两个极端之间摇摆：面向老年人的宣传活动，或面向全体民众的宣传活动。", True),
        ("zh", "该区域已成为世界经济的增长极之一。", False),
        ("ar", "وتأرجح النقاش بين قطبين: حملات موجهة إلى كبار السن أو حملات موجهة إلى جميع السكان.", True),
        ("ar", "وأصبحت المنطقة أحد أقطاب النمو في الاقتصاد العالمي.", False),
    ],
)
def test_a_debate_between_two_poles_is_divergent(taxonomy, lang: str, text: str, expected: bool) -> None:
    """The English camps family carried to the other five: positions "poles apart", "aux antipodes", a
    debate "entre dos polos", "диаметрально противоположные позиции", "在两个极端之间", "بين قطبين"; a
    region that is a pole of growth is not."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The expert from Armenia described how his country's police academy trains investigators.", True),
        ("en", "The representative of the Secretariat introduced the background paper.", False),
        ("fr", "La délégation arménienne a décrit les cours de l'académie de police de son pays.", True),
        ("fr", "Le représentant du Secrétariat a présenté le document d'information.", False),
        ("es", "El experto de Armenia informó de que la academia de policía de su país impartía un curso.", True),
        ("es", "Según la delegación de Indonesia, copiar datos de sus servidores vulneraría su soberanía.", True),
        ("es", "El experto de la Secretaría presentó el documento de antecedentes.", False),
        ("ru", "Делегации Кувейта и Омана предложили включить в протокол такое положение.", True),
        ("ru", "По мнению делегации Индонезии, копирование данных нарушило бы ее суверенитет.", True),
        ("ru", "Представитель Секретариата представил справочный документ.", False),
        ("zh", "亚美尼亚专家介绍了本国警察学院如何培训调查人员。", True),
        ("zh", "秘书处代表介绍了背景文件。", False),
        ("ar", "ووصف وفد كازاخستان خطا هاتفيا لمساعدة الأطفال.", True),
        ("ar", "وقدّم ممثل الأمانة ورقة المعلومات الأساسية.", False),
    ],
)
def test_named_delegation_or_expert_in_es_ru_ar_is_stance_some(taxonomy, lang: str, text: str, expected: bool) -> None:
    """One delegation or expert named by country and stating or recounting ("El experto de Armenia informó",
    "Según la delegación de Indonesia", "Делегации Кувейта и Омана предложили", "По мнению делегации
    Индонезии", "ووصف وفد كازاخستان"); the Secretariat introducing a paper holds no view."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "A number of experts stressed the role of domain registrars.", True),
        ("en", "Most of the experts stressed the role of domain registrars.", False),
        ("fr", "Une partie des experts a souligné le rôle des bureaux d'enregistrement.", True),
        ("fr", "La plupart des experts ont souligné le rôle des bureaux d'enregistrement.", False),
        ("es", "Una parte de los expertos subrayó el papel de los registradores de dominios.", True),
        ("es", "No faltaron expertos que advirtieran del auge de las llamadas con voz clonada.", True),
        ("es", "La mayor parte de los expertos subrayó el papel de los registradores de dominios.", False),
        ("ru", "Часть экспертов подчеркнула роль регистраторов доменных имен.", True),
        ("ru", "Нашлись эксперты, которые сочли такой срок несоразмерным.", True),
        ("ru", "Большая часть экспертов подчеркнула роль регистраторов доменных имен.", False),
        ("zh", "部分专家强调了域名注册商的作用。", True),
        ("zh", "大部分专家强调了域名注册商的作用。", False),
        ("ar", "وتناول ثلاثة من الخبراء حالات منصات العملات المشفرة.", True),
        ("ar", "وتناول معظم الخبراء حالات منصات العملات المشفرة.", False),
    ],
)
def test_a_part_or_a_few_voices_in_es_ru_ar_are_stance_some(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A part of the holders or a few voices ("Una parte de los expertos", "No faltaron expertos que",
    "Часть экспертов", "Нашлись эксперты", "ثلاثة من الخبراء"); the greater part is a majority."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Few speakers, if any, questioned the relevance of the Convention.", False),
        ("fr", "Rares ont été les orateurs, voire aucun, à contester la pertinence de la Convention.", False),
        ("es", "Pocos oradores, por no decir ninguno, pusieron en duda la vigencia de la Convención.", False),
        ("es", "Pocos expertos, si es que hubo alguno, cuestionaron la vigencia de la Convención.", False),
        ("es", "Algunos expertos pusieron en duda la vigencia de la Convención.", True),
        ("es", "El representante de Noruega formuló una declaración en nombre de un grupo de países.", False),
        ("es", "El Grupo se reunió en formato híbrido, con la participación en línea de algunos expertos.", False),
        ("ru", "Вряд ли кто-либо из выступавших ставил под сомнение актуальность Конвенции.", False),
        ("zh", "几乎没有发言者质疑该公约的相关性。", False),
        ("ar", "ولم يكد أي وفد يشكك في أهمية الاتفاقية.", False),
    ],
)
def test_few_if_any_and_a_speakers_procedural_act_are_not_stance_some(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Few, if any ("Pocos oradores, por no decir ninguno", "si es que hubo alguno") is near-unanimity,
    not a subset; a representative making a statement on behalf of a group or experts joining online is
    procedure. A few experts doubting is stance_some."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "A professor of criminal law spoke about notifying persons whose data had been accessed.",
            False,
        ),
        (
            "en",
            "Several speakers said that their criminal law now made unauthorized interception a separate offence.",
            True,
        ),
        ("en", "Anonymization services made it difficult to establish where an offence had been committed.", False),
        (
            "fr",
            "Une professeure d'université en droit pénal a parlé de la notification des personnes.",
            False,
        ),
        (
            "fr",
            "Des orateurs ont dit que leur législation réprimait l'interception illicite.",
            True,
        ),
        (
            "es",
            "Un profesor de derecho penal habló de la notificación a las personas afectadas.",
            False,
        ),
        (
            "es",
            "Varios oradores dijeron que su legislación tipificaba ya la interceptación ilícita como delito autónomo.",
            True,
        ),
        (
            "ru",
            "Профессор уголовного права рассказал об уведомлении лиц, чьи данные были просмотрены.",
            False,
        ),
        (
            "ru",
            "Ораторы сообщили, что их законодательство устанавливает ответственность за перехват.",
            True,
        ),
        ("zh", "一位刑法学教授介绍了通知数据被查阅者的做法。", False),
        ("zh", "若干发言者表示，本国立法已将非法截取规定为一项单独的罪行。", True),
        ("zh", "警方通过执法门户向外国平台请求用户资料。", False),
        ("ar", "وتحدث أستاذ جامعي في القانون الجنائي عن إخطار الأشخاص الذين اطُّلع على بياناتهم.", False),
        ("ar", "وأفاد عدد من المتكلمين بأن تشريعاتهم تجرّم الآن الاعتراض غير المشروع بوصفه جريمة قائمة بذاتها.", True),
        ("ar", "وتناول الخبراء طلبات الحصول على الشهود في إطار المساعدة القانونية المتبادلة.", False),
    ],
)
def test_a_law_named_as_a_field_of_study_is_not_legislation(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A professor of criminal law names a field of study, and "where an offence had been committed" a
    place, not the national law; a law that makes conduct an offence is legislation."""
    assert ("legislation" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Examiners described how they copied evidence from a suspect's cloud account and recorded each step.",
            False,
        ),
        ("en", "Experts discussed access to data stored on servers located abroad.", True),
        (
            "fr",
            "Les examinateurs ont décrit la copie d'éléments de preuve à partir du compte en nuage d'un suspect.",
            False,
        ),
        ("fr", "Les experts ont examiné l'accès aux données stockées à l'étranger.", True),
        ("es", "Los peritos describieron cómo copiaban pruebas de la cuenta en la nube de un sospechoso.", False),
        ("es", "Los expertos examinaron el acceso a datos almacenados en el extranjero.", True),
        ("ru", "Эксперты рассказали, как копировали доказательства из облачной учетной записи подозреваемого.", False),
        ("ru", "Эксперты обсудили доступ к данным, хранящимся за рубежом.", True),
        ("zh", "鉴定人员介绍了如何从嫌疑人云账户复制证据并记录每一步骤。", False),
        ("zh", "专家们讨论了存储在另一国的数据的获取问题。", True),
        ("ar", "ووصف الفاحصون كيفية نسخ الأدلة من الحساب السحابي للمشتبه فيه.", False),
        ("ar", "وناقش الخبراء البيانات المخزنة في دولة أخرى.", True),
    ],
)
def test_a_cloud_account_as_a_source_of_evidence_is_not_jurisdiction(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Evidence copied from a suspect's cloud account is where evidence comes from, not the question of
    which State's jurisdiction reaches the data; data stored abroad is."""
    assert ("jurisdiction" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("若干专家报告称，本国法律要求服务提供商将用户登录记录保存十二个月。", True),
        ("值班联络点连夜转递请求，使服务器日志得以在删除之前被保全。", True),
        ("检察官可命令服务提供商在规定期限内原封不动地保存特定数据。", True),
        ("一些代表团认为有针对性的保全优于全面留存。", True),
        ("秘书处将会议记录分发给各代表团。", False),
    ],
)
def test_chinese_data_preservation_names_what_is_kept(taxonomy, text: str, expected: bool) -> None:
    """Chinese writes what is kept before the verb (将 ... 保存/留存/保留/冻结/封存) or says the data were
    secured (得以保全, 立即固定数据); distributing meeting records is not preservation."""
    assert ("data_preservation" in tag_text(text, "zh", taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "The experts generally agreed that training should also reach judges.", True),
        ("en", "The experts did not agree on whether training should also reach judges.", False),
        ("fr", "Les experts ont été largement d'accord pour dire que la formation devait aussi viser les juges.", True),
        ("fr", "Les experts ont décrit la formation offerte aux juges.", False),
        ("es", "Los expertos coincidieron en general en que la formación debía llegar también a los jueces.", True),
        ("es", "Los expertos describieron la formación ofrecida a los jueces.", False),
        ("ru", "Эксперты в целом сходились в том, что подготовка должна охватывать и судей.", True),
        ("ru", "Эксперты не сошлись во мнениях о том, должна ли подготовка охватывать судей.", False),
        ("ru", "Участники совещания были едины во мнении, что кампании в школах полезны.", True),
        ("ru", "Делегации в целом высоко оценили программы подготовки инструкторов.", True),
        ("ru", "Ораторы высоко оценили программы подготовки инструкторов.", False),
        ("ru", "В целом выступавшие сочли, что кампании в школах полезны.", True),
        ("ru", "Широко разделялось мнение о том, что помощь должна основываться на оценке потребностей.", True),
        ("ru", "По мнению Рабочей группы, просьбы лучше всего удовлетворять после оценки потребностей.", True),
        ("ru", "Рабочая группа исходила из того, что Конвенция охватывает большинство схем мошенничества.", True),
        ("ru", "Ни один из выступавших не усомнился в том, что перехват требует разрешения суда.", True),
        ("ru", "Мало кто из экспертов оспаривал необходимость таких распоряжений.", True),
        ("ru", "Предложение получило поддержку практически всех делегаций, взявших слово.", True),
        ("ru", "Предложение получило поддержку двух делегаций.", False),
        ("ru", "Преобладающее число делегаций считало, что механизм должен быть простым.", True),
        ("ru", "Резолюция была принята подавляющим большинством голосов.", False),
        ("zh", "专家们普遍认为，培训也应面向法官。", True),
        ("zh", "专家们介绍了为法官提供的培训。", False),
        ("ar", "واتفق الخبراء عموما على أن التدريب ينبغي أن يشمل القضاة أيضا.", True),
        ("ar", "ووصف الخبراء التدريب المقدم إلى القضاة.", False),
    ],
)
def test_russian_holders_agreeing_in_case_and_impersonal_forms_are_consensus(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Russian parallel gaps: agreement said with the holders in the nominative and an adverb or predicate
    ("Эксперты в целом сходились", "были едины во мнении", "Делегации в целом высоко оценили"), impersonally
    ("Широко разделялось мнение"), as the body's view ("По мнению Рабочей группы", "исходила из того"), as no
    dissent ("Ни один из выступавших не усомнился", "Мало кто из экспертов оспаривал") or as support of
    (almost) all ("получило поддержку практически всех делегаций", "Преобладающее число делегаций"); not
    "не сошлись", a bare "Ораторы высоко оценили", support of two delegations, nor a vote "подавляющим
    большинством голосов". The other languages already had these forms."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Some of the speakers considered that full translation of requests was a burden.", True),
        ("en", "The meeting was held in a hybrid format, with part of the experts attending online.", False),
        ("fr", "Certains des intervenants ont estimé que la traduction intégrale des demandes était une charge.", True),
        ("fr", "La réunion s'est tenue en format hybride.", False),
        ("es", "Algunos oradores consideraron que la traducción íntegra de las solicitudes era una carga.", True),
        ("es", "La reunión se celebró en formato híbrido.", False),
        ("ru", "Некоторые из выступавших сочли, что полный перевод просьб является обузой.", True),
        ("ru", "Кое-кто из выступавших предостерег от автоматической проверки переписки.", True),
        ("ru", "Со стороны некоторых делегаций прозвучали призывы обязать магазины приложений удалять подделки.", True),
        ("ru", "Часть экспертов высказалась за размещение контактного пункта в полиции.", True),
        ("ru", "Совещание проводилось в смешанном формате: часть экспертов участвовала в режиме онлайн.", False),
        ("ru", "Делегации Ганы и Фиджи настаивали на включении положения о помощи.", True),
        ("ru", "Представитель Норвегии выступил с заявлением от имени группы стран.", False),
        ("ru", "Представитель Секретариата сообщил, что доклад будет издан.", False),
        ("ru", "Лишь 11 из 29 государств уполномочили свой центральный орган направлять просьбы напрямую.", True),
        ("ru", "Некоторые из этих стран налаживают партнерские связи.", False),
        ("zh", "一些发言者认为，全文翻译请求是一种负担。", True),
        ("zh", "会议以线上线下混合形式举行。", False),
        ("ar", "ورأى بعض المتكلمين أن الترجمة الكاملة للطلبات عبء.", True),
        ("ar", "وعقد الاجتماع بصيغة مختلطة.", False),
    ],
)
def test_russian_subsets_with_iz_named_delegations_and_counts_are_stance_some(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Russian parallel gaps: a subset said with "из" ("Некоторые из выступавших", "Кое-кто из выступавших"),
    "Со стороны некоторых делегаций", "Часть экспертов", delegations named by country ("Делегации Ганы и
    Фиджи настаивали"), a count out of a total ("Лишь 11 из 29 государств"); also "некоторых {{holders}}"
    (the genitive, whose pattern had a Latin x). Not part of the experts attending online, a delegation
    making a statement on behalf of a group, the Secretariat, nor "некоторые из этих стран". The other
    languages already had these forms."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "With isolated exceptions, speakers accepted that the network should be strengthened.", True),
        ("fr", "À de rares exceptions près, les orateurs ont estimé que le réseau devait être renforcé.", True),
        ("es", "Salvo contadas excepciones, los oradores consideraron que la red debía reforzarse.", True),
        ("ru", "За редким исключением выступавшие сочли, что сеть следует укрепить.", True),
        ("zh", "与会者几乎一致认为应加强该网络。", True),
        ("ar", "وسلَّم المتكلمون، باستثناءات معدودة، بأن الشبكة ينبغي تعزيزها.", True),
        ("ar", "وعُرض اقتراح بتعزيز الشبكة، ولم يعترض عليه أيُّ وفد.", True),
        ("ar", "وكاد المتكلمون، إلا في ما ندر، يُجمعون على أن التدريب المتخصص ضروري.", True),
        ("ar", "وتردد من كل أرجاء القاعة الرأي القائل إن الشبكة ينبغي تعزيزها.", True),
        ("ar", "وأعرب الرئيس عن تقدير اللجنة للحكومة المضيفة.", False),
        ("ar", "وتلقت أكثر الدول تضرراً مساعدة تقنية في العام الماضي.", False),
    ],
)
def test_arabic_agreement_forms_of_the_parallel_gap(taxonomy, lang: str, text: str, expected: bool) -> None:
    """Agreement the other five languages found and Arabic missed: dissent verbs with a pronoun object ("لم
    يعترض عليه أي وفد"), "باستثناءات معدودة", near-unanimity as "كاد ... يجمعون", every corner of the room;
    the Committee's "تقدير" (appreciation) and "أكثر الدول تضرراً" (the most affected States) hold no view."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "According to some, the measure went too far.", True),
        ("fr", "Selon certains, la mesure allait trop loin.", True),
        ("es", "Según algunos oradores, la medida iba demasiado lejos.", True),
        ("ru", "По мнению некоторых, эта мера заходила слишком далеко.", True),
        ("zh", "一些发言者认为，这项措施走得太远。", True),
        ("ar", "وبحسب البعض، تذهب هذه التدابير إلى أبعد مما ينبغي.", True),
        ("ar", "وأيَّد ممثل الفلبين إنشاء جهات الاتصال داخل وحدات الشرطة.", True),
        ("ar", "ونبَّه ثلاثة من الخبراء إلى أن هذا الشرط قد يشلّ التحقيقات العاجلة.", True),
        ("ar", "وأُلحق ثلاثة قضاة وخمسة من أعضاء النيابة العامة ببرنامج تدريبي.", False),
        ("ar", "ويطلب وفد الدولة إلى الأمانة تعميم هذا النص بوصفه وثيقة رسمية.", False),
    ],
)
def test_arabic_some_speakers_forms_of_the_parallel_gap(taxonomy, lang: str, text: str, expected: bool) -> None:
    """One or a few holders the other five languages found and Arabic missed: "بحسب البعض،" before a comma, a
    named representative with a past verb of stance, "ثلاثة من الخبراء"; prosecutors counted into a
    programme and a delegation's request to circulate a text hold no view."""
    assert ("stance_some" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "en",
            "Views were divided between those who favoured a list and those who preferred a general reference.",
            True,
        ),
        (
            "fr",
            "Les avis étaient partagés entre ceux qui voulaient une liste et ceux qui préféraient un renvoi général.",
            True,
        ),
        (
            "es",
            "Las opiniones estuvieron divididas: algunas delegaciones querían una lista y otras no.",
            True,
        ),
        (
            "ru",
            "Мнения разделились между теми, кто хотел подробного перечня, и теми, кто предпочитал общую ссылку.",
            True,
        ),
        ("zh", "各代表团意见分歧：一些代表团希望列出详细清单，另一些代表团则倾向于笼统提及。", True),
        ("ar", "وتوزعت الآراء بين من يؤيد وضع قائمة مفصلة ومن يفضل الاكتفاء بإحالة عامة.", True),
        ("ar", "وانتهت المناقشة دون أن يُحسم الخلاف بشأن هذه المسألة.", True),
        ("ar", "وتتوزع أدوار الجماعة بين أشخاص لم يلتقوا قط وجهاً لوجه.", False),
        ("ar", "ولاحظ خبير أن مسألة القانون الواجب التطبيق لم تُحسم قط.", False),
    ],
)
def test_arabic_divided_room_forms_of_the_parallel_gap(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A split the other five languages found and Arabic missed: "توزعت الآراء بين من ... ومن", a dispute
    left unsettled ("دون أن يحسم الخلاف"); roles shared among people who never met and a legal question one
    expert calls unsettled are no divided room."""
    assert ("stance_divergent" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Delegations stood together behind the call for more technical assistance.", True),
        ("en", "Seizure figures remained firmly below the regional average.", False),
        ("fr", "Les délégations ont fait bloc derrière l’appel à une assistance accrue.", True),
        ("fr", "Les dispositions relatives à la saisie forment un bloc cohérent.", False),
        ("es", "Las delegaciones cerraron filas en torno al llamamiento a una mayor asistencia.", True),
        ("es", "Las filas de asientos se reservaron para los observadores.", False),
        ("ru", "Эксперты сходились во мнении, что техническую помощь следует расширить.", True),
        ("ru", "Эксперты не сходились во мнении о сроках хранения данных.", False),
        ("zh", "各代表团立场一致，呼吁提供更多技术援助。", True),
        ("zh", "该国的立场与公约的规定一致。", False),
        ("ar", "وساد بين الخبراء تصور مفاده أن المساعدة التقنية ينبغي توسيعها.", True),
        ("ar", "وساد الهدوء القاعة خلال عرض التقرير.", False),
    ],
)
def test_a_united_front_and_a_prevailing_noun_of_view_are_stance_consensus(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Holders standing together ("stood together", "ont fait bloc", "cerraron filas", "сходились во мнении",
    "立场一致") and a prevailing noun of view ("ساد بين الخبراء تصور") are broad agreement; a block of
    provisions, rows of seats, a negated convergence, a position consistent with a treaty and a calm that
    prevailed are not."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Few delegations backed a binding timetable, and most considered that practice varied too much.", True),
        ("en", "The treaty grants most favoured nation treatment, and most favoured nation clauses apply.", False),
        ("fr", "Peu de délégations ont appuyé ce calendrier, la plupart estimant que les usages variaient.", True),
        ("fr", "La plupart du temps, les demandes sont transmises par voie diplomatique.", False),
        ("es", "Pocas delegaciones apoyaron ese calendario; la mayoría consideró que los usos variaban.", True),
        ("es", "La mayoría de los casos se resolvieron por vía diplomática.", False),
        ("ru", "Выступили двенадцать экспертов, и большинство из них сочли практику слишком разной.", True),
        ("ru", "Большинство из них составляют мелкие мошенничества.", False),
        ("ar", "ولم يؤيد الجدول إلا وفدان، بينما رأى معظمهم أن الممارسات الوطنية متباينة جدا.", True),
        ("ar", "وتتعلق معظمها بحالات احتيال بسيطة.", False),
        ("zh", "少数代表团支持有约束力的时间表，多数则认为各国做法差异太大。", True),
        ("zh", "多数案件通过外交渠道解决。", False),
    ],
)
def test_most_alone_after_a_minority_is_stance_consensus(taxonomy, lang: str, text: str, expected: bool) -> None:
    """A bare "most" set against a minority ("and most considered", "la plupart estimant", "la mayoría
    consideró", "большинство из них сочли", "رأى معظمهم", "多数则认为") holds the view; most of the time,
    most of the cases and "most favoured nation" hold none."""
    assert ("stance_consensus" in tag_text(text, lang, taxonomy).tags) is expected, text


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Officers turned directly to their counterparts abroad to check who used an IP address.", True),
        ("en", "Courts excluded e-mails that a provider abroad had produced directly to the prosecutor.", False),
        ("fr", "Les enquêteurs échangeaient les renseignements par les canaux d'AMERIPOL en quelques heures.", True),
        ("fr", "Le tribunal a écarté les éléments obtenus directement auprès d'un fournisseur étranger.", False),
        ("es", "Un agregado policial se comunicó con la policía del país vecino antes de la solicitud oficial.", True),
        ("es", "Las plataformas retiraron por iniciativa propia los anuncios fraudulentos.", False),
        ("ru", "Следователи обмениваются срочной информацией по каналам АМЕРИПОЛ.", True),
        ("ru", "Горячая линия для детей, напрямую связанная с подразделением полиции, приняла тысячу звонков.", False),
        ("zh", "调查人员通过美洲警察组织的渠道交换紧急信息。", True),
        ("zh", "美洲国家组织通过了一项关于儿童保护的决议。", False),
        ("ar", "وتبادل المحققون المعلومات العاجلة عبر قنوات أمريبول في غضون ساعات.", True),
        ("ar", "واعتمدت منظمة الدول الأمريكية قرارا بشأن حماية الأطفال.", False),
    ],
)
def test_police_channels_and_direct_calls_between_officers_are_informal_cooperation(
    taxonomy, lang: str, text: str, expected: bool
) -> None:
    """Police-to-police practice named by its channel or its gesture: a liaison officer, AMERIPOL or
    INTERPOL channels, officers calling their counterparts directly, informal requests; evidence or
    orders obtained "directly" from a provider, and platforms acting on their own initiative, are not."""
    assert ("informal_cooperation" in tag_text(text, lang, taxonomy).tags) is expected, text
