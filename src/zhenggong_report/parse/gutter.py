"""Columns OCR'd side by side: split the page's rows at the gutter and read one column after the other.

The pattern: OCR that reads a two-column page straight across prints each row as a line of the
left column, a run of spaces (the gutter), then the line of the right column beside it::

    国有企业是中国特色社会主义的重       　　思想政治工作是党的优良传统、鲜
    要物质基础和政治基础,是我们执政兴       明特色和突出政治优势，是一切工作的

The gutter is a run of three or more spaces whose end (where the right column begins) stands at
the same character position, give or take :data:`TOLERANCE`, on most of the page's non-blank
rows. To be believed it must also separate two columns of running text: each side fills its
column to a common measure on many rows (a table, a contents list or a page with a few
``单位   姓名`` bylines or ``2026年3月12日   第2版`` datelines does not), and every row from the
first split row to the last is split there, holds a left column's line alone, holds a right
column's line alone (spaces up to the gutter first), or is blank. The longer column may run on
alone below the last split row until a blank row. Anything else (three columns across, too) and
the page is read as printed.

:func:`split_at_gutter` finds the gutter; its :class:`ColumnSplit` gives the page as the parser
reads it (the rows above, the left column downward, the right column downward, the rows below)
and, once the rules have run, :meth:`ColumnSplit.on_rows` turns the records' line numbers back
into the page's rows, each span with its column (:data:`LEFT`, :data:`RIGHT`, or :data:`WHOLE_ROW`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from ..models.parsed import Article, Join, Leftover
from ..models.source_files import LEFT, RIGHT, WHOLE_ROW, SourceFile, Span
from .state import Block

GUTTER_SPACES = 3
"""The fewest spaces a gutter holds."""
TOLERANCE = 2
"""How far (in characters) the right column's first character may stray from the gutter's position."""
MIN_SPLIT_ROWS = 5
"""The fewest rows split at the gutter for a page to be read as columns."""
MIN_MEASURE = 8
"""The narrowest column of running text (characters)."""
FILLED_SHARE = 1 / 3
"""The share of split rows on which each column must be filled to its measure (its commonest length, ±1)."""

_GUTTER = " " * GUTTER_SPACES
_SPACE_RUN = re.compile(" {%d,}" % GUTTER_SPACES)


@dataclass(frozen=True)
class ColumnSplit:
    """A page read column by column: line ``n`` of :attr:`texts` is the cell ``cells[n - 1]``."""

    gutter: int
    """The character position where the right column begins."""
    cells: tuple[tuple[int, int], ...]
    """(row, column) of each line of the reading; rows are the page's 1-based line numbers."""
    texts: tuple[str, ...]
    """Each cell's text: the whole row, or the part of it left or right of the gutter."""

    @property
    def columns(self) -> tuple[int, ...]:
        return tuple(column for _, column in self.cells)

    def reading(self, source: SourceFile) -> SourceFile:
        """The page as the rules read it: its cells in reading order, one a line."""
        return replace(source, lines=self.texts)

    def mark_columns(self, blocks: Sequence[Block]) -> None:
        """Each block's column: that of its first line."""
        for block in blocks:
            block.column = self.cells[block.first - 1][1]

    def on_rows(self, articles: Sequence[Article], leftovers: Sequence[Leftover]) -> tuple[tuple[Article, ...], tuple[Leftover, ...]]:
        """The records with the page's rows in ``lines`` (and their ``columns``) instead of the
        reading's line numbers; paragraphs and joins name rows too."""
        return tuple(self._article_on_rows(a) for a in articles), tuple(self._leftover_on_rows(l) for l in leftovers)

    def pieces(self, span: Span) -> list[tuple[int, int, int]]:
        """(first row, last row, column) of the cells a span of the reading covers: one piece per
        column it passes through, blank cells at either end left out."""
        pieces: list[list[int]] = []
        for number in range(span[0], span[1] + 1):
            if not self.texts[number - 1].strip():
                continue
            row, column = self.cells[number - 1]
            if pieces and pieces[-1][2] == column and pieces[-1][1] < row:
                pieces[-1][1] = row
            else:
                pieces.append([row, row, column])
        return [(first, last, column) for first, last, column in pieces]

    def _on_rows(self, spans: Sequence[Span]) -> tuple[tuple[Span, ...], tuple[int, ...]]:
        pieces = [piece for span in spans for piece in self.pieces(span)]
        columns = tuple(column for _, _, column in pieces)
        return tuple((first, last) for first, last, _ in pieces), columns if any(columns) else ()

    def _rows(self, spans: Sequence[Span]) -> tuple[Span, ...]:
        return self._on_rows(spans)[0]

    def _join_on_rows(self, join: Join) -> Join:
        return replace(join, before=self._rows((join.before,))[-1], after=self._rows((join.after,))[0])

    def _article_on_rows(self, article: Article) -> Article:
        lines, columns = self._on_rows(article.lines)
        return replace(
            article,
            lines=lines,
            columns=columns,
            paragraphs=tuple(replace(p, lines=self._rows(p.lines)) for p in article.paragraphs),
            joins=tuple(self._join_on_rows(j) for j in article.joins),
        )

    def _leftover_on_rows(self, leftover: Leftover) -> Leftover:
        lines, columns = self._on_rows(leftover.lines)
        return replace(leftover, lines=lines, columns=columns)


def split_at_gutter(lines: Sequence[str]) -> Optional[ColumnSplit]:
    """The page's columns when its rows hold two columns side by side (see the module), else None.

    A normal page costs one count of runs of spaces over its text: it holds fewer than
    :data:`MIN_SPLIT_ROWS` of them."""
    return read_columns(lines)[0]


