"""Notices and adverts between articles: 招聘启事, 征稿启事, 遗失声明, 公告, 通知, 广告."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import has_sentence_punctuation, starts_with_enumerator
from .base import BlockRule, next_filled
from .furniture import folded
from .rule_line import is_rule_line

_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
SIGNATURE_MAX = 24


LONG_TITLE_MAX = 40


def is_notice_title(text: str, state: BlockState) -> bool:
    """A short line ending with a notice word (``招聘启事``), or a longer one that opens with a notice
    title's opener and ends with 的 and that word (``关于…候选人的公示``)."""
    if len(text) > LONG_TITLE_MAX:
        return False
    plain = folded(text)
    if starts_with_enumerator(plain) or has_sentence_punctuation(plain):
        return False
    ending = state.layout.regex("notice-end", lambda layout: rf"(?:{layout.pattern('notice_endings')})$").search(plain)
    if ending is None:
        return False
    if len(text) <= 24 and len(plain) <= 16:
        return True
    return plain.startswith(state.layout.notice_title_openers) and plain[: ending.start()].endswith("的")


def notice_kind(text: str, state: BlockState) -> str:
    """The first kind of ``layout.toml`` whose words the notice uses (an announcement if none)."""
    return worded_notice_kind(text, state) or "announcement"


def worded_notice_kind(text: str, state: BlockState) -> str | None:
    """The first kind of ``layout.toml`` ``[notices] kinds`` whose words ``text`` uses, else None."""
    for kind in state.layout.notice_kinds:
        if any(word in text for word in kind.words):
            return kind.kind
    return None


def _is_closer(line: Line, state: BlockState) -> bool:
    return bool(state.layout.regex("notice-closer", lambda layout: layout.pattern("notice_closers")).search(line.text))


def _is_signature(line: Line) -> bool:
    plain = line.plain
    return bool(_DATE_LINE.match(plain)) or (len(plain) <= SIGNATURE_MAX and not has_sentence_punctuation(plain))


def _paragraph_end(state: BlockState, index: int) -> int:
    """The index of the last line of the paragraph at ``index``: up to a blank line or a printed rule
    (the rule under a ruled notice box is furniture, as the one over it is)."""
    while index + 1 < len(state.lines) and not _ends_box(state.lines[index + 1], state):
        index += 1
    return index


def _ends_box(line: Line, state: BlockState) -> bool:
    return line.blank or is_rule_line(line, state)


def _closes(line: Line, state: BlockState) -> bool:
    return _is_closer(line, state) or bool(_DATE_LINE.match(line.plain))


def signed_off(state: BlockState, end: int) -> bool:
    """Whether line ``end`` signs the notice off: its date, or the issuer's name right under a
    closing line (``联系电话：…`` / ``兰化集团报编辑部``). Nothing after a signature is the notice's:
    the imprint's ``地址：… 电话：…`` under it, past a blank line, is the page's."""
    line = state.lines[end]
    if _DATE_LINE.match(line.plain):
        return True
    return end > state.pos and _is_signature(line) and not _is_closer(line, state) and _is_closer(state.lines[end - 1], state)


def _notice_end(state: BlockState) -> int:
    """The index of the notice's last line: the paragraph under its title (the next one when the title
    stands alone), then each following paragraph that opens with a closing line (特此…, 联系电话, a date),
    until a signature has signed it off (:func:`signed_off`)."""
    end = _paragraph_end(state, state.pos)
    if end == state.pos:
        following = next_filled(state, end)
        if following is not None and not is_notice_title(state.lines[following].text, state):
            end = _paragraph_end(state, following)
    while True:
        if signed_off(state, end):
            return end
        following = next_filled(state, end)
        if following is None or not _closes(state.lines[following], state):
            return end
        end = _paragraph_end(state, following)


def _signature_end(state: BlockState, end: int) -> int:
    """Past the closing line: a signature right under it, and a date line (blank lines between allowed)."""
    index = end + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank:
            index += 1
            continue
        if is_rule_line(line, state):
            break
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
    end = _signature_end(state, _notice_end(state))
    covered = [line for line in state.lines[state.pos : end + 1] if not line.blank]
    text = "\n".join(line.text for line in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "notice", notice_kind=notice_kind(text, state))
    state.pos = end + 1
    return True


ADVERT_HEAD_LINES = 4
"""The most short lines an unlabelled advert prints over its contact lines."""


def _advert_head(state: BlockState) -> int:
    """How many short lines at the cursor stand right above contact lines as an advert's head
    (0: none). One line (a product's name) may stand anywhere; several (a slogan, the firm, what it
    sells: ``诚信经营　服务矿区`` / ``八一煤电化物资供应公司`` / ``经营范围：…``) only as a block of their
    own after a blank line, not indented as a paragraph opens and with no comma among them: a
    wrapped sentence's lines have commas."""
    above = state.lines[state.pos - 1] if state.pos else None
    count = 0
    while count <= ADVERT_HEAD_LINES and state.pos + count < len(state.lines):
        line = state.lines[state.pos + count]
        if line.blank:
            return 0
        if _is_closer(line, state):
            break
        if len(line.plain) > 20 or has_sentence_punctuation(line.text):
            return 0
        count += 1
    else:
        return 0
    head = state.lines[state.pos : state.pos + count]
    if count > 1 and (not (above is None or above.blank) or head[0].indented):
        return 0
    return count if count == 1 or not any(comma in line.text for line in head for comma in "，,") else 0


def contact_advert(state: BlockState) -> bool:
    """Short unpunctuated lines right above contact lines (``订购热线：…``, ``电话：…``; see
    :func:`_advert_head`): an advert (or the notice its words name)."""
    head = _advert_head(state)
    if not head:
        return False
    end = state.pos + head
    while end + 1 < len(state.lines) and not state.lines[end + 1].blank and _is_closer(state.lines[end + 1], state):
        end += 1
    covered = state.lines[state.pos : end + 1]
    text = "\n".join(l.text for l in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "contact_advert", notice_kind=notice_kind(text, state))
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


# A short line ending 通知 can be a wrapped body line: a notice never interrupts a paragraph.
RULE = BlockRule(notice, unpunctuated=True)
SLOGAN = BlockRule(slogan, unpunctuated=True)
CONTACT_ADVERT = BlockRule(contact_advert, unpunctuated=True)
