"""Blank lines."""

from __future__ import annotations

from ..state import BlockState
from .base import BlockRule


def blank_line(state: BlockState) -> bool:
    """Blank lines separate blocks and belong to none."""
    if state.line.blank:
        state.pos += 1
        return True
    return False


RULE = BlockRule(blank_line)
