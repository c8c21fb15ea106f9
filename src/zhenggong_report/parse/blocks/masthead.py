"""Mastheads: the paper's name printed on a line of its own (``枣矿工人报``), with the Latin
transliteration some papers print right under it (``JINNENG KONGGU MEIYE BAO``, blank lines between
allowed), and who puts the paper out, beside the name (``枣庄矿业集团　枣矿报``; a line of its own,
``中国石油兰州石化公司主办``, is :mod:`.publisher_line`'s)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from ..layout import alternation
from .base import BlockRule, next_filled
from .furniture import folded, near_page_edge, push_furniture

_CJK_ONLY = re.compile(f"^[{CJK}（）()]+$")
_LATIN_NAME = re.compile(r"^[A-Z]+(?:[ ·.\-][A-Z]+)+$")
"""Two or more words of capital Latin letters and nothing else: a masthead's pinyin or English name."""
LATIN_NAME_MAX = 60


def masthead_name(text: str, state: BlockState) -> str | None:
    """The paper's name when ``text`` is a masthead line, else None."""
    if len(text) > 2 * state.layout.masthead_max:
        return None
    name = folded(text)
    layout = state.layout
    if name in layout.masthead_names:
        return name
    if len(name) > layout.masthead_max or not _CJK_ONLY.match(name) or not name.endswith(layout.masthead_endings):
        return None
    return name if len(name) >= 3 else None


def publisher_name(text: str, state: BlockState) -> str | None:
    """Who puts the paper out, when ``text`` names it as a 报头 does: ``中国石油兰州石化公司主办``
    (``[masthead] publisher_endings``) or, beside the paper's name, a name ending like an issuer's
    (``枣庄矿业集团``: ``[bylines] issuer_endings``); else None."""
    name = folded(text)
    if not _CJK_ONLY.match(name) or len(name) > 3 * state.layout.masthead_max:
        return None
    for ending in sorted(state.layout.publisher_endings, key=len, reverse=True):  # 主管主办 before 主办
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[: -len(ending)]
    return name if len(name) >= 4 and name.endswith(state.layout.issuer_endings) else None


def paper_and_publisher(text: str, state: BlockState) -> tuple[str, str | None] | None:
    """The paper's name and its publisher when ``text`` is a masthead line: the name alone
    (``枣矿工人报``), or the publisher and the name printed apart on one line, either way round
    (``枣庄矿业集团　枣矿报``, ``枣矿报　枣庄矿业集团主办``)."""
    parts = text.split()
    if len(parts) == 2:
        for paper, publisher in (parts, reversed(parts)):
            name, owner = masthead_name(paper, state), publisher_name(publisher, state)
            if name is not None and owner is not None:
                return name, owner
    name = masthead_name(text, state)
    return (name, None) if name is not None else None


def masthead(state: BlockState) -> bool:
    """A short line ending with 报 (``山东能源报``, ``枣矿工人报``) at the top of a page, or a paper
    named in ``layout.toml``: the masthead; its name is the page's newspaper, and a publisher
    printed apart on the same line (``枣庄矿业集团　枣矿报``) the page's publisher. A line of capital
    Latin words under it (the name's pinyin, blank lines between allowed) is printed with it and belongs to it."""
    found = paper_and_publisher(state.line.text, state)
    if found is None or not (near_page_edge(state) or found[0] in state.layout.masthead_names):
        return False
    name, publisher = found
    push_furniture(state, with_latin_name(state, state.pos), "masthead", newspaper=name,
                   **({"publisher": publisher} if publisher else {}))
    return True


def with_latin_name(state: BlockState, index: int) -> list[Line]:
    """The masthead's name at line ``index``, and its pinyin when the next non-blank line is one."""
    following = next_filled(state, index)
    if following is not None and is_latin_name(state.lines[following].text):
        return [state.lines[index], state.lines[following]]
    return [state.lines[index]]


def is_latin_name(text: str) -> bool:
    """``JINNENG KONGGU MEIYE BAO``: a line of capital Latin words only, short enough to be a name."""
    return len(text) <= LATIN_NAME_MAX and bool(_LATIN_NAME.match(text))


def _hint(layout) -> str:
    names = f"|(?:{alternation(layout.masthead_names)})$" if layout.masthead_names else ""
    return rf".*(?:{alternation(layout.masthead_endings)})${names}"


RULE = BlockRule(masthead, unpunctuated=True)
