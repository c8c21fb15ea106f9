"""Reporter bylines: ``本报记者 张三``, ``本报通讯员 李四 王五``, ``（记者 张三 通讯员 李四）``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule, name_list

_NAME = re.compile(rf"^[{CJK}]{{1,4}}$")


def read_credits(text: str, state: BlockState) -> Optional[tuple[tuple[str, ...], tuple[Optional[str], ...]]]:
    """The names and their roles when ``text`` is nothing but role words each followed by names
    (``记者 张三 通讯员 李四 王五``, ``本报记者张三``); None otherwise."""
    if len(text) > 40:
        return None
    role_at = state.layout.regex("role-at", lambda layout: rf"^(?:{layout.pattern('roles')})")
    names: list[str] = []
    kinds: list[Optional[str]] = []
    role: Optional[str] = None
    pending: list[str] = []

    def flush() -> bool:
        for name in name_list(" ".join(pending)):
            names.append(name)
            kinds.append(role)
        pending.clear()
        return True

    for token in re.split(r"[ 、，,]+", text.strip()):
        if not token:
            continue
        word = role_at.match(token)
        if word:
            flush()
            role = state.layout.role_of(word.group(0))
            if role == "摄影":
                return None
            token = token[word.end() :]
            if not token:
                continue
        if role is None or not _NAME.match(token):
            return None
        pending.append(token)
    flush()
    if not names or len(names) != len(kinds) or any(len(n) > 4 for n in names):
        return None
    return tuple(names), tuple(kinds)


def _inner(text: str) -> str:
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1]
    return text


def starts(line: Line, state: BlockState) -> bool:
    return read_credits(_inner(line.text), state) is not None


def reporter_byline(state: BlockState) -> bool:
    """Role words (``本报记者``, ``通讯员`` … in ``layout.toml``) each followed by names, on one line,
    bracketed or not: the authors and their roles."""
    credits = read_credits(_inner(state.line.text), state)
    if credits is None:
        return False
    number = state.line.number
    state.push("byline", number, number, state.line.text, "reporter_byline", authors=credits[0], roles=credits[1])
    state.pos += 1
    return True


RULE = BlockRule(reporter_byline, starts, lambda layout: rf"[（(]?(?:{layout.pattern('roles')})")
