"""Spaced run-in headings: an enumerated heading and its text on one line, split at a space."""

from __future__ import annotations

import re

from ..state import BlockState
from ..text import ENUMERATOR_INITIALS, collapse_spaces, has_sentence_punctuation, starts_with_enumerator
from .base import BlockRule

_RUN_IN_HEADING = re.compile(r"^(?P<heading>\S{2,30}?)\s+(?P<text>\S.*)$")


def spaced_run_in_heading(state: BlockState) -> bool:
    """``(一)筑牢国企改革发展的思想根基 国企改革进入深水区…``: a heading and its text on one line, split at the space."""
    line = state.line
    if state.hard_wrapped or not starts_with_enumerator(line.text):
        return False
    match = _RUN_IN_HEADING.match(line.text)
    if not match or has_sentence_punctuation(match.group("heading")) or not has_sentence_punctuation(match.group("text")):
        return False
    number = line.number
    state.push("heading", number, number, match.group("heading"), "spaced_run_in_heading")
    state.push("text", number, number, collapse_spaces(match.group("text")), "spaced_run_in_heading")
    state.pos += 1
    return True


RULE = BlockRule(spaced_run_in_heading, first=lambda layout: ENUMERATOR_INITIALS)
