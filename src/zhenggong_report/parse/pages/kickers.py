"""Lead-ins (引题): the shorter line printed over a headline, told from the first half of a title
wrapped over two lines, split off the title as its kicker."""

from __future__ import annotations

from ..state import Block
from ..text import CONNECTORS, collapse_spaces, normalize_spaces
from .continuations import ends_mid_sentence
from .model import PageState
from .title_shape import title_like

KICKER_GAP = 1
"""The most blank lines between a lead-in (引题) and the title under it (OCR may print one there)."""


def _printed_lines(state: PageState, block: Block) -> list[str]:
    """The non-blank lines of a block as the rules read text: spaces normalised and collapsed, so a
    lead-in split off keeps one plain space between its phrases (``坚定理想信念 筑牢精神之“钙”``)
    like every other title."""
    lines = (collapse_spaces(normalize_spaces(line)) for line in state.source.lines[block.first - 1 : block.last])
    return [line for line in lines if line]


def kicker_over(state: PageState, index: int) -> None:
    """Over the title at ``index``: the first of its two printed lines, the first of three when it
    is a couplet of its own over a headline wrapped on the other two (``深化源头治理　畅通群众诉求``
    over ``关于加强企业信访稳定工作的`` / ``实践与启示``), or the one-line block right above it (at
    most :data:`KICKER_GAP` blank lines between; a blank line, furniture or the page's top above it),
    when :func:`_is_kicker` says it is a lead-in. A line under a paragraph that stops mid-sentence
    (``…成为安全生产的`` over ``“明白人”和“守护者”``) is that paragraph's rest (:func:`reads_on`),
    no lead-in: split off a two-line title it is text, the title the line under it."""
    title = state.blocks[index]
    if title.first != title.last:
        lines = _printed_lines(state, title)
        if len(lines) == 2 and _is_kicker(state, lines[0], lines[1]):
            _split_first_line(state, index, lines, "text" if reads_on(state, index) else "kicker", "kicker_over_title")
        elif len(lines) == 3 and _is_couplet(lines[0]) and title.text.startswith(lines[0]) and not reads_on(state, index):
            headline = title.text[len(lines[0]) :].lstrip()  # the headline wrapped over the other two lines
            if _is_kicker(state, lines[0], headline):
                state.blocks[index] = Block("title", title.first + 1, title.last, headline, title.rule, dict(title.data), title.column)
                state.blocks.insert(index, Block("kicker", title.first, title.first, lines[0], "kicker_over_title", column=title.column))
        return
    above = index - 1
    if above < 0 or not title_like(state.blocks[above]):
        return
    kicker = state.blocks[above]
    top = above == 0 or not state.is_body(above - 1) or (
        state.blocks[above - 1].last < kicker.first - 1 and not reads_on(state, above))
    close = kicker.first == kicker.last and title.first - kicker.last <= KICKER_GAP + 1
    if close and top and _is_kicker(state, kicker.text, title.text):
        kicker.kind = "kicker"


def reads_on(state: PageState, index: int) -> bool:
    """The block at ``index`` comes right after a text paragraph that stops mid-sentence
    (``…都成为安全生产的``): its first line may be that paragraph's rest, so it is no lead-in (a
    lead-in heads a new story, under a finished one, furniture or the page's top)."""
    return index > 0 and state.blocks[index - 1].kind == "text" and ends_mid_sentence(state.blocks[index - 1])


def _split_first_line(state: PageState, index: int, lines: list[str], kind: str, rule: str) -> None:
    """Split the two-line title block at ``index``: its first line a block of ``kind``, its second the title."""
    block = state.blocks[index]
    state.blocks[index] = Block("title", block.last, block.last, lines[1], block.rule, dict(block.data), block.column)
    state.blocks.insert(index, Block(kind, block.first, block.first, lines[0], rule, column=block.column))


def _is_couplet(text: str) -> bool:
    """Two or more phrases of at least two characters set apart by spaces in one line
    (``坚定理想信念　筑牢精神之“钙”``); a letter-spaced line (``政 工 园 地``) is none."""
    phrases = normalize_spaces(text).split()
    return len(phrases) >= 2 and all(len(phrase) >= 2 for phrase in phrases)


def _is_kicker(state: PageState, first: str, second: str) -> bool:
    """``first`` printed over the title ``second`` is a lead-in, not the title's first half: it is
    shorter than the title (a title wrapped at the column's width is not), or just as long when it
    is two phrases set apart by a space (``坚定理想信念　筑牢精神之“钙”`` over
    ``做新时代勇于担当的合格共产党员``: a couplet of its own, not the first half of a wrapped title),
    no word runs on across the break, and it neither ends on a connector nor opens with words that
    open a title (``关于``, ``浅谈``: ``layout.toml`` ``[titles] run_on_openers``)."""
    return (
        (len(first) < len(second) or (len(first) == len(second) and _is_couplet(first)))
        and first[-1] not in CONNECTORS
        and not first.startswith(state.layout.title_run_on_openers)
        and not state.lexicon.spanning_word(first, second)
    )


def split_kicker(state: PageState, index: int) -> bool:
    """A headline block of two printed lines whose first is short and does not run on into the second
    (no word spans the break) is a lead-in (引题) over the headline: split it into the two. Under a
    paragraph that stops mid-sentence (:func:`reads_on`) the first line is that paragraph's rest:
    split off as text."""
    block = state.blocks[index]
    if block.first == block.last:
        return False
    lines = _printed_lines(state, block)
    if len(lines) != 2 or len(lines[0]) >= len(lines[1]) or state.lexicon.spanning_word(lines[0], lines[1]):
        return False
    _split_first_line(state, index, lines, "text" if reads_on(state, index) else "kicker", "news_headline")
    return True
