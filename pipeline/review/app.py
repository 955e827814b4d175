"""Translator review: a local web app over one aligned document (Flask, 127.0.0.1 by default).

The page shows English and the chosen languages side by side as aligned rows, coloured by
confidence (Arabic right to left), with tags; a translator confirms, merges, splits, moves a
paragraph to the neighbouring row, marks "no counterpart" or comments, by button or key. Every
action becomes a correction in ``data/corrections/<doc>.jsonl`` (see ``pipeline.align.corrections``),
which the align stage honours on the next ``dvc repro``; the page shows the corrected alignment at
once by running the align stage's own per-language function with the corrections in force.

Each paragraph also shows its tags, coloured by where they came from (rule, model, projected from
another language, reviewed) with their evidence; an analyst accepts or rejects a tag, or adds one
from the taxonomy, on that paragraph. Those decisions go to ``<doc>.tags.jsonl`` and the tag stage
applies them on its next run; until then the page shows them as pending.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from pipeline import LANGS
from pipeline.align import corrections
from pipeline.align.stage import JOINERS, Side, align_language, sixway
from pipeline.core.embed import Embedder
from pipeline.core.errors import InputError
from pipeline.core.params import Params, embedder_from, load_params
from pipeline.core.records import read_extracted, read_jsonl
from pipeline.review.origin import HostRule, same_origin
from pipeline.tag import tag_corrections
from pipeline.tag.taxonomy import Taxonomy, load_taxonomy

log = logging.getLogger(__name__)
PAGE = Path(__file__).with_name("page.html")
ACTIONS = {"confirm", "merge", "split", "move_up", "move_down", "no_counterpart", "comment"}
WHO_CHARS, COMMENT_CHARS = 80, 2000
MAX_BODY = 1 << 20
"""Bytes a request body may have: the page's largest is a 2000-character comment. Without a limit
Flask read any body whole into memory and a tag comment of megabytes landed in the journal, which
every page view reads again."""


class BadRequest(Exception):
    """A request the app understands but refuses (unknown row, nothing to merge...)."""


@dataclass
class Project:
    """Where one document's stage outputs and corrections live."""

    doc: str
    extracted: Path
    aligned: Path
    tagged: Path
    corrections: Path
    params: Path = Path("params.yaml")
    taxonomy_path: Path = Path("configs/taxonomy.yaml")

    def check(self) -> None:
        if not (self.aligned / self.doc / "sixway.jsonl").exists():
            raise InputError(self.aligned / self.doc, "no alignment for this document; run `dvc repro` first")
        self.settings  # noqa: B018 - a broken params file is reported before the server starts
        self.taxonomy  # noqa: B018 - and so is a broken taxonomy

    @cached_property
    def settings(self) -> Params:
        return load_params(self.params)

    @cached_property
    def taxonomy(self) -> Taxonomy:
        return load_taxonomy(self.taxonomy_path)

    @cached_property
    def embedder(self) -> Embedder:
        return embedder_from(self.settings)

    @property
    def corrections_file(self) -> Path:
        return corrections.corrections_path(self.corrections, self.doc)

    def langs(self) -> list[str]:
        return [
            lang
            for lang in LANGS
            if lang != "en" and (self.aligned / self.doc / f"en-{lang}.paragraphs.jsonl").exists()
        ]

    def side(self, lang: str) -> Side:
        rows = read_extracted(self.extracted / self.doc / f"{lang}.jsonl")
        return Side(lang, rows, {})

    def tagged_paragraphs(self) -> dict[str, dict]:
        """para_id -> the tag stage's record (tags, provenance, evidence)."""
        out: dict[str, dict] = {}
        for lang in LANGS:
            path = self.tagged / self.doc / f"{lang}.jsonl"
            if path.exists():
                out.update({r["para_id"]: r for r in read_jsonl(path)})
        return out

    @property
    def tag_decisions_file(self) -> Path:
        return tag_corrections.decisions_path(self.corrections, self.doc)


def tag_chips(pid: str, record: dict, active: tag_corrections.Active, labels: dict[str, str]) -> list[dict]:
    """What the page shows of one paragraph's tags: each tag the tag stage gave it, with source,
    confidence and evidence, and the analyst's decision in force (pending until the next tag run);
    tags an analyst added since that run are shown too."""
    provenance, evidence = record.get("provenance", {}), record.get("evidence", [])
    chips = []
    for tag in record.get("tags", []):
        decision = active.get((pid, tag))
        spans = list(dict.fromkeys(e["span"] for e in evidence if e.get("tag") == tag and e.get("span")))
        chips.append(
            {
                "para_id": pid,
                "tag": tag,
                "label": labels.get(tag, tag),
                "source": provenance.get(tag, {}).get("source", "rule"),
                "confidence": provenance.get(tag, {}).get("confidence"),
                "evidence": spans[:3],
                "decision": decision.action if decision else "",
            }
        )
    shown = set(record.get("tags", []))
    for (decided_pid, tag), decision in sorted(active.items()):
        if decided_pid == pid and decision.action == "add" and tag not in shown:
            chips.append(
                {
                    "para_id": pid,
                    "tag": tag,
                    "label": labels.get(tag, tag),
                    "source": "pending",
                    "confidence": None,
                    "evidence": [],
                    "decision": "add",
                }
            )
    return chips


