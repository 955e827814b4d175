"""The tree tells the story: each DVC stage's code deps cover every module the stage runs, and the
README's stage table says what dvc.yaml says."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DVC = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]


def module_file(name: str) -> Path | None:
    """The source file of a ``pipeline`` module (a package maps to its ``__init__.py``)."""
    base = ROOT / Path(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def imports_of(path: Path, only_function: str | None = None) -> set[str]:
    """Every ``pipeline`` module a file imports, at the top or inside functions (lazy imports
    count: they run when the stage runs). ``only_function`` limits the walk to one function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if only_function:
        tree = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == only_function)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if module_file(f"{node.module}.{a.name}"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pipeline"))
    return found


def closure(start: set[str]) -> set[Path]:
    files: set[Path] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        parts = name.split(".")
        for k in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__ and a/b/__init__ too
            path = module_file(".".join(parts[:k]))
            if path is not None and path not in files:
                files.add(path)
                todo.extend(imports_of(path))
    return files


def verb_of(stage: dict) -> str:
    return stage["cmd"].split()[1]


@pytest.mark.parametrize("name", sorted(DVC))
def test_stage_deps_cover_every_module_it_runs(name: str) -> None:
    stage = DVC[name]
    verb = verb_of(stage)
    start = imports_of(ROOT / "pipeline" / "cli.py", f"_{verb}") | {"pipeline.cli"}
    start.discard("pipeline.cli")
    files = closure(start) | {ROOT / "pipeline" / "cli.py", ROOT / "pipeline" / "__init__.py"}
    deps = [ROOT / d for d in stage["deps"]]
    uncovered = sorted(str(f.relative_to(ROOT)) for f in files if not any(f == d or d in f.parents for d in deps))
    assert not uncovered, f"stage {name}: editing these re-runs nothing: {uncovered}"
    assert stage.get("desc"), f"stage {name} has no desc"


def test_each_stage_has_its_own_package_with_one_entry_point() -> None:
    for name in ("extract", "segment", "align", "tag", "export", "corpus"):
        source = (ROOT / "pipeline" / name / "stage.py").read_text(encoding="utf-8")
        assert f"def run_{name}(" in source, f"pipeline/{name}/stage.py has no run_{name}"


def test_cli_only_parses_and_prints() -> None:
    """The chain is assembled in the stages, not in the command: the CLI calls no stage internals
    such as TMX writing, paragraph parsing or metrics building."""
    source = (ROOT / "pipeline" / "cli.py").read_text(encoding="utf-8")
    for internal in (
        "write_tmx",
        "tmx_tree",
        "read_jsonl",
        "decode_text",
        "wide_frame",
        "consistency(",
        "json.dumps({",
    ):
        assert internal not in source, f"cli.py uses {internal}"


def readme_stage_table() -> dict[str, list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] in DVC:
            rows[cells[0]] = cells
    return rows


def test_readme_stage_table_matches_dvc_yaml() -> None:
    table = readme_stage_table()
    assert sorted(table) == sorted(DVC), "README's stage table lists other stages than dvc.yaml"
    for name, cells in table.items():
        assert cells[1] == DVC[name]["desc"], f"README says {cells[1]!r} for {name}; dvc.yaml's desc differs"
        code = {c.rstrip("/") for c in re.findall(r"`([^`]+)`", cells[2])}
        stage_code = [d for d in DVC[name]["deps"] if d.startswith("pipeline/") and d not in ("pipeline/cli.py",)]
        assert code >= {d for d in stage_code if d not in ("pipeline/__init__.py", "pipeline/core")}, (
            f"README's code column for {name} ({code}) misses {stage_code}"
        )
