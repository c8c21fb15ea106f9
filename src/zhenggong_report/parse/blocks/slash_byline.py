"""Labelled bylines: ``文/张三``, ``文 / 张三 李四``, ``文｜张三``, ``文·张三``, ``作者：张三``, also with the
author's unit in brackets after the names (``文/周斌（作者单位：…）``) or before them
(``文/法律事务部　陈　静``), or the photographer's credit (``文/高志强　图/刘洋``; ``文、图/高志强`` and
``文·图／华能山东发电有限公司工会　付吉鹏`` wrote and photographed)."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .affiliation import trailing_affiliation
from .base import initials, NAMES, BlockRule, name_list
from .unit_byline import unit_byline_match


_PHOTO_JOIN = "[、/／·・]"
"""What joins the writer's label to the photographer's in one who wrote and photographed (``文、图``, ``文·图``)."""


def _match(text: str, state: BlockState) -> Optional[re.Match[str]]:
    if len(text) > 30:
        return None
    return state.layout.regex("slash", _pattern).match(text)


def _pattern(layout) -> str:
    """The label (``文``, or ``文、图`` for one who wrote and photographed), the names, and a
    photographer's credit after them (``图/刘洋``), whose names are no author's."""
    label, photo, mark = layout.pattern("labels"), layout.pattern("photo_labels"), r"\s*[/／|｜:：·・]\s*"
    return (rf"^(?:{label})(?:{_PHOTO_JOIN}(?:{photo}))?{mark}(?P<names>{NAMES})"
            rf"(?:\s+(?:{photo}){mark}(?P<photo>{NAMES}))?$")


def _unit_first(text: str, state: BlockState) -> Optional[tuple[re.Match[str], str]]:
    """``文/法律事务部　陈　静``: the label, then a unit byline (the unit, a space, the names), when
    the names alone would not do (:func:`_match` failed); the match of the names and the unit."""
    if len(text) > 40:
        return None
    match = state.layout.regex("slash-unit", _unit_pattern).match(text)
    byline = unit_byline_match(match.group("rest")) if match else None
    return (byline, re.sub(r"\s+", "", byline.group("unit"))) if byline else None


def _unit_pattern(layout) -> str:
    label, photo = layout.pattern("labels"), layout.pattern("photo_labels")
    return rf"^(?:{label})(?:{_PHOTO_JOIN}(?:{photo}))?\s*[/／|｜:：·・]\s*(?P<rest>.+)$"


def _byline_and_unit(text: str, state: BlockState) -> tuple[Optional[re.Match[str]], Optional[tuple[str, str | None]]]:
    """The byline's match, and the (unit, role) printed in brackets after its names, if any."""
    match = _match(text, state)
    if match is not None:
        return match, None
    split = trailing_affiliation(text)
    if split is None:
        return None, None
    before, unit, role = split
    return _match(before, state), (unit, role)


def starts(line: Line, state: BlockState) -> bool:
    return _byline_and_unit(line.text, state)[0] is not None or _unit_first(line.text, state) is not None


def _unit_first_byline(state: BlockState) -> bool:
    found = _unit_first(state.line.text, state)
    if found is None:
        return False
    byline, unit = found
    names = name_list(byline.group("names"))
    number = state.line.number
    state.push("byline", number, number, state.line.text, "slash_byline", authors=names, roles=(None,) * len(names), unit=unit)
    state.pos += 1
    return True


def slash_byline(state: BlockState) -> bool:
    """``文/张三``, ``文 / 张三 李四``, ``作者：张三``: a byline label (``layout.toml``) and the name(s);
    an affiliation in brackets after them (``文/周斌（作者单位：…）``) is the article's affiliation,
    and so is a unit before them (``文/法律事务部　陈　静``: 陈静 of the 法律事务部)."""
    match, unit = _byline_and_unit(state.line.text, state)
    if match is None:
        return _unit_first_byline(state)
    names = name_list(match.group("names"))
    number = state.line.number
    state.push("byline", number, number, match.group(0), "slash_byline", authors=names, roles=(None,) * len(names))
    if unit is not None:
        state.push("affiliation", number, number, state.line.text[len(match.group(0)) :].strip(), "slash_byline", unit=unit[0], role=unit[1])
    state.pos += 1
    return True


RULE = BlockRule(slash_byline, starts, lambda layout: initials(layout.byline_labels))
