"""The reduce: the corpus read from every article's own reading.

:func:`read_corpus` needs the articles (their text) and what the map read in each of them; it
finds the enterprises and the 提法 glossary, weighs keywords, finds related articles and
duplicate submissions, and joins it all into one :class:`~..models.Analysis`. It neither forks
nor caches: ``pair`` runs its two independent halves (one after the other unless the caller
gives a way to run them side by side), and ``glossary_memo`` is each article's glossary work as
an earlier build left it, kept by the caller.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence, TypeVar

from ..models import Analysis, Article, ArticleAnalysis
from ..segmenter import Segmenter
from .data_files import AnalysisData
from .enterprises import read_enterprises
from .glossary import GlossaryMemo, build_glossary
from .page import PageReading
from .tokens import article_text_units

A = TypeVar("A")
B = TypeVar("B")
Pair = Callable[[Callable[[], A], Callable[[], B]], tuple[A, B]]


def in_order(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """``(first(), second())``, one after the other."""
    return first(), second()


def read_corpus(
    articles: Sequence[Article],
    readings: Sequence[PageReading],
    data: AnalysisData,
    segmenter: Segmenter,
    pair: Pair = in_order,
    glossary_memo: Optional[GlossaryMemo] = None,
) -> Analysis:
    """The analysis of ``articles``, whose own readings are ``readings`` (page by page, in order)."""
    themes = [t for r in readings for t in r.themes]
    claims = [c for r in readings for c in r.claims]
    counts = [c for r in readings for c in r.counts]
    if not len(themes) == len(claims) == len(counts) == len(articles):
        raise ValueError(f"{len(articles)} articles but {len(themes)} readings")
    ids = tuple(article.id for article in articles)

    def enterprises_and_glossary():
        texts = tuple(article_text_units(a) for a in articles)
        enterprises = read_enterprises(texts, data.enterprises, segmenter)
        names = frozenset(name for e in enterprises.enterprises for name in (e.name, *e.aliases))
        return enterprises, build_glossary(texts, names, glossary_memo, data.glossary)

    def keywords_related_and_duplicates():
        # numpy, pandas and datasketch are imported here: in a forked child when ``pair`` forks
        from .duplicates import find_duplicates
        from .keywords import related_articles, term_weights, top_keywords

        weights = term_weights((), segmenter, counts, ids)
        keywords = top_keywords(weights)
        weights = weights.with_sub_words()  # the plain table is let go before similarity is worked out
        return keywords, related_articles(weights), find_duplicates(articles)

    (keywords, related, duplicates), (enterprises, glossary) = pair(keywords_related_and_duplicates, enterprises_and_glossary)
    return Analysis(
        themes=data.taxonomy.themes,
        enterprises=enterprises.enterprises,
        articles=tuple(
            ArticleAnalysis(
                article_id=article_id,
                themes=theme.treated,
                primary_theme=theme.primary,
                enterprises=enterprises.links.get(article_id, ()),
                keywords=keywords.get(article_id, ()),
                claims=claims_of,
                related=related.get(article_id, ()),
                theme_mentions=theme.mentioned,
            )
            for article_id, theme, claims_of in zip(ids, themes, claims, strict=True)
        ),
        glossary=glossary,
        duplicates=duplicates,
    )