class Review:
    """The state behind the page, read afresh for every request so that tabs agree."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._aligned: dict[str, tuple[tuple[str, ...], list[dict]]] = {}

    def links(self, lang: str, pivot: Side, tgt: Side, records: list[corrections.Correction]) -> list[dict]:
        """The links the next align run will write: the stored ones while no correction concerns
        this language, else the aligner's own fixed-link path (cached until the next correction)."""
        mine = [c for c in records if c.lang == lang and c.action in ("link", "confirm")]
        if not mine:
            return list(read_jsonl(self.project.aligned / self.project.doc / f"en-{lang}.paragraphs.jsonl"))
        # Keyed by the language's records themselves: by their count, a journal edited by hand to
        # the same length showed the old alignment; one entry a language, not one a correction.
        key = tuple(repr(c) for c in records if c.lang == lang)
        if self._aligned.get(lang, (None,))[0] != key:
            p = self.project
            self._aligned[lang] = (key, align_language(p.doc, pivot, tgt, p.embedder, p.settings.align, records).rows)
        return self._aligned[lang][1]

    def view(self) -> tuple[list[dict], dict[str, list[dict]], dict]:
        p = self.project
        pivot = p.side("en")
        records = corrections.load(p.corrections_file)
        pairs, pair_links, texts = {}, {}, pivot.texts()
        stale = []
        for lang in p.langs():
            tgt = p.side(lang)
            texts.update(tgt.texts())
            decided = corrections.in_force(records, pivot.texts(), tgt.texts(), lang)
            stale += [{"id": c.id, "lang": lang, "problem": why} for c, why in decided.stale]
            pair_links[lang] = self.links(lang, pivot, tgt, records)
            pairs[lang] = (tgt, pair_links[lang])
        rows = sixway(pivot, pairs)
        tagged = p.tagged_paragraphs()
        texts.update({pid: r["text"] for pid, r in tagged.items() if pid not in texts and r.get("text")})
        active, stale_tags = tag_corrections.in_force(tag_corrections.load(p.tag_decisions_file), texts)
        labels = {tag.id: tag.label.get("en", tag.id) for tag in p.taxonomy.tags}
        comments: dict[str, list[corrections.Correction]] = {}
        for c in records:
            if c.action == "comment":
                for pid in c.ids():
                    comments.setdefault(pid, []).append(c)
        for row in rows:
            ids = [*row["en_ids"], *(i for lang in LANGS for i in row.get(f"{lang}_ids", []))]
            row["tags"] = sorted({t for i in ids for t in tagged.get(i, {}).get("tags", [])})
            row["tag_chips"] = {i: tag_chips(i, tagged.get(i, {}), active, labels) for i in ids}
            # A comment names the paragraphs of both languages: shown once per row, not per paragraph.
            shown = {c.id: c for i in ids for c in comments.get(i, [])}
            row["comments"] = [{"who": c.who, "when": c.when, "text": c.comment} for c in shown.values()]
        meta = {
            "last": records[-1].id if records else 0,
            "stale": stale,
            "stale_tags": stale_tags,
            "texts": texts,
            "records": records,
        }
        return rows, pair_links, meta

    def act(self, body: dict) -> dict:
        action = body.get("action")
        if action not in ACTIONS:
            raise BadRequest(f"unknown action {action!r}")
        rows, pair_links, meta = self.view()
        number = body.get("row")
        if type(number) is not int or not 1 <= number <= len(rows):  # JSON true is not row 1
            raise BadRequest(f"no row {number!r}")
        langs = body.get("langs") or []
        if (
            not isinstance(langs, list)
            or not langs
            or any(not isinstance(lang, str) or lang not in pair_links for lang in langs)
        ):
            raise BadRequest(f"langs must name aligned languages: {', '.join(pair_links)}")
        langs = list(dict.fromkeys(langs))  # ["fr", "fr"] wrote every correction twice
        who = text_field(body, "who", WHO_CHARS)
        seen = body.get("seen", meta["last"])
        if type(seen) is not int:  # a string or a float turned the other-tab warning off unseen
            raise BadRequest(f"seen must be a correction number, not {str(seen)[:20]!r}")
        index = number - 1
        new: list[corrections.Correction] = []
        for lang in langs:
            new += self._decide(action, rows, index, lang, pair_links[lang], meta["texts"], who, body)
        if not new:
            raise BadRequest("nothing to change")
        touched = {pid for c in new for pid in c.ids()}
        saved = corrections.append(self.project.corrections_file, new)
        # Read again after the append: another tab's save can land between this request's view and
        # its append (the view takes seconds when it realigns), and ids are given out under the
        # journal's lock, so every record numbered between ``seen`` and ours came before ours.
        clashes = [
            c
            for c in corrections.load(self.project.corrections_file)
            if seen < c.id < saved[0].id and c.ids() & touched
        ]
        warning = ""
        if clashes:
            last = clashes[-1]
            warning = (
                f"row {number} was changed in another tab (correction #{last.id} by {last.who or 'someone'} "
                f"at {last.when}); your change is saved and now wins"
            )
        return {"ok": True, "saved": [c.id for c in saved], "warning": warning}

    def _decide(self, action, rows, index, lang, links, texts, who, body) -> list[corrections.Correction]:
        row = rows[index]
        en, tgt = list(row["en_ids"]), list(row.get(f"{lang}_ids", []))

        def link(src_ids, tgt_ids, kind="link", comment=""):
            return corrections.make(lang, kind, src_ids, tgt_ids, texts, who, comment, row["row"])

        if action == "confirm":
            mine = [r for r in links if set(r["src_ids"]) & set(en) or set(r["tgt_ids"]) & set(tgt)]
            return [link(r["src_ids"], r["tgt_ids"], "confirm") for r in mine]
        if action == "comment":
            text = text_field(body, "text", COMMENT_CHARS).strip()
            if not text:
                raise BadRequest("empty comment")
            return [link(en, tgt, "comment", text)]
        if action == "no_counterpart":
            return [c for c in (link(en, []) if en else None, link([], tgt) if tgt else None) if c]
        if action == "split":
            if len(en) < 2 and len(tgt) < 2:
                raise BadRequest(f"row {row['row']} links one paragraph to one: nothing to split")
            pairs = [link([e], [t]) for e, t in zip(en, tgt)]
            pairs += [link([e], []) for e in en[len(tgt) :]] + [link([], [t]) for t in tgt[len(en) :]]
            return pairs
        if action == "merge":
            if index + 1 >= len(rows):
                raise BadRequest("the last row has no next row to merge with")
            nxt = rows[index + 1]
            return [link(en + list(nxt["en_ids"]), tgt + list(nxt.get(f"{lang}_ids", [])))]
        if not tgt:
            raise BadRequest(f"row {row['row']} has no {lang} paragraph to move")
        step = -1 if action == "move_up" else 1
        if not 0 <= index + step < len(rows):
            raise BadRequest("no neighbouring row in that direction")
        other = rows[index + step]
        o_en, o_tgt = list(other["en_ids"]), list(other.get(f"{lang}_ids", []))
        moved = tgt[0] if step < 0 else tgt[-1]
        rest = [t for t in tgt if t != moved]
        o_tgt = [*o_tgt, moved] if step < 0 else [moved, *o_tgt]
        out = [link(o_en, o_tgt), link(en, rest)] if en or rest else [link(o_en, o_tgt)]
        return [c for c in out if c.src_ids or c.tgt_ids]


