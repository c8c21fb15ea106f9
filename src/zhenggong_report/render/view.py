"""The report's view model: the parsed corpus and its analysis, cross-linked for the templates.

Everything the templates show is prepared here in a stable order, with the
anchors resolved, so that every link has a target and goes both ways:
article <-> theme, article <-> enterprise. Templates only lay it out.
"""

from __future__ import annotations

from collections import ChainMap, Counter
from dataclasses import dataclass, field
from typing import Mapping, Optional

from markupsafe import Markup

from ..models import (
    Analysis,
    Article,
    ArticleAnalysis,
    Claim,
    Enterprise,
    Evidence,
    GlossaryEntry,
    Join,
    Keyword,
    Leftover,
    PageMeta,
    ParsedCorpus,
    SourceFile,
    ThemeDefinition,
    ThemeHit,
    column_suffix,
    lines_label,
    spans_in_columns,
)
from ..sources.facts import facts_summary, printed_span, stated_metadata
from .anchors import AnchorBook
from .article_meta import PageInfo, article_record_json, compact_reasons, line_ranges, page_info
from .labels import labels
from .markdown import BodyRenderer, body_terms, mark_first, mark_span

AFFILIATION = "affiliation"
EVIDENCE_CONTEXT = 12
"""Characters kept on each side of the marked term in evidence and claim excerpts."""
GLOSSARY_CONTEXT = 10
"""Characters kept on each side of a formulation in its first context."""
GLOSSARY_ARTICLES_SHOWN = 30
"""Articles linked from a glossary entry; the rest are counted (all are in ``data/glossary.json``)."""
EVIDENCE_SHOWN = 1
"""Evidence excerpts shown per article under each theme (the analysis may hold more)."""


@dataclass(frozen=True)
class ThemeRef:
    anchor: str
    id: str
    name: str


@dataclass(frozen=True)
class EnterpriseRef:
    anchor: str
    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class ArticleRef:
    anchor: str
    id: str
    number: int
    title: str
    title_inferred: bool
    author: Optional[str]
    unit: Optional[str] = None
    """The author's unit as printed (or the enterprise it was read as)."""


@dataclass(frozen=True)
class EvidenceView:
    """One sentence that shows the article treats a theme; its HTML is made when a page shows it
    (held for every hit of every article, it was a tenth of the view's memory)."""

    evidence: Evidence

    @property
    def html(self) -> Markup:
        e = self.evidence
        return mark_span(e.sentence, e.start, e.end, EVIDENCE_CONTEXT)

    @property
    def term(self) -> str:
        return self.evidence.term

    @property
    def paragraph(self) -> int:
        return self.evidence.paragraph


@dataclass(frozen=True)
class HitView:
    theme: ThemeRef
    score: float
    primary: bool
    terms: tuple[tuple[str, int], ...]
    evidence: tuple[EvidenceView, ...]
    reasons: tuple[str, ...] = ()
    """Why the article treats the theme, in Chinese (``data/labels.toml``)."""


@dataclass(frozen=True)
class MentionView:
    enterprise: EnterpriseRef
    count: int


@dataclass(frozen=True)
class ClaimView:
    anchor: str
    """The claim's own id (``c-<article>-<n>``); the table of claims is anchored per article (``c-<article>``)."""
    article: ArticleRef
    claim: Claim

    @property
    def value(self) -> str:
        return self.claim.value

    @property
    def unit(self) -> str:
        return self.claim.unit

    @property
    def html(self) -> Markup:
        """The claim's sentence with its figure marked, made when a page shows it."""
        return _mark_claim(self.claim)

    @property
    def subject(self) -> str:
        """Whose figure: the author's enterprise, 某企业 (例) or 行业数据 (see :class:`~..models.Claim`)."""
        return self.claim.subject

    @property
    def subject_kind(self) -> str:
        return self.claim.subject_kind


@dataclass(frozen=True)
class RelatedView:
    article: ArticleRef
    score: float


@dataclass(frozen=True)
class DuplicateMemberView:
    article: ArticleRef
    relation: str
    """In Chinese: 底本 (the representative), 全文相同, 近似重复, 删节稿, 部分重合."""
    jaccard: float
    containment: float


@dataclass(frozen=True)
class DuplicateGroupView:
    anchor: str
    members: tuple[DuplicateMemberView, ...]
    """The representative first."""


DUPLICATE_RELATIONS = {
    "representative": "底本",
    "identical": "全文相同",
    "near-duplicate": "近似重复",
    "abridged": "删节稿",
    "overlapping": "部分重合",
}


