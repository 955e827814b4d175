"""Cross-language consistency through the six-way table: each aligned row's tags, merged from
what every language found on its own, and where languages disagree with English.

Its own module because two stages need it: the tag stage writes it when it has the six-way table,
and export computes the same rows when the tag stage ran without one (a wide CSV whose tags column
is empty would look like a document with nothing in it).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipeline.core.atomic import atomic_write_text
from pipeline.core.records import read_jsonl, write_jsonl
from pipeline.tag.projection import own_tags


def consistency(sixway_path: Path, tagged_dir: Path, langs: list[str]) -> dict:
    """Merge the tags each language found on its own per aligned row (``found_by`` names the
    languages) and report where languages disagree with English. Projected tags do not count."""
    tags_of: dict[str, list[str]] = {}
    for lang in langs:
        path = Path(tagged_dir) / f"{lang}.jsonl"
        if path.exists():
            tags_of.update({row["para_id"]: own_tags(row) for row in read_jsonl(path)})
    rows_out, disagreements = [], []
    agree = Counter()
    total = Counter()
    for row in read_jsonl(Path(sixway_path)):
        per_lang: dict[str, set[str]] = {}
        for lang in langs:
            ids = row.get(f"{lang}_ids") or []
            if ids:
                per_lang[lang] = {t for i in ids for t in tags_of.get(i, [])}
        merged = sorted(set().union(*per_lang.values())) if per_lang else []
        agreement = {t: round(sum(t in s for s in per_lang.values()) / len(per_lang), 3) for t in merged}
        found_by = {t: [lang for lang, s in per_lang.items() if t in s] for t in merged}
        rows_out.append(
            {
                "row": row["row"],
                "tags": merged,
                "agreement": agreement,
                "found_by": found_by,
                "languages": len(per_lang),
            }
        )
        if "en" in per_lang:
            for lang, found in per_lang.items():
                if lang == "en":
                    continue
                for t in merged:
                    total[lang] += 1
                    if (t in found) == (t in per_lang["en"]):
                        agree[lang] += 1
                    else:
                        side = "only in en" if t in per_lang["en"] else f"only in {lang}"
                        disagreements.append({"row": row["row"], "lang": lang, "tag": t, "where": side})
    summary = {lang: round(agree[lang] / total[lang], 4) if total[lang] else None for lang in sorted(total)}
    return {"rows": rows_out, "disagreements": disagreements, "agreement_with_en": summary}


def write_consistency(report: dict, out_dir: Path) -> None:
    write_jsonl(Path(out_dir) / "rows.jsonl", report["rows"])
    slim = {k: v for k, v in report.items() if k != "rows"}
    atomic_write_text(Path(out_dir) / "consistency.json", json.dumps(slim, ensure_ascii=False, indent=2) + "\n")
