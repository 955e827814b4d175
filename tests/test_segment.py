"""Sentence splitting of UN text, per language: abbreviations, symbols, numbers, punctuation."""

from __future__ import annotations

import pytest

from pipeline.segment.stage import split_sentences

CASES = {
    "en": (
        "Many speakers underlined it (UNODC/CCPCJ/EG.4/2017/4, paras. 14 and 32). See para. 25 of "
        "E/CN.15/2018/12. The rate was 3.5 per cent. No. 5 applies under art. 3 of A/RES/65/230.",
        [
            "Many speakers underlined it (UNODC/CCPCJ/EG.4/2017/4, paras. 14 and 32).",
            "See para. 25 of E/CN.15/2018/12.",
            "The rate was 3.5 per cent.",
            "No. 5 applies under art. 3 of A/RES/65/230.",
        ],
    ),
    "fr": (
        "Voir par. 25 de la résolution 65/230. Il a été noté que M. Dupont était absent. Fin.",
        ["Voir par. 25 de la résolution 65/230.", "Il a été noté que M. Dupont était absent.", "Fin."],
    ),
    "es": (
        "¿Es necesario un nuevo instrumento? Varios oradores opinaron que sí (párr. 25). Véase el núm. 3.",
        ["¿Es necesario un nuevo instrumento?", "Varios oradores opinaron que sí (párr. 25).", "Véase el núm. 3."],
    ),
    "ru": (
        "Это было отмечено, т. е. согласовано (п. 25). Выступавшие согласились. См. ч. 2 ст. 5.",
        ["Это было отмечено, т. е. согласовано (п. 25).", "Выступавшие согласились.", "См. ч. 2 ст. 5."],
    ),
    "zh": (
        "大会在第 65/230 号决议中核可了《萨尔瓦多宣言》。"
        "专家组审查并通过了一组专题（E/CN.15/2011/19，附件一和二）。“还请专家组继续工作！”",
        [
            "大会在第 65/230 号决议中核可了《萨尔瓦多宣言》。",
            "专家组审查并通过了一组专题（E/CN.15/2011/19，附件一和二）。",
            "“还请专家组继续工作！”",
        ],
    ),
    "ar": (
        "وأحاطت اللجنة علما بالتقرير (E/CN.15/2018/12، الفقرة 23). هل هناك حاجة إلى صك جديد؟ نعم، وفقا للقرار 65/230.",
        [
            "وأحاطت اللجنة علما بالتقرير (E/CN.15/2018/12، الفقرة 23).",
            "هل هناك حاجة إلى صك جديد؟",
            "نعم، وفقا للقرار 65/230.",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_sentences(lang: str) -> None:
    text, expected = CASES[lang]
    assert [s for s, _ in split_sentences(text, lang)] == expected


def test_chinese_tokens_come_from_jieba() -> None:
    (_, tokens), *_ = split_sentences("专家组审查并通过了一组专题。", "zh")
    assert "专家组" in tokens and "审查" in tokens


def test_symbols_stay_single_tokens() -> None:
    (_, tokens), *_ = split_sentences("See E/CN.15/2018/12 and A/RES/65/230.", "en")
    assert "E/CN.15/2018/12" in tokens and "A/RES/65/230" in tokens


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "24. The need was emphasized. It was suggested.", ["24. The need was emphasized.", "It was suggested."]),
        ("fr", "IV. Conclusions. Le Comité a conclu.", ["IV. Conclusions.", "Le Comité a conclu."]),
        (
            "ru",
            "Сумма составила 4000 долл. США. Эта сумма покрыта.",
            ["Сумма составила 4000 долл. США.", "Эта сумма покрыта."],
        ),
    ],
)
def test_paragraph_labels_and_currency_do_not_split(lang: str, text: str, expected: list[str]) -> None:
    assert [s for s, _ in split_sentences(text, lang)] == expected


def test_a_paragraph_of_a_megabyte_is_split_whole() -> None:
    """A text export with no line breaks is one paragraph: spaCy refused it over a million
    characters, and cutting each sentence from a rebuilt ``doc.text`` made it quadratic (4,000
    sentences took 31 s, 40,000 now about one)."""
    expected = [f"The Committee considered item {k}." for k in range(30_000)]
    text = " ".join(expected)
    assert len(text) > 1_000_000
    assert [sentence for sentence, _ in split_sentences(text, "en")] == expected


def test_the_default_configs_are_the_projects_from_any_working_directory(tmp_path, monkeypatch) -> None:
    """The tag model splits a paragraph no segment output covers (single-file ``tag``, training)
    with the default config folder, which was ``./configs``: from any other folder it failed."""
    from pipeline.segment.stage import abbreviations
    from pipeline.tag.classifier import sentence_spans

    abbreviations.cache_clear()
    monkeypatch.chdir(tmp_path)
    text = "See para. 5 of the report. The Group agreed."
    assert [text[a:b] for a, b in sentence_spans(text, "en")] == ["See para. 5 of the report.", "The Group agreed."]
