"""A bulletin's header lines under its name (工作简报): the issue alone (``第5期``, ``第5期（总第38期）``)
and the compiler's line with the date (``中共某某公司委员会办公室编　　2026年3月10日``)."""

from __future__ import annotations

import re

from ..layout import issue_with_total
from ..state import BlockState, Line
from ..text import CJK
from .base import BlockRule
from .furniture import near_page_edge, push_furniture

_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"


def _compiler(layout) -> str:
    return rf"^[{CJK}（）()]{{2,30}}?(?:{layout.pattern('compilers')})\s+{_DATE}$"


def read_bulletin_header(line: Line, state: BlockState) -> dict[str, str] | None:
    """The page fields of a bulletin's header line: the issue of ``第5期`` (a form of ``[dateline]
    issues``, alone or with the total in brackets); the date of the compiler's line (an office's
    name ending ``[dateline] compiler_endings``, 编, then the date printed apart); None for any
    other line."""
    if line.punctuated:
        return None
    issue = state.layout.regex("issue-with-total", issue_with_total).fullmatch(line.plain)
    if issue:
        return {"issue": issue.group("issue")}
    date = state.layout.regex("bulletin-compiler", _compiler).match(line.text)
    if date:
        return {"date": f"{int(date['y']):04d}-{int(date['m']):02d}-{int(date['d']):02d}"}
    return None


def bulletin_dateline(state: BlockState) -> bool:
    """At the page's top (under the bulletin's name or another header line), a line that is only the
    issue, or the compiling office's name and the date: a dateline of the bulletin, its issue and
    date the page's; the office has no page field and stays in the line. Lower on a page such a
    line is left to the other rules."""
    if not near_page_edge(state):
        return False
    meta = read_bulletin_header(state.line, state)
    if meta is None:
        return False
    push_furniture(state, [state.line], "dateline", "bulletin_dateline", **meta)
    return True


RULE = BlockRule(bulletin_dateline, None, None, unpunctuated=True)
