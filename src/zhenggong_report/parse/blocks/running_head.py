"""Running heads and feet of a text with page breaks: the line that repeats at every form feed."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from ..state import BlockState, Line
from .base import BlockRule
from .dateline import read_dateline
from .furniture import push_furniture

MAX_HEAD = 40


def _edges(lines: list[Line]) -> list[int]:
    """Indices of the first and last filled line of every page (pages end at form feeds)."""
    starts = [0] + [i for i, line in enumerate(lines) if line.page_break]
    edges = []
    for first, following in zip(starts, starts[1:] + [len(lines)]):
        filled = [i for i in range(first, following) if not lines[i].blank]
        if filled:
            edges += [filled[0], filled[-1]]
    return edges


def running_lines(lines: list[Line]) -> frozenset[int]:
    """The indices of lines standing at a page's top or bottom whose text stands so on another page
    too (a running head or foot); none on a page without form feeds."""
    if not any(map(attrgetter("page_break"), lines)):
        return frozenset()
    edges = [i for i in _edges(lines) if len(lines[i].plain) <= MAX_HEAD]
    seen = Counter(lines[i].plain for i in set(edges))
    return frozenset(i for i in edges if seen[lines[i].plain] > 1)


def running_head(state: BlockState) -> bool:
    """A line at the top or bottom of a page of a form-fed text (``pdftotext`` output) that repeats
    at the same edge of another page: a running head or foot, furniture; what it says as a dateline
    (paper, date, 版) is the page's metadata. Reading order passes over it, so a paragraph cut by the
    page break is joined across it."""
    if state.running is None:
        state.running = running_lines(state.lines)
    if state.pos not in state.running:
        return False
    meta = read_dateline(state.line.text, state) or {}
    push_furniture(state, [state.line], "running_head", "running_head", **meta)
    return True


RULE = BlockRule(running_head)