def read_columns(lines: Sequence[str]) -> tuple[Optional[ColumnSplit], Optional[int]]:
    """:func:`split_at_gutter`'s split, and when there is none for a page whose rows do hold two
    columns of running text side by side at one gutter but for some rows whose text runs across it
    (OCR closed the gutter up, or glued the columns), the first of those rows (1-based): the page is
    then read as printed, and the rows that run across cannot be cut reliably."""
    if "\n".join(lines).count(_GUTTER) < MIN_SPLIT_ROWS:  # a normal page: one pass in C
        return None, None
    spaced = [index for index, line in enumerate(lines) if _GUTTER in line]
    if len(spaced) < MIN_SPLIT_ROWS:
        return None, None
    runs = {index: _interior_runs(lines[index]) for index in spaced}
    gutter = _commonest_gutter(runs)
    if gutter is None:
        return None, None
    split_rows = [index for index, found in runs.items() if any(abs(end - gutter) <= TOLERANCE for _, end in found)]
    non_blank = sum(1 for line in lines if line.strip())
    if len(split_rows) < MIN_SPLIT_ROWS or 2 * len(split_rows) <= non_blank:
        return None, None
    first = split_rows[0]
    cut_rows = [_cut_at(lines[index], gutter) for index in range(first, split_rows[-1] + 1)]
    across = [first + offset for offset, pair in enumerate(cut_rows) if pair is None]
    if across:
        cut = [pair for pair in cut_rows if pair is not None and pair[0].strip() and pair[1].strip()]
        return None, (across[0] + 1 if len(across) <= len(cut) // 4 and _both_filled(cut) else None)
    return _split(lines, first, split_rows, cut_rows, gutter), None


def _split(lines: Sequence[str], first: int, split_rows: list[int], cut_rows: list, gutter: int) -> Optional[ColumnSplit]:
    """The columns read from the rows cut at the gutter, with the longer column's rows under them."""
    pairs = [pair for pair in cut_rows if pair is not None]
    for line in lines[split_rows[-1] + 1 :]:  # the longer column running on alone
        alone = _cut_at(line, gutter) if line.strip() else None
        if alone is None:
            break
        pairs.append(alone)
    if not _both_filled([pair for pair in pairs if pair[0].strip() and pair[1].strip()]):
        return None
    if any(split_at_gutter([pair[side] for pair in pairs]) for side in (0, 1)):
        return None  # three or more columns side by side: not this pattern
    return _reading(lines, first, pairs, gutter)


def _interior_runs(line: str) -> list[tuple[int, int]]:
    """Runs of gutter spaces with text on both sides: (start, end) character positions."""
    text = line.rstrip()
    return [m.span() for m in _SPACE_RUN.finditer(text) if text[: m.start()].strip() and m.end() < len(text)]


def _commonest_gutter(runs: dict[int, list[tuple[int, int]]]) -> Optional[int]:
    """The position most rows' runs end at (within the tolerance), preferring the one most end at exactly."""
    ends = Counter(end for found in runs.values() for end in {end for _, end in found})
    if not ends:
        return None

    def support(position: int) -> tuple[int, int, int]:
        rows = sum(1 for found in runs.values() if any(abs(end - position) <= TOLERANCE for _, end in found))
        return rows, ends[position], -position

    return max(ends, key=support)


def _cut_at(line: str, gutter: int) -> Optional[tuple[str, str]]:
    """(left, right) parts of a row at the gutter, or None when the row's text runs across it.

    A run of spaces that reaches the gutter splits it (the right part begins where the run ends,
    or at the gutter when the run goes on further: that is the right column's own indent); a row
    short enough to end before the gutter is the left column's alone."""
    text = line.rstrip()
    best: Optional[tuple[int, int]] = None
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        if start < gutter and end >= gutter - TOLERANCE and (best is None or abs(end - gutter) < abs(best[1] - gutter)):
            best = (start, end)
    if best is not None:
        start, end = best
        return text[:start], text[end if end <= gutter + TOLERANCE else gutter :]
    if len(text) <= gutter - GUTTER_SPACES:
        return text, ""
    return None


def _both_filled(pairs: list[tuple[str, str]]) -> bool:
    """Running text fills its column to a common measure on many rows, on both sides of the gutter."""
    if not pairs:
        return False
    for side in (0, 1):
        lengths = Counter(len(pair[side].rstrip()) for pair in pairs)
        measure = max(lengths, key=lambda n: (lengths[n], n))
        filled = sum(count for n, count in lengths.items() if abs(n - measure) <= 1)
        if measure < MIN_MEASURE or filled < FILLED_SHARE * len(pairs):
            return False
    return True


def _reading(lines: Sequence[str], first: int, pairs: list[tuple[str, str]], gutter: int) -> ColumnSplit:
    """The rows above, the left column, the right column, the rows below: (row, column) and text each."""
    after = first + len(pairs)
    reading: list[tuple[tuple[int, int], str]] = [((index + 1, WHOLE_ROW), lines[index]) for index in range(first)]
    for side, column in ((0, LEFT), (1, RIGHT)):
        reading += [((first + offset + 1, column), pair[side]) for offset, pair in enumerate(pairs)]
    reading += [((index + 1, WHOLE_ROW), lines[index]) for index in range(after, len(lines))]
    return ColumnSplit(gutter, tuple(cell for cell, _ in reading), tuple(text for _, text in reading))
