"""Reading order: what follows a paragraph (its join, else the next paragraph), and loops in it."""

from __future__ import annotations

from typing import Optional

from .model import PageState


def next_in_reading_order(state: PageState, index: int) -> Optional[int]:
    if index in state.successor:
        return state.successor[index]
    following = state.next_body(index)
    if state.is_body(following) and following not in state.predecessor:
        return following
    return None


def find_loop(state: PageState) -> list[int]:
    for start in state.links:
        seen, members = [start], {start}
        position = next_in_reading_order(state, start)
        while position is not None and len(seen) <= len(state.blocks):
            if position == start:
                return seen
            if position in members:
                break
            seen.append(position)
            members.add(position)
            position = next_in_reading_order(state, position)
    return []
