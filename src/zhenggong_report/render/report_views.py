"""The view model's records for the report as a whole: themes, enterprises, the glossary, the
sources and the counts, and :class:`ReportView`, which holds them all (see :mod:`.view`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup

from ..models.analysis import Enterprise, GlossaryEntry, ThemeDefinition
from ..models.parsed import Join, Leftover
from .article_meta import PageInfo
from .labels import labels
from .article_views import ArticleRef, ArticleView, ClaimView, DuplicateGroupView, EnterpriseRef, HitView, ThemeRef


@dataclass(frozen=True)
class ThemeArticleView:
    article: ArticleRef
    hit: HitView


@dataclass(frozen=True)
class ThemeView:
    ref: ThemeRef
    definition: ThemeDefinition
    conditional_terms: frozenset[str]
    """Terms that count only in a sentence that also holds one of their "near" words."""
    articles: tuple[ThemeArticleView, ...]
    """Strongest first."""
    primary_count: int


@dataclass(frozen=True)
class EnterpriseView:
    ref: EnterpriseRef
    enterprise: Enterprise
    depth: int
    path: tuple[EnterpriseRef, ...]
    """Ancestors, outermost first."""
    children: tuple[EnterpriseRef, ...]
    written: tuple[ArticleRef, ...]
    """Articles whose author's unit is this enterprise."""
    mentioned: tuple[tuple[ArticleRef, int], ...]
    """Articles that mention it, with how often."""
    subtree_articles: int
    """Distinct articles linked to it or to any enterprise below it."""
    short_name: str = ""
    """Its shortest alias when shorter than the name (枣矿 for 枣庄矿业(集团)有限责任公司), else empty."""


@dataclass(frozen=True)
class GlossaryView:
    entry: GlossaryEntry
    articles: tuple[ArticleRef, ...]
    """The first :data:`GLOSSARY_ARTICLES_SHOWN` articles that use the formulation."""
    first_article: ArticleRef
    context: Markup
    more: int = 0
    """How many further articles use it."""


@dataclass(frozen=True)
class OnceUsedView:
    """Formulations one article uses once: listed together, linked to the article."""

    article: ArticleRef
    terms: tuple[str, ...]

    @property
    def terms_count(self) -> int:
        return len(self.terms)


@dataclass(frozen=True)
class SourceView:
    name: str
    encoding: str
    size: int
    sha256: str
    lines: int
    articles: tuple[ArticleRef, ...]
    leftovers: int
    title_placement: str
    evidence: tuple[str, ...]
    warnings: tuple[str, ...]
    kind: str = ""
    """What kind of file it was (Word 文档, PDF 电子版 …)."""
    facts: tuple[str, ...] = ()
    """What its reader took from it as fact, one line each."""
    printed: str = ""

    @property
    def placement_label(self) -> str:
        return labels().title_placements.get(self.title_placement, self.title_placement or "—")


@dataclass(frozen=True)
class JoinView:
    article: ArticleRef
    file: str
    join: Join


@dataclass(frozen=True)
class LeftoverView:
    leftover: Leftover
    source_label: str

    @property
    def kind_label(self) -> str:
        return labels().leftover_kinds.get(self.leftover.kind, self.leftover.kind)


@dataclass(frozen=True)
class Counts:
    sources: int
    articles: int
    authors: int
    enterprises: int
    themes: int
    characters: int
    leftovers: int
    distinct_articles: int = 0
    """Articles with each group of duplicate submissions counted once."""


@dataclass(frozen=True)
class ReportView:
    counts: Counts
    sources: tuple[SourceView, ...]
    column_joins: tuple[JoinView, ...]
    page_break_joins: tuple[JoinView, ...]

    @property
    def claims_by_article(self) -> tuple[tuple[ArticleRef, tuple[ClaimView, ...]], ...]:
        return tuple((a.ref, a.claims) for a in self.articles if a.claims)

    @property
    def page_break_articles(self) -> tuple[tuple[ArticleRef, int], ...]:
        """Articles with paragraphs rejoined across a line or page break, and how many."""
        counts: dict[ArticleRef, int] = {}
        for item in self.page_break_joins:
            counts[item.article] = counts.get(item.article, 0) + 1
        return tuple(counts.items())
    inferred_titles: tuple[ArticleView, ...]
    partial_articles: tuple[ArticleView, ...]
    leftovers: tuple[LeftoverView, ...]
    warnings: tuple[str, ...]
    articles: tuple[ArticleView, ...]
    themes: tuple[ThemeView, ...]
    enterprises: tuple[EnterpriseView, ...]
    """Tree order: each enterprise followed by its children."""
    glossary: tuple[GlossaryView, ...]
    """Formulations used more than once, commonest first."""
    glossary_once: tuple[OnceUsedView, ...]
    """Formulations used once, by article (in the corpus's order)."""
    claims: tuple[ClaimView, ...]
    duplicates: tuple[DuplicateGroupView, ...] = ()
    """Groups of duplicate submissions, in the order of their first article."""
    pages: Mapping[str, PageInfo] = None  # type: ignore[assignment]
    """Page metadata by source file name."""

    TOP_SHOWN = 10
    """Enterprises and formulations shown in the overview."""

    @property
    def top_enterprises(self) -> tuple[EnterpriseView, ...]:
        """The enterprises with the most articles (their subsidiaries' included), most first."""
        ranked = sorted((e for e in self.enterprises if e.subtree_articles), key=lambda e: (-e.subtree_articles, e.depth, e.ref.name))
        return tuple(ranked[: self.TOP_SHOWN])

    @property
    def top_glossary(self) -> tuple[GlossaryView, ...]:
        return self.glossary[: self.TOP_SHOWN]

    @property
    def dated(self) -> bool:
        """Whether any page carries a date (the table then has a date column)."""
        return any(meta.date for meta in (self.pages or {}).values())

    @property
    def enterprise_roots(self) -> tuple[EnterpriseView, ...]:
        return tuple(e for e in self.enterprises if e.depth == 0)

    def children_of(self, node: EnterpriseView) -> tuple[EnterpriseView, ...]:
        by_id = {e.ref.id: e for e in self.enterprises}
        return tuple(by_id[c.id] for c in node.children)


