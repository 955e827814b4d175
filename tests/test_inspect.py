"""`hexalign inspect`: the page drawn with the records the extractor made from it."""

from __future__ import annotations

import pdfplumber
import pytest
from PIL import Image

from pipeline.cli import main
from pipeline.extract.inspect import COLOURS, FILL_ALPHA, trace_page
from pipeline.extract.stage import extract_file
from tests.conftest import BUNDLED

PDF = BUNDLED / "en.pdf"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> tuple:
    out = tmp_path_factory.mktemp("inspect") / "page.png"
    assert main(["inspect", str(PDF), "--lang", "en", "--page", "1", "--out", str(out), "--resolution", "90"]) == 0
    return out, 90


def tint(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    """A white background pixel washed with ``colour`` at the drawing's opacity."""
    alpha = FILL_ALPHA / 255
    washed = [255 * (1 - alpha) + c * alpha for c in colour]
    return all(abs(p - w) <= 6 for p, w in zip(pixel, washed))


@pytest.mark.slow
def test_png_has_the_page_size(drawn) -> None:
    out, resolution = drawn
    with pdfplumber.open(PDF) as pdf:
        width, height = pdf.pages[0].width, pdf.pages[0].height
    with Image.open(out) as image:
        expected = (width * resolution / 72, height * resolution / 72)
        assert all(abs(got - want) <= 1 for got, want in zip(image.size, expected)), (image.size, expected)


@pytest.mark.slow
def test_a_known_paragraph_is_tinted_as_a_paragraph(drawn) -> None:
    out, resolution = drawn
    record = next(p for p in extract_file(PDF, "en").paragraphs if p.kind == "paragraph" and p.page == 1)
    with pdfplumber.open(PDF) as pdf:
        hit = pdf.pages[0].search(" ".join(record.text.split()[:6]))[0]
    scale = resolution / 72
    box = [round(v * scale) for v in (hit["x0"], hit["top"], hit["x1"], hit["bottom"])]
    with Image.open(out) as image:
        region = list(image.convert("RGB").crop(box).get_flattened_data())
    washed = sum(tint(p, COLOURS["paragraph"]) for p in region)
    heading = sum(tint(p, COLOURS["heading"]) for p in region)
    assert washed > 0.3 * len(region), "the paragraph's box is tinted with the paragraph colour"
    assert heading == 0


@pytest.mark.slow
def test_trace_finds_furniture_footnotes_and_their_markers() -> None:
    trace = trace_page(PDF, "en", 1)
    kinds = {box.kind for box in trace.boxes}
    assert {"heading", "paragraph", "list_item", "footnote"} <= kinds
    assert "unmatched" not in kinds, "every line was found in a record"
    assert any("Distr" in line.text for line in trace.furniture)
    assert len(trace.links) == 1
    (_, my), (nx, ny) = trace.links[0]
    note = next(box for box in trace.boxes if box.kind == "footnote")
    assert my < note.top < ny + 5 and abs(nx - note.x0) < 1


@pytest.mark.slow
def test_inspect_refuses_a_page_the_file_does_not_have(tmp_path, capsys) -> None:
    code = main(["inspect", str(PDF), "--lang", "en", "--page", "99", "--out", str(tmp_path / "p.png")])
    assert code == 2
    assert "no page 99" in capsys.readouterr().err
    assert not (tmp_path / "p.png").exists()
