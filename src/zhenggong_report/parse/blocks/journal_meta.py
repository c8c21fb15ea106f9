"""A journal article's front matter: ``中图分类号：D412.6 文献标识码：A 文章编号：1004-0000(2026)03``."""

from __future__ import annotations

from typing import Optional

from ..state import BlockState, Line
from .base import BlockRule, initials


def read_journal_meta(text: str, state: BlockState) -> Optional[tuple[tuple[str, str], ...]]:
    """Each label (``layout.toml`` ``[journal]``) with its value, when the line is nothing but such pairs."""
    pair = state.layout.regex(
        "journal", lambda layout: rf"(?P<label>{layout.pattern('journal')})\s*[:：]\s*(?P<value>.+?)\s*(?=(?:{layout.pattern('journal')})\s*[:：]|$)"
    )
    found, position = [], 0
    for match in pair.finditer(text):
        if text[position : match.start()].strip(" ;；　") != "":
            return None
        found.append((match.group("label"), match.group("value").strip(" ;；")))
        position = match.end()
    return tuple(found) if found and text[position:].strip() == "" else None


def starts(line: Line, state: BlockState) -> bool:
    return read_journal_meta(line.text, state) is not None


def journal_meta(state: BlockState) -> bool:
    """``中图分类号：… 文献标识码：… 文章编号：…``, ``收稿日期：…`` (one line or several): the article's
    journal front matter, kept as its ``journal`` fields, never in the body."""
    lines, fields = [], []
    index = state.pos
    while index < len(state.lines) and not state.lines[index].blank:
        pairs = read_journal_meta(state.lines[index].text, state)
        if pairs is None:
            break
        lines.append(state.lines[index])
        fields.extend(pairs)
        index += 1
    if not lines:
        return False
    text = "\n".join(line.text for line in lines)
    state.push("journal", lines[0].number, lines[-1].number, text, "journal_meta", fields=tuple(fields))
    state.pos = index
    return True


RULE = BlockRule(journal_meta, starts, lambda layout: initials(layout.journal_labels))
