"""Titles and bylines: which short lines are titles, and the title units they form."""

from __future__ import annotations

from typing import Optional

from ..state import BODY_KINDS, HEADER_KINDS, Block
from ..text import COLON, ends_sentence, run_bigrams
from .kickers import kicker_over, reads_on, split_kicker
from .model import PageState, TitleUnit
from .title_shape import title_like

CREDIT_RULES = ("reporter_byline", "unit_credit", "marker_byline", "signature")  # may close the item above


def mark_titles_above_bylines(state: PageState) -> None:
    """The short unpunctuated line just above a byline (or above its ``——`` subtitle) is the title;
    a lead-in (引题) printed over it (``深化“三强三优”建设``) is its kicker (:func:`.kickers.kicker_over`),
    with or without a 副题 under the title: the three lines of a 引题 + 主题 + 副题 stack are read apart."""
    for index in reversed(range(len(state.blocks))):  # from the end: splitting a title shifts the blocks after it
        if state.blocks[index].kind != "byline":
            continue
        above = index - 1
        if above >= 0 and state.blocks[above].kind == "subtitle":
            above -= 1
        if above >= 0 and title_like(state.blocks[above]):
            state.blocks[above].kind = "title"
            kicker_over(state, above)


def mark_news_headlines(state: PageState) -> None:
    """The short unpunctuated line just above a news item's ``本报讯`` paragraph (or above its ``——``
    subtitle) is its headline; a second one above that is its lead-in (引题), its kicker, unless it
    is the rest of a paragraph that stops mid-sentence above it (:func:`.kickers.reads_on`)."""
    news = [index for index, block in enumerate(state.blocks) if block.data.get("news")]
    for index in reversed(news):  # from the end: splitting a headline shifts the blocks after it
        above = index - 1
        if above >= 0 and state.blocks[above].kind == "subtitle":
            above -= 1
        if above < 0 or not title_like(state.blocks[above]):
            continue
        state.blocks[above].kind = "title"
        if split_kicker(state, above):
            continue
        kicker = above - 1
        close = kicker >= 0 and state.blocks[kicker].last >= state.blocks[above].first - 2
        if close and title_like(state.blocks[kicker]) and not reads_on(state, kicker):
            state.blocks[kicker].kind = "kicker"


def mark_titles_above_jumps(state: PageState) -> None:
    """The short unpunctuated line just above ``（上接第1版）`` is the continued article's title,
    printed again on the page it jumps to."""
    for index, block in enumerate(state.blocks):
        if block.kind == "jump" and block.data["direction"] == "from" and index > 0 and title_like(state.blocks[index - 1]):
            state.blocks[index - 1].kind = "title"


def _next_block(state: PageState, index: int) -> Optional[Block]:
    following = state.next_body(index)
    return state.blocks[following] if following < len(state.blocks) else None


def mark_closing_bylines(state: PageState) -> None:
    """A byline right under an article's last paragraph, with no text after it (a title, furniture
    or the page's end follows), closes that article: ``西铭矿 李林`` printed at the end."""
    for index, block in enumerate(state.blocks):
        if block.kind != "byline" or index == 0 or not state.is_body(index - 1):
            continue
        following = _next_block(state, index)
        if following is None or following.kind not in BODY_KINDS:
            block.kind = "closing_byline"


def mark_trailing_credits(state: PageState) -> None:
    """A reporter's credit on a line of its own right under a paragraph that ends its sentence (no
    blank line between), printed in brackets (``（通讯员　王　强）``) or with a report word after the
    names (``通讯员　赵小龙　报道``, ``■ 王芳　报道``), or a unit's bracketed credit (``（供稿：信访办）``,
    ``unit_credit``), is the credit that closes that item, even when the next item's headline follows
    it: a byline under a finished paragraph heads nothing. So is a letter's signature after a dash
    (``——宣城分行营业部　孙　磊``), with the next letter's headline and text right under it."""
    for index, block in enumerate(state.blocks):
        if block.kind != "byline" or block.rule not in CREDIT_RULES or not _under_finished_paragraph(state, index):
            continue
        bracketed = block.text[:1] in "（(" and block.text[-1:] in "）)"
        if block.rule == "signature" or block.data.get("reported") or bracketed:
            block.kind = "closing_byline"


def _under_finished_paragraph(state: PageState, index: int) -> bool:
    """The block at ``index`` stands right under (no blank line between) an article's paragraph
    that ends its sentence."""
    if not state.is_body(index - 1):
        return False
    above = state.blocks[index - 1]
    return above.kind == "text" and above.last == state.blocks[index].first - 1 and ends_sentence(above.text)


def mark_trailing_unit_bylines(state: PageState) -> None:
    """A unit byline (``采油二厂　张　强``) on a line of its own right under a paragraph that ends its
    sentence (no blank line between) with a blank line or the page's end under it signs the piece
    above, as a 一线声音 column's short opinions are signed: it closes that item, so the next
    item's headline keeps its own title. A unit byline under a title, or with text right under it,
    is left to the other rules."""
    for index, block in enumerate(state.blocks):
        if block.kind != "byline" or block.rule != "unit_byline" or not _under_finished_paragraph(state, index):
            continue
        below = state.blocks[index + 1] if index + 1 < len(state.blocks) else None
        if below is None or below.first > block.last + 1:
            block.kind = "closing_byline"


