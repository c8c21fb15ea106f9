"""What unbracketed 小标题 share (``“拼”字当头　扎根一线``, ``■ 初心``): a feature prints them as a set
of the same form between its paragraphs, where a lone line of that form is as likely a headline."""

from __future__ import annotations

from typing import Callable, Hashable, Optional

from ..state import BlockState, Line
from ..text import ends_sentence
from .news_brief import starts as opens_news_item

Shape = Callable[[Line], Optional[Hashable]]
"""A heading form's test: the line's shape (what siblings share), or None for a line of another form."""


def _filled(state: BlockState, index: int, step: int) -> Optional[Line]:
    """The first non-blank line from ``index`` in direction ``step``, one blank line passed at most."""
    for offset in (step, 2 * step):
        if 0 <= index + offset < len(state.lines) and not state.lines[index + offset].blank:
            return state.lines[index + offset]
    return None


def between_paragraphs(state: BlockState, index: int, shape: Shape) -> Optional[Hashable]:
    """The shape of a flush line of the form that stands under a finished sentence and over an
    indented paragraph (no news item's opening: a headline over ``本报讯`` is the item's title)."""
    line = state.lines[index]
    found = None if line.indented else shape(line)
    if found is None:
        return None
    above, under = _filled(state, index, -1), _filled(state, index, 1)
    if above is None or under is None or not under.indented or not ends_sentence(above.text):
        return None
    return None if opens_news_item(under, state) else found


def _opens_an_article(state: BlockState, index: int) -> bool:
    """A line that may begin another article: a news item's opening, or a flush unpunctuated line
    at the page's top or under a blank line (a headline, a byline, a column's name)."""
    line = state.lines[index]
    if line.blank:
        return False
    if opens_news_item(line, state):
        return True
    after_blank = index == 0 or state.lines[index - 1].blank
    return after_blank and not line.indented and not line.punctuated


def _siblings(state: BlockState, index: int, found: Hashable, shape: Shape) -> list[int]:
    """The other lines of the same shape between paragraphs in the same run of text as line
    ``index``, nothing between them that may begin another article."""
    siblings = []
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(state.lines):
            if between_paragraphs(state, other, shape) == found:
                siblings.append(other)
            elif _opens_an_article(state, other):
                break
            other += step
    return siblings


def _tight(state: BlockState, index: int) -> bool:
    """No blank line over line ``index``: printed as part of the text above, no new article's headline."""
    return index > 0 and not state.lines[index - 1].blank


def in_heading_set(state: BlockState, index: Optional[int], shape: Shape) -> bool:
    """Line ``index`` is one of a set of 小标题 of this form: between paragraphs, with a sibling, one
    of the set printed tight under the text above it (headlines of unsigned items, each under a
    blank line, are no set)."""
    if index is None or shape(state.lines[index]) is None:
        return False
    found = between_paragraphs(state, index, shape)
    if found is None:
        return False
    siblings = _siblings(state, index, found, shape)
    return bool(siblings) and any(_tight(state, member) for member in [index, *siblings])
