"""Taking a labelled block (``摘要：…``, ``编者按：…``) up to the next blank line."""

from __future__ import annotations

import re
from typing import Optional

from ..state import Block, BlockState
from .base import block_lines, joined


def take_labelled(state: BlockState, label: re.Pattern[str], kind: str, rule: str, **data: object) -> Optional[Block]:
    """The block opened by ``label`` (up to the next blank line or opener), with the label removed."""
    if not label.match(state.line.text):
        return None
    lines = block_lines(state, state.pos)
    text = label.sub("", joined(lines), count=1).strip()
    state.pos += len(lines)
    return state.push(kind, lines[0].number, lines[-1].number, text, rule, **data)
