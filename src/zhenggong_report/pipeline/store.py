"""Each page's cache entries: its parse, its words and its reading, under content keys.

The keys say what each entry depends on: the parse and the words on the code, the page, the
user dictionary and the layout file; the reading also on the theme, claim and stop-word files.
So a changed theme file re-reads every page from its cached words, without parsing or cutting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..analyze.tokens import ArticleTokens
from ..cache import BuildCache, digest
from ..models.source_files import SourceFile
from ..parse import PageResult
from .map import MapTools, PageOutput, PageRead, reread_page


@dataclass(frozen=True)
class PageKeys:
    work: str
    """The parse and the words."""
    reading: str


def page_keys(source: SourceFile, code: str, dictionary: str, themes: str, stopwords: str = "-", layout: str = "-") -> PageKeys:
    work = digest("page-work", code, dictionary, layout, source.name, source.sha256, source.facts.text_digest)
    return PageKeys(work, digest("page-reading", work, themes, stopwords))


def store_page(cache: BuildCache, keys: PageKeys, output: PageOutput, tokens: Optional[tuple[ArticleTokens, ...]]) -> None:
    """Keep a mapped page (its words too, when they came back with it)."""
    cache.store("page-parse", keys.work, output.result)
    if tokens is not None:  # each article's units only: the articles themselves are the parse's
        cache.store("page-tokens", keys.work, tuple(t.units for t in tokens))
    cache.store("page-reading", keys.reading, output.read)


def load_page(cache: BuildCache, keys: PageKeys, tools: MapTools) -> Optional[PageOutput]:
    """The page from the cache; its reading remade from the cached words when only the theme file
    or stop words changed. None when the page itself must be mapped again."""
    result = cache.load("page-parse", keys.work)
    if not isinstance(result, PageResult):
        return None
    read = cache.load("page-reading", keys.reading)
    if not isinstance(read, PageRead):
        units = cache.load("page-tokens", keys.work)
        if not isinstance(units, tuple) or len(units) != len(result.articles):
            return None
        tokens = tuple(ArticleTokens(article, article_units) for article, article_units in zip(result.articles, units))
        read = reread_page(result, tokens, tools)
        cache.store("page-reading", keys.reading, read)
    return PageOutput(result, read)