def create_app(project: Project, host: str = "127.0.0.1", port: int | None = None) -> Flask:
    """The app for one document; ``host``/``port`` are where it is served, the only names (with
    127.0.0.1 and localhost) it answers to."""
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY
    review = Review(project)
    hosts = HostRule.bound(host, port)

    @app.before_request
    def only_this_app():
        if not hosts.accepts(request.host):
            return jsonify(
                {"ok": False, "error": f"unknown host {request.host!r}; open the address hexalign printed"}
            ), 403
        if request.method != "GET" and not same_origin(
            request.headers.get("Origin"), request.headers.get("Referer"), request.host
        ):
            return jsonify({"ok": False, "error": "writes are accepted from the review page only"}), 403
        return None

    @app.after_request
    def never_framed(response):
        # The Host and Origin checks let a foreign page do nothing itself, but it could still
        # show this page in an invisible frame and have the translator click (or type c, m, n
        # into) it: clickjacking. Browsers refuse to frame a page that says so.
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        return response

    @app.get("/")
    def page():
        return PAGE.read_text(encoding="utf-8").replace("{{DOC}}", html.escape(project.doc))

    @app.get("/api/rows")
    def rows():
        order = request.args.get("order", "document")
        if order not in ("document", "confidence"):
            raise BadRequest("order must be 'document' or 'confidence'")
        wanted = [lang for lang in request.args.get("langs", ",".join(project.langs())).split(",") if lang]
        if not wanted:
            raise BadRequest("langs must name at least one aligned language")
        table, pair_links, meta = review.view()
        unknown = [lang for lang in wanted if lang not in pair_links]
        if unknown:
            raise BadRequest(f"not aligned: {', '.join(unknown)}")
        out = []
        for row in table:
            cells = {}
            for lang in wanted:
                ids = row.get(f"{lang}_ids", [])
                reviewed = bool(ids or row["en_ids"]) and all(
                    r.get("reviewed")
                    for r in pair_links[lang]
                    if set(r["src_ids"]) & set(row["en_ids"]) or set(r["tgt_ids"]) & set(ids)
                )
                cells[lang] = {
                    "ids": ids,
                    "tags": [chip for i in ids for chip in row["tag_chips"][i]],
                    "text": row.get(lang, ""),
                    "confidence": row.get(f"{lang}_confidence"),
                    "type": row.get(f"{lang}_type", ""),
                    "reviewed": reviewed,
                    "rtl": lang == "ar",
                    "joiner": JOINERS.get(lang, " "),
                }
            confidences = [c["confidence"] for c in cells.values() if c["confidence"] is not None]
            out.append(
                {
                    "row": row["row"],
                    "en_ids": row["en_ids"],
                    "en": row["en"],
                    "en_tags": [chip for i in row["en_ids"] for chip in row["tag_chips"][i]],
                    "cells": cells,
                    "confidence": min(confidences) if confidences else 1.0,
                    "tags": row["tags"],
                    "comments": row["comments"],
                    "confirmed": all(c["reviewed"] for c in cells.values()),
                }
            )
        if order == "confidence":
            out.sort(key=lambda r: (r["confidence"], r["row"]))
        confirmed = sum(r["confirmed"] for r in out)
        return jsonify(
            {
                "doc": project.doc,
                "langs": project.langs(),
                "rows": out,
                "last": meta["last"],
                "stale": meta["stale"],
                "stale_tags": meta["stale_tags"],
                "taxonomy": [{"id": tag.id, "label": tag.label.get("en", tag.id)} for tag in project.taxonomy.tags],
                "progress": {"confirmed": confirmed, "rows": len(out)},
            }
        )

    @app.post("/api/action")
    def action():
        return jsonify(review.act(json_body()))

    @app.post("/api/tag")
    def tag_decision():
        return jsonify(record_tag_decision(project, json_body()))

    @app.errorhandler(BadRequest)
    def bad_request(err):
        return jsonify({"ok": False, "error": str(err)}), 400

    @app.errorhandler(HTTPException)
    def http_error(err):
        return jsonify({"ok": False, "error": err.description}), err.code

    @app.errorhandler(Exception)
    def server_error(_err):
        log.exception("review: request failed")
        return jsonify({"ok": False, "error": "internal error; see the server log"}), 500

    return app


