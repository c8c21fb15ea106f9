"""Unruled boxes: a line that is only a box's label (``【广告】``, ``［广告］``, ``广　告``) over the
box's lines, or that opens with the label and a colon (``温馨提示：本版投稿邮箱……``), with no rules
around them; the box ends at the next blank line or rule."""

from __future__ import annotations

from ..state import BlockState, Line
from ..text import ends_sentence
from .base import BlockRule, initials
from .rule_line import is_rule_line
from .ruled_box import BOX_MAX_LINES, LABEL_BRACKETS, box_kind, label_kind

RUN_IN_COLONS = ("：", ":")


def _kind(line: Line, state: BlockState):
    """The kind the label that is all of ``line`` names, or that opens it before a colon."""
    kind = box_kind(line, state)
    if kind is not None:
        return kind
    for colon in RUN_IN_COLONS:
        label, found, rest = line.plain.partition(colon)
        if found and rest.strip():
            return label_kind(label.strip(), state)
    return None


def _box_end(state: BlockState) -> int:
    """The index of the box's last line: the last before the next blank line or rule under the
    label, or the label's own when they run on past :data:`.ruled_box.BOX_MAX_LINES` lines."""
    end = state.pos
    while end + 1 < len(state.lines) and not state.lines[end + 1].blank and not is_rule_line(state.lines[end + 1], state):
        end += 1
        if end - state.pos > BOX_MAX_LINES:
            return state.pos
    return end


def starts(line: Line, state: BlockState) -> bool:
    """A bracketed label ends a running paragraph; a bare one (``广告``) only after a finished
    sentence, so that a wrapped line holding just the word stays in its sentence."""
    if _kind(line, state) is None:
        return False
    above = state.lines[line.number - 2] if line.number > 1 else None
    return line.plain[:1] in LABEL_BRACKETS or above is None or ends_sentence(above.text)


def unruled_box(state: BlockState) -> bool:
    """A line that is only a label of ``layout.toml`` ``[boxes.labels]``, bare or in brackets
    (``【广告】``, ``［广告］``, ``[广告]``, ``广　告``), with no rule above it, and the lines under it
    up to the next blank line or rule: one leftover of the label's kind (an advert), so neither the
    label nor its lines become the next article's title or text. A label with a blank line under
    it is that leftover alone; so is a label run in before a colon, with its text (``温馨提示：本版
    投稿邮箱……`` after a brief is the paper's notice, not the brief's last words); 广告 inside a
    line is text."""
    kind = _kind(state.line, state)
    if kind is None:
        return False
    end = _box_end(state)
    covered = state.lines[state.pos : end + 1]
    text = "\n".join(line.text for line in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "unruled_box", notice_kind=kind)
    state.pos = end + 1
    return True


RULE = BlockRule(
    unruled_box, starts, lambda layout: initials([label for label, _ in layout.box_labels]) + "".join(LABEL_BRACKETS),
)  # punctuated lines too: a label run in before a colon opens a sentence of the box
