"""A book review's book line under its byline: ``《大国工匠》，李　明著，人民出版社2025年出版``."""

from __future__ import annotations

import re

from ..state import HEADER_KINDS, BlockState, Line
from .base import BlockRule

_SEPARATOR = r"[，,、\s]*"


def _book_line(layout) -> str:
    return (
        rf"^《[^《》]{{1,30}}》{_SEPARATOR}"
        rf"(?P<author>[^\s，,、《》。].{{0,24}}?)\s*(?:{layout.pattern('book_author_marks')}){_SEPARATOR}"
        rf"[^\s，,、《》。]{{0,20}}(?:{layout.pattern('book_publishers')})\s*"
        rf"(?:[0-9０-９]{{4}}\s*年(?:\s*[0-9０-９]{{1,2}}\s*月)?)?\s*(?:出版|出版发行|版)?[。.]?$"
    )


def book_line(line: Line, state: BlockState) -> re.Match[str] | None:
    """``《书名》，作者著，出版社2025年出版``: the book's title in 《》, its author and a word of
    ``[editorial] book_author_marks`` (著, 主编), a publisher ending as ``[editorial]
    book_publishers`` do (出版社), the year or none."""
    if not line.text.startswith("《"):
        return None
    return state.layout.regex("book-line", _book_line).match(line.text)


def book_reference(state: BlockState) -> bool:
    """The line naming the book a review reads, right under the review's subtitle or byline
    (only blank lines between): the review's reference, the author's letter-spaced name closed
    up (``李　明`` is 李明, as a 参考文献 entry's), neither its byline (the book's author did not write
    the review) nor its text. A sentence of the text that names a book (``《大国工匠》一书…。``)
    is none."""
    previous = state.previous_block()
    if previous is None or previous.kind not in HEADER_KINDS or not state.only_blanks_after(previous):
        return False
    match = book_line(state.line, state)
    if match is None:
        return False
    text = state.line.text
    entry = text[: match.start("author")] + match.group("author").replace(" ", "") + text[match.end("author"):]
    number = state.line.number
    state.push("editorial", number, number, entry, "book_reference", field="references", items=(entry,))
    state.pos += 1
    return True


RULE = BlockRule(book_reference, first=lambda layout: "《")
