"""Document sets: ``data/raw/<doc-id>/<lang>.(docx|pdf|txt)``, one file per official language.

The doc-id is the UN symbol with ``/`` replaced by ``_`` (``UNODC/CCPCJ/EG.4/2020/1`` ->
``UNODC_CCPCJ_EG.4_2020_1``); an optional ``meta.yaml`` in the folder overrides the symbol when
the mapping is not reversible.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import LANGS
from pipeline.core.errors import InputError
from pipeline.core.textio import decode_text

log = logging.getLogger(__name__)

SUFFIXES = (".docx", ".pdf", ".txt")
"""In order of preference when a set holds more than one file for a language: the Word file
carries the document's own paragraphs, the PDF only their print."""


SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._() -]*")
"""The characters of UN document symbols (``E/CN.15/2020/L.1/Add.1``, ``A/75/6 (Sect. 16)``)."""
MAX_SYMBOL = 150
"""Longest symbol taken (real ones stay under 60): its doc-id names files such as
``.<doc>.wide.csv.<host>-<pid>.<random>.tmp``, and a file name past 255 bytes stopped a corpus run
in its export step, after every set had run, with the exports of the sets after it unwritten."""


def check_symbol(symbol: str, where: object = "symbol") -> str:
    """The symbol, stripped, when it is one; an InputError otherwise. A symbol names a folder
    (its doc-id) that corpus mode replaces as a whole, so ``..``, an empty part or a blank must
    never get that far."""
    clean = symbol.strip()
    parts = clean.split("/")
    if not SYMBOL.fullmatch(clean) or any(part.strip() in ("", ".", "..") for part in parts):
        raise InputError(where, f"{symbol!r} is not a UN document symbol (letters, digits, / . - _ ( ) and spaces)")
    if len(clean) > MAX_SYMBOL:
        raise InputError(where, f"symbol of {len(clean)} characters; at most {MAX_SYMBOL} make file names that fit")
    return clean


def doc_id(symbol: str) -> str:
    return symbol.strip().replace("/", "_")


def symbol_of(doc: str) -> str:
    return doc.replace("_", "/")


def check_lang(lang: str, path: object = "--lang") -> str:
    if lang not in LANGS:
        raise InputError(path, f"unknown language code {lang!r}; expected one of {', '.join(LANGS)}")
    return lang


@dataclass
class DocSet:
    folder: Path
    doc: str
    symbol: str
    files: dict[str, Path]
    """Language code -> input file."""
    ignored: list[Path]
    """Files in the folder that are not ``<lang>.docx``/``.pdf``/``.txt``, or a second file of a
    language (reported, not read)."""


def load_docset(folder: Path) -> DocSet:
    folder = Path(folder)
    if not folder.is_dir():  # bad input, named: a bare FileNotFoundError was retried by corpus mode
        raise InputError(folder, "document-set folder not found")
    symbol = symbol_of(folder.name)
    meta = folder / "meta.yaml"
    if meta.exists():
        symbol = _meta_symbol(meta, symbol)
    files: dict[str, Path] = {}
    ignored: list[Path] = []
    rank = {suffix: n for n, suffix in enumerate(SUFFIXES)}
    for path in sorted(folder.iterdir(), key=lambda p: (rank.get(p.suffix.lower(), len(rank)), p.name)):
        if path.name in ("meta.yaml", "README.md") or path.name.startswith("."):
            continue
        if path.suffix.lower() in SUFFIXES and path.stem in LANGS and path.stem not in files and path.is_file():
            files[path.stem] = path
        else:
            ignored.append(path)
    return DocSet(folder=folder, doc=folder.name, symbol=symbol, files=files, ignored=sorted(ignored))


def _meta_symbol(meta: Path, symbol: str) -> str:
    """The symbol ``meta.yaml`` gives, or the folder's own when the file cannot say: a torn or
    hand-broken meta.yaml stopped the extract stage before any set was read."""
    try:
        data = yaml.safe_load(decode_text(meta)) or {}
    except (yaml.YAMLError, InputError) as err:
        log.warning("%s: not readable YAML (%s); the symbol is taken from the folder name", meta, type(err).__name__)
        return symbol
    if not isinstance(data, dict) or not isinstance(data.get("symbol", symbol), str):
        log.warning("%s: not a mapping with a symbol string; the symbol is taken from the folder name", meta)
        return symbol
    return data.get("symbol", symbol)


def find_docsets(root: Path) -> list[DocSet]:
    """Every document set below ``root`` (a raw-data folder, or one document set itself)."""
    root = Path(root)
    if not root.exists():
        raise InputError(root, "no such file or folder")
    if not root.is_dir():
        raise InputError(root, "not a folder, nor a .pdf, .docx or .txt language file")
    own = load_docset(root)
    if own.files:
        return [own]
    found = [load_docset(sub) for sub in sorted(root.iterdir()) if sub.is_dir() and load_docset(sub).files]
    if not found:  # nothing to do is a mistake (a wrong path), not a success
        raise InputError(root, "no document sets here (folders of <lang>.pdf, .docx or .txt files)")
    return found


def document_sets(folder: Path) -> list[Path]:
    """The document-set folders below a stage's output folder (or the folder itself, when it is
    one set, resolved so that ``.`` still has its name); a missing folder is an error rather than
    an empty run."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "no such folder (run the previous stage first?)")
    return [d for d in sorted(folder.iterdir()) if d.is_dir() and not d.name.startswith(".")] or [folder.resolve()]


def language_files(folder: Path) -> dict[str, Path]:
    """The ``<lang>.jsonl`` files of one document set in a stage's output, by language. Any other
    ``*.jsonl`` (``fr.old.jsonl``, ``en.bak.jsonl``: a copy kept by hand) was taken for a language
    of its own; it is skipped, and the log says so."""
    files: dict[str, Path] = {}
    for path in sorted(Path(folder).glob("*.jsonl")):
        if path.stem in LANGS:
            files[path.stem] = path
        else:
            log.warning("%s: skipped, not named <lang>.jsonl for a language code (%s)", path, ", ".join(LANGS))
    return files


def check_out(out: Path, *sources: Path) -> None:
    """Refuse an output that is an input (a raw file replaced by its own result), or a folder
    inside or around an input folder: a stage writes and replaces ``out/<set>``, which would
    then be an input set itself."""
    out = Path(out).resolve()
    for source in (Path(path).resolve() for path in sources):
        if out == source or source in out.parents or out in source.parents:
            raise InputError(out, f"the output overlaps the input {source}; choose another --out")
