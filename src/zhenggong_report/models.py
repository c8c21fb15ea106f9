"""Frozen dataclasses: the contracts between the pipeline stages.

sources -> :class:`SourceFile`
parse   -> :class:`ParsedCorpus` (articles, leftovers, page notes)
analyze -> :class:`Analysis` (themes, enterprises, keywords, claims ...)
render  -> files on disk
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional

Span = tuple[int, int]
"""An inclusive, 1-based range of source lines."""

WHOLE_ROW, LEFT, RIGHT = 0, 1, 2
"""The column of a line: a row read as printed, or, on a page OCR'd with two columns side by side,
the part of a row left or right of the gutter (see :mod:`.parse.gutter`)."""

COLUMN_NAMES = {LEFT: "左栏", RIGHT: "右栏"}
"""How ``file:lines`` labels name a span's column (a whole row is not named)."""


def spans_in_columns(lines: tuple[Span, ...], columns: tuple[int, ...]) -> tuple[tuple[Span, int], ...]:
    """Each span of a record's ``lines`` with the column it lies in."""
    return tuple(zip(lines, columns or (WHOLE_ROW,) * len(lines)))


def column_suffix(column: int) -> str:
    """What a ``file:lines`` label adds after a span in a column: `` 左栏``, `` 右栏``; nothing for whole rows."""
    return f" {COLUMN_NAMES[column]}" if column in COLUMN_NAMES else ""


def lines_label(lines: tuple[Span, ...], columns: tuple[int, ...] = (), dash: str = "–") -> str:
    """A record's spans as ``file:lines`` labels show them: ``3–40 左栏``, ``5,7–9`` (whole rows)."""
    return ",".join(
        (f"{first}{dash}{last}" if first != last else str(first)) + column_suffix(column)
        for (first, last), column in spans_in_columns(lines, columns)
    )


def is_blank_line(line: str) -> bool:
    """A line with no visible character: only white space and invisible format marks (ZWSP, BOM, ZWJ …)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in line)


@dataclass(frozen=True)
class Box:
    """A rectangle on a PDF page, in points from the page's top left corner."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Furniture:
    """A running header or footer: printed at the same place on every page, so not the page's text."""

    page: int
    role: str
    """``header`` (above the text) or ``footer`` (below it)."""
    text: str
    box: Box


@dataclass(frozen=True)
class SourceFacts:
    """What a reader knows for certain about a file beyond its text (a ``.txt`` page has none)."""

    kind: str = "text"
    """``text`` (an OCR'd or pasted page), ``docx`` (Word/WPS), ``pdf`` (PDF e-paper), ``wechat``."""
    kind_name: str = ""
    """The kind as the report names it (``data/sources.toml``: Word 文档, PDF 电子版 …)."""
    places: tuple[str, ...] = ()
    """Per line of the text, where the file printed it (``¶12``, ``表1 第2行``, ``脚注1``,
    ``第2页 第1栏 第5行``); ``""`` for the blank lines the reader put between paragraphs."""
    styles: tuple[str, ...] = ()
    """Per line: the paragraph style (docx), the line's role (pdf: title, text), the element (html)."""
    pages: tuple[tuple[int, int], ...] = ()
    """PDF: per page, the first and last line of the text printed on it (``(0, 0)`` for none)."""
    columns: tuple[Box, ...] = ()
    """PDF: the column boxes, page by page, in reading order."""
    furniture: tuple[Furniture, ...] = ()
    """PDF: the running headers and footers taken out of the text."""
    metadata: tuple[tuple[str, str], ...] = ()
    """What the file says about itself: WeChat account, author, date, place, URL; Word's title and author."""
    text_digest: str = ""
    """SHA-256 of the text the reader made (empty for ``.txt``, whose text is its bytes): a cache
    key part, so a new reader or library version that reads the same bytes differently is a miss."""

    def place(self, line: int) -> str:
        """Where 1-based ``line`` was printed; the line number itself for a text page."""
        return self.places[line - 1] if self.places else str(line)


@dataclass(frozen=True)
class SourceFile:
    """One decoded input page."""

    name: str
    encoding: str
    size: int
    sha256: str
    lines: tuple[str, ...]
    """The decoded lines, line ends removed; ``lines[0]`` is line 1."""
    facts: SourceFacts = SourceFacts()
    """What the file's reader knows for certain (kind, pages, columns, styles, metadata)."""

    @property
    def non_blank_line_numbers(self) -> tuple[int, ...]:
        return tuple(i for i, line in enumerate(self.lines, 1) if not is_blank_line(line))

    @property
    def characters(self) -> int:
        return sum(len(line) for line in self.lines)

    def text_let_go(self) -> "SourceFile":
        """This file as the steps after the map need it: its name, size, digest, facts and number of
        lines, the lines' text only where the facts place them on printed pages (a Word or PDF
        file; elsewhere each line is left empty). Every article already holds its own text; a
        corpus's pages need not be held twice."""
        return self if self.facts.places else replace(self, lines=("",) * len(self.lines))


@dataclass(frozen=True)
class Join:
    """Two paragraphs read as one: where the text stopped and where it goes on."""

    kind: str
    """``column`` (continued elsewhere on the page) or ``page_break`` (the next paragraph)."""
    before: Span
    after: Span
    evidence: tuple[str, ...]
    score: float
    text_before: str
    """The last characters before the join."""
    text_after: str
    """The first characters after the join."""


