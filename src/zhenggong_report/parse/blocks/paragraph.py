"""Body paragraphs: whatever no other rule recognised."""

from __future__ import annotations

from ..state import BlockState
from .base import BlockRule, block_lines, joined
from .jump_line import leading_jump, trailing_jump


def paragraph(state: BlockState) -> bool:
    """Anything else is body text: a wide page's line, or a hard-wrapped run of lines joined without spaces.
    A jump printed at its end (``…本领。（下转第6版）``) is taken out of the text as a jump of its own."""
    lines = block_lines(state, state.pos) if state.hard_wrapped else [state.line]
    text = joined(lines)
    leading = leading_jump(text, state)
    if leading is not None and leading[0] < len(text):
        number = lines[0].number
        state.push("jump", number, number, "", "paragraph", direction=leading[1][0], page=leading[1][1], inline=True)
        text = text[leading[0] :].lstrip()
    jump = trailing_jump(text, state)
    if jump is not None and jump[0] > 0:
        text = text[: jump[0]].rstrip()
    state.push("text", lines[0].number, lines[-1].number, text, "paragraph", indented=lines[0].indented)
    if jump is not None and jump[0] > 0:
        number = lines[-1].number
        direction, page = jump[1]
        state.push("jump", number, number, "", "paragraph", direction=direction, page=page, inline=True)
    state.pos += len(lines)
    return True


RULE = BlockRule(paragraph)
