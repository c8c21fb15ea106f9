"""Page numbers: ``- 3 -``, ``—3—`` or a lone ``3`` on a line."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule
from .furniture import push_furniture

_PAGE_NUMBER = re.compile(r"^[-—–－~～]*\d{1,3}[-—–－~～]*$")


def starts(line: Line, state: BlockState) -> bool:
    return len(line.plain) <= 8 and bool(_PAGE_NUMBER.match(line.plain))


def page_number(state: BlockState) -> bool:
    """A line that is only a number of one to three digits (dashes around it allowed): the page number,
    also when OCR dropped it inside a paragraph."""
    if not starts(state.line, state):
        return False
    push_furniture(state, [state.line], "page_number", page=int(re.sub(r"\D", "", state.line.plain)))
    return True


RULE = BlockRule(page_number, starts, lambda layout: "-—–－~～0123456789")
