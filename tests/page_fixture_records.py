"""Turn a parsed page into the records of the layout fixtures (``tests/fixtures/pages``)."""

from __future__ import annotations

from typing import Any

from zhenggong_report.parse import PageResult


def article_record(article) -> dict[str, Any]:
    return {
        **({"kicker": article.kicker} if article.kicker else {}),
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "author_roles": list(article.author_roles),
        "affiliation": article.affiliation,
        "editor_note": article.editor_note,
        "author_bio": article.author_bio,
        "footnotes": list(article.footnotes),
        "references": list(article.references),
        "partial": article.partial,
        "continued_on": article.continued_on,
        "continued_from": article.continued_from,
        **({"journal": dict(article.journal)} if article.journal else {}),
        **({"metadata": dict(article.metadata)} if article.metadata else {}),
        **({"editors": dict(article.editors)} if article.editors else {}),
        "lines": [list(span) for span in article.lines],
        "paragraphs": [[p.kind, p.text] for p in article.paragraphs],
    }


def layout_records(result: PageResult) -> dict[str, Any]:
    return {
        "page": result.note.meta.fields(),
        "articles": [article_record(a) for a in result.articles],
        "leftovers": [{"kind": l.kind, "lines": [list(s) for s in l.lines], "text": l.text} for l in result.leftovers],
    }
