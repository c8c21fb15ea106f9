"""Section headings printed in 【】 inside an article: ``【一只工具包背了十八年】``, ``【采访手记】``."""

from __future__ import annotations

import re

from ..state import BODY_KINDS, BlockState, Line
from ..text import ends_sentence
from .base import BlockRule, next_filled

_BRACKETED = re.compile(r"^【(?P<heading>[^【】。；;]{2,24})】$")


def _heading(line: Line) -> str | None:
    match = _BRACKETED.match(line.text) if line.text.startswith("【") else None
    return match.group("heading").strip() if match else None


def bracket_heading(state: BlockState) -> bool:
    """A short line that is one 【…】 and nothing else, after a paragraph of an article and over more
    text (a 人物通讯's 小标题 ``【“群众的事没有小事”】``, or the labelled ``【采访手记】`` the writer
    closes the story with): a section heading of that article, its words without the brackets.
    A bracketed label of a box, an editor's note or references (``【广告】``, ``【编者按】``,
    ``【参考文献】``) is taken by those rules first; one at an article's top with its byline on the
    line is a ``bracket_title``."""
    heading = _heading(state.line)
    previous = state.previous_block()
    if heading is None or previous is None or previous.kind not in BODY_KINDS:
        return False
    following = next_filled(state, state.pos)
    if following is None or following > state.pos + 2:  # text under it, a blank line between at most
        return False
    number = state.line.number
    state.push("heading", number, number, heading, "bracket_heading", bracketed=True)
    state.pos += 1
    return True


def starts(line: Line, state: BlockState) -> bool:
    """A 【…】 line alone ends the paragraph above it when that paragraph's sentence has ended there
    or a new paragraph starts, indented, under it (``…情绪较为激动。`` / ``【处理过程】`` / ``　　信访办…``):
    no blank line need stand between an article's paragraph and its next 小标题."""
    if _heading(line) is None:
        return False
    index = state.index_of(line)
    if not index:  # not on this page, or its first line
        return False
    under = state.lines[index + 1] if index + 1 < len(state.lines) else None
    return ends_sentence(state.lines[index - 1].text) or (under is not None and under.indented)


RULE = BlockRule(bracket_heading, starts, lambda layout: "【")
