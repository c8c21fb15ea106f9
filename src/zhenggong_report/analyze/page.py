"""The map's share of the analysis: one page read on its own.

:func:`read_page` parses a page, cuts each of its articles into words once and reads what each
article says by itself (its themes, quantitative claims and content-word counts). It depends on
the page and the data files only — no other page, no cache, no process of its own — so any
executor may run it, wherever the package and the data files are.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.analysis import Claim
from ..models.parsed import Article
from ..models.source_files import SourceFile
from ..parse import PageResult, parse_page
from ..parse.layout import Layout
from ..parse.layout_file import default_layout
from ..segmenter import Segmenter
from .claims import article_claims
from .data_files import AnalysisData
from .theme_matches import TermIndex
from .themes import ArticleThemes, read_article_themes
from .tokens import ArticleTokens, content_counts, tokenize_article


class PageTools:
    """What reading a page needs, made once per process: the segmenter (jieba), the data files
    and the theme index built from them."""

    def __init__(self, segmenter: Segmenter, data: AnalysisData, layout: Layout | None = None) -> None:
        self.segmenter = segmenter
        self.data = data
        self.layout = layout or default_layout()
        self.index = TermIndex(data.taxonomy.themes)


@dataclass(frozen=True)
class PageReading:
    """What each article of a page says on its own: all the corpus-wide steps need of its words,
    so the words themselves stay behind."""

    themes: tuple[ArticleThemes, ...]
    claims: tuple[tuple[Claim, ...], ...]
    counts: tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]
    """Content-word counts per article, for TF-IDF, as (words, counts)."""


@dataclass(frozen=True)
class PageAnalysis:
    """One page parsed, its articles cut into words, and its reading."""

    result: PageResult
    tokens: tuple[ArticleTokens, ...]
    reading: PageReading


def read_page(source: SourceFile, tools: PageTools) -> PageAnalysis:
    """Parse ``source``, cut its articles and read each one on its own."""
    result = parse_page(source, tools.segmenter, layout=tools.layout)
    tokens = tuple(tokenize_article(article, tools.segmenter) for article in result.articles)
    return PageAnalysis(result, tokens, read_tokens(tokens, tools))


def read_tokens(tokens: tuple[ArticleTokens, ...], tools: PageTools) -> PageReading:
    """The reading of articles already cut into words (also what a changed theme file redoes)."""
    return PageReading(
        themes=tuple(read_article_themes(t, tools.data.taxonomy, tools.index) for t in tokens),
        claims=tuple(article_claims(t, tools.data.claims) for t in tokens),
        counts=tuple(_pairs(content_counts(t, tools.segmenter)) for t in tokens),
    )


def read_article(article: Article, tools: PageTools) -> tuple[ArticleTokens, PageReading]:
    """One article cut and read alone (an article joined across pages after the map)."""
    tokens = (tokenize_article(article, tools.segmenter),)
    return tokens[0], read_tokens(tokens, tools)


def _pairs(counts: dict[str, int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    words = tuple(sorted(counts))
    return words, tuple(counts[w] for w in words)

