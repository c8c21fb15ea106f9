"""Bracketed titles with the byline on the same line: ``【标题】（作者 张三）``, ``【标题】文/张三``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import NAMES, BlockRule, name_list

_BRACKET_TITLE = re.compile(
    rf"^【(?P<title>[^】]{{2,60}})】\s*(?:[（(]\s*(?:(?:作者|文)\s*[:：/／｜|]?\s*)?(?P<inner>{NAMES})\s*[)）]"
    rf"|(?:作者|文)\s*[:：/／｜|]\s*(?P<plain>{NAMES}))$"
)


def _match(line: Line) -> Optional[re.Match[str]]:
    return _BRACKET_TITLE.match(line.text) if line.text.startswith("【") else None


def starts(line: Line, state: BlockState) -> bool:
    return _match(line) is not None


def bracket_title(state: BlockState) -> bool:
    """``【标题】（作者 张三）``: a title in 【】 and its author's name in brackets (or after ``文/``)
    on one line, as pages copied from some sites print them: the title and the byline."""
    match = _match(state.line)
    if match is None:
        return False
    names = name_list(match.group("inner") or match.group("plain"))
    number = state.line.number
    state.push("title", number, number, match.group("title").strip(), "bracket_title")
    state.push("byline", number, number, state.line.text, "bracket_title", authors=names, roles=(None,) * len(names))
    state.pos += 1
    return True


RULE = BlockRule(bracket_title, starts, lambda layout: "【", unpunctuated=True)