@dataclass(frozen=True)
class ArticleView:
    ref: ArticleRef
    article: Article
    source_label: str
    hits: tuple[HitView, ...]
    primary: Optional[ThemeRef]
    mentioned_themes: tuple[ThemeRef, ...]
    """Themes the article names only in passing (not linked: it does not treat them)."""
    affiliations: tuple[EnterpriseRef, ...]
    mentions: tuple[MentionView, ...]
    keywords: tuple[Keyword, ...]
    claims: tuple[ClaimView, ...]
    related: tuple[RelatedView, ...]
    bodies: Mapping[str, str] = field(compare=False, repr=False)
    """Every article's body as HTML, by id (:attr:`body` reads this one's)."""
    filter_themes: str
    """Space-separated theme anchors (for the in-page filter)."""
    filter_enterprises: str
    """Space-separated anchors of every linked enterprise and its ancestors."""
    duplicates: Optional[DuplicateGroupView] = None
    """The group of duplicate submissions the article belongs to, if any."""
    groups: tuple[tuple[EnterpriseRef, tuple[str, ...]], ...] = ()
    """The author's enterprises and the groups above them, outermost first, each with its aliases
    (shown so that a search for a short name such as 枣矿 finds the article)."""
    printed: str = ""
    """Where the page it stands on says it is from: paper, date, 版次, 栏目 (as far as printed)."""
    page: PageInfo = PageInfo()
    """The date and 版次 of the article's page (for sorting and the date filter), where printed."""
    source_parts: tuple[tuple[str, str], ...] = ()
    """(file, ``第3–20行``) for each part of the article, in reading order."""
    record: str = ""
    """The article's JSON record without its body (for copying and saving)."""
    flags: tuple[str, ...] = ()
    """The parser's flags, in Chinese."""
    placement: str = ""
    """Where the titles of the article's page stand, in Chinese."""

    @property
    def body(self) -> str:
        """The body as HTML, escaped where it was rendered (the template marks it safe): looked up
        when a page shows it, so no view holds its text (the bodies may be kept on disk)."""
        return self.bodies[self.article.id]

    @property
    def published(self) -> tuple[str, ...]:
        """What the text says of the article's publication (a pasted WeChat article's account, date …,
        its 来源 and 编辑/审核), worded as the overview words a WeChat file's facts."""
        return stated_metadata(self.article.metadata) + tuple(f"{label}：{name}" for label, name in self.article.editors)

    @property
    def score(self) -> float:
        """The strongest theme's score (0 without a theme)."""
        return self.hits[0].score if self.hits else 0.0

    @property
    def unit_anchor(self) -> Optional[str]:
        return self.affiliations[0].anchor if self.affiliations else None


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


def source_label(file: str, lines, source: Optional[SourceFile] = None, columns: tuple[int, ...] = ()) -> str:
    """``file:lines`` (each span's column named on a page split at its gutter); for a Word, PDF or
    WeChat file the lines as printed there (paragraphs, pages)."""
    if source is not None and source.facts.places:
        printed = (printed_span(source.facts, source.lines, span) + column_suffix(column) for span, column in spans_in_columns(lines, columns))
        return f"{file}:" + ",".join(printed)
    return f"{file}:{lines_label(lines, columns)}"


def article_source_label(article: Article, sources: Optional[Mapping[str, SourceFile]] = None) -> str:
    """``file:lines``; for an article joined across pages, each part's in reading order (the first
    part is the article's own lines, with their columns); for a Word, PDF or WeChat file among
    ``sources``, where the lines were printed there."""
    sources = sources or {}
    if article.parts:
        own = (article.file, article.lines)
        return "；".join(
            source_label(file, lines, sources.get(file), article.columns if (file, lines) == own else ()) for file, lines in article.parts
        )
    return source_label(article.file, article.lines, sources.get(article.file), article.columns)


def printed_label(meta: PageMeta) -> str:
    """``山西焦煤报 2026-01-05 第1版 要闻``: what a page prints about itself, as far as it does."""
    parts = [f"《{meta.newspaper}》" if meta.newspaper else "", meta.date or "", meta.issue or "", meta.edition or "", meta.column or ""]
    return " ".join(part for part in parts if part)


