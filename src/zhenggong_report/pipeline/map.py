"""The per-page map as the pipeline runs it: :func:`..analyze.read_page` and each article's body
as HTML (its primary theme's terms marked), for one page.

:func:`map_page` is a pure function of the page and the data files. The tools it needs are made
once per process, from a :class:`ToolsRecipe` that any process — a forked or spawned worker, a
Dask worker on another machine — can turn into them.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..analyze import PageReading, PageTools, read_article, read_page, read_tokens
from ..analyze.data_files import AnalysisData
from ..analyze.tokens import ArticleTokens
from ..errors import DataFileError
from ..models.parsed import Article
from ..models.source_files import SourceFile
from ..parse import PageResult
from ..parse.layout import Layout
from ..render.markdown import BodyRenderer, body_terms
from ..segmenter import Segmenter


class MapTools:
    """The analysis's page tools and the body renderer, made once per process."""

    def __init__(self, page: PageTools) -> None:
        self.page = page
        self.bodies = BodyRenderer()

    @property
    def segmenter(self) -> Segmenter:
        return self.page.segmenter


@dataclass(frozen=True)
class PageRead:
    """What the corpus-wide steps and the report take from a page's articles: their readings and
    their bodies as HTML."""

    reading: PageReading
    bodies: tuple[str, ...]


@dataclass(frozen=True)
class PageOutput:
    """The map's result for one page."""

    result: PageResult
    read: PageRead


def map_page(source: SourceFile, tools: MapTools) -> tuple[PageOutput, tuple[ArticleTokens, ...]]:
    """One page read, with its articles' words (which the cache keeps, and nothing else needs)."""
    analysis = read_page(source, tools.page)
    return PageOutput(analysis.result, PageRead(analysis.reading, render_bodies(analysis.result.articles, analysis.reading, tools))), analysis.tokens


def reread_page(result: PageResult, tokens: tuple[ArticleTokens, ...], tools: MapTools) -> PageRead:
    """The reading of a page whose words are known (only the theme file or stop words changed)."""
    reading = read_tokens(tokens, tools.page)
    return PageRead(reading, render_bodies(result.articles, reading, tools))


def read_alone(article: Article, tools: MapTools) -> PageRead:
    """One article read on its own (one joined across pages after the map)."""
    _, reading = read_article(article, tools.page)
    return PageRead(reading, render_bodies((article,), reading, tools))


def render_bodies(articles: tuple[Article, ...], reading: PageReading, tools: MapTools) -> tuple[str, ...]:
    return tuple(
        str(tools.bodies.paragraphs(article.paragraphs, body_terms(themes.treated)))
        for article, themes in zip(articles, reading.themes, strict=True)
    )


@dataclass(frozen=True)
class ToolsRecipe:
    """Everything the map needs to make its tools, as plain picklable data: the user dictionary's
    and stop-word file's bytes (not their paths, which may not exist where the map runs), the
    loaded data files and the layout."""

    userdict: bytes
    stopwords: bytes
    data: AnalysisData
    layout: Layout
    userdict_name: str = "userdict.txt"
    """The user dictionary's path where the build started, for messages about it."""
    keep_dictionary: bool = True
    cache_folder: Optional[Path] = None
    """Where jieba's dictionary cache is kept; None: the running machine's own."""

    @classmethod
    def of(cls, segmenter: Segmenter, data: AnalysisData, layout: Layout, share_cache_folder: bool = True) -> "ToolsRecipe":
        userdict = Path(segmenter.userdict).read_bytes() if segmenter.userdict and Path(segmenter.userdict).exists() else b""
        return cls(
            userdict, Path(segmenter.stopwords_file).read_bytes(), data, layout, str(segmenter.userdict),
            segmenter.keep_dictionary, Path(segmenter.cache_folder) if share_cache_folder else None,
        )

    def make(self, folder: Optional[Path] = None) -> MapTools:
        """The tools, the two word files written into ``folder``; without one, into a temporary
        folder that is removed once the dictionary is loaded (both files are read by then)."""
        if folder is None:
            with tempfile.TemporaryDirectory(prefix="zhenggong-map-") as temporary:
                return self.make(Path(temporary))
        where = Path(folder)
        where.mkdir(parents=True, exist_ok=True)
        userdict, stopwords = where / "userdict.txt", where / "stopwords.txt"
        userdict.write_bytes(self.userdict)
        stopwords.write_bytes(self.stopwords)
        segmenter = Segmenter(userdict, self.cache_folder, stopwords, self.keep_dictionary)
        try:
            segmenter.load()  # jieba's dictionary, loaded once for every page this process maps
        except DataFileError as error:
            raise DataFileError(self.userdict_name, error.message, error.entry) from None
        return MapTools(PageTools(segmenter, self.data, self.layout))
