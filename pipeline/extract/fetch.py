"""Fetch the official files of a UN symbol in the six languages into a document-set folder.

URL templates live in ``configs/sources.yaml`` so they can follow the Official Document System
without a code change. The Word file is taken when the server offers one (its paragraphs, styles
and footnotes are the document's own; a PDF only shows their print), the PDF otherwise. Each
language is fetched on its own: one missing version does not stop the others, and nothing but a
complete, real PDF or Word file is ever written. A fetched file replaces the language's PDF or
Word file of an earlier fetch: extract prefers a Word file, so an older ``en.docx`` was read
instead of a newly fetched ``en.pdf``.
"""

from __future__ import annotations

import io
import logging
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import LANGS
from pipeline.core.atomic import atomic_write_bytes
from pipeline.core.docset import check_lang, check_symbol, doc_id

log = logging.getLogger(__name__)
FETCHED = (".docx", ".pdf")
"""The formats a fetch writes (``_kind``); a text export beside them is the user's, and never read first."""


@dataclass
class Sources:
    url_template: str
    lang_codes: dict[str, str]
    timeout_seconds: float = 30
    word_url_template: str = ""
    """Where the Word version is offered, if anywhere; tried before ``url_template``."""

    @classmethod
    def load(cls, path: Path) -> Sources:
        return cls(**yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    def url(self, symbol: str, lang: str, template: str | None = None) -> str:
        template = template or self.url_template
        return template.format(lang=self.lang_codes.get(lang, lang), symbol=urllib.parse.quote(symbol))


def fetch(symbol: str, out_root: Path, sources: Sources, langs: tuple[str, ...] = LANGS) -> dict[str, str]:
    """Download each language; returns lang -> "ok" or the reason it failed."""
    folder = Path(out_root) / doc_id(check_symbol(symbol))  # ".." would write beside --out
    results: dict[str, str] = {}
    for lang in langs:
        check_lang(lang)
        templates = [t for t in (sources.word_url_template, sources.url_template) if t]
        failures = []
        for template in templates:
            url = sources.url(symbol, lang, template)
            try:
                with urllib.request.urlopen(url, timeout=sources.timeout_seconds) as response:
                    data = response.read()
            except (urllib.error.URLError, TimeoutError, OSError) as err:
                failures.append(f"{url}: download failed ({getattr(err, 'reason', err)})")
                continue
            suffix = _kind(data)
            if suffix is None:
                failures.append(f"{url}: the server returned neither a PDF nor a Word file")
                continue
            target = folder / f"{lang}{suffix}"
            atomic_write_bytes(target, data)
            log.info("%s %s: %d bytes -> %s", symbol, lang, len(data), target)
            _remove_older(target)
            failures = []
            break
        results[lang] = "; ".join(failures) or "ok"
    return results


def _remove_older(current: Path) -> None:
    """Remove the language's other PDF or Word files (``en.docx`` beside a new ``en.pdf``, or an
    ``en.PDF``, which sorts first), once the new file is in place so the set always has one."""
    for path in current.parent.glob(f"{current.stem}.*"):
        if path.stem == current.stem and path.suffix.lower() in FETCHED and path != current and path.is_file():
            path.unlink()
            log.info("%s: removed, replaced by %s", path, current.name)


def _kind(data: bytes) -> str | None:
    """``.pdf`` or ``.docx`` by content (servers mislabel both), None for anything else, such as
    an HTML error page sent with status 200."""
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return ".docx"
        except zipfile.BadZipFile:
            return None
    return None