def _check_analysis(corpus: ParsedCorpus, analysis: Analysis) -> dict[str, ArticleAnalysis]:
    """The analysis must describe exactly the parsed articles and refer only to what it defines."""
    by_id = {item.article_id: item for item in analysis.articles}
    article_ids = {a.id for a in corpus.articles}
    missing = [a.id for a in corpus.articles if a.id not in by_id]
    extra = sorted(set(by_id) - article_ids)
    if missing or extra:
        raise ValueError(f"analysis does not match the parsed articles (missing {missing}, unknown {extra})")
    themes = {t.id for t in analysis.themes}
    enterprises = {e.id for e in analysis.enterprises}
    for item in analysis.articles:
        unknown = [h.theme_id for h in item.themes if h.theme_id not in themes]
        unknown += [e.enterprise_id for e in item.enterprises if e.enterprise_id not in enterprises]
        unknown += [r.article_id for r in item.related if r.article_id not in article_ids]
        if item.primary_theme is not None and item.primary_theme not in themes:
            unknown.append(item.primary_theme)
        if unknown:
            raise ValueError(f"analysis of {item.article_id} refers to unknown ids {unknown}")
    for entry in analysis.glossary:
        unknown = [i for i in (*entry.articles, entry.first_article) if i not in article_ids]
        if unknown:
            raise ValueError(f"glossary entry {entry.term!r} refers to unknown articles {unknown}")
    return by_id


