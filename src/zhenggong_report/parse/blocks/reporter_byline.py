"""Reporter bylines: ``本报记者 张三``, ``本报通讯员 李四 王五``, ``（记者 张三 通讯员 李四）``, ``本报评论员``."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import initials, BlockRule, name_list

_NAME = re.compile(rf"^[{CJK}]{{1,4}}$")


def read_credits(text: str, state: BlockState) -> Optional[tuple[tuple[str, ...], tuple[Optional[str], ...]]]:
    """The names and their roles when ``text`` is nothing but role words each followed by names
    (``记者 张三 通讯员 李四 王五``, ``本报记者张三``, ``记者 陈静通讯员 张伟``); None otherwise."""
    if len(text) > 40:
        return None
    roles = state.layout.regex("roles", lambda layout: f"(?:{layout.pattern('roles')})")
    body = text.strip()
    marks = list(roles.finditer(body))
    if not marks or marks[0].start() != 0:
        return None
    names: list[str] = []
    kinds: list[Optional[str]] = []
    for mark, following in zip(marks, marks[1:] + [None]):
        role = state.layout.role_of(mark.group(0))
        if role == "摄影":
            return None
        chunk = body[mark.end() : following.start() if following else len(body)]
        tokens = [t for t in re.split(r"[ 、，,]+", chunk) if t]
        if not tokens or not all(_NAME.match(t) for t in tokens):
            return None
        for name in name_list(" ".join(tokens)):
            names.append(name)
            kinds.append(role)
    return tuple(names), tuple(kinds)


def _inner(text: str) -> str:
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1]
    return text


def without_report_word(text: str, state: BlockState) -> tuple[str, bool]:
    """``通讯员 赵小龙 报道``: the credit without the report word printed after the names
    (``[bylines] report_endings``), and whether there was one (the line closes the item above it)."""
    pattern = state.layout.regex("report-endings", lambda layout: rf"\s+(?:{layout.pattern('report_endings')})$")
    match = pattern.search(text)
    return (text[: match.start()], True) if match else (text, False)


def _credits(text: str, state: BlockState):
    credit, reported = without_report_word(_inner(text), state)
    credits = read_credits(credit, state)
    return (credits, reported) if credits is not None else None


def _anonymous(text: str, state: BlockState) -> bool:
    """``本报评论员`` alone on a line: a role printed in place of a name (``[bylines] anonymous``)."""
    return text.replace(" ", "") in state.layout.anonymous_bylines


def starts(line: Line, state: BlockState) -> bool:
    return _credits(line.text, state) is not None or _anonymous(line.text, state)


def reporter_byline(state: BlockState) -> bool:
    """Role words (``本报记者``, ``通讯员`` … in ``layout.toml``) each followed by names, on one line,
    bracketed or not: the authors and their roles. A role word alone that names no one
    (``本报评论员``, ``[bylines] anonymous``) is a byline with no author. A report word after the
    names (``通讯员　赵小龙　报道``, ``[bylines] report_endings``) names no one: the line is marked
    ``reported``, a credit that closes the item above it."""
    found = (((), ()), False) if _anonymous(state.line.text, state) else _credits(state.line.text, state)
    if found is None:
        return False
    credits, reported = found
    number = state.line.number
    data = {"reported": True} if reported else {}
    state.push("byline", number, number, state.line.text, "reporter_byline", authors=credits[0], roles=credits[1], **data)
    state.pos += 1
    return True


RULE = BlockRule(reporter_byline, starts, lambda layout: initials(w for w, _ in layout.byline_roles) + "（(")
