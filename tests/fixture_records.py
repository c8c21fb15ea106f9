"""Turn a parsed page into the comparable records the fixture files hold."""

from __future__ import annotations

from typing import Any

from zhenggong_report.parse import PageResult


def page_records(result: PageResult) -> dict[str, Any]:
    return {
        "title_placement": result.note.title_placement,
        "articles": [
            {
                **({"kicker": a.kicker} if a.kicker else {}),
                "title": a.title,
                "display_title": a.display_title,
                "title_inferred": a.title_inferred,
                "subtitle": a.subtitle,
                "author": a.author,
                "affiliation": a.affiliation,
                "role": a.role,
                "partial": a.partial,
                "abstract": a.abstract,
                "author_keywords": list(a.author_keywords),
                "lines": [list(span) for span in a.lines],
                "joins": [{"kind": j.kind, "before": list(j.before), "after": list(j.after)} for j in a.joins],
                "paragraphs": [[p.kind, p.text] for p in a.paragraphs],
            }
            for a in result.articles
        ],
        "leftovers": [
            {"kind": l.kind, "lines": [list(span) for span in l.lines], "text": l.text} for l in result.leftovers
        ],
    }
