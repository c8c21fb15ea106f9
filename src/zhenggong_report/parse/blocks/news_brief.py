"""News items: a paragraph that opens ``本报讯（记者 张三 通讯员 李四）…``, or ``本报讯　…`` with the
writer in brackets at its end (``…20余人次。（张敏）``) or the unit that sent it (``（综采一队）``)."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from .base import initials, BlockRule, block_lines, joined
from .brief_item import CREDIT, closing_bracket
from .reporter_byline import read_credits


def _opening(text: str, state: BlockState) -> Optional[re.Match[str]]:
    return state.layout.regex("news", _opener).match(text)


def _opener(layout) -> str:
    """``本报讯``, and ``本报西铭3月9日讯`` (a place and date between 本报 and 讯), then the reporters."""
    return (
        rf"^(?P<opener>{layout.pattern('news')}|本报[^\s，。（(]{{1,12}}?讯)"
        rf"\s*(?:[（(](?P<credits>[^）)]{{2,40}})[）)])?\s*"
    )


def starts(line: Line, state: BlockState) -> bool:
    match = _opening(line.text, state)
    return match is not None and (match.group("credits") is not None or match.group("opener") != "讯")


def news_brief(state: BlockState) -> bool:
    """``本报讯（记者 张三 通讯员 李四）…``: the opening paragraph of a news item; the reporters are
    its authors and the opener is dropped from the text (the headline above becomes its title); with
    no reporters after the opener, a name in brackets ending the paragraph (``（张敏）``) is its writer,
    and a unit there (``（综采一队）``, as a brief item's: :func:`.brief_item.closing_bracket`) the unit
    that sent it: no author, the unit its affiliation; a unit and a name, both."""
    if not starts(state.line, state):
        return False
    lines = block_lines(state, state.pos) if state.hard_wrapped else [state.line]
    text = joined(lines)
    match = _opening(text, state)
    assert match is not None
    credits = read_credits(match.group("credits") or "", state) if match.group("credits") else None
    authors, roles = credits if credits else ((), ())
    body = text[match.end() :]
    closing = closing_bracket(body, state) if not match.group("credits") else None
    unit = None
    if closing is not None:  # 本报讯　…。（张敏）: the writer signs at the item's end; （综采一队）: the unit that sent it
        unit, closing_authors, closing_roles = closing
        if closing_authors:
            authors, roles = closing_authors, closing_roles
        body = body[: CREDIT.search(body).start()].rstrip()  # type: ignore[union-attr]
    state.push("text", lines[0].number, lines[-1].number, body, "news_brief",
               news=True, authors=authors, roles=roles, opener=match.group(0).strip(), indented=lines[0].indented,
               **({"unit": unit} if unit is not None else {}))
    state.pos += len(lines)
    return True


RULE = BlockRule(news_brief, starts, lambda layout: initials(layout.news_openers) + "本")