def mark_titles_under_column_bands(state: PageState) -> None:
    """A column band printed alone (``班组长说``, a ``column_name``), a blank line, then one short
    unpunctuated flush line with an indented paragraph right under it (no blank line between): that
    line is the headline of the unsigned piece the band introduces (an interview excerpt whose
    paragraphs open with the speakers' names), not the first words of its text; a salutation
    (``编辑同志：``) is none. A line the band has
    no blank line under, or one with a blank line under it, is left to the other rules."""
    for index, block in enumerate(state.blocks):
        if block.kind != "text" or index == 0 or index + 1 >= len(state.blocks):
            continue
        band, below = state.blocks[index - 1], state.blocks[index + 1]
        if band.kind != "furniture" or band.data.get("furniture") != "column_name" or band.last >= block.first - 1:
            continue
        if block.first != block.last or block.data.get("indented") or not title_like(block) or block.text[-1] in COLON:
            continue  # a salutation (``编辑同志：``) over a letter is no headline
        if below.kind == "text" and below.data.get("indented") and below.first == block.last + 1:
            block.kind = "title"


def mark_quiz_titles(state: PageState) -> None:
    """A quiz (知识问答, 学习测试) prints no byline: the short unpunctuated line right over its first
    section label (``单选题``, a ``quiz_section`` heading), with a column name, a notice or the
    page's top above it, is the quiz's title (``党纪学习教育知识测试``)."""
    for index, block in enumerate(state.blocks):
        if not block.data.get("quiz") or index == 0:
            continue
        above = state.blocks[index - 1]
        if not title_like(above) or above.kind == "heading" or above.last < block.first - 2:
            continue
        if not state.is_body(index - 2):
            above.kind = "title"


def mark_titles_of_closing_bylines(state: PageState) -> None:
    """An article signed at its end (a closing byline) that runs up into another article's byline
    has lost its title in the run: the short unpunctuated paragraph after a finished sentence in
    that run whose words the text below it shares most is its title."""
    for index, block in enumerate(state.blocks):
        if block.kind != "closing_byline":
            continue
        position, candidates = index - 1, []
        while position >= 0 and (state.is_body(position) or state.passes_over(position)):
            if (
                title_like(state.blocks[position])
                and position > 0
                and state.is_body(position - 1)
                and ends_sentence(state.blocks[position - 1].text)
                and state.is_body(position + 1)
            ):
                candidates.append(position)
            position -= 1
        if position < 0 or state.blocks[position].kind not in HEADER_KINDS:
            _mark_title_atop(state, position + 1, index)
            continue
        if not candidates:
            continue
        below = {c: "".join(b.text for b in state.blocks[c + 1 : index] if b.kind in BODY_KINDS) for c in candidates}
        best = max(candidates, key=lambda c: (_shared_pairs(state.blocks[c].text, below[c]), c))
        state.blocks[best].kind = "title"


def _mark_title_atop(state: PageState, top: int, byline: int) -> None:
    """An article signed at its end whose run starts the page or follows what is no title unit (a
    column name, a notice, the article before's affiliation): its first paragraph is its title when
    it is a short unpunctuated line with the text under it (``井下“班中餐”能否再热乎些`` over a letter),
    and no salutation (``编辑同志：``). A photo's caption over that line (the run's top) is passed over."""
    while top < byline and state.passes_over(top):
        top += 1
    first = state.blocks[top]
    if top + 1 < byline and title_like(first) and first.text[-1] not in COLON and state.is_body(top + 1):
        state.blocks[top].kind = "title"


def _shared_pairs(title: str, text: str) -> float:
    grams = run_bigrams(title)
    return sum(1 for g in grams if g in text) / len(grams) if grams else 0.0


def group_title_units(state: PageState) -> None:
    """A title, its lead-in and subtitle and its byline printed together form one title unit."""
    current: Optional[TitleUnit] = None
    for index, block in enumerate(state.blocks):
        if block.kind not in HEADER_KINDS + ("kicker",):
            current = None
            continue
        after_kicker = current is not None and [state.blocks[i].kind for i in current.blocks] == ["kicker"]
        starts_new = current is None or block.kind == "kicker" or (block.kind == "title" and not after_kicker) or (
            block.kind == "subtitle" and current.subtitle is not None
        ) or (block.kind == "byline" and current.has_byline and not current.wechat)
        if starts_new:
            current = TitleUnit(blocks=[])
            state.units.append(current)
        assert current is not None
        current.blocks.append(index)
        if block.kind == "title":
            current.title = block.text
        elif block.kind == "kicker":
            current.kicker = block.text
        elif block.kind == "subtitle":
            current.subtitle = block.text.lstrip("—-－─").strip()
        else:
            current.has_byline = True
            if block.data.get("authors") or not current.authors:  # a 文｜ line under the meta line names the author
                current.authors = tuple(block.data.get("authors", ()))
                current.roles = tuple(block.data.get("roles", ()))
            current.unit = block.data.get("unit")
            current.wechat = block.data.get("wechat", current.wechat)
