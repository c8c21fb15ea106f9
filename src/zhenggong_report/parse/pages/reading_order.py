"""Reading order: what follows a paragraph (its join, else the next paragraph), and loops in it."""

from __future__ import annotations

from typing import Optional

from .model import PageState


def next_in_reading_order(state: PageState, index: int) -> Optional[int]:
    """The join out of ``index``, else the next paragraph, unless either is an item complete in
    itself (a brief column's ``●…（李红）``: each its own article) or the next opens a news item
    (``本报讯…``: a story begins there, headline printed or not)."""
    if index in state.successor:
        return state.successor[index]
    following = state.next_body(index)
    if (state.is_body(following) and following not in state.predecessor and not _complete(state, index, following)
            and not state.blocks[following].data.get("news")):
        return following
    return None


def _complete(state: PageState, *indices: int) -> bool:
    return any(state.blocks[i].data.get("complete") for i in indices)


def find_loop(state: PageState) -> list[int]:
    """The loop through the first join (in join order) that lies on one, from that join on; [] if none.

    Each paragraph leads to at most one other, so every walk ends or enters a loop: the walks from
    all joins together visit each paragraph once (linear in the page, not joins times paragraphs)."""
    on_loop: set[int] = set()
    visited: set[int] = set()
    for start in state.links:
        path: dict[int, int] = {}
        position: Optional[int] = start
        while position is not None and position not in visited:
            path[position] = len(path)
            visited.add(position)
            position = next_in_reading_order(state, position)
        if position is not None and position in path:  # this walk closed a loop of its own
            on_loop.update(list(path)[path[position] :])
    for start in state.links:
        if start in on_loop:
            loop = [start]
            position = next_in_reading_order(state, start)
            while position != start:
                loop.append(position)
                position = next_in_reading_order(state, position)
            return loop
    return []
