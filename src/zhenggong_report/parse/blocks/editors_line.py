"""Staff lines: ``责任编辑：王丽 版式：张强 校对：李明``."""

from __future__ import annotations

from typing import Optional

from ..state import BlockState, Line
from .base import initials, BlockRule
from .furniture import push_furniture


STAFF_SEPARATORS = ":：/／"
"""What stands between a staff label and its name: a colon, or a slash (``本版编辑 / 孙丽``)."""


def has_staff_separator(text: str) -> bool:
    return any(char in text for char in STAFF_SEPARATORS)


def read_editors(text: str, state: BlockState) -> Optional[dict[str, str]]:
    """Each label with its name, when the whole line is ``label：name`` (or ``label / name``) pairs."""
    if not has_staff_separator(text):
        return None
    pair = state.layout.regex(
        "editors",
        lambda layout: rf"(?P<label>{layout.pattern('editors')})\s*[{STAFF_SEPARATORS}]\s*(?P<name>[^\s{STAFF_SEPARATORS}|｜]{{1,12}})",
    )
    found = {}
    position = 0
    for match in pair.finditer(text):
        if text[position : match.start()].strip(" |｜/　") != "":
            return None
        found[match.group("label")] = match.group("name").replace(" ", "")
        position = match.end()
    if not found or text[position:].strip(" |｜/") != "":
        return None
    return found


def starts(line: Line, state: BlockState) -> bool:
    return read_editors(line.text, state) is not None


def editors_line(state: BlockState) -> bool:
    """``责任编辑：王丽 版式：张强 校对：李明`` (also ``本版编辑 / 孙丽``): the page's staff, kept as the page's editors."""
    editors = read_editors(state.line.text, state)
    if editors is None:
        return False
    push_furniture(state, [state.line], "editors", "editors_line", editors=editors)
    return True


RULE = BlockRule(editors_line, starts, lambda layout: initials(layout.editor_labels) + "|｜/")
