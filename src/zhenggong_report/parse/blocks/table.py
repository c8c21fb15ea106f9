"""Tables: rows printed with tabs between their cells (as Word and WeChat tables are read)."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule


def starts(line: Line, state: BlockState) -> bool:
    return len(line.cells) > 1


def table(state: BlockState) -> bool:
    """Consecutive lines of tab-separated cells: one table, kept whole in the body (rows joined by
    line breaks, cells by tabs), never de-wrapped or joined to a paragraph."""
    if not starts(state.line, state):
        return False
    rows = [state.line]
    index = state.pos + 1
    while index < len(state.lines) and len(state.lines[index].cells) > 1:
        rows.append(state.lines[index])
        index += 1
    text = "\n".join("\t".join(line.cells) for line in rows)
    state.push("table", rows[0].number, rows[-1].number, text, "table", rows=len(rows))
    state.pos = index
    return True


RULE = BlockRule(table, starts, tabbed=True)
