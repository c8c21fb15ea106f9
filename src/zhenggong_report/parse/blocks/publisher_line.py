"""Publisher lines: the 报头 line naming who puts the paper out, ``中国石油兰州石化公司主办`` or
``主办单位：中国华能集团有限公司`` (``[masthead] publisher_endings``, ``publisher_labels``), alone or
with what a 报头 prints beside it, apart from it: the issue (``第2478期``, ``总第5123期``,
``第45期（总第2478期）``), imprint pairs (``国内统一刊号：CN37-0012``), the date and weekday."""

from __future__ import annotations

import re
from typing import Any, Optional

from ..layout import issue_with_total
from ..state import BlockState
from ..text import CJK
from .base import BlockRule
from .dateline import read_dateline
from .furniture import folded, near_page_edge, push_furniture
from .imprint import SERIAL, is_imprint_line
from .masthead import publisher_name

_DATELINE_FIELDS = {"date", "weekday", "edition", "issue"}
"""What the rest of a publisher line may say besides its issue and imprint: no column, no paper."""


def _labelled(layout) -> str:
    return rf"^(?:{layout.pattern('publisher_labels')})[:：](?P<name>[{CJK}（）()]{{3,}})$"


def _parts(text: str, state: BlockState) -> list[str]:
    """The line's parts as printed apart; a label printed apart from its value (``主办单位：　中国华能…``,
    ``国内统一刊号　CN37-0012``) is one part with it."""
    parts: list[str] = []
    labels = state.layout.regex("publisher-line-label", lambda layout: rf"^(?:{layout.pattern('publisher_labels')}|"
                                rf"{layout.pattern('imprint')})[:：]?$")
    for word in map(folded, text.split()):
        if parts and labels.match(parts[-1]):
            parts[-1] += ("" if parts[-1][-1] in ":：" or word.startswith("CN") else "：") + word
        else:
            parts.append(word)
    return parts


def _publisher(part: str, state: BlockState) -> Optional[str]:
    """Who a part names as the paper's publisher: ``中国华能集团有限公司主办`` or ``主办单位：中国华能集团有限公司``."""
    labelled = state.layout.regex("publisher-labelled", _labelled).match(part)
    if labelled and len(labelled.group("name")) <= 3 * state.layout.masthead_max:
        return labelled.group("name")
    return publisher_name(part, state) if part.endswith(state.layout.publisher_endings) else None


def read_publisher_line(text: str, state: BlockState) -> Optional[dict[str, Any]]:
    """The page fields of a publisher line, or None: one part naming the publisher; the others each
    the issue or an imprint pair, and the rest (if any) a dateline saying nothing but date, weekday,
    版次 and issue. A line with anything else beside its publisher is no publisher line."""
    whole = _publisher(folded(text), state)  # a name printed letter-spaced, or with a stray space
    if whole is not None:
        return {"publisher": whole}
    meta: dict[str, Any] = {}
    rest: list[str] = []
    for part in _parts(text, state):
        publisher = _publisher(part, state)
        issue = state.layout.regex("issue-with-total", issue_with_total).fullmatch(part)
        if publisher is not None:
            if "publisher" in meta:
                return None  # two publishers: which one the paper's is, the line does not say
            meta["publisher"] = publisher
        elif issue:
            meta.setdefault("issue", issue.group("issue"))
        elif is_imprint_line(part, state):
            serial = SERIAL.search(part)
            if serial:
                meta.setdefault("serial", serial.group(0))
        else:
            rest.append(part)
    if "publisher" not in meta:
        return None
    if rest:
        dated = read_dateline(" ".join(rest), state)
        if dated is None or not set(dated) <= _DATELINE_FIELDS:
            return None
        meta = {**dated, **meta}
    return meta


def publisher_line(state: BlockState) -> bool:
    """A line of the 报头 naming who puts the paper out (``中国石油兰州石化公司主办``,
    ``主办单位：中国华能集团有限公司``), alone or with its issue, imprint pairs and date beside it
    (``中国华能集团有限公司主办　　第2478期``), at the top of the page or by its other furniture: part
    of the masthead; the name is the page's publisher (the enterprise whose paper it is), the issue
    and date the page's."""
    if not near_page_edge(state):
        return False
    meta = read_publisher_line(state.line.text, state)
    if meta is None:
        return False
    push_furniture(state, [state.line], "masthead", "publisher_line", **meta)
    return True


RULE = BlockRule(publisher_line, unpunctuated=True)
