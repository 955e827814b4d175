"""Render the layout matrix: real UN text set in the layouts the UN publishes, six languages each.

Extraction rules tuned on one layout break on the next, so the extractor is scored on a matrix of
layouts (``tests/data/layouts/<layout>/<lang>.pdf``) whose expected paragraphs are known
(``<lang>.gold.json``: kind, label, text per unit; masthead fields are metadata, not units). The
text is real UN text: the UN Parallel Corpus development set (sentences grouped into paragraphs by
``UNv1.0.devset.ids``) and the Universal Declaration of Human Rights (shared gold units). Each
layout reproduces one habit of real documents; Arabic is set right to left in every layout, so
its numbers stand on the right. A few layouts are also written as Word files
(``tests/data/docx/<layout>/<lang>.docx``) for the ``.docx`` reader.

Needs LibreOffice (``libreoffice-writer-nogui``, ``fonts-noto-core``, ``fonts-noto-cjk``); CI
does not: the PDFs are committed. Usage::

    python scripts/make_layouts.py [--shared ../shared] [--out tests/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
UDHR_CODES = {"ar": "arb", "zh": "cmn_hans", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}
DEVSET_LABEL = re.compile(
    r"^(?:\d{1,3}\.|\d{1,3} -|\([a-z]{1,4}\)|[A-Z]\.|[IVX]{1,5}\.|\(\w{1,3}\)|"
    r"(?:ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|أولا|ثانيا|ثالثا|رابعا|خامسا) -)\s+"
)
"""Labels the devset sentences carry themselves; the layouts number paragraphs their own way."""
TERMINAL = tuple(".;:!?,。；：！？，؟؛")

WORDS = {
    "un": {
        "ar": "الأمم المتحدة",
        "zh": "联合国",
        "en": "United Nations",
        "fr": "Nations Unies",
        "ru": "Организация Объединенных Наций",
        "es": "Naciones Unidas",
    },
    "organ": {
        "ar": "الجمعية العامة",
        "zh": "大会",
        "en": "General Assembly",
        "fr": "Assemblée générale",
        "ru": "Генеральная Ассамблея",
        "es": "Asamblea General",
    },
    "distr": {
        "ar": "Distr.: General",
        "zh": "Distr.: General",
        "en": "Distr.: General",
        "fr": "Distr. générale",
        "ru": "Distr.: General",
        "es": "Distr. general",
    },
    "date": {
        "ar": "12 كانون الثاني/يناير 2015",
        "zh": "2015年1月12日",
        "en": "12 January 2015",
        "fr": "12 janvier 2015",
        "ru": "12 января 2015 года",
        "es": "12 de enero de 2015",
    },
    "original": {
        "ar": "الأصل: بالإنكليزية",
        "zh": "原文：英文",
        "en": "Original: English",
        "fr": "Original : anglais",
        "ru": "Подлинный текст: английский",
        "es": "Original: inglés",
    },
    "page": {"ar": "الصفحة", "zh": "第", "en": "Page", "fr": "Page", "ru": "Страница", "es": "Página"},
    "job_letter": {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"},
}


@dataclass
class Unit:
    """One expected paragraph: what the extractor should hand on."""

    kind: str
    text: str
    label: str = ""
    notes: list[str] = field(default_factory=list)
    """Footnote texts referenced at the end of this unit."""


@dataclass
class Spec:
    """One UN layout: how body paragraphs, headings and page furniture are set."""

    name: str
    source: str
    numbering: str = ""
    """"" (none), "inline" (number at the start of the first line), "hanging" (number and a tab in
    the margin), "list" (automatic numbering in the margin)."""
    indent: str = "0cm"
    justify: bool = True
    space: str = "0cm"
    serif: bool = True
    mono: bool = False
    size: float = 11.0
    line_height: str = "100%"
    narrow_headings: bool = False
    furniture: str = "plain"
    """plain (symbol header, page number footer), job (alternating job-number footers with a page-1
    variant), typewriter (``Page 2`` header and ``/...`` footer)."""
    masthead: bool = False
    contents: bool = False
    """End with a table: each heading and the paragraph numbers under it."""
    footnotes: bool = False
    budget: int = 5200
    """English characters of body text; the other languages follow their own lengths."""
    symbol: str = "A/70/100"


SPECS = [
    Spec("indent_number", "devset", numbering="inline", indent="1.27cm", symbol="A/70/101"),
    Spec("hanging_number", "devset", numbering="list", contents=True, justify=False, space="0.2cm", symbol="A/70/102"),
    Spec("block_spaced", "udhr", justify=False, space="0.35cm", serif=False, budget=4200, symbol="A/RES/217(III)"),
    Spec("two_line_headings", "devset", space="0.3cm", narrow_headings=True, symbol="A/70/104"),
    Spec("job_footer", "devset", numbering="inline", indent="1cm", furniture="job", budget=7000, symbol="A/HRC/30/5"),
    Spec("masthead", "devset", numbering="hanging", masthead=True, space="0.2cm", symbol="A/70/106"),
    Spec("footnotes", "devset", numbering="inline", indent="1cm", footnotes=True, budget=5000, symbol="A/70/107"),
    Spec("indent_2em", "devset", indent="2em", symbol="A/70/108"),
    Spec(
        "typewriter",
        "udhr",
        indent="6em",
        justify=False,
        mono=True,
        size=12.0,
        line_height="150%",
        furniture="typewriter",
        budget=3000,
        symbol="A/RES/217(III)",
    ),
]
DOCX_LAYOUTS = ("hanging_number", "footnotes", "masthead")


def key(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text.lower())


# ---- text sources -------------------------------------------------------------------------


def devset_documents(shared: Path) -> list[dict[str, list[str]]]:
    """The devset's documents, each as lang -> paragraphs (sentences grouped by the English
    paragraph number, which the ids give per sentence), in document order."""
    folder = shared / "corpus" / "unpc_devset"
    text = {lang: (folder / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines() for lang in LANGS}
    groups: dict[str, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for index, row in enumerate((folder / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()):
        doc, *refs = row.split()
        en = next(r for r in refs if r.startswith("en:"))
        _, para, sentence = en.split(":")
        groups[doc][int(para)].append((int(sentence), index))
    docs = []
    for doc in groups:
        paragraphs: dict[str, list[str]] = {lang: [] for lang in LANGS}
        for para in sorted(groups[doc]):
            rows = [index for _, index in sorted(groups[doc][para])]
            for lang in LANGS:
                glue = "" if lang == "zh" else " "
                paragraphs[lang].append(glue.join(text[lang][i].strip() for i in rows))
        docs.append(paragraphs)
    return docs


def devset_units(docs: list[dict[str, list[str]]], start: int, step: int, budget: int) -> dict[str, list[Unit]]:
    """Whole devset documents (every ``step``-th from ``start``) until ``budget`` English
    characters; a paragraph whose English text has no closing punctuation is a heading."""
    units: dict[str, list[Unit]] = {lang: [] for lang in LANGS}
    used = 0
    for doc in docs[start::step]:
        if used >= budget:
            break
        for index, english in enumerate(doc["en"]):
            kind = "heading" if not english.rstrip().endswith(TERMINAL) and len(english) < 160 else "paragraph"
            if kind == "heading" and index == len(doc["en"]) - 1:
                continue  # a heading with nothing under it
            for lang in LANGS:
                units[lang].append(Unit(kind, DEVSET_LABEL.sub("", doc[lang][index]).strip()))
            used += len(english)
    return units


def udhr_units(shared: Path, budget: int) -> dict[str, list[Unit]]:
    """The Declaration's units (title, preamble, articles) until ``budget`` English characters,
    cut at the same article in every language."""
    rows = {}
    for lang, code in UDHR_CODES.items():
        with open(shared / "corpus" / "udhr" / "gold" / f"udhr_units.{code}.tsv", encoding="utf-8") as handle:
            rows[lang] = list(csv.DictReader(handle, delimiter="\t"))
    used, last_section = 0, ""
    for row in rows["en"]:
        used += len(row["text"])
        if used > budget and row["section"].startswith("art"):
            last_section = row["section"]
            break
    units: dict[str, list[Unit]] = {}
    for lang, lang_rows in rows.items():
        units[lang] = []
        for row in lang_rows:
            if row["section"] == last_section:
                break
            if row["section"] == "note":
                continue  # publication notes exist in some languages only
            units[lang].append(Unit("heading" if row["kind"] == "title" else "paragraph", row["text"].strip()))
    return units


def add_footnotes(units: dict[str, list[Unit]], docs: list[dict[str, list[str]]]) -> None:
    """Every third paragraph gets a footnote of two or four real sentences: long enough that
    notes run over page ends, yet, as in real documents, less text than the body."""
    pool = [(doc, i) for doc in docs[-60:] for i, p in enumerate(doc["en"]) if len(p) > 150]
    taken = 0
    paragraphs = [n for n, unit in enumerate(units["en"]) if unit.kind == "paragraph"]
    for count, position in enumerate(paragraphs[1::3]):
        picks = pool[taken : taken + 2 + 2 * (count % 2)]
        taken += len(picks)
        for lang in LANGS:
            glue = "" if lang == "zh" else " "
            note = glue.join(DEVSET_LABEL.sub("", doc[lang][i]).strip() for doc, i in picks)
            units[lang][position].notes.append(note)


def add_long_headings(units: dict[str, list[Unit]], docs: list[dict[str, list[str]]]) -> None:
    """Before every third paragraph, a real heading long enough to wrap onto a second line in
    the layout's narrow heading column (devset headings are mostly one-liners)."""
    pool = [
        (doc, i)
        for doc in docs
        for i, p in enumerate(doc["en"])
        if 70 <= len(p) <= 130 and not p.rstrip().endswith(TERMINAL)
    ]
    positions = [i for i, u in enumerate(units["en"]) if u.kind == "paragraph"][2::3]
    for (doc, i), position in reversed(list(zip(pool, positions))):
        for lang in LANGS:
            units[lang].insert(position, Unit("heading", DEVSET_LABEL.sub("", doc[lang][i]).strip()))


