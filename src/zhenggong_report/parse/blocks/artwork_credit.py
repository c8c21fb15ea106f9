"""Artwork credits: ``书法作品　　赵　刚``, ``国画《春山》　　李　明　作`` on a 副刊 page."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import NAMES, BlockRule, initials
from .caption import photo_title

_NAMES = re.compile(rf"^{NAMES}$")


def _label(layout) -> str:
    return rf"^(?:{layout.pattern('artwork_labels')})(?:\s*《[^《》]{{1,20}}》)?\s+(?P<rest>\S.*)$"


def _ending(layout) -> str:
    return rf"\s+(?:{layout.pattern('artwork_endings')})$"


def is_artwork_credit(line: Line, state: BlockState) -> bool:
    """The line names a work and, after a space, its artist: a label of ``[captions]
    artwork_labels`` (``书法作品``, ``国画``), the work's title in 《》 or none, then the name(s),
    with an ending of ``[captions] artwork_endings`` after them or none (``刘　洋　摄``)."""
    match = state.layout.regex("artwork-label", _label).match(line.text)
    if match is None:
        return False
    rest = match.group("rest")
    bare = state.layout.regex("artwork-ending", _ending).sub("", rest)
    return bool(_NAMES.match(bare) or _NAMES.match(rest))


def artwork_credit(state: BlockState) -> bool:
    """A line alone, a blank line (or the page's edge) under it, that credits a work a 副刊 page
    prints, a calligraphy, a painting, a photograph, a cartoon (``书法作品　　赵　刚``, ``摄影作品《钢花》　　刘　洋
    摄``, ``漫画　李　文``): a caption, no byline of the article beside it and no article of its own,
    with the work's title when one short unpunctuated line right above it, a blank line (or the page's
    top) over that, names the work (``安全检查岂能“走过场”`` over ``漫画　李　文``). A sentence that
    opens with such a word (``书法作品展在…开幕。``) names no artist after a gap and stays text."""
    line = state.line
    if not is_artwork_credit(line, state):
        return False
    under = state.peek()
    if under is not None and not under.blank:
        return False
    first = state.blocks.pop().first if photo_title(state, line) else line.number
    text = "\n".join(l.text for l in state.lines[first - 1 : line.number])
    state.push("caption", first, line.number, text, "artwork_credit", credit=True)
    state.pos += 1
    return True


RULE = BlockRule(artwork_credit, lambda line, state: is_artwork_credit(line, state),
                 lambda layout: initials(layout.artwork_labels), unpunctuated=True)
