"""Section headings printed as two parallel phrases with a wide gap between them, no brackets:
``“拼”字当头　扎根一线`` / ``“钻”字为先　攻坚克难`` in a 人物通讯."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule, push_line_heading
from .heading_sets import in_heading_set

_PHRASE = rf"[{CJK}“”‘’「」《》]{{3,12}}"
_PAIRED = re.compile(rf"^(?P<a>{_PHRASE}) +(?P<b>{_PHRASE})$")
_CJK_CHAR = re.compile(f"[{CJK}]")
PHRASE_MIN, PHRASE_MAX = 3, 10
"""Characters (quotes aside) of each phrase: fewer is a name or a letter-spaced word (``更　正``)."""


def _shape(line: Line) -> Optional[tuple[int, int]]:
    """How many characters each of the line's two phrases has (parallel headings share it), or None
    when the line is no such pair."""
    match = _PAIRED.match(line.text) if " " in line.text and not line.punctuated else None
    if match is None:
        return None
    shape = (len(_CJK_CHAR.findall(match.group("a"))), len(_CJK_CHAR.findall(match.group("b"))))
    return shape if all(PHRASE_MIN <= count <= PHRASE_MAX for count in shape) else None


def starts(line: Line, state: BlockState) -> bool:
    """Such a heading ends the paragraph above it with no blank line between."""
    return _shape(line) is not None and in_heading_set(state, state.index_of(line), _shape)


def paired_heading(state: BlockState) -> bool:
    """A flush line of two parallel phrases set apart by a wide gap (``“拼”字当头　扎根一线``), no
    sentence punctuation, between an article's paragraphs (a finished sentence above, an indented
    paragraph under it, one blank line between at most), with another of the same shape (characters
    per phrase) in the same run of text: a section heading of that article, its gap one space. A
    lone pair line, or one over ``本报讯``, is left to the title rules."""
    if not in_heading_set(state, state.pos, _shape):
        return False
    push_line_heading(state, "paired_heading")
    return True


RULE = BlockRule(paired_heading, starts, unpunctuated=True)
