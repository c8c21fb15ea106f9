"""Column names printed alone as a band above articles (``政工园地``, ``【党建园地】``), and any short
line printed alone over brief items (``信访工作`` above ``●…（王磊）``)."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule
from .brief_item import item_at
from .furniture import push_furniture

BAND_MAX = 8
"""The longest line read as the band over a column of brief items."""


def _name(line: Line, state: BlockState) -> str | None:
    name = line.plain.strip("【】[]〔〕")
    if name in state.layout.derived("column-names", lambda layout: frozenset(layout.column_names)):
        return name
    if 3 <= len(name) <= 6 and not line.punctuated and name.endswith(state.layout.column_endings):
        return name
    return None


def starts(line: Line, state: BlockState) -> bool:
    return _name(line, state) is not None


def _band_over_briefs(state: BlockState) -> str | None:
    """The cursor's line when it is short, unpunctuated and alone (a blank line or none above it),
    with brief items right under it (a blank line between allowed): the briefs' band, whatever its
    words (``信访工作``, ``矿区简讯``). A heading inside an article stands over bulleted points that
    end without a writer's name in brackets, so it is not taken."""
    line = state.line
    name = line.plain.strip("【】[]〔〕")
    if not 2 <= len(name) <= BAND_MAX or line.punctuated or (state.pos > 0 and not state.lines[state.pos - 1].blank):
        return None
    below = state.pos + 1
    while below < len(state.lines) and state.lines[below].blank and below - state.pos <= 2:
        below += 1
    return name if item_at(state, below) else None


def column_name(state: BlockState) -> bool:
    """A line that is one of the column names of ``layout.toml``, or a short one with a column's
    ending (``理论园地``, ``职工之家``), or a short line alone over brief items: the page's column (栏目)."""
    name = _name(state.line, state) or _band_over_briefs(state)
    if name is None:
        return False
    push_furniture(state, [state.line], "column_name", column=name)
    return True


RULE = BlockRule(
    column_name, starts, None, unpunctuated=True
)