def number(units: list[Unit], lang: str) -> None:
    count = 0
    for unit in units:
        if unit.kind == "paragraph":
            count += 1
            unit.label = f"{count} -" if lang == "ar" else f"{count}."


# ---- ODF ------------------------------------------------------------------------------------


def fonts(spec: Spec, lang: str) -> tuple[str, str, str]:
    """(Western, Asian, complex) font families."""
    if spec.mono:
        return "Liberation Mono", "Noto Sans Mono CJK SC", "Noto Naskh Arabic"
    if spec.serif:
        return "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic"
    return "Noto Sans", "Noto Sans CJK SC", "Noto Naskh Arabic"


def length(value: str, size: float) -> str:
    """ODF lengths have no em unit: ``2em`` is two characters of the body size (the Chinese
    first-line indent)."""
    return f"{float(value[:-2]) * size:.1f}pt" if value.endswith("em") else value


def furniture_xml(spec: Spec, lang: str) -> tuple[str, str]:
    """(Standard master page content, First master page content): headers and footers."""

    def p(style: str, body: str) -> str:
        return f'<text:p text:style-name="{style}">{body}</text:p>'

    page = '<text:page-number text:select-page="current"/>'
    symbol = escape(spec.symbol)
    if spec.furniture == "job":
        job = "GE.15-01234"
        first_job = f"{job} ({WORDS['job_letter'][lang]}) 111215 161215"
        bold_page = f'<text:span text:style-name="TBold">{page}</text:span>'
        standard = (
            f"<style:header>{p('HeadEnd', symbol)}</style:header>"
            f"<style:header-left>{p('HeadStart', symbol)}</style:header-left>"
            f"<style:footer>{p('FootEnd', job + '  ' + bold_page)}</style:footer>"
            f"<style:footer-left>{p('FootStart', bold_page + '  ' + job)}</style:footer-left>"
        )
        first = f"<style:footer>{p('FootStart', escape(first_job))}</style:footer>"
        return standard, first
    if spec.furniture == "typewriter":
        word = WORDS["page"][lang]
        label = f"{word}{page}页" if lang == "zh" else f"{word} {page}"
        standard = (
            f"<style:header>{p('HeadMono', symbol)}{p('HeadMono', label)}</style:header>"
            f"<style:footer>{p('FootMono', '/...')}</style:footer>"
        )
        first = f"<style:footer>{p('FootMono', '/...')}</style:footer>"
        return standard, first
    standard = (
        f"<style:header>{p('HeadStart', symbol)}</style:header><style:footer>{p('FootCenter', page)}</style:footer>"
    )
    return standard, f"<style:footer>{p('FootCenter', page)}</style:footer>"


