"""The analysis half of ``data/``: per-article fields, ``themes.json``, ``enterprises.json``,
``glossary.json``, ``claims.json``, ``duplicates.json`` and the same tables as CSV.

The CSV tables are made in :mod:`.tables`. Records are deterministic: fixed key and row order,
floats already rounded.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Iterator

from ..models.analysis import (
    Analysis,
    ArticleAnalysis,
    Claim,
    Enterprise,
    Evidence,
    ThemeDefinition,
    ThemeHit,
)
from ..models.parsed import ParsedCorpus
from .tables import csv_tables, to_csv


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
                "parent_masthead": e.parent_masthead,
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


def analysis_files(corpus: ParsedCorpus, analysis: Analysis, to_json) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """``data/themes.json``, ``enterprises.json``, ``glossary.json``, ``claims.json`` and the CSV
    tables, one file at a time (each let go once handed on)."""
    yield "data/themes.json", to_json(theme_records(analysis))
    yield "data/enterprises.json", to_json(enterprise_records(analysis))
    yield "data/glossary.json", to_json(glossary_records(analysis))
    yield "data/claims.json", to_json(claims_records(corpus, analysis))
    yield "data/duplicates.json", to_json(duplicate_records(corpus, analysis))
    yield "data/duplicates.csv", duplicates_table(corpus, analysis)
    yield from csv_tables(corpus, analysis)
