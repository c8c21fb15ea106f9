"""Section headings printed after an ornament, no brackets: ``■ 初心`` / ``■ 匠心`` in a 人物通讯."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule
from .heading_sets import in_heading_set
from .marker_byline import MARKERS

_MARKED = re.compile(rf"^(?P<marker>[{MARKERS}]) *(?P<heading>[{CJK}“”‘’「」《》]{{2,12}})$")


def _marker(line: Line) -> Optional[str]:
    """The ornament a short unpunctuated marked line opens with (siblings share it), or None."""
    match = _MARKED.match(line.text) if line.text[:1] in MARKERS and not line.punctuated else None
    return match.group("marker") if match else None


def starts(line: Line, state: BlockState) -> bool:
    """Such a heading ends the paragraph above it with no blank line between."""
    return _marker(line) is not None and in_heading_set(state, state.index_of(line), _marker)


def marker_heading(state: BlockState) -> bool:
    """An ornament and a short unpunctuated phrase alone on a flush line (``■ 初心``) between an
    article's paragraphs (a finished sentence above, an indented paragraph under it, one blank line
    between at most), with another line of the same ornament so placed in the same run of text: a
    section heading of that article, its words without the ornament, never a marker byline. A
    ``■ 张慧良`` under a title, or a lone marked line, stays the byline rules'."""
    if not in_heading_set(state, state.pos, _marker):
        return False
    number = state.line.number
    heading = _MARKED.match(state.line.text).group("heading")  # type: ignore[union-attr]
    state.push("heading", number, number, heading, "marker_heading")
    state.pos += 1
    return True


RULE = BlockRule(marker_heading, starts, lambda layout: MARKERS, unpunctuated=True)
