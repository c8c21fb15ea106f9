"""Teasers (导读) printed without a contents heading: a front-page line that is a title pointing to
the page inside that carries it, set off from it by a wide gap, dot leaders or brackets
(``我的师傅　　4版``, ``职工书屋里的读书声……（3版）``, ``▲班组长的一天（见第2版）``)."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule, next_filled
from .column_name import is_column_word
from .furniture import DATE, folded, push_furniture
from .marker_byline import MARKERS
from .masthead import masthead_name

_POINTER = re.compile(
    r"(?:\s+|[.…·—]{2,}\s*|\s*(?=[（(]))"  # a gap, dot leaders or an opening bracket before the page
    r"(?:[（(]\s*(?:详?见)?\s*第?\s*(?:[A-Z]?\d{1,2}|[一二三四五六七八九十]{1,2})\s*版\s*[）)]"
    r"|(?:详?见)?第?(?:[A-Z]?\d{1,2}|[一二三四五六七八九十]{1,2})版)$"
)
"""The page an entry points to, at the line's end, apart from its title: ``　　4版``, ``……（3版）``,
``（见第2版）``, ``　详见第三版``."""
_SHORT = 6
"""A title shorter than this before a bare ``第N版`` may be a page's column over its 版次
(``安全文化　第3版``), and is left to the dateline."""


def pointed_title(text: str, state: BlockState) -> Optional[str]:
    """The title ``text`` points to a page with, when it is a teaser: the page at its end apart from
    the title (:data:`_POINTER`), and before it, after an optional marker (``▲``), a title of two
    characters or more that names no date, weekday, issue or paper and is no column's name
    (``[columns]``: ``思想政治工作　第2版`` is a dateline). None for any other line."""
    pointer = _POINTER.search(text)
    if pointer is None:
        return None
    title = text[: pointer.start()].strip().lstrip(MARKERS).strip()
    bare = folded(title).strip("【】[]〔〕")
    if len(bare) < 2 or not re.search(r"[^\W\d_]", bare):
        return None
    if len(bare) < _SHORT and re.fullmatch(r"\s+第\S+版", pointer.group(0)):
        return None
    layout = state.layout
    furniture = layout.regex("teaser-furniture", lambda lay: rf"{lay.pattern('weekdays')}|{lay.pattern('issues')}")
    if DATE.search(bare) or furniture.search(bare) or masthead_name(bare, state) or is_column_word(bare, state):
        return None
    return title


def _entries(state: BlockState) -> list[Line]:
    """The cursor's teaser line and the teaser lines right under it (blank lines between allowed)."""
    lines = [state.line]
    index: Optional[int] = state.pos
    while True:
        index = next_filled(state, index)
        if index is None or state.lines[index].punctuated or pointed_title(state.lines[index].text, state) is None:
            return lines
        lines.append(state.lines[index])


def starts(line: Line, state: BlockState) -> bool:
    return "版" in line.plain and pointed_title(line.text, state) is not None


def teaser(state: BlockState) -> bool:
    """A line that is a title pointing to a page inside (``我的师傅　　4版``, ``……（3版）``), and the
    like lines under it: a contents list printed without its heading, no dateline and no title."""
    if not starts(state.line, state):
        return False
    lines = _entries(state)
    push_furniture(state, lines, "contents", "teaser")
    return True


RULE = BlockRule(teaser, starts, unpunctuated=True)
