"""Small builders for analyzer tests: articles from text, a corpus from articles."""

from __future__ import annotations

from zhenggong_report.models.parsed import Article, Paragraph, ParsedCorpus


def make_article(title: str, paragraphs, article_id: str = "a-test0001", affiliation=None, abstract=None, keywords=()) -> Article:
    """``paragraphs`` are strings (text) or ``("heading", text)`` pairs."""
    items = []
    for number, item in enumerate(paragraphs, 1):
        kind, text = item if isinstance(item, tuple) else ("text", item)
        items.append(Paragraph(kind=kind, text=text, lines=((number, number),)))
    return Article(
        id=article_id,
        file="test.txt",
        title=title,
        display_title=title,
        title_inferred=False,
        subtitle=None,
        author="测试",
        affiliation=affiliation,
        role=None,
        partial=False,
        abstract=abstract,
        author_keywords=tuple(keywords),
        lines=((1, len(items) or 1),),
        joins=(),
        paragraphs=tuple(items),
    )


def make_corpus(*articles: Article) -> ParsedCorpus:
    return ParsedCorpus(sources=(), articles=tuple(articles), leftovers=(), pages=())
