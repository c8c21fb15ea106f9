"""Unit credits: the unit that sent an item, in brackets on a line of its own under its last
paragraph (``（供稿：信访办）``, ``（综采一队党支部供稿）``, ``（公司工会　李　静）``), as a bulletin prints them."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import ends_sentence
from .base import BlockRule, name_list
from .unit_byline import is_unit, unit_byline_match


def _credit(layout) -> str:
    """``供稿：信访办``, ``综采一队党支部供稿`` and ``本版稿件由公司信访办提供`` (what was provided, 由,
    the unit and the verb: ``[bylines] provided_items``, ``provided_verbs``)."""
    words, items, verbs = layout.pattern("supplied_by"), layout.pattern("provided_items"), layout.pattern("provided_verbs")
    return (rf"^(?:(?:{words})\s*[:：]\s*(?P<before>.+)|(?:{items})\s*由\s*(?P<provider>.+?)\s*(?:{verbs})"
            rf"|(?P<after>.+?)\s*(?:{words}))$")


def read_unit_credit(text: str, state: BlockState) -> Optional[tuple[str, tuple[str, ...]]]:
    """The unit and the names of a bracketed credit line: ``（供稿：信访办）`` and
    ``（综采一队党支部供稿）``, ``（本版稿件由公司信访办提供）`` name a unit only (``[bylines]
    supplied_by``, ``provided_items``), ``（公司工会 李 静）`` a
    unit and its writer; None for any other bracketed line (``（掌声）``, ``（见附表）``)."""
    if not (text[:1] in "（(" and text[-1:] in "）)") or len(text) > 40:
        return None
    inside = text[1:-1].strip()
    match = state.layout.regex("unit-credit", _credit).match(inside)
    if match:
        unit = re.sub(r"\s+", "", match.group("before") or match.group("provider") or match.group("after"))
        return (unit, ()) if is_unit(unit) else None
    byline = unit_byline_match(inside)
    if byline:
        return re.sub(r"\s+", "", byline.group("unit")), name_list(byline.group("names"))
    return None


def _above_ends_sentence(line: Line, state: BlockState) -> bool:
    index = state.index_of(line)
    if not index:  # not on this page, or its first line
        return False
    above = state.lines[index - 1]
    return not above.blank and ends_sentence(above.text)


def starts(line: Line, state: BlockState) -> bool:
    """A unit's credit ends the paragraph above it when that paragraph's sentence has ended there."""
    return _above_ends_sentence(line, state) and read_unit_credit(line.text, state) is not None


def unit_credit(state: BlockState) -> bool:
    """A bracketed credit alone on its line, right under an item's paragraph that ends its sentence,
    naming the unit that sent the item: ``（供稿：党委组织部）``, ``（综采一队党支部供稿）`` (the unit
    only: no author, the unit the item's affiliation) or ``（公司工会　李　静）`` (the unit and the
    writer: the author). It closes that item (``mark_trailing_credits``), so the next headline keeps
    its own title. A bracketed aside in an article (``（掌声）``) or under an unfinished sentence stays text."""
    previous = state.previous_block()
    if previous is None or previous.kind != "text" or not ends_sentence(previous.text):
        return False
    found = read_unit_credit(state.line.text, state)
    if found is None:
        return False
    unit, names = found
    number = state.line.number
    state.push("byline", number, number, state.line.text, "unit_credit",
               authors=names, roles=(None,) * len(names), unit=unit)
    state.pos += 1
    return True


RULE = BlockRule(unit_credit, starts, lambda layout: "（(", unpunctuated=False)
