"""Speaker bylines: a speech's speaker under its title, offices before the name (``党委书记　董事长　刘建国``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule, initials, is_office
from .plain_byline import bare_names, could_head


def speaker_names(text: str, state: BlockState) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The offices (``[bylines] offices``, one or more, spaces or 、 between) and the name after them
    of a line such as ``党委书记　董事长　刘建国`` or ``党委书记、董事长 刘 建 国``; ((), ()) when
    the line is not all offices and then one name."""
    parts = [part for part in re.split(r"[ 、，,]+", text.strip()) if part]
    count = 0
    while count < len(parts) and is_office(parts[count], state):
        count += 1
    rest = " ".join(parts[count:])
    names = bare_names(rest) if count and rest else ()
    if len(names) != 1 or is_office(names[0], state):
        return (), ()
    return tuple(parts[:count]), names


def starts(line: Line, state: BlockState) -> bool:
    return bool(speaker_names(line.text, state)[1])


def speaker_byline(state: BlockState) -> bool:
    """``党委书记　董事长　刘建国`` on its own line right under a title (``在公司…会议上的讲话（摘要）``):
    the speech's speaker, its author. The offices before the name are no names and no byline role
    (记者, 通讯员): they are the speaker's position (the article's ``role``, ``党委书记、董事长``)."""
    previous = state.previous_block()
    offices, names = speaker_names(state.line.text, state)
    if previous is None or not names:
        return False
    if previous.kind not in ("title", "subtitle") and not (previous.kind == "text" and could_head(previous.text)):
        return False
    number = state.line.number
    state.push("byline", number, number, state.line.text, "speaker_byline", authors=names, roles=(None,), position="、".join(offices))
    state.pos += 1
    return True


RULE = BlockRule(speaker_byline, starts, lambda layout: initials(layout.speaker_offices), unpunctuated=True)
