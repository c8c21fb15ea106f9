"""Salutations: the line a letter (or a speech) opens with, ``编辑同志：``, ``尊敬的矿领导：``,
``同志们：`` (``[editorial] salutations``), a paragraph of its own."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials

SALUTATION_MAX = 16
"""The longest salutation line (characters)."""


def starts(line: Line, state: BlockState) -> bool:
    plain = line.plain
    return len(plain) <= SALUTATION_MAX and plain[-1:] in "：:" and plain.startswith(state.layout.salutations) and not line.punctuated


def salutation(state: BlockState) -> bool:
    """A short line that opens with a salutation word and ends with a colon (``编辑同志：``): the
    letter's first paragraph, alone, even flush under its headline with no indent to set it apart
    (the headline above stays a line of its own, no paragraph run on into the salutation)."""
    line = state.line
    if not starts(line, state):
        return False
    state.push("text", line.number, line.number, line.text, "salutation", indented=line.indented)
    state.pos += 1
    return True


RULE = BlockRule(salutation, starts, lambda layout: initials(layout.salutations), unpunctuated=True)
