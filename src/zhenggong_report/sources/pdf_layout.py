"""Where a PDF page's characters stand: rows on a baseline, the columns between gutters, and
the reading order (a row across the columns, such as a title over both, is read where it stands,
the columns between two such rows one after the other)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..models.source_files import Box


@dataclass(frozen=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Row:
    """Characters on one baseline, left to right."""

    chars: tuple[Char, ...]

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def size(self) -> float:
        return statistics.median(c.size for c in self.chars)

    def text(self) -> str:
        """The row's characters; a space where a gap wider than half a character stands between two."""
        parts, previous = [], None
        for char in self.chars:
            if previous is not None and char.x0 - previous.x1 > 0.5 * char.size and char.text.strip() and previous.text.strip():
                parts.append(" ")
            parts.append(char.text)
            previous = char
        return "".join(parts).strip()

    def box(self, page: int) -> Box:
        return box_around(page, self.chars)


@dataclass(frozen=True)
class Block:
    """Rows read together: one column between two rows across the page, or one such row."""

    column: int
    """The column's number, left to right from 1; 0 for a row across the columns."""
    rows: tuple[Row, ...]
    box: Box


def box_around(page: int, chars) -> Box:
    chars = list(chars)
    return Box(
        page,
        round(min(c.x0 for c in chars), 1),
        round(min(c.top for c in chars), 1),
        round(max(c.x1 for c in chars), 1),
        round(max(c.bottom for c in chars), 1),
    )


def rows_of(chars) -> list[Row]:
    """Characters grouped into rows, top to bottom: a character whose middle lies within the
    height of the row above joins it (so a raised footnote mark or a smaller size stays on its line)."""
    rows: list[list[Char]] = []
    top = bottom = 0.0
    for char in sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        middle = (char.top + char.bottom) / 2
        if rows and top <= middle <= bottom:
            rows[-1].append(char)
            top, bottom = min(top, char.top), max(bottom, char.bottom) if char.size >= 0.8 * rows[-1][0].size else bottom
        else:
            rows.append([char])
            top, bottom = char.top, char.bottom
    return [Row(tuple(sorted(r, key=lambda c: c.x0))) for r in rows]


def reading_blocks(rows: list[Row], page: int, body_size: float) -> list[Block]:
    """The page's blocks in reading order. Gutters are the x ranges no body-size text covers
    (titles may cross them); a row with text in a gutter runs across the columns."""
    gutters = _gutters(rows, body_size)
    blocks: list[Block] = []
    band: list[Row] = []
    for row in rows:
        if any(_crosses(row, gutter) for gutter in gutters):
            blocks += _band_blocks(band, gutters, page)
            blocks.append(Block(0, (row,), row.box(page)))
            band = []
        else:
            band.append(row)
    return blocks + _band_blocks(band, gutters, page)


def _gutters(rows: list[Row], body_size: float) -> list[tuple[float, float]]:
    body = [c for row in rows for c in row.chars if round(c.size, 1) <= body_size * 1.05 and c.text.strip()]
    if not body:
        return []
    width = 1.5 * statistics.median(c.size for c in body)
    gutters, reach = [], None
    for x0, x1 in sorted((c.x0, c.x1) for c in body):
        if reach is not None and x0 - reach >= width:
            gutters.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    return gutters


def _crosses(row: Row, gutter: tuple[float, float]) -> bool:
    left, right = gutter
    return any(c.x1 > left + 0.5 and c.x0 < right - 0.5 for c in row.chars)


def _band_blocks(rows: list[Row], gutters: list[tuple[float, float]], page: int) -> list[Block]:
    """The rows between two rows across the page, split into their columns, left to right."""
    edges = [float("-inf")] + [(a + b) / 2 for a, b in gutters] + [float("inf")]
    blocks = []
    for number, (left, right) in enumerate(zip(edges, edges[1:]), 1):
        parts = [Row(tuple(c for c in row.chars if left <= (c.x0 + c.x1) / 2 < right)) for row in rows]
        parts = [part for part in parts if part.chars]
        if parts:
            blocks.append(Block(number, tuple(parts), box_around(page, (c for part in parts for c in part.chars))))
    return blocks
