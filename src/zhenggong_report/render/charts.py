"""Geometry for the report's inline SVG charts (the templates draw them; each also gets a table).

All sizes are in SVG user units; the SVGs scale with ``viewBox``. Labels are Chinese,
so a label's width is estimated as one em per wide character and half an em otherwise.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .article_views import EnterpriseRef, ThemeRef
from .report_views import ReportView
from .view import group_of

FONT = 14
ROW = 26


def text_width(text: str, size: float = FONT) -> float:
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in text)


@dataclass(frozen=True)
class Bar:
    theme: ThemeRef
    total: int
    primary: int
    y: float
    width: float
    primary_width: float


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    label_width: float
    plot_width: float
    width: float
    height: float
    ticks: tuple[tuple[int, float], ...]
    row: int = ROW
    font: int = FONT


@dataclass(frozen=True)
class Cell:
    x: int
    """Left edge; the row's ``y`` is the matrix's ``row_y(r)``."""
    count: int
    level: int
    """Shade 0 … LEVELS (see :func:`heat_level`)."""

    @property
    def light_text(self) -> bool:
        return self.level >= LEVELS - 1


@dataclass(frozen=True)
class Matrix:
    rows: tuple[ThemeRef, ...]
    columns: tuple[str, ...]
    """Column labels."""
    column_refs: tuple[object, ...]
    """What each column stands for (an EnterpriseRef, a ThemeRef, or None for "no group")."""
    cells: tuple[tuple[Cell, ...], ...]
    """``cells[row][column]``; a lower-triangle matrix holds only columns up to the row's own."""
    counts: tuple[tuple[int, ...], ...]
    """Every count, ``counts[row][column]`` (the full table behind the chart)."""
    label_width: int
    header_height: int
    cell: int
    width: int
    height: int
    maximum: int
    font: int = FONT

    def row_y(self, row: int) -> int:
        return self.header_height + row * self.cell

    def column_x(self, column: int) -> int:
        return self.label_width + column * self.cell


def bar_chart(view: ReportView, plot_width: float = 240) -> BarChart:
    label_width = max((text_width(t.ref.name) for t in view.themes), default=0) + 12
    top = max((len(t.articles) for t in view.themes), default=0) or 1
    scale = plot_width / top
    bars = tuple(
        Bar(t.ref, len(t.articles), t.primary_count, 8 + i * ROW, len(t.articles) * scale, t.primary_count * scale)
        for i, t in enumerate(view.themes)
    )
    step = max(1, -(-top // 5))
    ticks = tuple((n, n * scale) for n in range(0, top + 1, step))
    height = 8 + len(bars) * ROW + 24
    return BarChart(bars, label_width, plot_width, label_width + plot_width + 40, height, ticks)


LEVELS = 5
"""Shades of the heat maps (CSS classes ``q1`` … ``q5``); numbers on the two darkest are white."""


def heat_level(count: int, maximum: int) -> int:
    """0 for nothing, else 1 … ``LEVELS`` in proportion to ``count / maximum``."""
    if count <= 0 or maximum <= 0:
        return 0
    return max(1, -(-count * LEVELS // maximum))


def _matrix(
    rows: Sequence[ThemeRef], columns: Sequence[str], refs: Sequence[object], counts, cell: int = 34, triangle: bool = False
) -> Matrix:
    label_width = round(max((text_width(r.name) for r in rows), default=0)) + 12
    header_height = round(max((text_width(c) for c in columns), default=0) * 0.72) + 20
    maximum = max((counts[r][c] for r in range(len(rows)) for c in range(len(columns))), default=0)
    cells = tuple(
        tuple(
            Cell(x=label_width + c * cell, count=counts[r][c], level=heat_level(counts[r][c], maximum))
            for c in range(len(columns))
            if not triangle or c <= r
        )
        for r in range(len(rows))
    )
    width = label_width + len(columns) * cell + round(header_height * 0.72) + 8
    height = header_height + len(rows) * cell + 8
    frozen = tuple(tuple(row) for row in counts)
    return Matrix(tuple(rows), tuple(columns), tuple(refs), cells, frozen, label_width, header_height, cell, width, height, maximum)


NO_GROUP = "未识别单位"


def theme_group_matrix(view: ReportView) -> Matrix:
    """Articles per theme (rows) and the author's enterprise group (columns)."""
    article_groups = {a.ref.id: group_of(view, a) for a in view.articles}
    articles_of_group: Counter = Counter()  # groups in order of first appearance, then sorted stably
    for a in view.articles:
        articles_of_group.update(list(dict.fromkeys(article_groups[a.ref.id])))
    groups: list[EnterpriseRef] = sorted(articles_of_group, key=lambda g: -articles_of_group[g])
    ungrouped = any(not article_groups[a.ref.id] for a in view.articles)
    columns = [g.name for g in groups] + ([NO_GROUP] if ungrouped else [])
    refs: list[object] = list(groups) + ([None] if ungrouped else [])
    counts = []
    for theme in view.themes:
        in_theme: Counter = Counter()
        for article_id in dict.fromkeys(entry.article.id for entry in theme.articles):
            in_theme.update(list(dict.fromkeys(article_groups[article_id])) or [None])
        row = [in_theme[g] for g in groups]
        if ungrouped:
            row.append(in_theme[None])
        counts.append(row)
    return _matrix([t.ref for t in view.themes], columns, refs, counts)


def cooccurrence_matrix(view: ReportView) -> Matrix:
    """Articles that treat both themes; the diagonal is the theme's own article count."""
    members = [{item.article.id for item in t.articles} for t in view.themes]
    counts = [[len(a & b) for b in members] for a in members]
    refs = [t.ref for t in view.themes]
    return _matrix(refs, [t.ref.name for t in view.themes], refs, counts, triangle=True)
