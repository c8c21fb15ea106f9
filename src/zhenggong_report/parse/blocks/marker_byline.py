"""Marker bylines: ``●刘兆媛``, ``□ 李 林``, ``■ 张慧良``, ``■本报评论员``, ``■ 特约记者 张三（某矿）``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from .base import NAMES, BlockRule, name_list
from .reporter_byline import read_credits, without_report_word
from .unit_byline import unit_byline_match

MARKERS = "●○□■◎◆◇★☆▲△▼▽•◉◈"
_MARKER_BYLINE = re.compile(rf"^[{MARKERS}]\s*(?P<names>{NAMES}|[{CJK}]{{2,6}})$")


def _with_unit(text: str) -> re.Match[str] | None:
    """``◎ 西铭矿 唐鹏``: a marker, the author's unit and name(s) (a unit byline after the marker)."""
    return unit_byline_match(text[1:].strip()) if text[:1] in MARKERS else None


_BRACKETED_UNIT = re.compile(r"^(?P<rest>.+?)\s*[（(](?P<unit>[^（）()]{2,40})[）)]$")


def _credits(text: str, state: BlockState):
    """``■ 特约撰稿人 刘兆媛（山东能源枣矿集团党委组织部）``: after the marker, role words and names
    as a reporter byline reads them (:func:`.reporter_byline.read_credits`), or names alone before
    a bracketed unit; as (names, roles, unit or None), else None."""
    if text[:1] not in MARKERS:
        return None
    rest, unit = text[1:].strip(), None
    bracketed = _BRACKETED_UNIT.match(rest)
    if bracketed:
        rest, unit = bracketed.group("rest"), re.sub(r"\s+", "", bracketed.group("unit"))
    credits = read_credits(rest, state)
    if credits is not None:
        return credits[0], credits[1], unit
    if unit is not None and _MARKER_BYLINE.match(text[0] + rest):
        names = name_list(rest)
        if names and all(len(name) <= 4 for name in names):
            return names, (None,) * len(names), unit
    return None


def starts(line: Line, state: BlockState) -> bool:
    text = without_report_word(line.text, state)[0]
    return bool(_MARKER_BYLINE.match(text)) or _with_unit(text) is not None or _credits(text, state) is not None


def _read(text: str, state: BlockState) -> tuple[tuple[str, ...], tuple[str | None, ...], str | None] | None:
    """(names, roles, unit or None) of a marker byline's text, or None."""
    unit = _with_unit(text)
    if unit is not None:  # a unit's ending (矿, 公司, 党群工作部 …) before the name: the unit
        names = name_list(unit.group("names"))
        return names, (None,) * len(names), re.sub(r"\s+", "", unit.group("unit"))
    credits = _credits(text, state)
    if credits is not None:  # role words before the names, or the unit in brackets after them
        return credits
    match = _MARKER_BYLINE.match(text)
    if not match:
        return None
    role = state.layout.role_of(match.group("names").replace(" ", ""))
    names = () if role else name_list(match.group("names"))
    if any(len(name) > 4 for name in names):  # an unspaced run of five or six characters: no name
        return None
    if any(state.layout.role_of(name) for name in names):  # ``◎通讯员　李娜　摄像``: a role word among words unread
        return (), (), None
    return names, (None,) * len(names), None


def marker_byline(state: BlockState) -> bool:
    """``●刘兆媛``, ``□ 李 林``, ``■ 张慧良``: a byline marker and the author's name(s), also with
    the unit before the name (``◎ 西铭矿 唐鹏``), role words before it (``■ 特约记者 张三``) or the
    unit in brackets after it. A role word in place of a name (``■本报评论员``) is the role, with
    no name; a role word among words the rule cannot read (``◎通讯员　李娜　摄像``) leaves the
    byline nameless. A report word after the names (``■ 王芳　报道``, ``[bylines] report_endings``) names no
    one: the line is marked ``reported``, a credit that closes the item above it."""
    text, reported = without_report_word(state.line.text, state)
    found = _read(text, state)
    if found is None:
        return False
    names, roles, unit = found
    number = state.line.number
    data = {"reported": True} if reported else {}
    state.push("byline", number, number, state.line.text, "marker_byline", authors=names, roles=roles, unit=unit, **data)
    state.pos += 1
    return True


RULE = BlockRule(marker_byline, starts, lambda layout: MARKERS)