SWAP = {"start": "end", "end": "start"}


def styles_xml(spec: Spec, lang: str) -> str:
    western, asian, complex_ = fonts(spec, lang)
    mode = "rl-tb" if lang == "ar" else "lr-tb"
    size = spec.size
    # LibreOffice justifies Arabic with kashida glyphs that come out of the text layer as
    # ``(cid:3)``; the UN's own Arabic PDFs widen spaces instead, so Arabic is set flush right.
    align = "justify" if spec.justify and lang != "ar" else "start"
    indent = length(spec.indent, size)
    hanging = spec.numbering in ("hanging", "list")
    body_margin = 'fo:margin-left="1cm" fo:text-indent="-1cm"' if hanging else f'fo:text-indent="{indent}"'
    if lang == "ar" and hanging:
        body_margin = 'fo:margin-right="1cm" fo:text-indent="-1cm"'
    heading_margin = 'fo:margin-right="5.5cm"' if spec.narrow_headings else ""
    if spec.narrow_headings and lang == "ar":
        heading_margin = 'fo:margin-left="5.5cm"'

    def text_props(pt: float, bold: bool = False) -> str:
        weight = (
            ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' if bold else ""
        )
        return (
            f'<style:text-properties fo:font-size="{pt}pt" style:font-size-asian="{pt}pt"'
            f' style:font-size-complex="{pt + 1}pt"{weight}/>'
        )

    def pstyle(name: str, props: str, pt: float, bold: bool = False, extra: str = "") -> str:
        return (
            f'<style:style style:name="{name}" style:family="paragraph"{extra}>'
            f'<style:paragraph-properties style:writing-mode="{mode}" {props}/>{text_props(pt, bold)}</style:style>\n'
        )

    head_props = (
        'fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always" '
        + heading_margin
    )
    title_props = 'fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"'
    tab = '<style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops>'
    xml = f"""<office:font-face-decls>
 <style:font-face style:name="W" svg:font-family="'{western}'"/>
 <style:font-face style:name="A" svg:font-family="'{asian}'"/>
 <style:font-face style:name="C" svg:font-family="'{complex_}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" style:writing-mode="{mode}"
   fo:line-height="{spec.line_height}"/>
  <style:text-properties style:font-name="W" style:font-name-asian="A" style:font-name-complex="C"
   fo:font-size="{size}pt" style:font-size-asian="{size}pt" style:font-size-complex="{size + 1}pt"
   fo:language="{lang}" style:language-asian="{lang}" style:language-complex="{lang}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 {pstyle("Footnote", 'fo:text-align="' + align + '"', size - 2.5)}
 {pstyle("HeadStart", 'fo:text-align="start"', 9, True)}
 {pstyle("HeadEnd", 'fo:text-align="end"', 9, True)}
 {pstyle("FootStart", 'fo:text-align="start"', 9)}
 {pstyle("FootEnd", 'fo:text-align="end"', 9)}
 {pstyle("FootCenter", 'fo:text-align="center"', 9)}
 {pstyle("HeadMono", 'fo:text-align="start" fo:line-height="100%"', size)}
 {pstyle("FootMono", 'fo:text-align="end" fo:line-height="100%"', size)}
 <style:style style:name="TBold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 {pstyle("Title", title_props, size + 3, True, ' style:display-name="Title"')}
 {pstyle("Heading_20_2", head_props, size, True, ' style:display-name="Heading 2"')}
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph">
  <style:paragraph-properties style:writing-mode="{mode}" fo:text-align="{align}" {body_margin}
   fo:margin-bottom="{spec.space}">{tab if hanging else ""}</style:paragraph-properties>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1" style:page-usage="mirrored">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"
   style:writing-mode="{mode}"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/>
  </style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/>
  </style:footer-style>
 </style:page-layout>
 {pstyle("PFirst", 'fo:text-align="start" fo:margin-bottom="0.2cm"', 14, True, ' style:master-page-name="First"')}
 {list_style(lang)}
 {pstyle("PCell", 'fo:text-align="start"', size - 1)}
 {pstyle("PMast", 'fo:text-align="start"', size - 1)}
 {pstyle("PMastBig", 'fo:text-align="start"', 16, True)}
</office:automatic-styles>"""
    if lang == "ar":
        # LibreOffice resolves ``start`` and ``end`` against the page, not against the paragraph's
        # writing mode: ``start`` set Arabic flush left. Swap them so Arabic starts on the right.
        xml = re.sub(r'fo:text-align="(start|end)"', lambda m: f'fo:text-align="{SWAP[m.group(1)]}"', xml)
    return xml


