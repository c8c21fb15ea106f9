"""The parse state the rules work on."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any, Protocol

from .text import normalize_spaces


class Lexicon(Protocol):
    """Word knowledge the parser asks for (the :class:`~zhenggong_report.segmenter.Segmenter`)."""

    def word_evidence(self, left: str, right: str) -> float: ...

    def spanning_word(self, left: str, right: str) -> tuple[str, int] | None: ...

    def join_evidence(self, left: str, right: str) -> tuple[str | None, float]: ...

    def first_token(self, text: str) -> str: ...


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    """Spaces normalised, stripped."""
    indented: bool
    """The printed line began with white space (a paragraph indent)."""

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Block:
    """A run of lines the block rules recognised as one thing."""

    kind: str
    """title, subtitle, heading, text, byline, affiliation, abstract, keywords, notice."""
    first: int
    last: int
    text: str
    rule: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.first, self.last)


BODY_KINDS = ("text", "heading")
HEADER_KINDS = ("title", "subtitle", "byline")


def read_lines(raw_lines: tuple[str, ...]) -> list[Line]:
    lines = []
    for number, raw in enumerate(raw_lines, 1):
        normal = normalize_spaces(raw)
        lines.append(Line(number, normal.strip(), bool(normal[:1].isspace()) and bool(normal.strip())))
    return lines


@dataclass
class BlockState:
    """Lines of one page, a cursor, and the blocks recognised so far."""

    lines: list[Line]
    lexicon: Lexicon
    pos: int = 0
    blocks: list[Block] = field(default_factory=list)
    hard_wrapped: bool = False
    column_width: float = 0.0

    def __post_init__(self) -> None:
        lengths = [len(line.text) for line in self.lines if not line.blank]
        if lengths:
            ordered = sorted(lengths)
            self.hard_wrapped = ordered[min(len(ordered) - 1, int(len(ordered) * 0.8))] <= 40
            self.column_width = statistics.median(lengths)

    @property
    def line(self) -> Line:
        return self.lines[self.pos]

    def at_end(self) -> bool:
        return self.pos >= len(self.lines)

    def peek(self, offset: int = 1) -> Line | None:
        index = self.pos + offset
        return self.lines[index] if 0 <= index < len(self.lines) else None

    def previous_block(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def push(self, kind: str, first: int, last: int, text: str, rule: str, **data: Any) -> Block:
        block = Block(kind, first, last, text, rule, dict(data))
        self.blocks.append(block)
        return block
