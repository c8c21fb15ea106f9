"""Mastheads known by their place: the page's first line, short, right above its dateline
(``华电之声`` over ``第 412 期　2026 年 2 月 6 日　星期五``), whatever the paper's name ends with."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule, next_filled
from .column_name import starts as is_column_name
from .dateline import read_dateline
from .furniture import folded, push_furniture
from .masthead import with_latin_name

_NAME = re.compile(f"^[{CJK}·]{{2,}}$")
"""A paper's name: CJK characters (a middle dot allowed), nothing else."""


def _over_dateline(state: BlockState) -> list[Line] | None:
    """The masthead's lines (its name, and the pinyin under it) when the next non-blank line under
    them is the page's dateline, one that names no paper itself, else None."""
    lines = with_latin_name(state, state.pos)
    following = next_filled(state, lines[-1].number - 1)
    meta = read_dateline(state.lines[following].text, state) if following is not None else None
    return lines if meta is not None and "newspaper" not in meta else None


def masthead_over_dateline(state: BlockState) -> bool:
    """The page's first line, a short name of CJK characters only (at most ``layout.toml``
    ``[masthead] max_length``; no column name), with the dateline the next line under it (blank
    lines between allowed): the masthead, whatever the name ends with; its name is the page's
    newspaper. A short line at the top of a page with no dateline under it, or over one that names
    the paper itself, is no masthead."""
    line = state.line
    name = folded(line.text)
    if len(name) > state.layout.masthead_max or not _NAME.match(name) or state.blocks:  # not the page's first line
        return False
    lines = _over_dateline(state)
    if lines is None or is_column_name(line, state):
        return False
    push_furniture(state, lines, "masthead", "masthead_over_dateline", newspaper=name)
    return True


RULE = BlockRule(masthead_over_dateline, unpunctuated=True)
