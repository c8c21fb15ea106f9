"""The analysis half of ``data/``: per-article fields, ``themes.json``, ``enterprises.json``,
``glossary.json``, ``claims.json``, ``duplicates.json`` and the same tables as CSV.

CSV files are written with pandas in UTF-8 with a byte-order mark, so Excel and WPS open the
Chinese text right. Records are deterministic: fixed key and row order, floats already rounded.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import Any, Iterable, Iterator, Mapping, Optional

from ..models import (
    Analysis,
    ArticleAnalysis,
    Claim,
    Enterprise,
    Evidence,
    ParsedCorpus,
    ThemeDefinition,
    ThemeHit,
)
from .labels import labels


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "sentence": evidence.sentence,
        "term": evidence.term,
        "start": evidence.start,
        "end": evidence.end,
        "paragraph": evidence.paragraph,
        "place": evidence.place,
    }


def theme_hit_record(hit: ThemeHit) -> dict[str, Any]:
    return {
        "id": hit.theme_id,
        "name": hit.name,
        "score": hit.score,
        "terms": [{"term": term, "count": count} for term, count in hit.terms],
        "evidence": [evidence_record(e) for e in hit.evidence],
        "reasons": list(hit.reasons),
        "paragraphs": list(hit.paragraphs),
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "value": claim.value,
        "unit": claim.unit,
        "sentence": claim.sentence,
        "paragraph": claim.paragraph,
        "start": claim.start,
        "end": claim.end,
        "subject": claim.subject,
        "subject_kind": claim.subject_kind,
    }


def article_analysis_fields(item: ArticleAnalysis) -> dict[str, Any]:
    """The analyzer's fields of one article record."""
    return {
        "themes": [theme_hit_record(h) for h in item.themes],
        "primary_theme": item.primary_theme,
        "theme_mentions": [theme_hit_record(h) for h in item.theme_mentions],
        "enterprises": [
            {"id": link.enterprise_id, "name": link.name, "role": link.role, "unit": link.unit, "count": link.count}
            for link in item.enterprises
        ],
        "keywords": [{"word": k.word, "weight": k.weight} for k in item.keywords],
        "claims": [claim_record(c) for c in item.claims],
        "related": [{"id": r.article_id, "score": r.score} for r in item.related],
    }


def theme_records(analysis: Analysis) -> list[dict[str, Any]]:
    """One record per theme, its articles gathered in one pass over the analysis."""
    treated: dict[str, list[dict[str, Any]]] = defaultdict(list)
    mentioned: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in analysis.articles:
        for hit in item.themes:
            treated[hit.theme_id].append({"id": item.article_id, "score": hit.score, "primary": item.primary_theme == hit.theme_id})
        for hit in item.theme_mentions:
            mentioned[hit.theme_id].append({"id": item.article_id, "score": hit.score})
    return [theme_record(t, treated[t.id], mentioned[t.id]) for t in analysis.themes]


def theme_record(theme: ThemeDefinition, treated: list[dict[str, Any]], mentioned: list[dict[str, Any]]) -> dict[str, Any]:
    near = dict(theme.near)
    treated = sorted(treated, key=lambda r: (-r["score"], r["id"]))
    mentioned = sorted(mentioned, key=lambda r: (-r["score"], r["id"]))
    return {
        "id": theme.id,
        "name": theme.name,
        "description": theme.description,
        "terms": [
            {"term": term, "weight": weight, **({"near": list(near[term])} if term in near else {})}
            for term, weight in theme.terms
        ],
        "exclude": list(theme.exclude),
        "articles": treated,
        "mentioned_in": mentioned,
    }


def descendants(enterprises: Iterable[Enterprise]) -> dict[str, list[str]]:
    """Enterprise id -> ids of every enterprise below it."""
    children: dict[str, list[str]] = defaultdict(list)
    items = list(enterprises)
    for e in items:
        if e.parent is not None:
            children[e.parent].append(e.id)
    out: dict[str, list[str]] = {}
    for e in items:
        stack, below = list(children.get(e.id, ())), []
        while stack:
            current = stack.pop()
            below.append(current)
            stack.extend(children.get(current, ()))
        out[e.id] = below
    return out


def enterprise_records(analysis: Analysis) -> list[dict[str, Any]]:
    by_role: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"affiliation": [], "mention": []})
    for item in analysis.articles:
        for link in item.enterprises:
            by_role[link.enterprise_id][link.role].append(item.article_id)
    below = descendants(analysis.enterprises)
    records = []
    for e in analysis.enterprises:
        within = sorted({a for child in below[e.id] for a in by_role[child]["affiliation"]}, key=_article_order(analysis))
        records.append(
            {
                "id": e.id,
                "name": e.name,
                "aliases": list(e.aliases),
                "parent": e.parent,
                "kind": e.kind,
                "articles": {"affiliation": by_role[e.id]["affiliation"], "mention": by_role[e.id]["mention"]},
                "subsidiary_articles": within,
            }
        )
    return records


