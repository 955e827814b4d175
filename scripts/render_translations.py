"""Render the working translations of a document set as UN-like PDFs with LibreOffice.

The five non-Chinese inputs of the bundled document are written by hand in
``data/translations/<doc>/<lang>.yaml``; this script lays them out the way the UN lays out its
documents (masthead, symbol header, page numbers, job number and barcode on the first page, real
footnotes, the annex schedule as a table) so the extract stage meets the same page furniture it
will meet in official PDFs. Needs ``libreoffice-writer-nogui``, ``fonts-noto-core`` and
``fonts-noto-cjk`` (Debian). Usage::

    python scripts/render_translations.py data/translations/UNODC_CCPCJ_EG.4_2020_1 \
        data/raw/UNODC_CCPCJ_EG.4_2020_1
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

FONTS = {"ar": "Noto Naskh Arabic", "default": "Noto Serif"}
FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Body" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" style:writing-mode="{mode}"/>
  <style:text-properties style:font-name="Body" style:font-name-complex="Body"
   fo:font-size="{size}" style:font-size-complex="11pt" fo:language="{lang}"
   style:language-complex="{lang}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" style:font-size-complex="9pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" fo:font-weight="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"
   style:writing-mode="{mode}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm"
   fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm"
   fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="PFirst" style:family="paragraph" style:master-page-name="First">
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="PTitle" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm" style:writing-mode="{mode}"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"
   style:font-size-complex="15pt" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="PHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm"
   fo:keep-with-next="always" style:writing-mode="{mode}"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="PBody" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:margin-left="1cm"
   fo:text-indent="-1cm" fo:margin-right="0cm" style:writing-mode="{mode}"/>
 </style:style>
 <style:style style:name="PList" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.1cm" fo:margin-left="2cm"
   fo:text-indent="-1cm" style:writing-mode="{mode}"/>
 </style:style>
 <style:style style:name="PMast" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.05cm" style:writing-mode="lr-tb"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="PBreak" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page" style:writing-mode="{mode}"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"
   style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="PCell" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" style:font-size-complex="10pt"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{symbol}</text:p></style:header>
  <style:footer><text:p text:style-name="Header"><text:page-number text:select-page="current"/>/<text:page-count/>
   \t\t{job}</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Header">{job}</text:p>
   <text:p text:style-name="Header">{barcode}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

TAIL = "</office:text></office:body></office:document>\n"


def inline(text: str, footnotes: dict[int, str]) -> str:
    """Escape a run of text and turn ``[^n]`` markers into real ODF footnotes."""
    out, pos = [], 0
    for match in FOOTNOTE_REF.finditer(text):
        out.append(escape(text[pos : match.start()]))
        number = int(match.group(1))
        out.append(
            f'<text:note text:id="ftn{number}" text:note-class="footnote">'
            f"<text:note-citation>{number}</text:note-citation><text:note-body>"
            f'<text:p text:style-name="Footnote">{escape(footnotes[number])}</text:p>'
            "</text:note-body></text:note>"
        )
        pos = match.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def para(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>\n'


def block_xml(block: dict, footnotes: dict[int, str]) -> str:
    label = block.get("l", "")
    body = inline(block["t"], footnotes)
    lead = f"{escape(label)}<text:tab/>" if label else ""
    kind = block["k"]
    if kind == "title":
        return para("PTitle", body)
    if kind == "heading":
        return para("PHead", lead + body)
    if kind == "list_item":
        return para("PList", lead + body)
    return para("PBody", lead + body)


def table_xml(annex: dict) -> str:
    def row(cells: list[str]) -> str:
        tds = "".join(
            f'<table:table-cell office:value-type="string">{para("PCell", escape(c))}</table:table-cell>' for c in cells
        )
        return f"<table:table-row>{tds}</table:table-row>\n"

    cols = len(annex["columns"])
    return (
        para("PBreak", escape(annex["title"]))
        + para("PHead", escape(annex["heading"]))
        + f'<table:table table:name="Schedule"><table:table-column table:number-columns-repeated="{cols}"/>\n'
        + row(annex["columns"])
        + "".join(row(r) for r in annex["rows"])
        + "</table:table>\n"
    )


def set_from_the_right(xml: str) -> str:
    """Arabic as the UN sets it: flush right, numbers hanging on the right. LibreOffice resolves
    ``start`` and margins against the page, not the paragraph's writing mode, so both are swapped."""
    xml = xml.replace('fo:text-align="start"', 'fo:text-align="end"')
    other = {"left": "right", "right": "left"}
    return re.sub(r"fo:margin-(left|right)=", lambda m: f"fo:margin-{other[m.group(1)]}=", xml)


def document_xml(doc: dict) -> str:
    lang = doc["lang"]
    job = doc["job"]
    digits = re.sub(r"\D", "", job.split("(")[0])
    head = HEAD.format(
        font=FONTS.get(lang, FONTS["default"]),
        mode="rl-tb" if lang == "ar" else "lr-tb",
        size="11pt" if lang == "ar" else "10pt",
        lang=lang,
        symbol=escape(doc["symbol"]),
        job=escape(job),
        barcode=f"*{digits}*",
    )
    if lang == "ar":
        head = set_from_the_right(head)
    mast = doc["masthead"]
    parts = [para("PFirst", escape(mast[0]) + '<text:s text:c="12"/>' + escape(doc["symbol"]))]
    parts += [para("PMast", escape(line)) for line in mast[1:]]
    parts += [para("PHead", escape(doc["body_name"])), para("PMast", escape(doc["venue"]))]
    parts += [block_xml(b, doc["footnotes"]) for b in doc["blocks"]]
    parts.append(table_xml(doc["annex"]))
    return head + "".join(parts) + TAIL


def render(src_dir: Path, out_dir: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("render_translations: LibreOffice not found (apt-get install libreoffice-writer-nogui)")
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted(src_dir.glob("*.yaml")):
            doc = yaml.safe_load(source.read_text(encoding="utf-8"))
            fodt = Path(tmp) / f"{doc['lang']}.fodt"
            fodt.write_text(document_xml(doc), encoding="utf-8")
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    tmp,
                    str(fodt),
                ],
                check=True,
                capture_output=True,
            )
            target = out_dir / f"{doc['lang']}.pdf"
            shutil.move(Path(tmp) / f"{doc['lang']}.pdf", target)
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path, help="folder of <lang>.yaml working translations")
    parser.add_argument("out", type=Path, help="document-set folder under data/raw/")
    args = parser.parse_args()
    for path in render(args.src, args.out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
