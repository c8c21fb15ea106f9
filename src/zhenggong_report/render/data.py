"""The machine-readable half of the report: ``data/*.json``.

Records follow the output contract in the README; they are built from the
stage dataclasses and serialised deterministically (fixed key order, no
timestamps), so two builds of the same input give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Optional

from ..models.analysis import Analysis, ArticleAnalysis
from ..models.parsed import Article, Join, Leftover, PageNote, ParsedCorpus
from ..models.source_files import SourceFile
from ..sources.facts import facts_record
from .analysis_data import analysis_files, article_analysis_fields
from .files import CollectedFiles, Put


def source_record(file: str, lines, columns: tuple[int, ...] = ()) -> dict[str, Any]:
    """``file`` and ``lines``; ``columns`` too when the page's columns were split at a gutter."""
    record: dict[str, Any] = {"file": file, "lines": [[first, last] for first, last in lines]}
    if columns:
        record["columns"] = list(columns)
    return record


def join_record(join: Join) -> dict[str, Any]:
    return {
        "kind": join.kind,
        "before": list(join.before),
        "after": list(join.after),
        "text_before": join.text_before,
        "text_after": join.text_after,
        "evidence": list(join.evidence),
        "score": join.score,
    }


def article_record(article: Article, analysis: Optional[ArticleAnalysis] = None) -> dict[str, Any]:
    """The parser's fields of one article, and the analyzer's when ``analysis`` is given."""
    record = {
        "id": article.id,
        "title": article.title,
        "display_title": article.display_title,
        "title_inferred": article.title_inferred,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "author": article.author,
        "authors": list(article.authors),
        "author_roles": list(article.author_roles),
        "affiliation": article.affiliation,
        "role": article.role,
        "partial": article.partial,
        "abstract": article.abstract,
        "author_keywords": list(article.author_keywords),
        "editor_note": article.editor_note,
        "author_bio": article.author_bio,
        "footnotes": list(article.footnotes),
        "references": list(article.references),
        "journal": dict(article.journal),
        "metadata": dict(article.metadata),
        "editors": dict(article.editors),
        "continued_from": article.continued_from,
        "continued_on": article.continued_on,
        "source": source_record(article.file, article.lines, article.columns),
        "parts": [source_record(file, lines, article.columns if (file, lines) == (article.file, article.lines) else ())
                  for file, lines in article.parts],
        "joins": [join_record(j) for j in article.joins],
        "characters": article.characters,
        "flags": list(article.flags),
        "notes": list(article.notes),
        "headings": [i for i, p in enumerate(article.paragraphs) if p.kind == "heading"],
        "body": article.body,
    }
    if analysis is not None:
        record.update(article_analysis_fields(analysis))
    return record


def leftover_record(leftover: Leftover) -> dict[str, Any]:
    return {"kind": leftover.kind, "text": leftover.text, "source": source_record(leftover.file, leftover.lines, leftover.columns)}


def page_record(page: PageNote, source: Optional[SourceFile]) -> dict[str, Any]:
    record: dict[str, Any] = {"file": page.file}
    if source is not None:
        record.update({"encoding": source.encoding, "bytes": source.size, "sha256": source.sha256})
        record.update(source_kind_record(source))
    record["printed"] = page.meta.fields()
    record.update(
        {"title_placement": page.title_placement, "evidence": list(page.evidence), "warnings": list(page.warnings)}
    )
    return record


def source_kind_record(source: SourceFile) -> dict[str, Any]:
    """What kind of file the page was and what its reader took from it as fact."""
    facts = source.facts
    return {"kind": facts.kind, "kind_name": facts.kind_name or facts.kind, "facts": facts_record(facts)}


def json_pieces(value: Any, batch: int = 256) -> Iterator[bytes]:
    """UTF-8 JSON in pieces; a list (or any iterator of records) is written one record per line:
    readable, diff-friendly, encoded by json's C encoder (an ``indent`` would replace it with the
    pure-Python one). Records are encoded as they are made and handed on ``batch`` at a time, so a
    large corpus's records, or their JSON, never all exist at once."""
    if not (isinstance(value, (list, tuple)) or hasattr(value, "__next__")):
        yield (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")
        return
    pieces: list[str] = []
    opened = False
    for item in value:
        pieces.append(",\n" if opened or pieces else "[\n")
        pieces.append(json.dumps(item, ensure_ascii=False))
        if len(pieces) >= 2 * batch:
            yield "".join(pieces).encode("utf-8")
            pieces, opened = [], True
    yield ("".join(pieces) + ("\n]\n" if opened or pieces else "[]\n")).encode("utf-8")


def to_json(value: Any) -> bytes:
    """:func:`json_pieces` as one bytes object."""
    return b"".join(json_pieces(value))


def parse_files(corpus: ParsedCorpus, analysis: Optional[Analysis] = None, put: Optional[Put] = None) -> dict[str, bytes]:
    """``data/articles.json``, ``data/leftovers.json`` and ``data/pages.json``; with an analysis, the
    articles carry its fields and the analysis tables (JSON and CSV) are added. Each file goes to
    ``put`` as it is made (the large ones in pieces); without one, the files are returned."""
    collected = CollectedFiles()
    put = put or collected
    sources = {s.name: s for s in corpus.sources}
    per_article = {item.article_id: item for item in analysis.articles} if analysis is not None else {}
    put("data/articles.json", json_pieces(article_record(a, per_article.get(a.id)) for a in corpus.articles))
    put("data/leftovers.json", json_pieces(leftover_record(l) for l in corpus.leftovers))
    put("data/pages.json", json_pieces(page_record(p, sources.get(p.file)) for p in corpus.pages))
    if analysis is not None:
        for name, data in analysis_files(corpus, analysis, to_json):
            put(name, data)
    return collected
