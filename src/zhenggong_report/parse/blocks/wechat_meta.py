"""WeChat's line under a pasted article's title: ``原创 王海峰 山西焦煤 2026年1月5日 08:00 山西``
(原创, the author, the account, the date, the time, the IP 属地), also without 原创 or author."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import CJK
from .base import NAME, BlockRule

_META = re.compile(
    rf"^(?:(?P<original>原创)\s+)?(?:作者\s*[:：]?\s*)?(?P<names>(?:[^\s，。：:]{{1,20}}\s+){{0,3}}[^\s，。：:]{{1,20}})\s+"
    r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日)"
    rf"(?:\s*(?P<time>\d{{1,2}}[:：]\d{{2}}))?(?:\s+(?P<place>[{CJK}]{{2,3}}))?$"
)
_PERSON = re.compile(rf"^{NAME}$")


def read_meta(text: str) -> Optional[dict[str, str]]:
    """The meta line's fields (only those it prints), when ``text`` is one: it needs 原创 or a time."""
    if "月" not in text and "-" not in text:
        return None
    match = _META.match(text)
    if match is None or not (match.group("original") or match.group("time")):
        return None
    names = match.group("names").split()
    fields = {"account": names[-1]}
    if len(names) > 1:
        fields["author"] = "、".join(names[:-1])
    for key in ("original", "date", "time", "place"):
        if match.group(key):
            fields[key] = match.group(key).replace("：", ":")
    return fields


def starts(line: Line, state: BlockState) -> bool:
    return read_meta(line.text) is not None


def wechat_meta(state: BlockState) -> bool:
    """``原创 王海峰 山西焦煤 2026年1月5日 08:00 山西``: the article's WeChat metadata, read as its
    byline (so the line above is its title); the author is the byline's name when it is a person's
    name (a printed ``文｜…`` under it still wins)."""
    fields = read_meta(state.line.text)
    if fields is None:
        return False
    authors = tuple(fields["author"].split("、")) if "author" in fields else ()
    if not all(_PERSON.match(name) for name in authors):
        authors = ()
    number = state.line.number
    state.push("byline", number, number, state.line.text, "wechat_meta", authors=authors,
               roles=(None,) * len(authors), wechat=tuple(fields.items()))
    state.pos += 1
    return True


RULE = BlockRule(wechat_meta, starts, unpunctuated=True)
