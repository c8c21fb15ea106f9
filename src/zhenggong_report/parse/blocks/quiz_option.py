"""A quiz question's options, each printed line of them: ``A．政治纪律　B．廉洁纪律　C．学习纪律``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule, push_whole_paragraph

_OPTION = re.compile(r"^[A-F][．.、]")
"""An option letter (full-width letters folded to ASCII: ``Line.plain``) and its stop."""
_BLANK = re.compile(r"[（(]\s*[)）]|_{2,}|＿{2,}")
"""The blank a question leaves for its answer: ``（　）``, ``(  )``, ``____``."""


def _is_option(line: Line, state: BlockState) -> bool:
    """An option line under a question that leaves a blank, or under another option line."""
    if not _OPTION.match(line.plain):
        return False
    index = line.number - 2
    above = state.lines[index] if 0 <= index < len(state.lines) else None
    return above is not None and not above.blank and (bool(_BLANK.search(above.text)) or bool(_OPTION.match(above.plain)))


def starts(line: Line, state: BlockState) -> bool:
    return _is_option(line, state)


def quiz_option(state: BlockState) -> bool:
    """A line opening with an option letter and its stop (``A．``, ``B.``, ``C、``) right under a
    question that leaves a blank for the answer (``…不包括（　）。``) or under another option line:
    the options printed on that line, a paragraph of their own (an option that wraps keeps its
    next line), never run into the question or the option above, nor joined to what follows
    (``whole``: it ends no sentence, yet nothing runs on from it)."""
    if not _is_option(state.line, state):
        return False
    push_whole_paragraph(state, "quiz_option")
    return True


RULE = BlockRule(quiz_option, starts, lambda layout: "ABCDEF")
