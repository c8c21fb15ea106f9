"""Front-page contents lists: ``本期导读`` and lines of ``标题 2版``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import initials, BlockRule
from .furniture import push_furniture

_ENTRY = re.compile(r"(?:第?(?:[A-Z]?\d{1,2}|[一二三四五六七八九十]{1,2})版|[.…·]{2,}\s*\d{1,2})[）)]?$")
"""An entry's page at its end: ``… 2版``, ``……2``, in brackets ``（2版）``, ``详见第三版``."""


def starts(line: Line, state: BlockState) -> bool:
    return len(line.plain) <= 8 and line.plain.strip("【】[]：:") in state.layout.contents_headings


def contents(state: BlockState) -> bool:
    """``本期导读`` / ``要目`` and the entries under it that point to a page (``… 2版``, ``▲… （2版）``,
    ``详见第3版``): a contents list."""
    if not starts(state.line, state):
        return False
    lines = [state.line]
    index = state.pos + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank:
            following = state.lines[index + 1] if index + 1 < len(state.lines) else None
            if following is not None and _ENTRY.search(following.plain):
                index += 1
                continue
            break
        if not _ENTRY.search(line.plain):
            break
        lines.append(line)
        index += 1
    push_furniture(state, lines, "contents")
    state.pos = max(state.pos, index)
    return True


RULE = BlockRule(contents, starts, lambda layout: initials(layout.contents_headings) + "【[")