def list_style(lang: str) -> str:
    """Automatic numbering ``1.`` (Arabic ``1 -``) hanging in the start margin: Word files made
    from such documents carry the numbers as numbering properties, not as text."""
    suffix = " -" if lang == "ar" else "."
    return (
        f'<text:list-style style:name="LNum"><text:list-level-style-number text:level="1" style:num-format="1"'
        f' style:num-suffix="{suffix}"><style:list-level-properties'
        ' text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment'
        ' text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-1cm"'
        ' fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>'
    )


def inline(text: str, notes: list[str], first_note: int) -> str:
    """A paragraph's text with its footnotes as real ODF notes at the end."""
    out = escape(text)
    for offset, note in enumerate(notes):
        n = first_note + offset
        out += (
            f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            f'<text:note-body><text:p text:style-name="Footnote">{escape(note)}</text:p></text:note-body></text:note>'
        )
    return out


def masthead_xml(spec: Spec, lang: str) -> str:
    """The first-page masthead: organisation and symbol, organ, and the distribution block, set as
    a borderless table the way the UN's templates do."""

    def cell(*lines: tuple[str, str]) -> str:
        body = "".join(f'<text:p text:style-name="{style}">{escape(text)}</text:p>' for style, text in lines)
        return f'<table:table-cell office:value-type="string">{body}</table:table-cell>'

    rows = [
        (cell(("PMastBig", WORDS["un"][lang])), cell(("PMastBig", spec.symbol))),
        (
            cell(("PMastBig", WORDS["organ"][lang])),
            cell(("PMast", WORDS["distr"][lang]), ("PMast", WORDS["date"][lang]), ("PMast", WORDS["original"][lang])),
        ),
    ]
    body = "".join(f"<table:table-row>{a}{b}</table:table-row>" for a, b in rows)
    return (
        '<table:table table:name="Masthead"><table:table-column table:number-columns-repeated="2"/>'
        f"{body}</table:table>\n"
    )


