"""The page state the page rules work on: blocks, title units, joins, chains, records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from ...models.parsed import Article, Leftover
from ...models.source_files import SourceFile
from ..state import BODY_KINDS, Block, Lexicon

if TYPE_CHECKING:
    from ..layout import Layout

PASS_THROUGH = ("caption", "page_number")
"""What OCR drops between two lines of one paragraph; reading order passes over it."""


@dataclass
class TitleUnit:
    """A title with its lead-in, subtitle and byline(s), as printed together."""

    blocks: list[int]
    title: Optional[str] = None
    kicker: Optional[str] = None
    """The lead-in (引题) printed over the title."""
    subtitle: Optional[str] = None
    """The 副题 printed under the title, its dash dropped."""
    authors: tuple[str, ...] = ()
    roles: tuple[Optional[str], ...] = ()
    """Each author's role as printed (记者, 通讯员 …), or None."""
    unit: Optional[str] = None
    has_byline: bool = False
    wechat: tuple[tuple[str, str], ...] = ()
    """What a pasted WeChat article's meta line says (account, author, original, date, time, place)."""

    @property
    def author(self) -> Optional[str]:
        return "、".join(self.authors) if self.authors else None


@dataclass
class Link:
    before: int
    after: int
    score: float
    evidence: tuple[str, ...]
    adjacent: bool
    word: float = 0.0
    """The dictionary-word part of the score."""


@dataclass
class Chain:
    """Body blocks in reading order, and what the page prints around them."""

    blocks: list[int]
    title_unit: Optional[int] = None
    title_note: Optional[str] = None
    affiliations: list[int] = field(default_factory=list)
    extras: list[int] = field(default_factory=list)
    """Abstract and keywords blocks."""
    editorial: list[int] = field(default_factory=list)
    """Editor's note, author bio, footnotes and references blocks."""
    bylines: list[int] = field(default_factory=list)
    """Bylines printed at the article's end (a unit and name under the last paragraph)."""
    jumps: list[int] = field(default_factory=list)
    credits: list[int] = field(default_factory=list)
    """Source (来源：…) and, on a pasted WeChat article, staff lines (编辑：… 审核：…)."""
    partial: bool = False


@dataclass
class PageState:
    source: SourceFile
    blocks: list[Block]
    lexicon: Lexicon
    hard_wrapped: bool
    layout: "Layout"
    units: list[TitleUnit] = field(default_factory=list)
    links: dict[int, Link] = field(default_factory=dict)
    successor: dict[int, int] = field(default_factory=dict)
    predecessor: dict[int, int] = field(default_factory=dict)
    chains: list[Chain] = field(default_factory=list)
    placement: str = "leading"
    evidence: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    fragments: set[int] = field(default_factory=set)
    """Body blocks that start mid-sentence."""
    chain_texts: list[str] = field(default_factory=list)
    title_weights: dict[str, dict[str, float]] = field(default_factory=dict)
    """Each title's character pairs weighted by their rarity among the chains (see ``_title_similarity``)."""
    chain_by_block: dict[int, int] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    _following: list[int] = field(default_factory=list, repr=False)

    def is_body(self, index: int) -> bool:
        return 0 <= index < len(self.blocks) and self.blocks[index].kind in BODY_KINDS

    def passes_over(self, index: int) -> bool:
        """A caption, page number, running head or WeChat's chrome (``[图片]``) that stands between two
        lines or paragraphs of an article."""
        if not 0 <= index < len(self.blocks):
            return False
        block = self.blocks[index]
        return block.kind == "caption" or (
            block.kind == "furniture" and block.data.get("furniture") in ("page_number", "running_head", "wechat_chrome"))

    def next_body(self, index: int) -> int:
        """The block after ``index`` in reading order, passing over dropped captions and page numbers."""
        following = self._following
        if len(following) != len(self.blocks):  # made once the blocks are final (remade if one is added)
            following = self._following = self._next_blocks()
        return following[index] if index >= 0 else 0

    def _next_blocks(self) -> list[int]:
        after = [0] * len(self.blocks)
        position = len(self.blocks)
        for index in range(len(self.blocks) - 1, -1, -1):
            after[index] = position
            if not self.passes_over(index):
                position = index
        return after

    def chain_of(self, index: int) -> Optional[int]:
        return self.chain_by_block.get(index)


PageRule = Callable[[PageState], None]

