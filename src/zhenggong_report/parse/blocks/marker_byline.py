"""Marker bylines: ``●刘兆媛``, ``□ 李 林``, ``■ 张慧良``, ``■本报评论员``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from .base import NAMES, BlockRule, name_list

MARKERS = "●○□■◎◆◇★☆▲△▼▽•◉◈"
_MARKER_BYLINE = re.compile(rf"^[{MARKERS}]\s*(?P<names>{NAMES}|[{CJK}]{{2,6}})$")


def starts(line: Line, state: BlockState) -> bool:
    return bool(_MARKER_BYLINE.match(line.text))


def marker_byline(state: BlockState) -> bool:
    """``●刘兆媛``, ``□ 李 林``, ``■ 张慧良``: a byline marker and the author's name(s).
    A role word in place of a name (``■本报评论员``) is the role, with no name."""
    match = _MARKER_BYLINE.match(state.line.text)
    if not match:
        return False
    text = match.group("names").replace(" ", "")
    role = state.layout.role_of(text)
    if role is None and len(text) > 4:
        return False
    names = () if role else name_list(match.group("names"))
    number = state.line.number
    state.push("byline", number, number, state.line.text, "marker_byline", authors=names, roles=(None,) * len(names))
    state.pos += 1
    return True


RULE = BlockRule(marker_byline, starts, lambda layout: MARKERS)
