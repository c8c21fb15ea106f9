"""Staff lines: ``责任编辑：王丽 版式：张强 校对：李明``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import initials, BlockRule
from .furniture import push_furniture


STAFF_SEPARATORS = ":：/／"
"""What stands between a staff label and its name: a colon, or a slash (``本版编辑 / 孙丽``)."""


def has_staff_separator(text: str) -> bool:
    return any(char in text for char in STAFF_SEPARATORS)


def read_editors(text: str, state: BlockState) -> Optional[dict[str, str]]:
    """Each label with its name, when the whole line is ``label：name`` (or ``label / name``) pairs,
    or two or more ``label name`` pairs with only spaces between (``本版编辑 陈晓　美编 李萍``)."""
    if not has_staff_separator(text):
        return _spaced_editors(text, state)
    pair = state.layout.regex("editors", _pair)
    found = {}
    position = 0
    for match in pair.finditer(text):
        if text[position : match.start()].strip(" |｜/　") != "":
            return None
        found[match.group("label")] = re.sub(r"\s", "", match.group("name"))
        position = match.end()
    if not found or text[position:].strip(" |｜/") != "":
        return None
    return found


def _pair(layout) -> str:
    """A label (after a prefix such as 本版, kept in it: ``本版责任编辑``), its separator and name;
    a letter-spaced name (``韩　冬``) is one name; a name holds no sentence's punctuation."""
    spaced = rf"[{CJK}](?:\s[{CJK}](?=\s|$)){{1,3}}(?=\s|$)"
    return (rf"(?P<label>(?:{layout.pattern('editor_prefixes')})?(?:{layout.pattern('editors')}))\s*[{STAFF_SEPARATORS}]\s*"
            rf"(?P<name>{spaced}|[^\s{STAFF_SEPARATORS}|｜。，；！？]{{1,12}})")


def _spaced_editors(text: str, state: BlockState) -> Optional[dict[str, str]]:
    """``本版编辑 陈晓　美编 李萍　校对 王丽``: labels each followed by a name (two to four characters)
    after a space; a single pair could be a line of text, so two at least."""
    pair = state.layout.regex(
        "editors-spaced", lambda layout: rf"^(?P<label>{layout.pattern('editors')}) +(?P<name>[{CJK}]{{2,4}})$")
    parts = text.split()
    if len(parts) < 4 or len(parts) % 2:
        return None
    found = {}
    for label, name in zip(parts[::2], parts[1::2]):
        match = pair.match(f"{label} {name}")
        if match is None:
            return None
        found[match.group("label")] = match.group("name")
    return found if len(found) >= 2 else None


def starts(line: Line, state: BlockState) -> bool:
    return read_editors(line.text, state) is not None


def editors_line(state: BlockState) -> bool:
    """``责任编辑：王丽 版式：张强 校对：李明`` (also ``本版编辑 / 孙丽``): the page's staff, kept as the page's editors."""
    editors = read_editors(state.line.text, state)
    if editors is None:
        return False
    push_furniture(state, [state.line], "editors", "editors_line", editors=editors)
    return True


RULE = BlockRule(editors_line, starts, lambda layout: initials(layout.editor_labels + layout.editor_prefixes) + "|｜/")
