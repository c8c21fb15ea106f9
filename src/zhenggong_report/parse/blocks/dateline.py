"""Datelines: ``2026年3月12日 星期四 第2版 思想政治工作`` (date, weekday, 版次, 期, 栏目), also with
the page's staff after them (``第3版 党建视点 责任编辑：王晓东 美编：李娜``) and the issue's number
of pages (``今日8版``), which is no 版次."""

from __future__ import annotations

import re
from typing import Any, Optional

from ..state import BlockState, Line
from ..text import has_sentence_punctuation
from .base import BlockRule
from .furniture import DATE, edition_name, folded, push_furniture
from .editors_line import STAFF_SEPARATORS, has_staff_separator, read_editors
from .marker_byline import MARKERS
from .masthead import masthead_name
from .teaser import pointed_title

_EDITION = re.compile(r"第?(?P<e>[A-Z]?\d{1,3}|[一二三四五六七八九十]{1,3})版")
_LUNAR = re.compile(r"农历\S{2,8}")


def _page_count(layout) -> str:
    return rf"(?:{layout.pattern('page_counts')})(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}})版" if layout.page_counts else r"(?!)"


def _staff_after(text: str, state: BlockState) -> tuple[str, dict[str, str]]:
    """``text`` without the staff pairs printed at its end (``责任编辑：王晓东 美编：李娜``, ``本版编辑 / 孙丽``), and those pairs."""
    label = state.layout.regex("dateline-staff", lambda layout: rf"(?:{layout.pattern('editor_prefixes')})?(?:{layout.pattern('editors')})\s*[{STAFF_SEPARATORS}]")
    for match in label.finditer(text):
        if match.start() == 0:
            return text, {}
        editors = read_editors(text[match.start() :], state)
        if editors is not None:
            return text[: match.start()].rstrip(), editors
    return text, {}


def _is_prose(text: str) -> bool:
    """A sentence's clause, no furniture: a line that stops at a comma (``本报7月2日第2版《…》一文中，``
    opening a 更正 names a page and date of its own; a dateline may name the paper in 《》)."""
    return text.rstrip()[-1:] in "，,、"


def read_dateline(text: str, state: BlockState) -> Optional[dict[str, Any]]:
    """What a dateline says (date, weekday, edition, issue, column, the staff after them), or None
    when ``text`` is none; a title pointing to a page (``我的师傅　　4版``: :mod:`.teaser`), or a line
    opening with a marker (``▲``, ``●``) and naming a page but no date, is a contents entry without
    its heading, and none."""
    if has_sentence_punctuation(text) or len(text) > 60 or text[:1] in "（(【[" or _is_prose(text):
        return None
    if pointed_title(text, state) is not None:  # ``我的师傅　　4版``: a teaser, no dateline
        return None
    editors: dict[str, str] = {}
    if has_staff_separator(text):
        text, editors = _staff_after(text, state)
    plain = state.layout.regex("page-count", _page_count).sub(" ", folded(text))
    date, edition = DATE.search(plain), _EDITION.search(plain)
    if not (date or edition) or (plain[:1] in MARKERS and not date):  # ``▲我的师傅　4版``: a teaser, no dateline
        return None
    weekday = state.layout.regex("weekday", lambda layout: layout.pattern("weekdays")).search(plain)
    issue_form = state.layout.regex("issue", lambda layout: layout.pattern("issues"))
    issue = issue_form.search(plain)
    if not (edition or (date and (weekday or issue)) or (date and len(plain) <= 12 and DATE.fullmatch(plain) is None)):
        return None
    meta: dict[str, Any] = {}
    rest = plain
    if date:
        meta["date"] = f"{int(date['y']):04d}-{int(date['m']):02d}-{int(date['d']):02d}"
        rest = rest.replace(date.group(0), " ")
    if weekday:
        meta["weekday"] = weekday.group(0)
        rest = rest.replace(weekday.group(0), " ", 1)
    if edition:
        lettered = edition.group("e")[0].isascii() and edition.group("e")[0].isalpha()  # ``A3版`` as printed
        meta["edition"] = edition.group(0) if lettered else edition_name(edition.group("e"))
        rest = rest.replace(edition.group(0), " ", 1)
    issue = issue_form.search(rest)
    if issue:
        meta["issue"] = issue.group(0)
        rest = rest.replace(issue.group(0), " ", 1)
    rest = _LUNAR.sub(" ", rest)
    words = [w for w in re.split(r"[\s|｜/·•]+", _spaced(text, rest)) if w]
    paper = next((w for w in words if masthead_name(w, state)), None)
    if paper:
        meta["newspaper"] = masthead_name(paper, state)
        rest = rest.replace(paper, " ", 1)
    column = _column(text, plain, rest)
    if column:
        meta["column"] = column
    if editors:
        meta["editors"] = editors
    return meta


def _spaced(text: str, rest: str) -> str:
    """The leftover words of a dateline with the printed spaces between them (``rest`` lost them)."""
    return " ".join(word for word in re.split(r"[\s\u3000]+", text) if word and word in rest)


def _column(text: str, plain: str, rest: str) -> Optional[str]:
    """The column name left over on a dateline, as printed (spaces between its words dropped; a
    dot between two of its characters kept: ``工会·信访``)."""
    leftover = re.sub(r"[\s|｜/•]+|(?<![\w])·|·(?![\w])", " ", rest).strip()
    if not leftover or len(leftover.replace(" ", "")) > 14 or re.search(r"\d", leftover):
        return None
    return leftover.replace(" ", "") if len(leftover.split()) <= 2 else None


def starts(line: Line, state: BlockState) -> bool:
    return ("年" in line.plain or "版" in line.plain) and read_dateline(line.text, state) is not None


def dateline(state: BlockState) -> bool:
    """A line of date, weekday, 版次 and 栏目 (at least a 版次, or a date with its weekday): furniture
    whose parts become the page's metadata."""
    meta = read_dateline(state.line.text, state)
    if meta is None:
        return False
    push_furniture(state, [state.line], "dateline", **meta)
    return True


RULE = BlockRule(dateline, starts, unpunctuated=True)
