"""The parse state the rules work on."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from .text import fold_for_matching, has_sentence_punctuation, normalize_spaces, unspace_letters

if TYPE_CHECKING:
    from .blocks.dispatch import Dispatch
    from .layout import Layout


class Lexicon(Protocol):
    """Word knowledge the parser asks for (the :class:`~zhenggong_report.segmenter.Segmenter`)."""

    def word_evidence(self, left: str, right: str) -> float: ...

    def spanning_word(self, left: str, right: str) -> tuple[str, int] | None: ...

    def join_evidence(self, left: str, right: str) -> tuple[str | None, float]: ...

    def first_token(self, text: str) -> str: ...


@dataclass
class Line:
    """One printed line as the rules read it. Not frozen, though no rule changes one: a page makes
    hundreds, and a frozen dataclass's field-by-field ``__init__`` was a tenth of the parse."""

    number: int
    """1-based place in the page as read: the row, unless the page's columns were split at a gutter
    (then the row is ``ColumnSplit.cells[number - 1]``, see :mod:`.gutter`)."""
    text: str
    """Spaces normalised, stripped."""
    indented: bool
    """The printed line began with white space (a paragraph indent)."""
    plain: str = ""
    """The text folded for matching: full-width digits and letters as ASCII, no spaces."""
    punctuated: bool = False
    """The line holds sentence punctuation (。！？；…): no byline, dateline or title does."""
    cells: tuple[str, ...] = ()
    """The cells of a table row printed with tabs between them (a Word or WeChat table), else ()."""
    page_break: bool = False
    """A form feed stands before the line's text: a new page of a PDF's text starts here."""
    shape: tuple[str, bool, bool] = ("", False, False)
    """What the block rules are chosen by: the first character of :attr:`plain`, whether the line
    is :attr:`punctuated`, whether it has :attr:`cells`."""
    column: ClassVar[int] = 0
    """0 for a whole row; the lines of a page split at a gutter are :class:`ColumnLine` s (a field
    only there, so that the lines of every other page cost what they did)."""

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def initial(self) -> str:
        """The first character of :attr:`plain` ('' for a blank line)."""
        return self.plain[:1]


@dataclass
class ColumnLine(Line):
    """A line of a page split at its gutter (:mod:`.gutter`): a whole row, or its left or right part."""

    column: int = 0
    """0 for a whole row; 1 or 2 for the left or right column of the row."""


@dataclass
class Block:
    """A run of lines the block rules recognised as one thing."""

    kind: str
    """title, subtitle, heading, text, verse, table, byline, affiliation, abstract, keywords, journal,
    notice, furniture, caption, jump, editorial, credit."""
    first: int
    last: int
    text: str
    rule: str
    data: dict[str, Any] = field(default_factory=dict)
    column: int = 0
    """The column of its first line (:attr:`Line.column`), set once a split page's blocks are read."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.first, self.last)


BODY_KINDS = ("text", "heading", "table", "verse")
HEADER_KINDS = ("title", "subtitle", "byline")


def _cells(raw: str) -> tuple[str, ...]:
    """The tab-separated cells of a table row; () for a line whose only tabs are its indent."""
    inner = raw.strip()
    return tuple(cell.strip() for cell in inner.split("\t")) if "\t" in inner else ()


def read_lines(raw_lines: tuple[str, ...], columns: tuple[int, ...] = ()) -> list[Line]:
    """The page's lines in reading order; ``columns`` gives each one's column (all 0 when empty)."""
    lines = []
    for number, raw in enumerate(raw_lines, 1):
        normal = normalize_spaces(raw)
        text = unspace_letters(normal.strip())
        cells = _cells(raw) if "\t" in raw else ()
        page_break = "\f" in raw and raw.lstrip(" \t")[:1] == "\f"
        plain = fold_for_matching(text)
        punctuated = has_sentence_punctuation(text)
        indented = bool(normal[:1].isspace()) and bool(text) and not page_break
        lines.append(Line(number, text, indented, plain, punctuated, cells, page_break, (plain[:1], punctuated, bool(cells))))
    if columns:
        lines = [ColumnLine(**vars(line), column=column) for line, column in zip(lines, columns)]
    return lines


@dataclass
class BlockState:
    """Lines of one page, a cursor, and the blocks recognised so far."""

    lines: list[Line]
    lexicon: Lexicon
    layout: "Layout"
    pos: int = 0
    blocks: list[Block] = field(default_factory=list)
    hard_wrapped: bool = False
    column_width: float = 0.0
    running: "frozenset[int] | None" = None
    """Indices of a form-fed text's running heads and feet (made on first use)."""
    openers: "Dispatch | None" = None
    """The rules by the characters their lines begin with: those with a ``starts`` test may end a
    running paragraph."""

    def __post_init__(self) -> None:
        lengths = [len(line.text) for line in self.lines if not line.blank]
        if lengths:
            ordered = sorted(lengths)
            self.hard_wrapped = ordered[min(len(ordered) - 1, int(len(ordered) * 0.8))] <= 40
            self.column_width = statistics.median(lengths)

    def interrupts(self, line: Line) -> bool:
        """Inside a hard-wrapped paragraph: does this line open something else?"""
        if self.hard_wrapped and line.indented:
            return True
        if self.openers is None:
            return False
        for starts in self.openers.starts(line):
            if starts(line, self):
                return True
        return False

    def interrupts_plainly(self, line: Line) -> bool:
        """:meth:`interrupts` asking every rule's ``starts`` (the reference the dispatch is held to)."""
        if self.hard_wrapped and line.indented:
            return True
        return self.openers is not None and any(starts(line, self) for starts in self.openers.all_starts())

    @property
    def line(self) -> Line:
        return self.lines[self.pos]

    def at_end(self) -> bool:
        return self.pos >= len(self.lines)

    def peek(self, offset: int = 1) -> Line | None:
        index = self.pos + offset
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def advance_past(self, line: Line) -> None:
        """Move the cursor to the line after ``line`` (at or after the cursor)."""
        index = self.pos
        while self.lines[index] is not line:
            index += 1
        self.pos = index + 1

    def previous_block(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def index_of(self, line: Line) -> int | None:
        """Where ``line`` stands in this page's lines (None for a line that is not one of them)."""
        index = line.number - 1
        return index if 0 <= index < len(self.lines) and self.lines[index] is line else None

    def only_blanks_after(self, block: Block) -> bool:
        """Whether only blank lines stand between ``block`` and the cursor."""
        return all(line.blank for line in self.lines[block.last : self.pos])

    def push(self, kind: str, first: int, last: int, text: str, rule: str, **data: Any) -> Block:
        block = Block(kind, first, last, text, rule, dict(data))
        self.blocks.append(block)
        return block