class _Builder:
    def __init__(self, corpus: ParsedCorpus, analysis: Analysis, renderer: BodyRenderer, bodies: Mapping[str, str]) -> None:
        self.printed = {page.file: printed_label(page.meta) for page in corpus.pages}
        self.corpus = corpus
        self.sources = {source.name: source for source in corpus.sources}
        self.analysis = analysis
        self.renderer = renderer
        self.by_article = _check_analysis(corpus, analysis)
        self.bodies = _all_bodies(bodies, corpus, self.by_article, renderer)
        self.duplicate_views: dict[str, DuplicateGroupView] = {}
        self.anchors = AnchorBook()
        self.article_refs = {
            a.id: ArticleRef(self.anchors.add("a", a.id), a.id, n, a.display_title, a.title_inferred, a.author, a.affiliation)
            for n, a in enumerate(corpus.articles, 1)
        }
        self.pages = {p.file: page_info(p) for p in corpus.pages}
        self.placements = {p.file: labels().title_placements.get(p.title_placement, p.title_placement) for p in corpus.pages}
        self.theme_refs = {t.id: ThemeRef(self.anchors.add("t", t.id), t.id, t.name) for t in analysis.themes}
        self.enterprises = {e.id: e for e in analysis.enterprises}
        self.enterprise_refs = {
            e.id: EnterpriseRef(self.anchors.add("e", e.id), e.id, e.name, e.kind) for e in analysis.enterprises
        }
        self.children = self._children()

    # -- enterprises -----------------------------------------------------------------------

    def _parent(self, enterprise_id: str) -> Optional[str]:
        parent = self.enterprises[enterprise_id].parent
        return parent if parent in self.enterprises and parent != enterprise_id else None

    def ancestors(self, enterprise_id: str) -> tuple[str, ...]:
        """Parents of the enterprise, outermost first (a cycle in the data stops the walk)."""
        chain: list[str] = []
        seen = {enterprise_id}
        parent = self._parent(enterprise_id)
        while parent is not None and parent not in seen:
            chain.append(parent)
            seen.add(parent)
            parent = self._parent(parent)
        return tuple(reversed(chain))

    def root(self, enterprise_id: str) -> str:
        chain = self.ancestors(enterprise_id)
        return chain[0] if chain else enterprise_id

    def _children(self) -> dict[Optional[str], list[str]]:
        children: dict[Optional[str], list[str]] = {}
        for enterprise in self.analysis.enterprises:
            parent = self._parent(enterprise.id)
            if parent is not None and enterprise.id in self.ancestors(parent):
                parent = None  # part of a cycle: show it at the top
            children.setdefault(parent, []).append(enterprise.id)
        for ids in children.values():
            ids.sort(key=lambda i: (self.enterprises[i].name, i))
        return children

    def tree_order(self) -> list[tuple[str, int]]:
        """Every enterprise with its depth, each parent before its children (depth first).

        An explicit stack rather than a recursive closure: a closure that calls itself is a
        reference cycle, which would keep this builder, and the whole corpus it holds, alive
        until the cyclic collector finds it.
        """
        order: list[tuple[str, int]] = []
        stack = [(child, 0) for child in reversed(self.children.get(None, []))]
        while stack:
            enterprise, depth = stack.pop()
            order.append((enterprise, depth))
            stack.extend((child, depth + 1) for child in reversed(self.children.get(enterprise, [])))
        return order

    # -- articles ----------------------------------------------------------------------------

    def place_label(self, file: str, lines) -> str:
        """``第3–20行``; for a Word, PDF or WeChat file where the lines were printed there (¶, pages)."""
        source = self.sources.get(file)
        if source is not None and source.facts.places:
            return ",".join(printed_span(source.facts, source.lines, span) for span in lines)
        return line_ranges(lines)

    def hit_view(self, hit: ThemeHit, primary: Optional[str]) -> HitView:
        evidence = tuple(
            EvidenceView(e) for e in hit.evidence[:EVIDENCE_SHOWN]
        )
        reasons = compact_reasons([labels().reason(r) for r in hit.reasons])
        return HitView(self.theme_refs[hit.theme_id], hit.score, hit.theme_id == primary, hit.terms, evidence, reasons)

    def claim_view(self, claim: Claim, owner: ArticleRef, number: int) -> ClaimView:
        return ClaimView(f"c-{owner.anchor}-{number}", owner, claim)

    def article_view(self, article: Article) -> ArticleView:
        item = self.by_article[article.id]
        ref = self.article_refs[article.id]
        hits = tuple(self.hit_view(h, item.primary_theme) for h in item.themes)
        affiliations = _unique(self.enterprise_refs[e.enterprise_id] for e in item.enterprises if e.role == AFFILIATION)
        mention_counts: dict[str, int] = {}
        for link in item.enterprises:
            if link.role != AFFILIATION:
                mention_counts[link.enterprise_id] = mention_counts.get(link.enterprise_id, 0) + link.count
        mentions = tuple(MentionView(self.enterprise_refs[i], c) for i, c in mention_counts.items())
        linked = {e.enterprise_id for e in item.enterprises}
        with_ancestors = linked | {a for i in linked for a in self.ancestors(i)}
        meta = self.pages.get(article.file, PageInfo())
        return ArticleView(
            ref=ref,
            article=article,
            source_label=article_source_label(article, self.sources),
            hits=hits,
            primary=self.theme_refs[item.primary_theme] if item.primary_theme else None,
            mentioned_themes=tuple(self.theme_refs[h.theme_id] for h in item.theme_mentions if h.theme_id in self.theme_refs),
            affiliations=affiliations,
            mentions=mentions,
            keywords=item.keywords,
            claims=tuple(self.claim_view(c, ref, n) for n, c in enumerate(item.claims, 1)),
            related=tuple(RelatedView(self.article_refs[r.article_id], r.score) for r in item.related),
            bodies=self.bodies,
            filter_themes=" ".join(h.theme.anchor for h in hits),
            filter_enterprises=" ".join(sorted(self.enterprise_refs[i].anchor for i in with_ancestors)),
            duplicates=self.duplicate_views.get(article.id),
            groups=self.group_chain(a.enterprise_id for a in item.enterprises if a.role == AFFILIATION),
            printed=self.printed.get(article.file, ""),
            page=meta,
            source_parts=tuple((file, self.place_label(file, lines)) for file, lines in (article.parts or ((article.file, article.lines),))),
            record=article_record_json(article, hits, item.primary_theme, meta),
            flags=tuple(labels().flags.get(f, f) for f in article.flags),
            placement=self.placements.get(article.file) or "标题位置未定",
        )

    def group_chain(self, enterprise_ids) -> tuple[tuple[EnterpriseRef, tuple[str, ...]], ...]:
        chain: dict[str, None] = {}
        for enterprise_id in enterprise_ids:
            for member in (*self.ancestors(enterprise_id), enterprise_id):
                chain.setdefault(member, None)
        return tuple((self.enterprise_refs[i], self.enterprises[i].aliases) for i in chain)

    def duplicate_group_views(self) -> tuple[DuplicateGroupView, ...]:
        return tuple(
            DuplicateGroupView(
                self.anchors.add("d", group.id),
                tuple(
                    DuplicateMemberView(self.article_refs[m.article_id], DUPLICATE_RELATIONS.get(m.relation, m.relation), m.jaccard, m.containment)
                    for m in group.members
                ),
            )
            for group in self.analysis.duplicates
        )

    # -- sections ----------------------------------------------------------------------------

    def theme_views(self, articles: tuple[ArticleView, ...]) -> tuple[ThemeView, ...]:
        by_theme: dict[str, list[ThemeArticleView]] = {}
        for view in articles:
            for hit in view.hits:
                by_theme.setdefault(hit.theme.id, []).append(ThemeArticleView(view.ref, hit))
        views = []
        for definition in self.analysis.themes:
            ranked = by_theme.get(definition.id, [])
            ranked.sort(key=lambda item: (-item.hit.score, item.article.number))
            primary = sum(1 for item in ranked if item.hit.primary)
            conditional = frozenset(term for term, _ in definition.near)
            views.append(ThemeView(self.theme_refs[definition.id], definition, conditional, tuple(ranked), primary))
        return tuple(views)

    def enterprise_views(self) -> tuple[EnterpriseView, ...]:
        written: dict[str, dict[ArticleRef, None]] = {}  # ordered, without repeats
        mentioned: dict[str, list[tuple[ArticleRef, int]]] = {}
        linked_articles: dict[str, set[str]] = {}
        for article in self.corpus.articles:
            ref = self.article_refs[article.id]
            counts: dict[str, int] = {}
            for link in self.by_article[article.id].enterprises:
                linked_articles.setdefault(link.enterprise_id, set()).add(article.id)
                if link.role == AFFILIATION:
                    written.setdefault(link.enterprise_id, {})[ref] = None
                else:
                    counts[link.enterprise_id] = counts.get(link.enterprise_id, 0) + link.count
            for enterprise_id, count in counts.items():
                mentioned.setdefault(enterprise_id, []).append((ref, count))
        views = []
        for enterprise_id, depth in self.tree_order():
            subtree = {enterprise_id} | set(self._descendants(enterprise_id))
            views.append(
                EnterpriseView(
                    ref=self.enterprise_refs[enterprise_id],
                    enterprise=self.enterprises[enterprise_id],
                    depth=depth,
                    path=tuple(self.enterprise_refs[a] for a in self.ancestors(enterprise_id)),
                    children=tuple(self.enterprise_refs[c] for c in self.children.get(enterprise_id, [])),
                    written=tuple(written.get(enterprise_id, {})),
                    mentioned=tuple(mentioned.get(enterprise_id, [])),
                    subtree_articles=len(set().union(*(linked_articles.get(i, set()) for i in subtree))),
                    short_name=short_name(self.enterprises[enterprise_id]),
                )
            )
        return tuple(views)

    def _descendants(self, enterprise_id: str) -> list[str]:
        found: list[str] = []
        stack = list(self.children.get(enterprise_id, []))
        while stack:
            child = stack.pop()
            found.append(child)
            stack.extend(self.children.get(child, []))
        return found

    def glossary_views(self) -> tuple[GlossaryView, ...]:
        views = []
        for entry in self.analysis.glossary:
            if _used_once(entry):
                continue
            articles = _unique(entry.articles)
            views.append(
                GlossaryView(
                    entry=entry,
                    articles=tuple(self.article_refs[i] for i in articles[:GLOSSARY_ARTICLES_SHOWN]),
                    first_article=self.article_refs[entry.first_article],
                    context=mark_first(entry.first_context, entry.term, GLOSSARY_CONTEXT),
                    more=max(0, len(articles) - GLOSSARY_ARTICLES_SHOWN),
                )
            )
        return tuple(views)

    def glossary_once(self) -> tuple[OnceUsedView, ...]:
        by_article: dict[str, list[str]] = {}
        for entry in self.analysis.glossary:
            if _used_once(entry):
                by_article.setdefault(entry.first_article, []).append(entry.term)
        return tuple(
            OnceUsedView(self.article_refs[a.id], tuple(by_article[a.id])) for a in self.corpus.articles if a.id in by_article
        )

    def source_views(self) -> tuple[SourceView, ...]:
        notes = {p.file: p for p in self.corpus.pages}
        articles: dict[str, list[ArticleRef]] = {}
        for article in self.corpus.articles:
            articles.setdefault(article.file, []).append(self.article_refs[article.id])
        leftovers = Counter(leftover.file for leftover in self.corpus.leftovers)
        views = []
        for source in self.corpus.sources:
            note = notes.get(source.name)
            views.append(
                SourceView(
                    name=source.name,
                    encoding=source.encoding,
                    size=source.size,
                    sha256=source.sha256,
                    lines=len(source.lines),
                    articles=tuple(articles.get(source.name, ())),
                    leftovers=leftovers[source.name],
                    title_placement=note.title_placement if note else "",
                    evidence=note.evidence if note else (),
                    warnings=note.warnings if note else (),
                    kind=source.facts.kind_name or source.facts.kind,
                    facts=facts_summary(source.facts),
                    printed=printed_label(note.meta) if note else "",
                )
            )
        return tuple(views)

    def counts(self) -> Counts:
        authors = {name for a in self.corpus.articles if a.author for name in a.author.split("、")}
        return Counts(
            sources=len(self.corpus.sources),
            articles=len(self.corpus.articles),
            authors=len(authors),
            enterprises=len(self.analysis.enterprises),
            themes=len(self.analysis.themes),
            characters=sum(a.characters for a in self.corpus.articles),
            leftovers=len(self.corpus.leftovers),
            distinct_articles=len(self.analysis.distinct_article_ids()),
        )

    def build(self) -> ReportView:
        groups = self.duplicate_group_views()
        self.duplicate_views = {m.article.id: g for g in groups for m in g.members}
        articles = tuple(self.article_view(a) for a in self.corpus.articles)
        joins = [JoinView(self.article_refs[a.id], a.file, j) for a in self.corpus.articles for j in a.joins]
        return ReportView(
            counts=self.counts(),
            sources=self.source_views(),
            column_joins=tuple(j for j in joins if j.join.kind == "column"),
            page_break_joins=tuple(j for j in joins if j.join.kind != "column"),
            inferred_titles=tuple(v for v in articles if v.article.title_inferred),
            partial_articles=tuple(v for v in articles if v.article.partial),
            leftovers=tuple(LeftoverView(l, source_label(l.file, l.lines, self.sources.get(l.file), l.columns)) for l in self.corpus.leftovers),
            warnings=self.corpus.warnings,
            articles=articles,
            themes=self.theme_views(articles),
            enterprises=self.enterprise_views(),
            glossary=self.glossary_views(),
            glossary_once=self.glossary_once(),
            claims=tuple(c for v in articles for c in v.claims),
            pages=self.pages,
            duplicates=groups,
        )


