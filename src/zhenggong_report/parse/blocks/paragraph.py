"""Body paragraphs: whatever no other rule recognised."""

from __future__ import annotations

from ..state import BlockState
from .base import BlockRule, block_lines, joined
from .jump_line import trailing_jump


def paragraph(state: BlockState) -> bool:
    """Anything else is body text: a wide page's line, or a hard-wrapped run of lines joined without spaces.
    A jump printed at its end (``…本领。（下转第6版）``) is taken out of the text as a jump of its own."""
    lines = block_lines(state, state.pos) if state.hard_wrapped else [state.line]
    text = joined(lines)
    jump = trailing_jump(text, state)
    if jump is not None and jump[0] > 0:
        text = text[: jump[0]].rstrip()
    state.push("text", lines[0].number, lines[-1].number, text, "paragraph")
    if jump is not None and jump[0] > 0:
        number = lines[-1].number
        direction, page = jump[1]
        state.push("jump", number, number, "", "paragraph", direction=direction, page=page, inline=True)
    state.pos += len(lines)
    return True


RULE = BlockRule(paragraph)
