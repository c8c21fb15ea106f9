"""Jump lines: ``（下转第6版）``, ``（上接第1版）``, ``（转第8版）``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule
from .furniture import edition_name, folded


def read_jump(text: str, state: BlockState) -> Optional[tuple[str, str]]:
    """``("on", "第6版")`` for a jump to another page, ``("from", "第1版")`` for one from it (a page
    printed ``第三版`` named ``第3版``, as its dateline is)."""
    if "版" not in text or len(text) > 14:
        return None
    match = state.layout.regex("jump", _jump).fullmatch(folded(text))
    if match is None:
        return None
    return ("on" if match.group("on") else "from"), edition_name(match.group("page"))


def _jump(layout) -> str:
    on, back = layout.pattern("jump_on"), layout.pattern("jump_from")
    return rf"[（(【]?(?:(?P<on>{on})|(?P<from>{back}))第?(?P<page>[A-Z]?\d{{1,3}}|[一二三四五六七八九十]{{1,3}})版[)）】]?"


def trailing_jump(text: str, state: BlockState) -> Optional[tuple[int, tuple[str, str]]]:
    """A jump printed at the end of a paragraph's last line: where it starts and what it says."""
    if not text.endswith(("版）", "版)", "版】")):
        return None
    match = re.search(r"[（(【][^（(【]{2,10}[)）】]$", text)
    if match is None:
        return None
    jump = read_jump(match.group(0), state)
    return (match.start(), jump) if jump else None


def leading_jump(text: str, state: BlockState) -> Optional[tuple[int, tuple[str, str]]]:
    """A jump printed at the start of a paragraph (``（上接第3版）提升…``): where the text begins after it."""
    if not text.startswith(("（", "(", "【")):
        return None
    match = re.match(r"[（(【][^）)】]{2,10}[)）】]", text)
    if match is None:
        return None
    jump = read_jump(match.group(0), state)
    return (match.end(), jump) if jump else None


def starts(line: Line, state: BlockState) -> bool:
    """A jump line, or a line that opens with one (``（上接第1版）在海拔…``): the text after it is a
    paragraph of its own, so a title over it is not run into the paragraph."""
    return read_jump(line.text, state) is not None or leading_jump(line.text, state) is not None


def jump_line(state: BlockState) -> bool:
    """A line that is only a jump (``（下转第6版）``): the article goes on, or came from, another page."""
    jump = read_jump(state.line.text, state)
    if jump is None:
        return False
    number = state.line.number
    state.push("jump", number, number, state.line.text, "jump_line", direction=jump[0], page=jump[1])
    state.pos += 1
    return True


RULE = BlockRule(jump_line, starts, lambda layout: "（(【")
