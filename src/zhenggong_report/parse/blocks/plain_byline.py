"""Bare-name bylines: ``唐鹏`` or ``张三 李四`` on their own line under a title."""

from __future__ import annotations

import re

from ..state import BlockState
from .base import NAME, BlockRule, name_list

_NAMES_LINE = re.compile(rf"^{NAME}(?:(?: {{1,}}|、){NAME}){{0,3}}$")


def plain_byline(state: BlockState) -> bool:
    """``唐鹏``, ``张三 李四``: bare names (two to four characters each) right under a title or subtitle."""
    previous = state.previous_block()
    text = state.line.text
    if previous is None or previous.kind not in ("title", "subtitle") or not _NAMES_LINE.match(text):
        return False
    names = name_list(text)
    if not names or any(len(n) > 4 or len(n) < 2 for n in names):
        return False
    number = state.line.number
    state.push("byline", number, number, text, "plain_byline", authors=names, roles=(None,) * len(names))
    state.pos += 1
    return True


RULE = BlockRule(plain_byline)
