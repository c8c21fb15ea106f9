"""Distribution blocks (版记) at a bulletin's foot: ``报：集团公司党委`` / ``送：公司领导班子成员`` /
``发：各基层党委（党总支）``, closed by its print run ``（共印30份）``."""

from __future__ import annotations

from ..state import BlockState, Line
from .base import BlockRule, initials
from .furniture import push_furniture

LINE_MAX = 40
"""The longest distribution line (a list of recipients, no sentence)."""


def _distribution(layout) -> str:
    return rf"^(?:{layout.pattern('distribution')})[:：](?!\s*$)"


def _print_run(layout) -> str:
    return rf"^[（(]?(?:{layout.pattern('print_runs')})\d{{1,6}}份[）)]?$"


def is_distribution_line(line: Line, state: BlockState) -> bool:
    """``发：各基层党委（党总支）``: a label of ``[imprint] distribution_labels``, a colon and the
    recipients, no sentence."""
    return (len(line.text) <= LINE_MAX and not line.punctuated and not line.text.endswith(("。", "，"))
            and bool(state.layout.regex("distribution", _distribution).match(line.plain)))


def is_print_run(line: Line, state: BlockState) -> bool:
    """``（共印30份）``: how many copies were printed (``[imprint] print_runs``)."""
    return bool(state.layout.regex("print-run", _print_run).match(line.plain))


def distribution_list(state: BlockState) -> bool:
    """Two or more consecutive distribution lines (``报：…``, ``送：…``, ``发：…``), with the print-run
    line right under them if printed: the bulletin's 版记, one ``imprint`` leftover (who receives
    it, how many were printed). A single line opening with ``发：`` or ``报：`` (a 发：… line in an
    article, a dialogue's speaker) is no distribution block and stays text."""
    lines = []
    index = state.pos
    while index < len(state.lines) and is_distribution_line(state.lines[index], state):
        lines.append(state.lines[index])
        index += 1
    if len(lines) < 2:
        return False
    if index < len(state.lines) and is_print_run(state.lines[index], state):
        lines.append(state.lines[index])
    push_furniture(state, lines, "imprint", "distribution_list")
    return True


RULE = BlockRule(distribution_list, None, lambda layout: initials(layout.distribution_labels), unpunctuated=True)
