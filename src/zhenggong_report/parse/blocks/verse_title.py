"""A poem's small title inside a group of poems (组诗): ``◎晨``, ``☆井`` over its stanzas."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials
from .verse import verse_line

TITLE_MAX = 8
"""The longest small title (characters, the ornament aside)."""
_AFTER = ("byline", "verse", "heading")
"""What a small title follows in a group: the group's byline, the last stanza of the poem before."""


def _marker_title(line: Line, state: BlockState) -> str | None:
    """The title after an ornament of ``[verse] title_markers`` (``◎晨`` is 晨), or None."""
    if not line.text.startswith(state.layout.verse_title_markers):
        return None
    title = line.text[1:].strip()
    if not title or len(title.replace(" ", "")) > TITLE_MAX or line.punctuated or not verse_line(line):
        return None
    return title


def _verse_under(state: BlockState, index: int) -> bool:
    """Two verse lines right under line ``index`` (a stanza starts there)."""
    under = state.lines[index + 1 : index + 3]
    return len(under) == 2 and all(verse_line(line) for line in under)


def _in_group(state: BlockState) -> bool:
    """The block above is the group's byline or a stanza, only blank lines between."""
    previous = state.previous_block()
    return previous is not None and previous.kind in _AFTER and state.only_blanks_after(previous)


def verse_title(state: BlockState) -> bool:
    """An ornament and a short title alone on a line (``◎晨``, ``◎井``) under a group's byline or a
    stanza, over the stanzas of the next poem: a heading of the group, its words without the
    ornament, never a marker byline (``◎李建国`` under a poem's title stays its byline: a title, not
    a byline or stanza, stands above it) nor the first line of a stanza."""
    title = _marker_title(state.line, state)
    if title is None or not _in_group(state) or not _verse_under(state, state.pos):
        return False
    number = state.line.number
    state.push("heading", number, number, title, "verse_title")
    state.pos += 1
    return True


def starts(line: Line, state: BlockState) -> bool:
    """Such a title ends the stanza above it with no blank line between, when verse goes on under it."""
    if _marker_title(line, state) is None:
        return False
    index = state.index_of(line)
    return index is not None and _verse_under(state, index)


RULE = BlockRule(verse_title, starts, lambda layout: initials(layout.verse_title_markers), unpunctuated=True)
