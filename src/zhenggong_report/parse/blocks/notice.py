"""Notices and adverts between articles: 招聘启事, 征稿启事, 遗失声明, 公告, 通知, 广告."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import has_sentence_punctuation, starts_with_enumerator
from .base import BlockRule
from .furniture import folded

_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
MAX_NOTICE_LINES = 40
SIGNATURE_MAX = 24


def is_notice_title(text: str, state: BlockState) -> bool:
    if len(text) > 24:
        return False
    plain = folded(text)
    return len(plain) <= 16 and not starts_with_enumerator(plain) and not has_sentence_punctuation(plain) and bool(
        state.layout.regex("notice-end", lambda layout: rf"(?:{layout.pattern('notice_endings')})$").search(plain)
    )


def notice_kind(text: str, state: BlockState) -> str:
    """The first kind of ``layout.toml`` whose words the notice uses."""
    for kind in state.layout.notice_kinds:
        if any(word in text for word in kind.words):
            return kind.kind
    return "announcement"


def _is_closer(line: Line, state: BlockState) -> bool:
    return bool(state.layout.regex("notice-closer", lambda layout: layout.pattern("notice_closers")).search(line.text))


def _is_signature(line: Line) -> bool:
    plain = line.plain
    return bool(_DATE_LINE.match(plain)) or (len(plain) <= SIGNATURE_MAX and not has_sentence_punctuation(plain))


def _notice_end(state: BlockState) -> int:
    """The index of the notice's last line: its closing line (特此…, 联系电话 …) and the signature and
    date under it; without one, the end of its first paragraph."""
    window = state.lines[state.pos + 1 : state.pos + MAX_NOTICE_LINES]
    last_closer = None
    blank_run = 0
    for offset, line in enumerate(window, state.pos + 1):
        if line.blank:
            blank_run += 1
            if blank_run > 1:
                break
            continue
        blank_run = 0
        if is_notice_title(line.text, state) and offset > state.pos + 1:
            break
        if _is_closer(line, state):
            last_closer = offset
        elif last_closer is not None and offset > last_closer + 1:
            break
    end = last_closer
    if end is None:
        end = state.pos
        while end + 1 < len(state.lines) and not state.lines[end + 1].blank:
            end += 1
        if end == state.pos and end + 2 < len(state.lines) and state.lines[end + 1].blank:
            end += 2
            while end + 1 < len(state.lines) and not state.lines[end + 1].blank:
                end += 1
        return end
    return _signature_end(state, end)


def _signature_end(state: BlockState, end: int) -> int:
    """Past the closing line: a signature right under it, and a date line (blank lines between allowed)."""
    index = end + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank:
            index += 1
            continue
        if _DATE_LINE.match(line.plain) or (index == end + 1 and _is_signature(line)):
            end = index
            index += 1
            continue
        break
    return end


def starts(line: Line, state: BlockState) -> bool:
    return is_notice_title(line.text, state)


def notice(state: BlockState) -> bool:
    """A short line ending with a notice word (``招聘启事``, ``遗失声明``, ``征稿启事`` …) and the text
    under it up to its closing line (``特此…``, contact lines) with signature and date: a notice, with
    its kind read from its words."""
    if not is_notice_title(state.line.text, state):
        return False
    end = _notice_end(state)
    covered = [line for line in state.lines[state.pos : end + 1] if not line.blank]
    text = "\n".join(line.text for line in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "notice", notice_kind=notice_kind(text, state))
    state.pos = end + 1
    return True


def slogan(state: BlockState) -> bool:
    """A short line of two or more phrases with a slogan's words (``安全生产 人人有责``): a slogan."""
    text = state.line.text
    parts = text.split()
    if len(parts) < 2 or len(text) > 24 or has_sentence_punctuation(text):
        return False
    if sum(1 for part in parts if part in state.layout.slogan_words) < 1 or any(len(p) > 8 for p in parts):
        return False
    number = state.line.number
    state.push("notice", number, number, text, "slogan", notice_kind="slogan")
    state.pos += 1
    return True


RULE = BlockRule(notice)  # a short line ending 通知 can be a wrapped body line: no interruption
SLOGAN = BlockRule(slogan)
