"""Boxes drawn with box-drawing characters: ``┌────┐`` / ``│　订购热线：…│`` / ``└────┘``."""

from __future__ import annotations

from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule
from .furniture import folded
from .notice import worded_notice_kind
from .ruled_box import BOX_MAX_LINES, label_kind

TOP_LEFT = "┌╔┏╭"
BOTTOM_LEFT = "└╚┗╰"
SIDES = "│║┃"
EDGE = "┌┐└┘╔╗╚╝┏┓┗┛╭╮╰╯─═━┬┴╤╧┳┻"
"""The characters a box's top and bottom edges are drawn with."""


def _edge(line: Line, corners: str) -> bool:
    text = line.text.strip()
    return len(text) >= 3 and text[0] in corners and all(char in EDGE or char.isspace() for char in text)


def _inside(line: Line) -> str:
    """A framed line's text without its sides (``│　安全　节能　│`` is ``安全　节能``)."""
    return line.text.strip().strip(SIDES).strip()


def _box_at(state: BlockState, start: int) -> Optional[tuple[str, int]]:
    """The kind and the bottom edge's index of a drawn box whose top edge is line ``start``: its
    first line a box label of ``layout.toml`` (``广　告``), else the first notice kind whose words its
    text uses (``热线``: an advert). None when the box says neither: a drawn sidebar of an article
    stays where it is."""
    if not _edge(state.lines[start], TOP_LEFT):
        return None
    for end in range(start + 1, min(len(state.lines), start + 2 + BOX_MAX_LINES)):
        line = state.lines[end]
        if _edge(line, BOTTOM_LEFT):
            inside = [l for l in state.lines[start + 1 : end] if _inside(l)]
            if not inside:
                return None
            kind = label_kind(folded(_inside(inside[0])), state) or worded_notice_kind("\n".join(_inside(l) for l in inside), state)
            return (kind, end) if kind else None
        if not line.blank and line.text.strip()[:1] not in SIDES:
            return None
    return None


def starts(line: Line, state: BlockState) -> bool:
    return _box_at(state, line.number - 1) is not None


def drawn_box(state: BlockState) -> bool:
    """A box drawn with box-drawing characters — a top edge (``┌──┐``), lines between sides
    (``│…│``) and a bottom edge (``└──┘``) — whose first line is a box label or whose words are a
    notice's (``订购热线``: an advert): one leftover of that kind, frame included, never an article's text."""
    found = _box_at(state, state.pos)
    if found is None:
        return False
    kind, end = found
    covered = [line for line in state.lines[state.pos : end + 1] if not line.blank]
    state.push("notice", covered[0].number, covered[-1].number, "\n".join(l.text for l in covered), "drawn_box", notice_kind=kind)
    state.pos = end + 1
    return True


RULE = BlockRule(drawn_box, starts, lambda layout: TOP_LEFT, unpunctuated=True)
