"""Rolls: a label with a count (``优秀共产党员（20名）``) over names or units printed several a line
with wide gaps between them (``王　斌　　李建华　　张　伟``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule

ENTRY_MAX = 16
"""The longest entry of a roll (a unit's name: ``动力厂运行二车间党支部``)."""
_GAP = re.compile(r" {2,}")
_ENTRY = re.compile(rf"^[{CJK}](?: ?[{CJK}（）()·])*$")
_LETTER_SPACE = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")


def _label(layout) -> str:
    return rf"^[{CJK}·]{{2,20}}[（(](?:\d{{1,4}}|[一二三四五六七八九十百]{{1,4}})(?:{layout.pattern('count_units')})[）)]$"


def _is_label(line: Line, state: BlockState) -> bool:
    return not line.punctuated and bool(state.layout.regex("roll-label", _label).match(line.plain))


def _entries(line: Line) -> list[str] | None:
    """The entries of one roll line, letter-spaced names closed up (``王 斌`` is 王斌), or None."""
    if line.blank or line.punctuated or line.cells:
        return None
    parts = _GAP.split(line.text)
    entries = [_LETTER_SPACE.sub("", part) for part in parts]
    if not all(_ENTRY.match(part) for part in parts) or any(len(e) > ENTRY_MAX for e in entries):
        return None
    return entries


def _roll(state: BlockState, start: int) -> list[tuple[Line, list[str]]]:
    """The roll lines under the label on line ``start``: the first holds two entries or more."""
    rows: list[tuple[Line, list[str]]] = []
    index = start + 1
    while index < len(state.lines):
        entries = _entries(state.lines[index])
        if entries is None or (not rows and len(entries) < 2):
            break
        rows.append((state.lines[index], entries))
        index += 1
    return rows


def starts(line: Line, state: BlockState) -> bool:
    if not _is_label(line, state):
        return False
    index = state.index_of(line)
    return index is not None and bool(_roll(state, index))


def roll_list(state: BlockState) -> bool:
    """A label counting what it lists (``先进基层党组织（10个）``, ``优秀共产党员（20名）``: ``[lists]
    count_units``) over lines of names or units set apart by wide gaps, several a line: the label
    is a heading, the lines under it one paragraph of its entries, one space between them and a
    letter-spaced name closed up (``张　伟`` is 张伟). The names are those being honoured or listed,
    never a byline, and the lines no stanza."""
    if not _is_label(state.line, state):
        return False
    rows = _roll(state, state.pos)
    if not rows:
        return False
    number = state.line.number
    state.push("heading", number, number, state.line.text, "roll_list")
    text = " ".join(entry for _, entries in rows for entry in entries)
    state.push("text", rows[0][0].number, rows[-1][0].number, text, "roll_list", whole=True)  # a roll is printed whole: no sentence runs on from it
    state.pos += 1 + len(rows)
    return True


RULE = BlockRule(roll_list, starts, unpunctuated=True)
