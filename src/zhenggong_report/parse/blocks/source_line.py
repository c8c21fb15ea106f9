"""Source lines: ``来源：山西焦煤报``, ``来源｜西山煤电党委宣传部`` (labels in ``layout.toml`` ``[credits]``)."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule, initials

SOURCE_MAX = 40


def _match(text: str, state: BlockState) -> Optional[re.Match[str]]:
    if len(text) > SOURCE_MAX:
        return None
    return state.layout.regex(
        "source_line", lambda layout: rf"^(?:{layout.pattern('source_labels')})\s*[:：|｜]\s*(?P<source>\S.*)$"
    ).match(text)


def starts(line: Line, state: BlockState) -> bool:
    return _match(line.text, state) is not None


def source_line(state: BlockState) -> bool:
    """``来源：山西焦煤报``: where the article was first published, kept as its ``source``."""
    match = _match(state.line.text, state)
    if match is None:
        return False
    number = state.line.number
    state.push("credit", number, number, state.line.text, "source_line", source=match.group("source").strip())
    state.pos += 1
    return True


RULE = BlockRule(source_line, starts, lambda layout: initials(layout.source_labels), unpunctuated=True)
