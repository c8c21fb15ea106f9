"""Table captions: ``表1　2026年上半年信访办理情况`` on its own line right over the table it names."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule, push_line_heading
from .spaced_table import table_rows

CAPTION_MAX = 40
_CAPTION = re.compile(r"^(?:附表|表)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[\s:：.．、]\s*\S.*)?$")


def _is_caption(line: Line, state: BlockState) -> bool:
    """``表1　…``, ``附表2：…``, ``表一``: a table's label, a number and its name, no sentence, with a
    table (spaced or tab-separated) on the next line."""
    index = state.index_of(line)
    if index is None or index + 1 >= len(state.lines) or line.punctuated or len(line.text) > CAPTION_MAX:
        return False
    if not _CAPTION.match(line.text):  # ``\d`` matches full-width digits too
        return False
    below = state.lines[index + 1]
    return bool(below.cells) or bool(table_rows(state, index + 1))


def starts(line: Line, state: BlockState) -> bool:
    return _is_caption(line, state)


def table_caption(state: BlockState) -> bool:
    """A table's caption right over it (``表1　2026年上半年信访办理情况``): a heading of the article,
    its own paragraph over the table, never run into the text above it nor read as a title. A
    sentence that names a table (``…情况见表1。``) stays text."""
    if not _is_caption(state.line, state):
        return False
    push_line_heading(state, "table_caption")
    return True


RULE = BlockRule(table_caption, starts, lambda layout: "表附", unpunctuated=True)
