"""Editor credits: the bracketed line that closes an article, ``（编辑　赵敏）``, ``（责任编辑：王丽 校对：李明）``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule

CREDIT_MAX = 40
_NAMES = rf"[{CJK}]{{2,4}}(?:[、，,][{CJK}]{{2,4}})*(?=$|[\s、，,；;|｜/])"
"""One or more names (``赵敏``, ``赵敏、王丽``) up to a space or the bracket's end: the next label follows a space."""


def _pair(layout) -> str:
    return rf"(?P<label>{layout.pattern('editors')})\s*[:：]?\s*(?P<name>{_NAMES})"


def read_editor_credit(text: str, state: BlockState) -> Optional[tuple[tuple[str, str], ...]]:
    """Each (label, name) when the whole line is a bracket of ``label name`` pairs (labels of
    ``layout.toml`` ``[editors]``, a colon between optional), else None."""
    if len(text) > CREDIT_MAX or text[:1] not in "（(" or text[-1:] not in "）)":
        return None
    inner = text[1:-1].strip()
    pair = state.layout.regex("editor-credit", _pair)
    found: list[tuple[str, str]] = []
    position = 0
    for match in pair.finditer(inner):
        if inner[position : match.start()].strip(" ，,、；;|｜/") != "":
            return None
        found.extend((match.group("label"), name) for name in re.split(r"[、，,]", match.group("name")))
        position = match.end()
    if not found or inner[position:].strip() != "":
        return None
    return tuple(found)


def starts(line: Line, state: BlockState) -> bool:
    return read_editor_credit(line.text, state) is not None


def editor_credit(state: BlockState) -> bool:
    """``（编辑　赵敏）`` printed on its own line under an article: the article's editors, kept apart
    from its text."""
    editors = read_editor_credit(state.line.text, state)
    if editors is None:
        return False
    number = state.line.number
    state.push("credit", number, number, state.line.text, "editor_credit", furniture="editors", editors=editors)
    state.pos += 1
    return True


RULE = BlockRule(editor_credit, starts, lambda layout: "（(", unpunctuated=True)
