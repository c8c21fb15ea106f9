"""The report's view model: the parsed corpus and its analysis, cross-linked for the templates.

Everything the templates show is prepared here in a stable order, with the
anchors resolved, so that every link has a target and goes both ways:
article <-> theme, article <-> enterprise. Templates only lay it out. The records it
builds are those of :mod:`.article_views` (one article and what its page shows) and
:mod:`.report_views` (the report as a whole).
"""

from __future__ import annotations

from collections import ChainMap, Counter
from typing import Mapping, Optional

from ..models.analysis import Analysis, ArticleAnalysis, Claim, Enterprise, GlossaryEntry, ThemeHit
from ..models.parsed import Article, PageMeta, ParsedCorpus
from ..models.source_files import SourceFile, column_suffix, lines_label, spans_in_columns
from ..sources.facts import facts_summary, printed_span
from .anchors import AnchorBook
from .article_meta import PageInfo, article_record_json, compact_reasons, line_ranges, page_info
from .labels import labels
from .markdown import BodyRenderer, body_terms, mark_first
from .article_views import (
    AFFILIATION, DUPLICATE_RELATIONS, EVIDENCE_SHOWN, GLOSSARY_ARTICLES_SHOWN, GLOSSARY_CONTEXT, ArticleRef,
    ArticleView, ClaimView, DuplicateGroupView, DuplicateMemberView, EnterpriseRef, EvidenceView, HitView,
    MentionView, RelatedView, ThemeRef,
)
from .report_views import (
    Counts, EnterpriseView, GlossaryView, JoinView, LeftoverView, OnceUsedView, ReportView, SourceView,
    ThemeArticleView, ThemeView,
)


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
            a.id: ArticleRef(
                self.anchors.add("a", a.id), a.id, n, a.display_title, a.title_inferred, a.author, a.affiliation,
                self.printed.get(a.file) or a.file,
            )
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
