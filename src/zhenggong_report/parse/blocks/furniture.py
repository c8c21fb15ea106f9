"""Helpers for the page-furniture rules: one furniture block, and folding digits for matching."""

from __future__ import annotations

import re
from functools import lru_cache

from ..state import Block, BlockState, Line
from ..text import fold_for_matching

DATE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
"""A date as a page prints it, ``2026年3月12日`` (on folded text)."""


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """Full-width digits and letters as ASCII, spaces removed (remembered: rules ask about the same lines)."""
    return fold_for_matching(text)


def push_furniture(state: BlockState, lines: list[Line], kind: str, rule: str | None = None, **meta: object) -> Block:
    """Record ``lines`` as page furniture of ``kind`` (found by ``rule``, by default the rule of that
    name); ``meta`` is what it says about the page."""
    text = "\n".join(line.text for line in lines)
    block = state.push("furniture", lines[0].number, lines[-1].number, text, rule or kind, furniture=kind, meta=meta)
    state.advance_past(lines[-1])
    return block


def near_page_edge(state: BlockState, reach: int = 3) -> bool:
    """The cursor is among the first ``reach`` non-blank lines of the page, or right after other furniture."""
    previous = state.previous_block()
    if previous is None:
        return True
    if previous.kind == "furniture":
        return True
    seen = sum(1 for line in state.lines[: state.pos] if not line.blank)
    return seen < reach


_CHINESE_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", 1)}


def edition_name(number: str) -> str:
    """The 版次 in one form, ``第3版``, whether printed ``3``, ``三`` or (up to 99) ``十三``, so that a
    jump line's ``下转第三版`` names the page whose dateline says ``第3版``; ``A3`` is kept."""
    if number[:1] not in _CHINESE_DIGITS and number[:1] != "十":
        return f"第{number}版"
    tens, _, units = number.rpartition("十")
    if "十" in number:
        value = (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + _CHINESE_DIGITS.get(units, 0)
    else:
        value = _CHINESE_DIGITS.get(number, 0)
    return f"第{value}版" if value and (not tens or tens in _CHINESE_DIGITS) else f"第{number}版"
