"""What the analyzer reads in the articles, for the renderer: themes with their evidence,
enterprises, keywords, claims, related articles, the glossary and duplicate groups (:class:`Analysis`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Evidence:
    """A sentence that shows an article treats a theme, with the matched term's position in it."""

    sentence: str
    term: str
    start: int
    end: int
    paragraph: int
    """Index into the article's paragraphs; -1 for the title, abstract or author keywords."""
    place: str = "text"
    """Where the sentence stands: ``title``, ``abstract``, ``keywords``, ``heading``, ``lead`` (a
    paragraph's short opening sentence that works as a run-in heading) or ``text``."""


@dataclass(frozen=True)
class ThemeDefinition:
    id: str
    name: str
    description: str
    terms: tuple[tuple[str, float], ...]
    """Terms (words or phrases) with their weights."""
    exclude: tuple[str, ...] = ()
    near: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Terms that count only in a sentence holding one of these words."""


@dataclass(frozen=True)
class ThemeHit:
    """An article <-> theme link."""

    theme_id: str
    name: str
    score: float
    terms: tuple[tuple[str, int], ...]
    """Matched terms with their counts, commonest first."""
    evidence: tuple[Evidence, ...]
    reasons: tuple[str, ...] = ()
    """Why the article treats the theme (a section, a passage, the spread), or empty for a mere mention."""
    paragraphs: tuple[int, ...] = ()
    """The paragraphs holding the theme's terms (-1: title, abstract or keywords)."""


@dataclass(frozen=True)
class Enterprise:
    id: str
    name: str
    aliases: tuple[str, ...]
    parent: Optional[str]
    """The parent enterprise's id, or None for a top-level group."""
    kind: str
    """group, company, mine, unit ..."""
    parent_masthead: Optional[str] = None
    """The paper whose masthead gave the parent (``兰化集团报``): the unit is printed bare on its
    pages and no page prints it under an enterprise; None when the parent is printed or curated."""


@dataclass(frozen=True)
class EnterpriseLink:
    enterprise_id: str
    name: str
    role: str
    """``affiliation`` (the author's unit belongs to it) or ``mention``."""
    count: int = 1
    """How often the article's text (title, abstract, body) names it; 0 for an affiliation never named."""
    unit: Optional[str] = None
    """The author's department inside the enterprise (党群工作部, 党政办, 工会 ...), for affiliations."""


@dataclass(frozen=True)
class Keyword:
    word: str
    weight: float


@dataclass(frozen=True)
class Claim:
    """A quantitative statement: a figure with its unit, in its sentence."""

    value: str
    unit: str
    sentence: str
    article_id: str
    paragraph: int = -1
    """Index into the article's paragraphs; -1 for the abstract."""
    start: int = -1
    end: int = -1
    """Where the figure with its unit stands in ``sentence``."""
    subject: str = ""
    """Whose figure it is: the author's enterprise (its affiliation as printed), ``某企业 (例)`` for an
    anonymous example, ``行业数据`` for a survey or sector-wide share."""
    subject_kind: str = ""
    """``enterprise``, ``example`` or ``sector``."""


@dataclass(frozen=True)
class Related:
    article_id: str
    score: float


@dataclass(frozen=True)
class GlossaryEntry:
    """A quoted formulation (提法) and where it is used."""

    term: str
    count: int
    """Every use, quoted or not; a use inside a longer formulation of the glossary counts for that one."""
    articles: tuple[str, ...]
    first_article: str
    """The first article that quotes it."""
    first_context: str
    quoted: int = 0
    """Uses in quotation marks."""


@dataclass(frozen=True)
class DuplicateMember:
    """One article of a group of duplicates, measured against the group's representative."""

    article_id: str
    relation: str
    """``representative`` (the longest text), ``identical`` (the same text), ``near-duplicate``
    (shingle Jaccard >= 0.8), ``abridged`` (>= 0.8 of its shingles stand in the representative) or
    ``overlapping`` (joined to the group through another member)."""
    jaccard: float = 1.0
    """Shared character shingles over all shingles of the two texts."""
    containment: float = 1.0
    """Share of this article's shingles that stand in the representative."""


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles submitted more than once (一稿多投): the same text, or one an abridged copy of another."""

    id: str
    members: tuple[DuplicateMember, ...]
    """The representative first, then the others in corpus order."""

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(m.article_id for m in self.members)


@dataclass(frozen=True)
class ArticleAnalysis:
    article_id: str
    themes: tuple[ThemeHit, ...]
    """Strongest first."""
    primary_theme: Optional[str]
    enterprises: tuple[EnterpriseLink, ...]
    keywords: tuple[Keyword, ...]
    claims: tuple[Claim, ...]
    related: tuple[Related, ...]
    theme_mentions: tuple[ThemeHit, ...] = ()
    """Themes the article names without treating them (a passing mention), strongest first."""


@dataclass(frozen=True)
class Analysis:
    themes: tuple[ThemeDefinition, ...]
    enterprises: tuple[Enterprise, ...]
    articles: tuple[ArticleAnalysis, ...]
    """One per parsed article, in the corpus's order."""
    glossary: tuple[GlossaryEntry, ...]
    duplicates: tuple[DuplicateGroup, ...] = ()
    """Groups of duplicate and near-duplicate articles, in the order of their first member."""

    def duplicate_group_of(self, article_id: str) -> Optional[DuplicateGroup]:
        for group in self.duplicates:
            if article_id in group.article_ids:
                return group
        return None

    def distinct_article_ids(self) -> tuple[str, ...]:
        """Every article once, a group of duplicates counted by its representative alone."""
        copies = {m.article_id for g in self.duplicates for m in g.members[1:]}
        return tuple(item.article_id for item in self.articles if item.article_id not in copies)

    def for_article(self, article_id: str) -> ArticleAnalysis:
        for item in self.articles:
            if item.article_id == article_id:
                return item
        raise KeyError(article_id)
