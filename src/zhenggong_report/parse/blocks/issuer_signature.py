"""Issuer signatures: a document signed at its end by an organisation, right-set over its date
(``中共兰化集团公司委员会`` / ``2026年3月1日`` under a 决定)."""

from __future__ import annotations

import re

from ..state import BODY_KINDS, BlockState, Line
from ..text import CJK
from .base import BlockRule

ISSUER_MAX = 30
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def _issuer(layout) -> str:
    return rf"^[{CJK}（）()·]{{1,{ISSUER_MAX}}}?(?:{layout.pattern('issuer_endings')})$"


def is_issuer(line: Line, state: BlockState) -> bool:
    """``中共兰化集团公司委员会``: an organisation's name alone on its line (``[bylines] issuer_endings``)."""
    return not line.punctuated and " " not in line.text and bool(state.layout.regex("issuer", _issuer).match(line.text))


def issuer_signature(state: BlockState) -> bool:
    """An organisation's name (ending 委员会, 党委, 工会, 编辑部 … ``[bylines] issuer_endings``) on a
    line of its own with the date line right under it, after an article's text: the organisation
    that issues the text (a 决定, 通报) signs it. It is the article's closing byline, naming no
    person: the issuer is its unit, the date the signature's (``signed``; no body text). A notice's
    own issuer and date are the notice rule's."""
    previous = state.previous_block()
    under = state.peek()
    if previous is None or previous.kind not in BODY_KINDS or under is None or not _DATE_LINE.match(under.plain):
        return False
    if not is_issuer(state.line, state):
        return False
    state.push("byline", state.line.number, under.number, state.line.text, "issuer_signature",
               authors=(), roles=(), unit=state.line.text, signed=under.plain)
    state.pos += 2
    return True


RULE = BlockRule(issuer_signature, unpunctuated=True)