def json_body() -> dict:
    """The JSON object a write posts, read the one way for every write: a body that is no JSON
    object, or one nested deeper than the parser recurses (``[[[[...``, a 500 with a traceback
    before), is a 400; one over ``MAX_BODY`` is refused (413) before it is read."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        body = None
    if not isinstance(body, dict):
        raise BadRequest("expected a JSON object")
    return body


def text_field(body: dict, key: str, limit: int) -> str:
    """A free-text field of a write, the same for alignment and tag decisions: a non-string (a
    dict was stored as its Python repr) is a 400, and the text is cut to ``limit`` characters
    (the tag journal took a comment of any length)."""
    value = body.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"{key} must be text")
    return value[:limit]


def record_tag_decision(project: Project, body: object) -> dict:
    """An analyst accepts, rejects or adds a tag on one paragraph: appended to
    ``<corrections>/<doc>.tags.jsonl`` (``pipeline.tag.tag_corrections``), honoured by the next tag run."""
    if not isinstance(body, dict):
        raise BadRequest("expected a JSON object")
    pid, tag, action = body.get("para_id"), body.get("tag"), body.get("action")
    if action not in tag_corrections.ACTIONS:
        raise BadRequest(f"action must be one of {', '.join(tag_corrections.ACTIONS)}")
    lang = str(pid).split("-")[0]
    if lang not in LANGS or not (project.extracted / project.doc / f"{lang}.jsonl").exists():
        raise BadRequest(f"unknown paragraph {str(pid)[:40]!r}")
    text = next((r["text"] for r in project.side(lang).paragraphs if r["para_id"] == pid), None)
    if text is None:
        raise BadRequest(f"unknown paragraph {pid!r}")
    if not isinstance(tag, str) or tag not in project.taxonomy.ids:
        raise BadRequest(f"not a tag of {project.taxonomy_path}: {str(tag)[:40]!r}")
    who, comment = text_field(body, "who", WHO_CHARS), text_field(body, "comment", COMMENT_CHARS)
    decision = tag_corrections.make(pid, lang, tag, action, text, who, comment)
    path = project.tag_decisions_file
    tag_corrections.append(path, [decision])
    return {"ok": True, "decision": decision.id, "file": str(path)}
