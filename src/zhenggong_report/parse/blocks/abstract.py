"""Abstracts: ``摘要：…`` (also ``【摘要】``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule
from .labelled import take_labelled

_ABSTRACT = re.compile(r"^(?:【\s*)?摘\s*要\s*(?:】)?\s*[:：]?\s*")


def starts(line: Line, state: BlockState) -> bool:
    return bool(_ABSTRACT.match(line.text))


def abstract(state: BlockState) -> bool:
    """``摘要：…`` up to the next blank line or keywords line: the article's abstract."""
    return take_labelled(state, _ABSTRACT, "abstract", "abstract") is not None


RULE = BlockRule(abstract, starts, lambda layout: "【摘")
