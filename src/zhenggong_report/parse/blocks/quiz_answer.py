"""A quiz's answer line: ``参考答案：1．B　2．C``."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials, push_whole_paragraph

ANSWER_MAX = 60
"""The longest answer line believed (characters)."""


def _is_answer(line: Line, state: BlockState) -> bool:
    pattern = state.layout.regex("quiz-answer", lambda layout: rf"^(?:{layout.pattern('quiz_answers')})[：:]")
    return len(line.text) <= ANSWER_MAX and bool(pattern.match(line.plain))


def starts(line: Line, state: BlockState) -> bool:
    return _is_answer(line, state)


def quiz_answer(state: BlockState) -> bool:
    """A short line opening with an answer label and a colon (``参考答案：``, ``答案：``: ``layout.toml``
    ``[quiz] answer_labels``): the quiz's answers, a paragraph of their own, never run into the
    last option above them, nor joined to what follows (``whole``)."""
    if not _is_answer(state.line, state):
        return False
    push_whole_paragraph(state, "quiz_answer")
    return True


RULE = BlockRule(quiz_answer, starts, lambda layout: initials(layout.quiz_answer_labels))
