"""Verse: a poem's stanza, short lines of uneven length that end with no punctuation.

``我是一盏矿灯 / 挂在矿工的帽檐上 / 八百米井下 …`` as a 副刊 page prints it: each printed line is
a line of the poem, so the stanza is one paragraph of kind ``verse`` whose lines are kept (joined
with ``\\n``), never de-wrapped into prose nor joined to the next stanza.
"""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule

LINE_MAX = 20
"""The longest verse line (in the width of CJK characters)."""
MIN_STANZA = 3
"""Lines a stanza needs on its own; after a stanza, a shorter one (even one line) is verse too."""
OPEN_ENDS = "，,、：:；;—…-（(“‘《"
SHORT_BY = 2
"""A line this much narrower than the stanza's widest is short: a hard-wrapped paragraph's lines
(all but its last) are as wide as its column, a stanza's are not."""


def width(text: str) -> float:
    """Printed width: a CJK character 1, an ASCII one ½."""
    return sum(0.5 if char.isascii() else 1.0 for char in text)


def verse_line(line: Line) -> bool:
    """A line a stanza may hold: short, with no sentence punctuation and no open end."""
    return not line.blank and not line.punctuated and not line.cells and width(line.text) <= LINE_MAX and line.text[-1] not in OPEN_ENDS


def _stanza(state: BlockState) -> tuple[list[Line], bool]:
    """The lines from the cursor to the next blank line or opener, when every one is a verse line,
    and whether a blank line (or the page's end) closes them. The openers are asked only about a
    run of verse lines that is uneven: a hard-wrapped paragraph's run is not."""
    run, index = [], state.pos
    while index < len(state.lines) and verse_line(state.lines[index]):
        run.append(state.lines[index])
        index += 1
    closed = index == len(state.lines) or state.lines[index].blank
    if not run or not _uneven(run):
        return [], False
    for cut, line in enumerate(run[1:], 1):
        if state.interrupts(line):
            return run[:cut], False
    if closed or state.interrupts(state.lines[index]):
        return run, closed
    return [], False  # prose goes on under the run


def _uneven(lines: list[Line]) -> bool:
    """A third of the lines before the last narrower than the widest (each line of a hard-wrapped
    paragraph but its last is as wide as the column)."""
    if len(lines) < 2:
        return True
    widths = [width(line.text) for line in lines]
    widest = max(widths)
    return 3 * sum(1 for w in widths[:-1] if w <= widest - SHORT_BY) >= len(widths) - 1


def _shaped_as_verse(lines: list[Line], state: BlockState) -> bool:
    """Uneven lines, and hardly a word running on from one line into the next."""
    if not _uneven(lines):
        return False
    run_on = sum(1 for a, b in zip(lines, lines[1:]) if state.lexicon.spanning_word(a.text, b.text))
    return 3 * run_on <= len(lines) - 1


def _after_stanza(state: BlockState) -> bool:
    """Only blank lines stand between the cursor and a stanza above."""
    previous = state.previous_block()
    return previous is not None and previous.kind == "verse" and state.only_blanks_after(previous)


def verse(state: BlockState) -> bool:
    """A stanza: :data:`MIN_STANZA` lines or more, or fewer after a stanza with a blank line under
    them (a title over a byline or a credit is none); one ``verse`` paragraph."""
    if not verse_line(state.line):
        return False
    lines, closed = _stanza(state)
    previous = state.previous_block()
    if lines and previous is not None and previous.kind == "verse" and previous.last == lines[0].number - 1:
        # the stanza above stopped at a line another rule might open (a short one like a bare name,
        # ``便是春天``) and none did: it goes on here
        previous.last = lines[-1].number
        previous.text += "".join("\n" + line.text for line in lines)
        state.pos += len(lines)
        return True
    if not lines or (len(lines) < MIN_STANZA and not (closed and _after_stanza(state))) or not _shaped_as_verse(lines, state):
        return False
    state.push("verse", lines[0].number, lines[-1].number, "\n".join(line.text for line in lines), "verse")
    state.pos += len(lines)
    return True


RULE = BlockRule(verse, unpunctuated=True)
