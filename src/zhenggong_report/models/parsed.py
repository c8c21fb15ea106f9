"""What the parser makes of the pages: articles with their paragraphs and joins, leftovers, and a
note per page of what it decided and what the page's furniture prints (:class:`ParsedCorpus`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .source_files import Span, SourceFile


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
    were OCR'd side by side; empty when every span is of whole rows (:data:`.source_files.WHOLE_ROW`)."""
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
