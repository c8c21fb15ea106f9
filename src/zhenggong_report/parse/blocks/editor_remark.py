"""Editors' remarks on a text: the bracketed line under an article, ``（根据录音整理，有删节）``."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule

REMARK_MAX = 30
"""The longest remark line believed (characters, brackets included)."""


def remark_of(text: str, state: BlockState) -> str | None:
    """The words inside a short line that is one bracket (``（…）``) holding a word of ``layout.toml``
    ``[editorial] remarks`` (``根据录音整理``, ``有删节``); else None."""
    if len(text) > REMARK_MAX or text[:1] not in "（(" or text[-1:] not in "）)":
        return None
    inner = text[1:-1].strip()
    if not inner or any(mark in inner for mark in "（()）"):
        return None
    return inner if state.layout.regex("editor-remarks", lambda layout: layout.pattern("remarks")).search(inner) else None


def starts(line: Line, state: BlockState) -> bool:
    return remark_of(line.text, state) is not None


def editor_remark(state: BlockState) -> bool:
    """``（根据录音整理，有删节）``, ``（本文有删节）`` on a line of its own under an article's last
    paragraph: the editors' remark on how the text was made, the editor_note of the article above,
    not the speaker's or writer's words."""
    remark = remark_of(state.line.text, state)
    if remark is None:
        return False
    number = state.line.number
    state.push("editorial", number, number, remark, "editor_remark", field="editor_note", after=True)
    state.pos += 1
    return True


RULE = BlockRule(editor_remark, starts, lambda layout: "（(")
