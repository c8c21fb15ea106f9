"""The analyze stage, as a map and a reduce.

* :func:`read_page` (the map, :mod:`.page`): one page parsed, its articles cut into words once
  (:mod:`.tokens`) and what each says on its own — themes (:mod:`.themes`), quantitative claims
  (:mod:`.claims`), content-word counts.
* :func:`read_corpus` (the reduce, :mod:`.corpus`): enterprises (:mod:`.enterprises`), keywords
  and related articles (:mod:`.keywords`), the 提法 glossary (:mod:`.glossary`) and duplicate
  submissions (:mod:`.duplicates`), from the articles and their readings.

Neither forks nor caches; the pipeline decides where each runs. Domain knowledge comes from the
data files (:mod:`.data_files`), which a user data folder may override.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..models.analysis import Analysis
from ..models.parsed import ParsedCorpus
from ..parse.layout_file import load_layout
from ..segmenter import Segmenter
from .corpus import in_order, read_corpus
from .data_files import AnalysisData, load_analysis_data
from .paper_owners import page_mastheads
from .page import PageAnalysis, PageReading, PageTools, read_article, read_page, read_tokens
from .tokens import tokenize_article

__all__ = [
    "AnalysisData", "PageAnalysis", "PageReading", "PageTools", "analyze_corpus", "in_order", "load_analysis_data",
    "page_mastheads", "read_article", "read_corpus", "read_page", "read_tokens",
]


def analyze_corpus(
    corpus: ParsedCorpus, segmenter: Segmenter, data_dir: Optional[Path] = None, data: Optional[AnalysisData] = None
) -> Analysis:
    """The analysis of an already parsed corpus: each article read on its own, then the corpus
    (for callers that hold a :class:`ParsedCorpus`; a build reads page by page instead)."""
    tools = PageTools(segmenter, data if data is not None else load_analysis_data(data_dir), load_layout(data_dir))
    readings = [read_tokens((tokenize_article(article, segmenter),), tools) for article in corpus.articles]
    mastheads = page_mastheads(corpus.pages, tools.layout.masthead_endings)
    return read_corpus(corpus.articles, readings, tools.data, segmenter, mastheads=mastheads)
