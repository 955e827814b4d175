"""Fetch the official PDFs of a UN symbol in the six languages into a document-set folder.

URL templates live in ``configs/sources.yaml`` so they can follow the Official Document System
without a code change. Each language is fetched on its own: one missing version does not stop
the others, and nothing but a complete, real PDF is ever written.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import LANGS
from pipeline.core.atomic import atomic_write_bytes
from pipeline.core.docset import check_lang, doc_id

log = logging.getLogger(__name__)


@dataclass
class Sources:
    url_template: str
    lang_codes: dict[str, str]
    timeout_seconds: float = 30

    @classmethod
    def load(cls, path: Path) -> Sources:
        return cls(**yaml.safe_load(Path(path).read_text(encoding="utf-8")))

    def url(self, symbol: str, lang: str) -> str:
        return self.url_template.format(lang=self.lang_codes.get(lang, lang), symbol=urllib.parse.quote(symbol))


def fetch(symbol: str, out_root: Path, sources: Sources, langs: tuple[str, ...] = LANGS) -> dict[str, str]:
    """Download each language; returns lang -> "ok" or the reason it failed."""
    folder = Path(out_root) / doc_id(symbol)
    results: dict[str, str] = {}
    for lang in langs:
        check_lang(lang)
        url = sources.url(symbol, lang)
        try:
            with urllib.request.urlopen(url, timeout=sources.timeout_seconds) as response:
                data = response.read()
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            results[lang] = f"{url}: download failed ({getattr(err, 'reason', err)})"
            continue
        if not data.startswith(b"%PDF"):
            results[lang] = f"{url}: the server did not return a PDF"
            continue
        atomic_write_bytes(folder / f"{lang}.pdf", data)
        results[lang] = "ok"
        log.info("%s %s: %d bytes -> %s", symbol, lang, len(data), folder / f"{lang}.pdf")
    return results