def short_name(enterprise: Enterprise) -> str:
    shorter = [a for a in enterprise.aliases if len(a) < len(enterprise.name)]
    return min(shorter, key=lambda a: (len(a), a)) if shorter else ""


def _unique(items):
    seen: dict = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)


def _used_once(entry: GlossaryEntry) -> bool:
    return entry.count <= 1 and len(set(entry.articles) | {entry.first_article}) <= 1


def _mark_claim(claim: Claim) -> Markup:
    """The claim's sentence with the figure (value and unit) marked, where the analysis says it stands."""
    if 0 <= claim.start < claim.end <= len(claim.sentence):
        return mark_span(claim.sentence, claim.start, claim.end, EVIDENCE_CONTEXT)
    for needle in (f"{claim.value}{claim.unit}", claim.value):
        if needle and needle in claim.sentence:
            return mark_first(claim.sentence, needle, EVIDENCE_CONTEXT)
    return mark_first(claim.sentence, "", EVIDENCE_CONTEXT)


def build_view(
    corpus: ParsedCorpus,
    analysis: Analysis,
    renderer: Optional[BodyRenderer] = None,
    bodies: Optional[Mapping[str, str]] = None,
) -> ReportView:
    """Cross-link the corpus and its analysis for the templates (raises ValueError when they disagree).

    ``bodies`` are article bodies already rendered (by :meth:`BodyRenderer.paragraphs` with
    :func:`body_terms`, per page), by article id; the others are rendered here.
    """
    return _Builder(corpus, analysis, renderer or BodyRenderer(), bodies or {}).build()


def _all_bodies(bodies: Mapping[str, str], corpus: ParsedCorpus, by_article: dict, renderer: BodyRenderer) -> Mapping[str, str]:
    """``bodies`` with the bodies of the articles it lacks rendered here (for a caller that did not
    render them per page)."""
    missing = {
        a.id: str(renderer.paragraphs(a.paragraphs, body_terms(by_article[a.id].themes))) for a in corpus.articles if a.id not in bodies
    }
    return ChainMap(missing, bodies) if missing else bodies


def group_of(view: ReportView, article: ArticleView) -> tuple[EnterpriseRef, ...]:
    """The top-level groups of the article's own (affiliation) enterprises."""
    by_id = {e.ref.id: e for e in view.enterprises}
    groups = []
    for ref in article.affiliations:
        node = by_id[ref.id]
        top = node.path[0] if node.path else node.ref
        if top not in groups:
            groups.append(top)
    return tuple(groups)
