"""Markdown headings (``# 标题``) as some OCR and conversion tools print titles."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import collapse_spaces
from .base import BlockRule

_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*?)\s*#*$")


def starts(line: Line, state: BlockState) -> bool:
    return bool(_MARKDOWN_HEADING.match(line.text))


def markdown_heading(state: BlockState) -> bool:
    """``# 标题`` is an article title; ``## ——…`` a subtitle; ``##``/``###`` a section heading."""
    match = _MARKDOWN_HEADING.match(state.line.text)
    if not match or not match.group("text"):
        return False
    level, text = len(match.group("hashes")), collapse_spaces(match.group("text"))
    number = state.line.number
    previous = state.previous_block()
    if level == 1:
        state.push("title", number, number, text, "markdown_heading", level=1)
    elif text.startswith(("——", "--", "—")) and previous is not None and previous.kind == "title":
        state.push("subtitle", number, number, text, "markdown_heading", level=level)
    else:
        state.push("heading", number, number, text, "markdown_heading", level=level)
    state.pos += 1
    return True


RULE = BlockRule(markdown_heading, starts, lambda layout: "#")
