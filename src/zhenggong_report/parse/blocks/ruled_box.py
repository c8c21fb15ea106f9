"""Ruled boxes: lines between two rules whose first names the box (``━━━━`` / ``广　告`` / … / ``━━━━``)."""

from __future__ import annotations

from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule, initials, next_filled
from .rule_line import is_rule_line

BOX_MAX_LINES = 16
"""The most lines between a box's two rules (an advert's box is a few lines)."""

LABEL_BRACKETS = {"【": "】", "［": "］", "[": "]", "〔": "〕"}
"""The brackets a box's label may be printed in (``【广告】``)."""


def box_kind(line: Line, state: BlockState) -> Optional[str]:
    """The leftover kind the box label that is all of ``line`` names (``广　告``, ``【广告】`` are
    ``advert``), else None."""
    return label_kind(line.plain, state)


def label_kind(label: str, state: BlockState) -> Optional[str]:
    """:func:`box_kind` of a line's folded text (:attr:`.Line.plain`)."""
    if label[:1] in LABEL_BRACKETS and label.endswith(LABEL_BRACKETS[label[0]]):
        label = label[1:-1]
    return state.layout.derived("box-labels", lambda layout: dict(layout.box_labels)).get(label)


def _closing_rule(state: BlockState, label: int) -> Optional[int]:
    """The index of the rule under the box's lines (within :data:`BOX_MAX_LINES`), else None."""
    for index in range(label + 1, min(len(state.lines), label + 1 + BOX_MAX_LINES)):
        if is_rule_line(state.lines[index], state):
            return index
    return None


def _box_at(state: BlockState, start: int) -> Optional[tuple[str, int]]:
    """The kind and the closing rule's index of a labelled box whose top rule is line ``start``."""
    if not is_rule_line(state.lines[start], state):
        return None
    label = next_filled(state, start)
    kind = box_kind(state.lines[label], state) if label is not None else None
    closing = _closing_rule(state, label) if kind is not None and label is not None else None
    return (kind, closing) if kind is not None and closing is not None else None


def starts(line: Line, state: BlockState) -> bool:
    return is_rule_line(line, state) and _box_at(state, line.number - 1) is not None


def ruled_box(state: BlockState) -> bool:
    """A rule, a label line naming the box (``广　告``, ``【广告】``, per ``layout.toml`` ``[boxes.labels]``), the
    box's lines and the rule under them: one leftover of the label's kind (an advert), rules included,
    so none of its lines is read as a title, byline, imprint or text."""
    found = _box_at(state, state.pos)
    if found is None:
        return False
    kind, closing = found
    covered = [line for line in state.lines[state.pos : closing + 1] if not line.blank]
    text = "\n".join(line.text for line in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "ruled_box", notice_kind=kind)
    state.pos = closing + 1
    return True


RULE = BlockRule(ruled_box, starts, lambda layout: initials(layout.rule_characters), unpunctuated=True)
