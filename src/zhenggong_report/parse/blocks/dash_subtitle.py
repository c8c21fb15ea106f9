"""Subtitles: a ``——以某某煤矿为例`` line (or ``—``, ``--``) under a title."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import has_sentence_punctuation, starts_with_enumerator
from .base import BlockRule, block_lines, joined

_DASH = re.compile(r"^(?:——|--|—|－－|─)")


def starts(line: Line, state: BlockState) -> bool:
    """A dash line short and unpunctuated enough to be a subtitle ends the title wrapped above it."""
    return bool(_DASH.match(line.text)) and len(line.text) <= 40 and not has_sentence_punctuation(line.text)


def _previous_could_be_title(state: BlockState) -> bool:
    previous = state.previous_block()
    if previous is None:
        return False
    if previous.kind == "title":
        return True
    return (
        previous.kind in ("text", "heading")
        and len(previous.text) <= 60
        and not has_sentence_punctuation(previous.text)
        and not starts_with_enumerator(previous.text)
    )


def dash_subtitle(state: BlockState) -> bool:
    """A line opening with ``——`` right under a title (or a short unpunctuated line) is its subtitle."""
    text = state.line.text
    if not _DASH.match(text) or not _previous_could_be_title(state):
        return False
    if state.line.number - state.previous_block().last > 2:  # type: ignore[union-attr]
        return False
    lines = block_lines(state, state.pos)
    state.push("subtitle", lines[0].number, lines[-1].number, joined(lines), "dash_subtitle")
    state.pos += len(lines)
    return True


RULE = BlockRule(dash_subtitle, starts, lambda layout: "—-－─")
