"""Editorial blocks around an article: ``编者按：…``, ``编者回复：…``, ``作者简介：…``, ``注释：①…``,
``参考文献：[1]…``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK
from .base import initials, BlockRule, joined
from .labelled import take_labelled

_SPACED_AUTHOR = re.compile(rf"^[{CJK}](?: [{CJK}]){{1,2}}(?=[.．,，、])")
_ITEM = re.compile(r"^\s*(?:\[\d{1,3}\]|［\d{1,3}］|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮]|\d{1,2}[.．、)）])\s*")


def _label(state: BlockState, field: str) -> re.Pattern[str]:
    def build(layout) -> str:
        words = layout.pattern(field)
        return rf"^[【\[〔]?\s*(?:{words})\s*[】\]〕]?\s*[:：]\s*|^[【\[〔]\s*(?:{words})\s*[】\]〕]\s*"

    return state.layout.regex(f"editorial-{field}", build)


def _starts(field: str):
    def starts(line: Line, state: BlockState) -> bool:
        return bool(_label(state, field).match(line.text))

    return starts


def _labelled_note(state: BlockState, field: str, rule: str) -> bool:
    return take_labelled(state, _label(state, field), "editorial", rule, field=field) is not None


def editor_note(state: BlockState) -> bool:
    """``编者按：…`` or ``【编者按】…`` up to the next blank line: the editor's note of the article below."""
    return _labelled_note(state, "editor_note", "editor_note")


def editor_reply(state: BlockState) -> bool:
    """``编者回复：…``, ``编后：…`` up to the next blank line: the editor's reply to a letter, or note
    on an article, printed after it: the editor's note of the article above."""
    return take_labelled(state, _label(state, "editor_reply"), "editorial", "editor_reply",
                         field="editor_note", after=True) is not None


def author_bio(state: BlockState) -> bool:
    """``作者简介：…`` up to the next blank line: the author's biography, kept on the article above."""
    return _labelled_note(state, "author_bio", "author_bio")


def _items(state: BlockState, field: str, rule: str) -> bool:
    """A label line and the numbered items under it (each ``[1]``/``①``/``1.`` item may wrap)."""
    label = _label(state, field)
    if not label.match(state.line.text):
        return False
    lines = [state.line]
    index = state.pos + 1
    while index < len(state.lines) and not state.lines[index].blank:
        lines.append(state.lines[index])
        index += 1
    items: list[str] = []
    for line in lines:
        text = label.sub("", line.text, count=1) if line is lines[0] else line.text
        if not text:
            continue
        if _ITEM.match(text) or not items:
            items.append(_ITEM.sub("", text, count=1))
        else:
            items[-1] = joined([Line(0, items[-1], False), Line(0, text, False)])
    items = _split_inline_items(items)
    if field == "references":  # ``李 明.国有企业…[J]``: a letter-spaced author is one name
        items = [_SPACED_AUTHOR.sub(lambda m: m.group(0).replace(" ", ""), item, count=1) for item in items]
    state.push("editorial", lines[0].number, lines[-1].number, "\n".join(items), rule, field=field, items=tuple(items))
    state.pos = index
    return True


def _split_inline_items(items: list[str]) -> list[str]:
    """``①…②…`` printed in one run: one item each."""
    split: list[str] = []
    for item in items:
        parts = [p.strip() for p in re.split(r"(?=[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮])", item) if p.strip()]
        split.extend(_ITEM.sub("", p, count=1) for p in parts)
    return [s for s in split if s]


def footnotes(state: BlockState) -> bool:
    """``注释：`` (or ``注：``) and its numbered notes: the article's footnotes."""
    return _items(state, "footnotes", "footnotes")


def references(state: BlockState) -> bool:
    """``参考文献：`` and its ``[1] …`` entries: the article's references."""
    return _items(state, "references", "references")


def _first(field: str):
    return lambda layout: initials(getattr(layout, field)) + "【[〔"


EDITOR_NOTE = BlockRule(editor_note, _starts("editor_note"), _first("editor_note"))
EDITOR_REPLY = BlockRule(editor_reply, _starts("editor_reply"), _first("editor_reply"))
AUTHOR_BIO = BlockRule(author_bio, _starts("author_bio"), _first("author_bio"))
FOOTNOTES = BlockRule(footnotes, _starts("footnotes"), _first("footnotes"))
REFERENCES = BlockRule(references, _starts("references"), _first("references"))