@dataclass(frozen=True)
class Paragraph:
    """A de-wrapped paragraph of an article body."""

    kind: str
    """``text`` or ``heading``."""
    text: str
    lines: tuple[Span, ...]


@dataclass(frozen=True)
class Article:
    id: str
    file: str
    title: Optional[str]
    display_title: str
    title_inferred: bool
    subtitle: Optional[str]
    """The 副题 printed under the title (``——记…``, its dash dropped), or None; see ``kicker``."""
    author: Optional[str]
    affiliation: Optional[str]
    role: Optional[str]
    partial: bool
    abstract: Optional[str]
    author_keywords: tuple[str, ...]
    lines: tuple[Span, ...]
    joins: tuple[Join, ...]
    paragraphs: tuple[Paragraph, ...]
    kicker: Optional[str] = None
    """The lead-in (引题) printed in small type over the title (``深化党建融合 激发发展活力``, a wide
    gap read as one space), or None; ``subtitle`` is the 副题 printed under it. A page may print both."""
    notes: tuple[str, ...] = ()
    """How the parser decided what it could not read off the page directly."""
    authors: tuple[str, ...] = ()
    """The printed names, one each (``author`` is them joined with 、)."""
    author_roles: tuple[Optional[str], ...] = ()
    """Each author's role in the byline (记者, 通讯员, 特约记者, 评论员 …) or None; as long as ``authors``."""
    editor_note: Optional[str] = None
    author_bio: Optional[str] = None
    footnotes: tuple[str, ...] = ()
    """The items of the 注释/注 block after the article."""
    references: tuple[str, ...] = ()
    """The entries of its 参考文献, without their ``[n]``."""
    continued_on: Optional[str] = None
    """The page it goes on to (``第6版``) when a jump line says so and the rest is not joined to it."""
    continued_from: Optional[str] = None
    """The page it comes from (``第1版``) when a jump line says so."""
    journal: tuple[tuple[str, str], ...] = ()
    """A journal article's front matter as printed: (label, value), ``(("中图分类号", "D412.6"), …)``."""
    parts: tuple[tuple[str, tuple[Span, ...]], ...] = ()
    """For an article joined across pages: every (file, lines) it spans, in reading order."""
    columns: tuple[int, ...] = ()
    """The column of each span of ``lines`` (1 left, 2 right of a gutter) on a page whose columns
    were OCR'd side by side; empty when every span is of whole rows (:data:`WHOLE_ROW`)."""
    metadata: tuple[tuple[str, str], ...] = ()
    """What the text says of the article's publication, named as the WeChat reader names a file's
    :attr:`SourceFacts.metadata`: ``account``, ``author``, ``original``, ``date``, ``time``,
    ``place`` (a pasted WeChat article's meta line), ``source`` (a ``来源：`` line), ``issuer`` and
    ``signed`` (the organisation and date a 决定 or 通报 is signed with at its end)."""
    editors: tuple[tuple[str, str], ...] = ()
    """(label, name) of a pasted WeChat article's staff line: ``(("编辑", "刘洋"), ("审核", "陈静"))``."""

    @property
    def body(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def characters(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.title_inferred:
            flags.append("title-inferred")
        if self.partial:
            flags.append("partial")
        if self.author is None:
            flags.append("no-author")
        if any(j.kind == "column" for j in self.joins):
            flags.append("columns-rejoined")
        return tuple(flags)


@dataclass(frozen=True)
class Leftover:
    """Material on a page that is no article (a notice, an advert ...)."""

    kind: str
    file: str
    text: str
    lines: tuple[Span, ...]
    columns: tuple[int, ...] = ()
    """As :attr:`Article.columns`."""


@dataclass(frozen=True)
class PageMeta:
    """What a page's furniture prints about it (each None or empty where the page is silent)."""

    newspaper: Optional[str] = None
    date: Optional[str] = None
    """ISO ``YYYY-MM-DD``."""
    weekday: Optional[str] = None
    edition: Optional[str] = None
    """版次 as printed: ``第2版``, ``A3版``."""
    issue: Optional[str] = None
    column: Optional[str] = None
    editors: tuple[tuple[str, str], ...] = ()
    """(label, name): ``(("责任编辑", "王丽"), ("校对", "李明"))``."""
    publisher: Optional[str] = None
    """Who the masthead says puts the paper out: ``中国石油兰州石化公司`` (``…主办``), ``枣庄矿业集团``
    (printed beside the paper's name)."""

    def fields(self) -> dict[str, object]:
        """The printed fields only, for ``pages.json``."""
        record: dict[str, object] = {}
        for key in ("newspaper", "publisher", "date", "edition", "issue", "column"):
            value = getattr(self, key)
            if value:
                record[key] = value
        if self.editors:
            record["editors"] = dict(self.editors)
        return record


@dataclass(frozen=True)
class PageNote:
    """What the parser decided about one page, with the evidence."""

    file: str
    title_placement: str
    """``leading`` (titles above their article) or ``trailing`` (printed after it)."""
    evidence: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    meta: PageMeta = PageMeta()


@dataclass(frozen=True)
class ParsedCorpus:
    sources: tuple[SourceFile, ...]
    articles: tuple[Article, ...]
    leftovers: tuple[Leftover, ...]
    pages: tuple[PageNote, ...]
    warnings: tuple[str, ...] = field(default=())


# --- analyze -> render -----------------------------------------------------------------------


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
