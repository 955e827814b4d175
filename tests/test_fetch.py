"""`hexalign fetch` against a local HTTP server that serves fixture PDFs (the real Official
Document System is unreachable here)."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

from pipeline.cli import main
from tests.conftest import BUNDLED


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves /<ods-lang>/<symbol> from the bundled PDFs; Chinese (ods code ch) is missing."""

    def translate_path(self, path: str) -> str:
        parts = path.strip("/").split("/", 1)
        lang = {"ar": "ar", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}.get(parts[0], "none")
        return str(BUNDLED / f"{lang}.pdf")

    def log_message(self, *args) -> None:
        pass


def test_fetch_downloads_each_language_and_reports_the_missing_one(tmp_path: Path, capsys) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        code = main(["fetch", "UNODC/CCPCJ/EG.4/2020/1", "--out", str(tmp_path), "--base-url", base])
    finally:
        server.shutdown()
    err = capsys.readouterr().err
    folder = tmp_path / "UNODC_CCPCJ_EG.4_2020_1"
    assert code == 1, "one language missing is a failure"
    assert sorted(p.name for p in folder.iterdir()) == ["ar.pdf", "en.pdf", "es.pdf", "fr.pdf", "ru.pdf"]
    assert (folder / "fr.pdf").read_bytes() == (BUNDLED / "fr.pdf").read_bytes()
    assert "/ch/UNODC/CCPCJ/EG.4/2020/1" in err, "the Chinese version is asked for with ODS code ch"


def test_a_symbol_that_is_a_path_part_is_refused_before_any_download(tmp_path: Path, capsys) -> None:
    """``fetch ..`` wrote ``en.pdf`` beside ``--out``: a symbol names the folder it lands in."""
    out = tmp_path / "data" / "raw"
    for symbol in ("..", ".", "A/../../x", " "):
        code = main(["fetch", symbol, "--out", str(out), "--base-url", "http://127.0.0.1:9"])
        assert code == 2 and "is not a UN document symbol" in capsys.readouterr().err, symbol
    assert not any(tmp_path.rglob("*.pdf"))


def test_a_fetched_pdf_replaces_the_word_file_of_an_earlier_fetch(tmp_path: Path) -> None:
    """Extract prefers ``en.docx``: one left from an earlier fetch was read instead of the new
    ``en.pdf``. A text export is no fetched file and stays."""
    from pipeline.core.docset import load_docset

    folder = tmp_path / "UNODC_CCPCJ_EG.4_2020_1"
    folder.mkdir()
    for name in ("en.docx", "en.PDF", "en.txt", "fr.docx"):
        (folder / name).write_bytes(b"older")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        code = main(["fetch", "UNODC/CCPCJ/EG.4/2020/1", "--out", str(tmp_path), "--base-url", base, "--langs", "en"])
    finally:
        server.shutdown()
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["en.pdf", "en.txt", "fr.docx"]
    assert load_docset(folder).files["en"] == folder / "en.pdf"
