"""Bare-name bylines: ``唐鹏``, ``张三 李四`` or ``王　强　刘海燕（某公司党校）`` on their own line under a title."""

from __future__ import annotations

import re

from ..state import BlockState
from ..state import Line
from ..text import CONNECTORS, has_sentence_punctuation, starts_with_enumerator
from .base import NAME, BlockRule, is_office, name_list
from .unit_byline import is_unit

_NAMES_LINE = re.compile(rf"^{NAME}(?:(?: {{1,}}|、){NAME}){{0,3}}$")
_BRACKETED_UNIT = re.compile(r"^(?P<names>[^（(]{2,19}?)\s*[（(](?P<unit>[^（）()]{2,40})[）)]$")


def bare_names(text: str) -> tuple[str, ...]:
    """Two to four characters a name, spaced or with 、 between: the names, else ()."""
    if not _NAMES_LINE.match(text):
        return ()
    names = name_list(text)
    return () if any(len(n) > 4 or len(n) < 2 for n in names) else names


def names_and_unit(text: str) -> tuple[tuple[str, ...], str | None]:
    """The bare names of a byline line and the unit in brackets after them, if any
    (``王 强 刘海燕（陇原局集团公司党校）``); ((), None) when the line is no such byline."""
    bracketed = _BRACKETED_UNIT.match(text)
    if bracketed is not None:
        unit = re.sub(r"\s+", "", bracketed.group("unit"))
        names = bare_names(bracketed.group("names"))
        return (names, unit) if names and is_unit(unit) else ((), None)
    return (bare_names(text) if len(text) <= 19 else ()), None


def could_head(text: str) -> bool:
    """A short unpunctuated line that could be a title or subtitle."""
    return 2 <= len(text) <= 60 and not has_sentence_punctuation(text) and not starts_with_enumerator(text) and text[-1] not in CONNECTORS


def starts(line: Line, state: BlockState) -> bool:
    """A name line that ends a wrapped title above it: unpunctuated line above, no word across the
    break (``…融合路`` / ``径探索`` is a wrapped title, not a byline), nothing or a blank line below."""
    index = line.number - 1
    if index < 1 or not names_and_unit(line.text)[0]:
        return False
    above, below = state.lines[index - 1], state.lines[index + 1] if index + 1 < len(state.lines) else None
    if above.blank or not could_head(above.text) or (below is not None and not below.blank):
        return False
    return state.lexicon.spanning_word(above.text, line.text) is None


def plain_byline(state: BlockState) -> bool:
    """``唐鹏``, ``张三 李四``: bare names (two to four characters each) on their own line right under
    a title or subtitle, or under a short unpunctuated line (then that line is the title); a unit in
    brackets after the names (``王 强 刘海燕（陇原局集团公司党校）``) is the authors' unit."""
    previous = state.previous_block()
    text = state.line.text
    names, unit = names_and_unit(text)
    if previous is None or not names or any(is_office(name, state) for name in names):
        return False  # ``党委书记 董事长``: offices, no names
    if previous.kind not in ("title", "subtitle") and not (previous.kind in ("text", "heading") and could_head(previous.text)):
        return False
    following = state.peek()
    if previous.kind not in ("title", "subtitle") and following is not None and not following.blank:
        return False
    number = state.line.number
    state.push("byline", number, number, text, "plain_byline", authors=names, roles=(None,) * len(names),
               **({"unit": unit} if unit else {}))
    state.pos += 1
    return True


RULE = BlockRule(plain_byline, starts, unpunctuated=True)
