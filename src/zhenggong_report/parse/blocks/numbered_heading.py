"""Numbered headings with a label: ``案例一：补认工龄解开老职工心结``, ``典型案例2：…``."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials, push_line_heading

HEADING_MAX = 40


def _pattern(layout) -> str:
    return rf"^(?:{layout.pattern('numbered_labels')})(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}})[：:](?P<rest>\S.*)$"


def _heading(line: Line, state: BlockState) -> bool:
    return not line.punctuated and len(line.text) <= HEADING_MAX and bool(state.layout.regex("numbered-heading", _pattern).match(line.plain))


def starts(line: Line, state: BlockState) -> bool:
    return _heading(line, state)


def numbered_heading(state: BlockState) -> bool:
    """A label of ``[headings] numbered_labels``, a number and a colon, then the section's short
    unpunctuated title (``案例一：补认工龄解开老职工心结`` in a 信访 典型案例 feature): a section
    heading of the article, on its line alone, never run into the paragraph or label under it."""
    if not _heading(state.line, state):
        return False
    push_line_heading(state, "numbered_heading")
    return True


RULE = BlockRule(numbered_heading, starts, lambda layout: initials(layout.numbered_heading_labels), unpunctuated=True)
