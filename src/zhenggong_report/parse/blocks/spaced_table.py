"""Tables OCR'd without their rules: rows of short cells set apart by spaces, the same number of
cells on every row, and figures in every cell but the first below the header row
(``季度　受理件数　办结件数　办结率`` / ``一季度　126　121　96.0%`` / …)."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule

MIN_ROWS = 3
"""A header row and at least two rows of figures."""
MIN_CELLS = 3
CELL_MAX = 10
_FIGURE = re.compile(r"^(?:[+\-−]?\d[\d,.]*(?:%|‰|万|亿)?|[—\-－/]+)$")
"""A figure as printed in a cell (``126``, ``96.0%``, ``1.2万``), or a dash for none."""


def _cells(line: Line) -> Optional[tuple[str, ...]]:
    """The cells of a candidate row: three or more short ones between spaces, no sentence in them."""
    if line.blank or line.punctuated or " " not in line.text:
        return None
    cells = tuple(line.text.split(" "))
    return cells if len(cells) >= MIN_CELLS and all(len(cell) <= CELL_MAX for cell in cells) else None


def _figures(cells: tuple[str, ...]) -> bool:
    """A row of figures: a label first (a figure or not), every other cell a figure."""
    return all(_FIGURE.match(cell) for cell in cells[1:])


def table_rows(state: BlockState, index: int) -> list[Line]:
    """The rows of the spaced table that starts at line ``index`` (a header or a row of figures, then
    rows of figures with as many cells), or [] when fewer than :data:`MIN_ROWS` rows do."""
    head = _cells(state.lines[index])
    if head is None:
        return []
    rows = [state.lines[index]]
    for line in state.lines[index + 1 :]:
        cells = _cells(line)
        if cells is None or len(cells) != len(head) or not _figures(cells):
            break
        rows.append(line)
    return rows if len(rows) >= MIN_ROWS else []


def starts(line: Line, state: BlockState) -> bool:
    index = state.index_of(line)
    return index is not None and bool(table_rows(state, index))


def spaced_table(state: BlockState) -> bool:
    """Rows of short cells between spaces (no sentence punctuation), as many on each row, three or
    more, every row under the first holding figures in all cells after its label: a table OCR read
    without its rules, kept whole like a tab-separated one (rows on lines, cells between tabs), never
    a stanza or a list of names. A letter-spaced name in a cell (``王　强``) gives its row more cells,
    so such a grid stays text."""
    rows = table_rows(state, state.pos)
    if not rows:
        return False
    text = "\n".join("\t".join(row.text.split(" ")) for row in rows)
    state.push("table", rows[0].number, rows[-1].number, text, "spaced_table", rows=len(rows))
    state.pos += len(rows)
    return True


RULE = BlockRule(spaced_table, starts, unpunctuated=True)
