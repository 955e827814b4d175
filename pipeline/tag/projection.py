"""Projection through the six-way alignment: a tag one language found is proposed for the others.

The six versions of a paragraph say the same thing, so a position the rules or the model found
in French is also in the aligned Russian paragraph even when Russian phrased it in a way neither
layer knows. Projected tags are marked ``projected`` with the language and evidence they came
from, and a confidence that is the source tag's confidence times the alignment confidence of
both paragraphs (English, the pivot, counts 1). They never count as found by the language itself
(``consistency`` and the wide CSV's ``found_by`` use own tags only), and a tag an analyst rejected
on a paragraph is not projected back onto it.
"""

from __future__ import annotations

OWN = frozenset({"rule", "model", "reviewed"})


def own_tags(paragraph: dict) -> list[str]:
    """Tags the paragraph's own language found (records without provenance: all of them), in the
    paragraph's order: a set here would make the output order depend on the process's hash seed."""
    provenance = paragraph.get("provenance") or {}
    return [t for t in paragraph.get("tags", []) if provenance.get(t, {}).get("source", "rule") in OWN]


def project(sixway: list[dict], paragraphs: dict[str, list[dict]], rejected: set[tuple[str, str]]) -> int:
    """Adds projected tags to the tagged paragraph records (lang -> records) in place; returns
    how many were added. ``rejected`` holds (para_id, tag) pairs analysts refused."""
    by_id = {p["para_id"]: p for rows in paragraphs.values() for p in rows}
    added = 0
    for row in sixway:
        members = {lang: [by_id[i] for i in row.get(f"{lang}_ids") or [] if i in by_id] for lang in paragraphs}
        weight = {lang: 1.0 if lang == "en" else float(row.get(f"{lang}_confidence", 1.0)) for lang in members}
        sources: dict[str, tuple[float, str, dict]] = {}
        for lang, found in members.items():
            for p in found:
                for tag in own_tags(p):
                    confidence = p["provenance"].get(tag, {}).get("confidence", 1.0) * weight[lang]
                    if tag not in sources or confidence > sources[tag][0]:
                        sources[tag] = (confidence, lang, p)
        for tag, (confidence, src_lang, src) in sources.items():
            for lang, found in members.items():
                if lang == src_lang:
                    continue
                for p in found:
                    if tag in p["tags"] or (p["para_id"], tag) in rejected:
                        continue
                    p["tags"].append(tag)
                    p["provenance"][tag] = {
                        "source": "projected",
                        "confidence": round(confidence * weight[lang], 3),
                        "lang": src_lang,
                        "from": src["para_id"],
                    }
                    p["evidence"].extend(
                        {**e, "source": "projected", "lang": src_lang} for e in src["evidence"] if e["tag"] == tag
                    )
                    added += 1
    return added
