"""Printed rules: a line drawn with rule characters only (``━━━━━━``, ``══════``, ``——————``, a box's
top or bottom with its corners ``┌────┐``)."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials
from .furniture import push_furniture

RULE_MIN = 4
"""The fewest rule characters that make a rule (``——`` alone opens a subtitle)."""


def is_rule_line(line: Line, state: BlockState) -> bool:
    """The line is a rule: at least :data:`RULE_MIN` characters, every one a rule character."""
    plain = line.plain
    return len(plain) >= RULE_MIN and all(char in state.layout.rule_characters for char in plain)


def rule_line(state: BlockState) -> bool:
    """A line of ``━``/``═``/``—`` only, not part of a box a rule of its own recognised: a printed
    rule, kept as page furniture (never a title, a subtitle or text)."""
    if not is_rule_line(state.line, state):
        return False
    push_furniture(state, [state.line], "rule", "rule_line")
    return True


RULE = BlockRule(rule_line, is_rule_line, lambda layout: initials(layout.rule_characters), unpunctuated=True)
