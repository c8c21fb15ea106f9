"""Labelled bylines: ``文/张三``, ``文 / 张三 李四``, ``文｜张三``, ``作者：张三``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import initials, NAMES, BlockRule, name_list


def _match(text: str, state: BlockState) -> Optional[re.Match[str]]:
    if len(text) > 30:
        return None
    return state.layout.regex(
        "slash", lambda layout: rf"^(?:{layout.pattern('labels')})\s*[/／|｜:：]\s*(?P<names>{NAMES})$"
    ).match(text)


def starts(line: Line, state: BlockState) -> bool:
    return _match(line.text, state) is not None


def slash_byline(state: BlockState) -> bool:
    """``文/张三``, ``文 / 张三 李四``, ``作者：张三``: a byline label (``layout.toml``) and the name(s)."""
    match = _match(state.line.text, state)
    if match is None:
        return False
    names = name_list(match.group("names"))
    number = state.line.number
    state.push("byline", number, number, state.line.text, "slash_byline", authors=names, roles=(None,) * len(names))
    state.pos += 1
    return True


RULE = BlockRule(slash_byline, starts, lambda layout: initials(layout.byline_labels))
