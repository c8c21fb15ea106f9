"""The analysis as CSV tables (``data/*.csv``), for Excel and WPS, written as they are made.

UTF-8 with a byte-order mark, so Excel and WPS open the Chinese text right; header row always
present, quoting minimal, ``\n`` line ends (the dialect pandas' ``to_csv`` writes, through the same
csv module). The per-article tables are made one at a time, each in one pass over the articles,
and handed on in pieces of :data:`ROWS_PER_PIECE` rows: a large corpus's rows never all exist at once.
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from typing import Any, Iterable, Iterator, Mapping, Optional

from ..models.analysis import Analysis
from ..models.parsed import ParsedCorpus
from .labels import labels

ROWS_PER_PIECE = 2_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
"""What makes Excel or WPS read a cell as a formula (with the full-width forms an IME types)."""
ARTICLE_COLUMNS = [
    "id", "kicker", "title", "subtitle", "author", "affiliation", "enterprise_id", "enterprise", "unit", "primary_theme", "themes",
    "keywords", "claims", "characters", "file",
]


def inert_cell(value: Any) -> Any:
    """A text cell that would start a formula gets a leading ``'`` (OWASP's advice against CSV
    injection); numbers and other cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_pieces(rows: Iterable[Mapping[str, Any]], columns: list[str], headers: Optional[Mapping[str, str]] = None) -> Iterator[bytes]:
    """A CSV table in pieces of bytes. The header row shows each column in ``headers`` (by default
    the Chinese ``csv_headers`` of ``data/labels.toml``); missing values are empty."""
    shown = labels().csv_headers if headers is None else headers
    rows = iter(rows)
    first = True
    while True:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        quoting_writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        if first:
            writer.writerow([shown.get(column, column) for column in columns])
        batch = list(islice(rows, ROWS_PER_PIECE))
        for row in batch:
            cells = [inert_cell(row.get(column)) for column in columns]
            # The csv module quotes a lone CR only when it ends lines: such a row quotes its text cells.
            (quoting_writer if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
        if batch or first:
            yield buffer.getvalue().encode("utf-8-sig" if first else "utf-8")
        if not batch:
            return
        first = False


def to_csv(rows: Iterable[Mapping[str, Any]], columns: list[str], headers: Optional[Mapping[str, str]] = None) -> bytes:
    """:func:`csv_pieces` as one bytes object."""
    return b"".join(csv_pieces(rows, columns, headers))


def _joined(values: Iterable[Any], separator: str = "；") -> str:
    return separator.join(str(v) for v in values)


class _Tables:
    """What the per-article tables look up: articles, enterprises and themes by id."""

    def __init__(self, corpus: ParsedCorpus, analysis: Analysis) -> None:
        self.analysis = analysis
        self.articles = {a.id: a for a in corpus.articles}
        self.themes = {t.id: t for t in analysis.themes}

    def pairs(self):
        return ((self.articles[item.article_id], item) for item in self.analysis.articles)

    def article_rows(self) -> Iterator[dict[str, Any]]:
        for article, item in self.pairs():
            own = next((l for l in item.enterprises if l.role == "affiliation"), None)
            yield {
                "id": article.id,
                "kicker": article.kicker,
                "title": article.display_title,
                "subtitle": article.subtitle,
                "author": article.author,
                "affiliation": article.affiliation,
                "enterprise_id": own.enterprise_id if own else None,
                "enterprise": own.name if own else None,
                "unit": own.unit if own else None,
                "primary_theme": self.themes[item.primary_theme].name if item.primary_theme else None,
                "themes": _joined(h.name for h in item.themes),
                "keywords": _joined(k.word for k in item.keywords),
                "claims": len(item.claims),
                "characters": article.characters,
                "file": article.file,
            }

    def theme_rows(self) -> Iterator[dict[str, Any]]:
        for article, item in self.pairs():
            for treats, hits in ((True, item.themes), (False, item.theme_mentions)):
                for hit in hits:
                    yield {
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

    def enterprise_link_rows(self) -> Iterator[dict[str, Any]]:
        for article, item in self.pairs():
            for link in item.enterprises:
                yield {
                    "article_id": article.id,
                    "title": article.display_title,
                    "enterprise_id": link.enterprise_id,
                    "enterprise": link.name,
                    "role": link.role,
                    "unit": link.unit,
                    "count": link.count,
                }

    def keyword_rows(self) -> Iterator[dict[str, Any]]:
        for article, item in self.pairs():
            for rank, keyword in enumerate(item.keywords, 1):
                yield {"article_id": article.id, "title": article.display_title, "rank": rank, "word": keyword.word, "weight": keyword.weight}

    def related_rows(self) -> Iterator[dict[str, Any]]:
        for article, item in self.pairs():
            for rank, other in enumerate(item.related, 1):
                yield {
                    "article_id": article.id,
                    "title": article.display_title,
                    "rank": rank,
                    "related_id": other.article_id,
                    "related_title": self.articles[other.article_id].display_title,
                    "score": other.score,
                }


def csv_tables(corpus: ParsedCorpus, analysis: Analysis) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Every CSV file of ``data/`` as (name, pieces), one table after another."""
    from .analysis_data import claims_records, enterprise_records, glossary_records, theme_records

    tables = _Tables(corpus, analysis)
    enterprises = {e.id: e for e in analysis.enterprises}
    yield "data/articles.csv", csv_pieces(tables.article_rows(), ARTICLE_COLUMNS)
    yield "data/article_themes.csv", csv_pieces(
        tables.theme_rows(), ["article_id", "title", "theme_id", "theme", "treats", "score", "terms", "reasons", "evidence"]
    )
    yield "data/article_enterprises.csv", csv_pieces(
        tables.enterprise_link_rows(), ["article_id", "title", "enterprise_id", "enterprise", "role", "unit", "count"]
    )
    yield "data/keywords.csv", csv_pieces(tables.keyword_rows(), ["article_id", "title", "rank", "word", "weight"])
    yield "data/related.csv", csv_pieces(tables.related_rows(), ["article_id", "title", "rank", "related_id", "related_title", "score"])
    theme_table = (
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
    )
    yield "data/themes.csv", csv_pieces(theme_table, ["id", "name", "description", "terms", "articles", "article_ids", "mentioned_in"])
    enterprise_table = (
        {
            "id": r["id"],
            "name": r["name"],
            "kind": r["kind"],
            "parent_id": r["parent"],
            "parent": enterprises[r["parent"]].name if r["parent"] else None,
            "parent_masthead": r["parent_masthead"],
            "aliases": _joined(r["aliases"]),
            "affiliation_articles": _joined(r["articles"]["affiliation"]),
            "mention_articles": _joined(r["articles"]["mention"]),
            "subsidiary_articles": _joined(r["subsidiary_articles"]),
        }
        for r in enterprise_records(analysis)
    )
    yield "data/enterprises.csv", csv_pieces(
        enterprise_table,
        ["id", "name", "kind", "parent_id", "parent", "parent_masthead", "aliases", "affiliation_articles", "mention_articles",
         "subsidiary_articles"],
    )
    glossary_table = (
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
    )
    yield "data/glossary.csv", csv_pieces(glossary_table, ["term", "count", "quoted", "articles", "article_ids", "first_article", "first_context"])
    claims_table = ({k: v for k, v in r.items() if k not in ("start", "end")} for r in claims_records(corpus, analysis))
    yield "data/claims.csv", csv_pieces(claims_table, ["article_id", "title", "value", "unit", "subject", "subject_kind", "sentence", "paragraph"])