def document_xml(spec: Spec, lang: str, units: list[Unit]) -> str:
    standard, first = furniture_xml(spec, lang)
    parts = []
    if spec.masthead:
        parts.append('<text:p text:style-name="PFirst"/>')
        parts.append(masthead_xml(spec, lang))
    else:
        parts.append(f'<text:p text:style-name="PFirst">{escape(spec.symbol)}</text:p>')
    note_number = 1
    rows = [unit.text.split("\t") for unit in units if unit.kind == "table_row"]
    for index, unit in enumerate(u for u in units if u.kind != "table_row"):
        body = inline(unit.text, unit.notes, note_number)
        note_number += len(unit.notes)
        if unit.kind == "heading":
            style = "Title" if index == 0 else "Heading_20_2"
            parts.append(f'<text:p text:style-name="{style}">{body}</text:p>')
        elif spec.numbering == "list":
            start = unit.label.split()[0].rstrip(".")
            parts.append(
                f'<text:list text:style-name="LNum"><text:list-item text:start-value="{start}">'
                f'<text:p text:style-name="Text_20_body">{body}</text:p></text:list-item></text:list>'
            )
        elif spec.numbering == "hanging":
            parts.append(f'<text:p text:style-name="Text_20_body">{escape(unit.label)}<text:tab/>{body}</text:p>')
        elif spec.numbering == "inline":
            parts.append(f'<text:p text:style-name="Text_20_body">{escape(unit.label)} {body}</text:p>')
        else:
            parts.append(f'<text:p text:style-name="Text_20_body">{body}</text:p>')
    if rows:
        parts.append(table_xml(rows))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
{styles_xml(spec, lang)}
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{standard}</style:master-page>
 <style:master-page style:name="First" style:page-layout-name="pm1" style:next-style-name="Standard">{first}
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{"".join(parts)}
</office:text></office:body></office:document>
"""


def gold(spec: Spec, units: list[Unit]) -> dict:
    """The expected records: body units in order, then the footnotes (masthead fields and the
    first-page symbol line are metadata)."""
    body = [{"kind": u.kind, "label": u.label, "text": u.text.replace("\t", " ")} for u in units]
    notes = [{"kind": "footnote", "label": "", "text": n} for u in units for n in u.notes]
    for number, note in enumerate(notes, 1):
        note["label"] = str(number)
    return {"layout": spec.name, "symbol": spec.symbol, "paragraphs": body + notes}


def convert(soffice: str, fodt: Path, fmt: str, workdir: Path) -> Path:
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{workdir}/profile",
            "--convert-to",
            fmt,
            "--outdir",
            str(fodt.parent),
            str(fodt),
        ],
        check=True,
        capture_output=True,
    )
    return fodt.with_suffix("." + fmt.split(":")[0])


def build_units(spec: Spec, index: int, shared: Path, docs: list[dict[str, list[str]]]) -> dict[str, list[Unit]]:
    if spec.source == "udhr":
        units = udhr_units(shared, spec.budget)
    else:
        units = devset_units(docs[:-60], index, len(SPECS), spec.budget)
    if spec.footnotes:
        add_footnotes(units, docs)
    if spec.narrow_headings:
        add_long_headings(units, docs[-60:])
    if spec.numbering:
        for lang in LANGS:
            number(units[lang], lang)
    if spec.contents:
        for lang in LANGS:
            units[lang].extend(contents_rows(units[lang]))
    return units


def contents_rows(units: list[Unit]) -> list[Unit]:
    """Table rows (cells joined by a tab): each heading and the paragraph numbers under it."""
    rows: list[Unit] = []
    numbers: list[str] = []
    for unit in reversed(units):
        if unit.kind == "paragraph":
            numbers.append(unit.label.split()[0].rstrip("."))
        elif numbers:
            span = numbers[-1] if len(numbers) == 1 else f"{numbers[-1]}–{numbers[0]}"
            rows.append(Unit("table_row", f"{unit.text}\t{span}"))
            numbers = []
    return rows[::-1]


def table_xml(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return (
            f'<table:table-cell office:value-type="string"><text:p text:style-name="PCell">{escape(text)}</text:p>'
            "</table:table-cell>"
        )

    body = "".join(f"<table:table-row>{''.join(cell(c) for c in row)}</table:table-row>" for row in rows)
    return (
        f'<table:table table:name="Contents"><table:table-column table:number-columns-repeated="{len(rows[0])}"/>'
        f"{body}</table:table>\n"
    )


def render(shared: Path, out: Path, only: Callable[[str], bool]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("make_layouts: LibreOffice not found (apt-get install libreoffice-writer-nogui)")
    docs = devset_documents(shared)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for index, spec in enumerate(SPECS):
            if not only(spec.name):
                continue
            units = build_units(spec, index, shared, docs)
            folder = out / "layouts" / spec.name
            folder.mkdir(parents=True, exist_ok=True)
            for lang in LANGS:
                fodt = work / f"{spec.name}.{lang}.fodt"
                fodt.write_text(document_xml(spec, lang, units[lang]), encoding="utf-8")
                shutil.move(convert(soffice, fodt, "pdf", work), folder / f"{lang}.pdf")
                record = json.dumps(gold(spec, units[lang]), ensure_ascii=False, indent=1)
                (folder / f"{lang}.gold.json").write_text(record + "\n", encoding="utf-8")
                if spec.name in DOCX_LAYOUTS:
                    target = out / "docx" / spec.name
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.move(convert(soffice, fodt, "docx:MS Word 2007 XML", work), target / f"{lang}.docx")
                print(f"{spec.name} {lang}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "data")
    parser.add_argument("--layout", action="append", help="render only these layouts")
    args = parser.parse_args()
    render(args.shared, args.out, lambda name: not args.layout or name in args.layout)


if __name__ == "__main__":
    main()