def _article_order(analysis: Analysis):
    order = {item.article_id: i for i, item in enumerate(analysis.articles)}
    return lambda article_id: order[article_id]


def glossary_records(analysis: Analysis) -> list[dict[str, Any]]:
    return [
        {
            "term": g.term,
            "count": g.count,
            "quoted": g.quoted,
            "articles": list(g.articles),
            "first_article": g.first_article,
            "first_context": g.first_context,
        }
        for g in analysis.glossary
    ]


def claims_records(corpus: ParsedCorpus, analysis: Analysis) -> list[dict[str, Any]]:
    titles = {a.id: a.display_title for a in corpus.articles}
    return [
        {"article_id": c.article_id, "title": titles[c.article_id], **claim_record(c)}
        for item in analysis.articles
        for c in item.claims
    ]


# --- CSV -----------------------------------------------------------------------------------------


def to_csv(rows: list[dict[str, Any]], columns: list[str], headers: Optional[Mapping[str, str]] = None) -> bytes:
    """A CSV table in UTF-8 with BOM, header row always present: missing values empty, quoting
    minimal, ``\n`` line ends (the dialect pandas' ``to_csv`` writes, through the same csv module,
    without building a DataFrame first). The header row shows each column in ``headers`` (by
    default the Chinese ``csv_headers`` of ``data/labels.toml``, for Excel and WPS)."""
    shown = labels().csv_headers if headers is None else headers
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    quoting_writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([shown.get(column, column) for column in columns])
    for row in rows:
        cells = [inert_cell(row.get(column)) for column in columns]
        # The csv module quotes a lone CR only when it ends lines: such a row quotes its text cells.
        (quoting_writer if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue().encode("utf-8-sig")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""What makes Excel or WPS read a cell as a formula (with the full-width forms an IME types)."""


def inert_cell(value: Any) -> Any:
    """A text cell that would start a formula gets a leading ``'`` (OWASP's advice against CSV
    injection); numbers and other cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


ARTICLE_COLUMNS = [
    "id", "title", "author", "affiliation", "enterprise_id", "enterprise", "unit", "primary_theme", "themes",
    "keywords", "claims", "characters", "file",
]


def _joined(values: Iterable[Any], separator: str = "；") -> str:
    return separator.join(str(v) for v in values)


