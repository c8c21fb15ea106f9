"""Frozen dataclasses: the contracts between the pipeline stages.

sources -> :class:`SourceFile`, with the line spans and columns records point back at   (:mod:`.source_files`)
parse   -> :class:`ParsedCorpus` (articles, leftovers, page notes)                      (:mod:`.parsed`)
analyze -> :class:`Analysis` (themes, enterprises, keywords, claims ...)                 (:mod:`.analysis`)
render  -> files on disk

The package re-exports every record; the project's own modules import each from the module that
defines it (a cache entry names a record by that module). Importing any of them imports all three,
so an entry's records can always be rebuilt (:mod:`..entries` builds only classes of modules already
imported).
"""

from .analysis import (
    Analysis,
    ArticleAnalysis,
    Claim,
    DuplicateGroup,
    DuplicateMember,
    Enterprise,
    EnterpriseLink,
    Evidence,
    GlossaryEntry,
    Keyword,
    Related,
    ThemeDefinition,
    ThemeHit,
)
from .parsed import Article, Join, Leftover, PageMeta, PageNote, Paragraph, ParsedCorpus
from .source_files import Box, Furniture, SourceFacts, SourceFile, Span

__all__ = [
    "Analysis", "Article", "ArticleAnalysis", "Box", "Claim", "DuplicateGroup", "DuplicateMember",
    "Enterprise", "EnterpriseLink", "Evidence", "Furniture", "GlossaryEntry", "Join", "Keyword",
    "Leftover", "PageMeta", "PageNote", "Paragraph", "ParsedCorpus", "Related", "SourceFacts",
    "SourceFile", "Span", "ThemeDefinition", "ThemeHit",
]
