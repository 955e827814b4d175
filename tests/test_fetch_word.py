"""`fetch` takes the Word file when the server offers one, the PDF otherwise (a local HTTP
server stands in for the Official Document System)."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

from pipeline.core.docset import load_docset
from pipeline.extract.fetch import Sources, fetch
from tests.conftest import BUNDLED, ROOT

WORD = ROOT / "tests" / "data" / "docx" / "hanging_number"


class Handler(http.server.SimpleHTTPRequestHandler):
    """/word/<lang>/<symbol>: a Word file for English and French, an HTML page (status 200) for
    Spanish, nothing for the rest; /<lang>/<symbol>: the bundled PDFs."""

    def do_GET(self) -> None:
        parts = self.path.strip("/").split("/")
        if parts[0] == "word":
            lang = parts[1]
            if lang in ("en", "fr"):
                return self._send((WORD / f"{lang}.docx").read_bytes())
            if lang == "es":
                return self._send(b"<html>Document not available in this format</html>")
            return self.send_error(404)
        pdf = BUNDLED / f"{parts[0]}.pdf"
        return self._send(pdf.read_bytes()) if pdf.exists() else self.send_error(404)

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_fetch_prefers_the_word_file_and_falls_back_to_the_pdf(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sources = Sources(
        url_template=base + "/{lang}/{symbol}",
        word_url_template=base + "/word/{lang}/{symbol}",
        lang_codes={},
        timeout_seconds=5,
    )
    try:
        results = fetch("A/70/102", tmp_path, sources, ("en", "fr", "es", "ru"))
    finally:
        server.shutdown()
    folder = tmp_path / "A_70_102"
    assert results == {"en": "ok", "fr": "ok", "es": "ok", "ru": "ok"}
    assert sorted(p.name for p in folder.iterdir()) == ["en.docx", "es.pdf", "fr.docx", "ru.pdf"]
    assert (folder / "fr.docx").read_bytes() == (WORD / "fr.docx").read_bytes()
    assert load_docset(folder).files["en"].suffix == ".docx"


def test_without_a_word_address_only_the_pdf_is_asked_for() -> None:
    sources = Sources.load(ROOT / "configs" / "sources.yaml")
    assert sources.word_url_template == ""
    assert sources.url("A/70/102", "zh").endswith("/ch/A/70/102")
