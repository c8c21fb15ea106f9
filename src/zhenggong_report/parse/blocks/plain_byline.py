"""Bare-name bylines: ``唐鹏`` or ``张三 李四`` on their own line under a title."""

from __future__ import annotations

import re

from ..state import BlockState
from ..state import Line
from ..text import CONNECTORS, has_sentence_punctuation, starts_with_enumerator
from .base import NAME, BlockRule, name_list

_NAMES_LINE = re.compile(rf"^{NAME}(?:(?: {{1,}}|、){NAME}){{0,3}}$")


def bare_names(text: str) -> tuple[str, ...]:
    """Two to four characters a name, spaced or with 、 between: the names, else ()."""
    if not _NAMES_LINE.match(text):
        return ()
    names = name_list(text)
    return () if any(len(n) > 4 or len(n) < 2 for n in names) else names


def _could_head(text: str) -> bool:
    """A short unpunctuated line that could be a title or subtitle."""
    return 2 <= len(text) <= 60 and not has_sentence_punctuation(text) and not starts_with_enumerator(text) and text[-1] not in CONNECTORS


def starts(line: Line, state: BlockState) -> bool:
    """A name line that ends a wrapped title above it: unpunctuated line above, no word across the
    break (``…融合路`` / ``径探索`` is a wrapped title, not a byline), nothing or a blank line below."""
    index = line.number - 1
    if len(line.text) > 19 or index < 1 or not bare_names(line.text):
        return False
    above, below = state.lines[index - 1], state.lines[index + 1] if index + 1 < len(state.lines) else None
    if above.blank or not _could_head(above.text) or (below is not None and not below.blank):
        return False
    return state.lexicon.spanning_word(above.text, line.text) is None


def plain_byline(state: BlockState) -> bool:
    """``唐鹏``, ``张三 李四``: bare names (two to four characters each) on their own line right under
    a title or subtitle, or under a short unpunctuated line (then that line is the title)."""
    previous = state.previous_block()
    text = state.line.text
    names = bare_names(text)
    if previous is None or not names:
        return False
    if previous.kind not in ("title", "subtitle") and not (previous.kind in ("text", "heading") and _could_head(previous.text)):
        return False
    following = state.peek()
    if previous.kind not in ("title", "subtitle") and following is not None and not following.blank:
        return False
    number = state.line.number
    state.push("byline", number, number, text, "plain_byline", authors=names, roles=(None,) * len(names))
    state.pos += 1
    return True


RULE = BlockRule(plain_byline, starts, unpunctuated=True)
