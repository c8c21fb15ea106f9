"""Author keywords: ``关键词：a；b；c``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule
from .labelled import take_labelled

_KEYWORDS = re.compile(r"^(?:【\s*)?关\s*键\s*词\s*(?:】)?\s*[:：]?\s*")


def starts(line: Line, state: BlockState) -> bool:
    return bool(_KEYWORDS.match(line.text))


def keywords(state: BlockState) -> bool:
    """``关键词：a；b；c`` (possibly wrapped): the author's keywords."""
    block = take_labelled(state, _KEYWORDS, "keywords", "keywords")
    if block is None:
        return False
    block.data["words"] = tuple(w for w in re.split(r"[；;，,、\s]+", block.text) if w)
    return True


RULE = BlockRule(keywords, starts, lambda layout: "【关")
