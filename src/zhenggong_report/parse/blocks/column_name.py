"""Column names printed alone as a band above articles (``政工园地``, ``【党建园地】``)."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule
from .furniture import push_furniture


def _name(line: Line, state: BlockState) -> str | None:
    name = line.plain.strip("【】[]〔〕")
    if name in state.layout.derived("column-names", lambda layout: frozenset(layout.column_names)):
        return name
    if 3 <= len(name) <= 6 and not line.punctuated and name.endswith(state.layout.column_endings):
        return name
    return None


def starts(line: Line, state: BlockState) -> bool:
    return _name(line, state) is not None


def column_name(state: BlockState) -> bool:
    """A line that is one of the column names of ``layout.toml``, or a short one with a column's
    ending (``理论园地``, ``职工之家``): the page's column (栏目)."""
    name = _name(state.line, state)
    if name is None:
        return False
    push_furniture(state, [state.line], "column_name", column=name)
    return True


RULE = BlockRule(
    column_name, starts, None, unpunctuated=True
)