def csv_tables(corpus: ParsedCorpus, analysis: Analysis) -> dict[str, bytes]:
    articles = {a.id: a for a in corpus.articles}
    enterprises = {e.id: e for e in analysis.enterprises}
    themes = {t.id: t for t in analysis.themes}
    article_rows, theme_rows, link_rows, keyword_rows, related_rows = [], [], [], [], []
    for item in analysis.articles:
        article = articles[item.article_id]
        own = next((l for l in item.enterprises if l.role == "affiliation"), None)
        article_rows.append(
            {
                "id": article.id,
                "title": article.display_title,
                "author": article.author,
                "affiliation": article.affiliation,
                "enterprise_id": own.enterprise_id if own else None,
                "enterprise": own.name if own else None,
                "unit": own.unit if own else None,
                "primary_theme": themes[item.primary_theme].name if item.primary_theme else None,
                "themes": _joined(h.name for h in item.themes),
                "keywords": _joined(k.word for k in item.keywords),
                "claims": len(item.claims),
                "characters": article.characters,
                "file": article.file,
            }
        )
        for treats, hits in ((True, item.themes), (False, item.theme_mentions)):
            for hit in hits:
                theme_rows.append(
                    {
                        "article_id": article.id,
                        "title": article.display_title,
                        "theme_id": hit.theme_id,
                        "theme": hit.name,
                        "treats": treats,
                        "score": hit.score,
                        "terms": _joined(f"{t}×{c}" for t, c in hit.terms),
                        "reasons": _joined(hit.reasons),
                        "evidence": hit.evidence[0].sentence if hit.evidence else None,
                    }
                )
        for link in item.enterprises:
            link_rows.append(
                {
                    "article_id": article.id,
                    "title": article.display_title,
                    "enterprise_id": link.enterprise_id,
                    "enterprise": link.name,
                    "role": link.role,
                    "unit": link.unit,
                    "count": link.count,
                }
            )
        for rank, keyword in enumerate(item.keywords, 1):
            keyword_rows.append(
                {"article_id": article.id, "title": article.display_title, "rank": rank, "word": keyword.word, "weight": keyword.weight}
            )
        for rank, other in enumerate(item.related, 1):
            related_rows.append(
                {
                    "article_id": article.id,
                    "title": article.display_title,
                    "rank": rank,
                    "related_id": other.article_id,
                    "related_title": articles[other.article_id].display_title,
                    "score": other.score,
                }
            )
    theme_table = [
        {
            "id": r["id"],
            "name": r["name"],
            "description": r["description"],
            "terms": _joined(f"{t['term']}={t['weight']:g}" for t in r["terms"]),
            "articles": len(r["articles"]),
            "article_ids": _joined(a["id"] for a in r["articles"]),
            "mentioned_in": _joined(a["id"] for a in r["mentioned_in"]),
        }
        for r in theme_records(analysis)
    ]
    enterprise_table = [
        {
            "id": r["id"],
            "name": r["name"],
            "kind": r["kind"],
            "parent_id": r["parent"],
            "parent": enterprises[r["parent"]].name if r["parent"] else None,
            "aliases": _joined(r["aliases"]),
            "affiliation_articles": _joined(r["articles"]["affiliation"]),
            "mention_articles": _joined(r["articles"]["mention"]),
            "subsidiary_articles": _joined(r["subsidiary_articles"]),
        }
        for r in enterprise_records(analysis)
    ]
    glossary_table = [
        {
            "term": g["term"],
            "count": g["count"],
            "quoted": g["quoted"],
            "articles": len(g["articles"]),
            "article_ids": _joined(g["articles"]),
            "first_article": g["first_article"],
            "first_context": g["first_context"],
        }
        for g in glossary_records(analysis)
    ]
    claims_table = [{k: v for k, v in r.items() if k not in ("start", "end")} for r in claims_records(corpus, analysis)]
    return {
        "data/articles.csv": to_csv(article_rows, ARTICLE_COLUMNS),
        "data/article_themes.csv": to_csv(
            theme_rows, ["article_id", "title", "theme_id", "theme", "treats", "score", "terms", "reasons", "evidence"]
        ),
        "data/article_enterprises.csv": to_csv(
            link_rows, ["article_id", "title", "enterprise_id", "enterprise", "role", "unit", "count"]
        ),
        "data/keywords.csv": to_csv(keyword_rows, ["article_id", "title", "rank", "word", "weight"]),
        "data/related.csv": to_csv(related_rows, ["article_id", "title", "rank", "related_id", "related_title", "score"]),
        "data/themes.csv": to_csv(
            theme_table, ["id", "name", "description", "terms", "articles", "article_ids", "mentioned_in"]
        ),
        "data/enterprises.csv": to_csv(
            enterprise_table,
            ["id", "name", "kind", "parent_id", "parent", "aliases", "affiliation_articles", "mention_articles", "subsidiary_articles"],
        ),
        "data/glossary.csv": to_csv(
            glossary_table, ["term", "count", "quoted", "articles", "article_ids", "first_article", "first_context"]
        ),
        "data/claims.csv": to_csv(
            claims_table, ["article_id", "title", "value", "unit", "subject", "subject_kind", "sentence", "paragraph"]
        ),
    }


def duplicate_records(corpus: ParsedCorpus, analysis: Analysis) -> list[dict[str, Any]]:
    """One record per group of duplicate submissions, its representative first."""
    titles = {a.id: a.display_title for a in corpus.articles}
    return [
        {
            "id": group.id,
            "representative": group.members[0].article_id,
            "articles": list(group.article_ids),
            "members": [
                {
                    "id": m.article_id,
                    "title": titles.get(m.article_id),
                    "relation": m.relation,
                    "jaccard": m.jaccard,
                    "containment": m.containment,
                }
                for m in group.members
            ],
        }
        for group in analysis.duplicates
    ]


def duplicates_table(corpus: ParsedCorpus, analysis: Analysis) -> bytes:
    rows = [
        {"group_id": g["id"], "article_id": m["id"], "title": m["title"], "relation": m["relation"],
         "jaccard": m["jaccard"], "containment": m["containment"]}
        for g in duplicate_records(corpus, analysis)
        for m in g["members"]
    ]
    return to_csv(rows, ["group_id", "article_id", "title", "relation", "jaccard", "containment"])


def analysis_files(corpus: ParsedCorpus, analysis: Analysis, to_json) -> Iterator[tuple[str, bytes]]:
    """``data/themes.json``, ``enterprises.json``, ``glossary.json``, ``claims.json`` and the CSV
    tables, one file at a time (each let go once handed on)."""
    yield "data/themes.json", to_json(theme_records(analysis))
    yield "data/enterprises.json", to_json(enterprise_records(analysis))
    yield "data/glossary.json", to_json(glossary_records(analysis))
    yield "data/claims.json", to_json(claims_records(corpus, analysis))
    yield "data/duplicates.json", to_json(duplicate_records(corpus, analysis))
    yield "data/duplicates.csv", duplicates_table(corpus, analysis)
    yield from csv_tables(corpus, analysis).items()
