"""Enumerated section headings (``一、…``, ``（一）…``), wrapped or not, and their continuations."""

from __future__ import annotations

from ..state import BlockState, Line
from ..text import CONNECTORS, ENUMERATOR_INITIALS, LIST_STARTER, collapse_spaces, has_sentence_punctuation, starts_with_enumerator
from .base import BlockRule, block_lines, joined


def starts(line: Line, state: BlockState) -> bool:
    return starts_with_enumerator(line.text)


def _heading_goes_on(state: BlockState, current: str, rest: list[Line]) -> bool:
    """Does a heading line continue on the next line of its block?"""
    following = rest[0].text
    if starts_with_enumerator(following) or LIST_STARTER.match(following):
        return False
    if state.lexicon.spanning_word(current, following):
        return True
    if current and current[-1] in CONNECTORS:
        return True
    if current and current[-1] in "：:" and len(rest) == 1 and not has_sentence_punctuation(following):
        return True  # ``一、思想引领:`` / ``以政治建设筑牢管理创新根基``
    if any(has_sentence_punctuation(line.text) or "：" in line.text or ":" in line.text for line in rest):
        return False
    if len(current) <= 0.7 * state.column_width:
        return False
    return len(rest) <= 2


def _take_heading(state: BlockState, rule: str, **data: object) -> bool:
    lines = block_lines(state, state.pos)
    taken = [lines[0]]
    while len(taken) < len(lines) and len(taken) < 3 and _heading_goes_on(state, taken[-1].text, lines[len(taken) :]):
        taken.append(lines[len(taken)])
    text = joined(taken)
    if has_sentence_punctuation(text):
        return False
    state.push("heading", taken[0].number, taken[-1].number, text, rule, **data)
    state.pos += len(taken)
    return True


def heading_continuation(state: BlockState) -> bool:
    """A heading cut by a page break goes on after the blank line (``…是党建工`` / ``作与…的有效路径``)."""
    previous = state.previous_block()
    line = state.line
    if (
        not state.hard_wrapped
        or previous is None
        or previous.kind != "heading"
        or previous.last >= line.number - 1
        or starts_with_enumerator(line.text)
        or not state.lexicon.spanning_word(previous.text, line.text)
    ):
        return False
    return _take_heading(state, "heading_continuation", continuation=True)


def enumerated_heading(state: BlockState) -> bool:
    """``一、…``, ``(一)…``: an enumerated line without sentence punctuation is a section heading (wrapped or not)."""
    text = state.line.text
    if not starts_with_enumerator(text) or has_sentence_punctuation(text):
        return False
    if not state.hard_wrapped:
        number = state.line.number
        state.push("heading", number, number, collapse_spaces(text), "enumerated_heading")
        state.pos += 1
        return True
    return _take_heading(state, "enumerated_heading")


def short_enumerated_heading(state: BlockState) -> bool:
    """``(一)政治思想：忠诚坚定，抵制乱流。``: a short enumerated line that is one sentence on its own line is a heading."""
    text = state.line.text
    if state.hard_wrapped or not starts_with_enumerator(text) or len(text) > 30:
        return False
    if not text.endswith(("。", ".")) or has_sentence_punctuation(text[:-1]):
        return False
    number = state.line.number
    state.push("heading", number, number, collapse_spaces(text), "short_enumerated_heading")
    state.pos += 1
    return True


CONTINUATION = BlockRule(heading_continuation, unpunctuated=True)
ENUMERATED = BlockRule(enumerated_heading, starts, lambda layout: ENUMERATOR_INITIALS)
SHORT_ENUMERATED = BlockRule(short_enumerated_heading, first=lambda layout: ENUMERATOR_INITIALS)
