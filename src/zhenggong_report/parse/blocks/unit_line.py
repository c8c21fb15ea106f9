"""Unit lines: ``单位：山东能源枣矿集团党委组织部`` (``作者单位：…`` without brackets) under a byline."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule

_UNIT_LINE = re.compile(r"^(?:作者单位|工作单位|单位)\s*[:：]\s*(?P<unit>\S.{1,58})$")


def starts(line: Line, state: BlockState) -> bool:
    return not line.punctuated and _UNIT_LINE.match(line.text) is not None


def unit_line(state: BlockState) -> bool:
    """``单位：…`` on a line of its own (as Word contributions and WeChat copies print it under the
    ``作者：`` line): the author's affiliation."""
    if not starts(state.line, state):
        return False
    match = _UNIT_LINE.match(state.line.text)
    assert match is not None
    number = state.line.number
    state.push("affiliation", number, number, state.line.text, "unit_line", unit=match.group("unit").strip(), role=None)
    state.pos += 1
    return True


RULE = BlockRule(unit_line, starts, lambda layout: "作工单", unpunctuated=True)
