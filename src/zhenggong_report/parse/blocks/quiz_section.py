"""A quiz box's section labels: ``单选题``, ``一、多选题（每题5分）``."""

from __future__ import annotations

from ..state import BlockState, Line
from ..text import ENUMERATOR_INITIALS, HEADING_ENUMERATOR
from .base import BlockRule, initials


def _section(layout) -> str:
    return rf"^(?:{HEADING_ENUMERATOR.pattern[1:]})?\s*(?:{layout.pattern('quiz_sections')})\s*(?:[（(][^（()）]{{1,20}}[)）])?[：:]?$"


def _is_section(line: Line, state: BlockState) -> bool:
    return bool(state.layout.regex("quiz-section", _section).match(line.text))


def starts(line: Line, state: BlockState) -> bool:
    return _is_section(line, state)


def quiz_section(state: BlockState) -> bool:
    """A line that is only a quiz's section label (``单选题``, ``判断题``: ``layout.toml`` ``[quiz]
    sections``), enumerated or not, with a bracketed note on the marks or not: a heading of the
    quiz (marked ``quiz``, so the line right over the first is the quiz's title); it ends a running
    line, so the quiz's title printed over it is not run into it."""
    if not _is_section(state.line, state):
        return False
    number = state.line.number
    state.push("heading", number, number, state.line.text.replace(" ", ""), "quiz_section", quiz=True)
    state.pos += 1
    return True


RULE = BlockRule(quiz_section, starts, lambda layout: initials(layout.quiz_sections) + ENUMERATOR_INITIALS, unpunctuated=True)
