"""Titles and bylines: which short lines are titles, and the title units they form."""

from __future__ import annotations

from typing import Optional

from ..state import BODY_KINDS, HEADER_KINDS, Block
from ..text import (
    COLON,
    CONNECTORS,
    collapse_spaces,
    ends_sentence,
    has_sentence_punctuation,
    normalize_spaces,
    run_bigrams,
    starts_with_enumerator,
)
from .model import PageState, TitleUnit

TITLE_MAX = 60
CREDIT_RULES = ("reporter_byline", "unit_credit", "marker_byline", "signature")  # may close the item above
KICKER_GAP = 1
"""The most blank lines between a lead-in (引题) and the title under it (OCR may print one there)."""


def _title_like(block: Block) -> bool:
    text = block.text
    return (
        block.kind in BODY_KINDS
        and block.kind != "verse"
        and 2 <= len(text) <= TITLE_MAX
        and not has_sentence_punctuation(text)
        and not starts_with_enumerator(text)
        and text[-1] not in CONNECTORS
    )


def mark_titles_above_bylines(state: PageState) -> None:
    """The short unpunctuated line just above a byline (or above its ``——`` subtitle) is the title;
    a lead-in (引题) printed over it (``深化“三强三优”建设``) is its kicker (:func:`_kicker_over`)."""
    for index in reversed(range(len(state.blocks))):  # from the end: splitting a title shifts the blocks after it
        if state.blocks[index].kind != "byline":
            continue
        above = index - 1
        subtitled = above >= 0 and state.blocks[above].kind == "subtitle"
        if subtitled:
            above -= 1
        if above >= 0 and _title_like(state.blocks[above]):
            state.blocks[above].kind = "title"
            if not subtitled:  # the article's one subtitle field holds the 副题 already
                _kicker_over(state, above)


def _printed_lines(state: PageState, block: Block) -> list[str]:
    """The non-blank lines of a block as the rules read text: spaces normalised and collapsed, so a
    lead-in split off keeps one plain space between its phrases (``坚定理想信念 筑牢精神之“钙”``)
    like every other title."""
    lines = (collapse_spaces(normalize_spaces(line)) for line in state.source.lines[block.first - 1 : block.last])
    return [line for line in lines if line]


def _kicker_over(state: PageState, index: int) -> None:
    """Over the title at ``index``: the first of its two printed lines, the first of three when it
    is a couplet of its own over a headline wrapped on the other two (``深化源头治理　畅通群众诉求``
    over ``关于加强企业信访稳定工作的`` / ``实践与启示``), or the one-line block right above it (at most :data:`KICKER_GAP` blank lines between; a blank line, furniture or the page's
    top above it), when :func:`_is_kicker` says it is a lead-in."""
    title = state.blocks[index]
    if title.first != title.last:
        lines = _printed_lines(state, title)
        if len(lines) == 2 and _is_kicker(state, lines[0], lines[1]):
            state.blocks[index] = Block("title", title.last, title.last, lines[1], title.rule, dict(title.data))
            state.blocks.insert(index, Block("kicker", title.first, title.first, lines[0], "kicker_over_title"))
        elif len(lines) == 3 and _is_couplet(lines[0]) and title.text.startswith(lines[0]):
            headline = title.text[len(lines[0]) :].lstrip()  # the headline wrapped over the other two lines
            if _is_kicker(state, lines[0], headline):
                state.blocks[index] = Block("title", title.first + 1, title.last, headline, title.rule, dict(title.data))
                state.blocks.insert(index, Block("kicker", title.first, title.first, lines[0], "kicker_over_title"))
        return
    above = index - 1
    if above < 0 or not _title_like(state.blocks[above]):
        return
    kicker = state.blocks[above]
    top = above == 0 or not state.is_body(above - 1) or state.blocks[above - 1].last < kicker.first - 1
    close = kicker.first == kicker.last and title.first - kicker.last <= KICKER_GAP + 1
    if close and top and _is_kicker(state, kicker.text, title.text):
        kicker.kind = "kicker"


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


def mark_news_headlines(state: PageState) -> None:
    """The short unpunctuated line just above a news item's ``本报讯`` paragraph is its headline; a
    second one above that is its lead-in (引题), kept as the subtitle."""
    news = [index for index, block in enumerate(state.blocks) if block.data.get("news")]
    for index in reversed(news):  # from the end: splitting a headline shifts the blocks after it
        above = index - 1
        if above >= 0 and state.blocks[above].kind == "subtitle":
            above -= 1
        if above < 0 or not _title_like(state.blocks[above]):
            continue
        state.blocks[above].kind = "title"
        if _split_kicker(state, above):
            continue
        kicker = above - 1
        if kicker >= 0 and _title_like(state.blocks[kicker]) and state.blocks[kicker].last >= state.blocks[above].first - 2:
            state.blocks[kicker].kind = "kicker"


def _split_kicker(state: PageState, index: int) -> bool:
    """A headline block of two printed lines whose first is short and does not run on into the second
    (no word spans the break) is a lead-in (引题) over the headline: split it into the two."""
    block = state.blocks[index]
    if block.first == block.last:
        return False
    lines = _printed_lines(state, block)
    if len(lines) != 2 or len(lines[0]) >= len(lines[1]) or state.lexicon.spanning_word(lines[0], lines[1]):
        return False
    kicker = Block("kicker", block.first, block.first, lines[0], "news_headline")
    state.blocks[index] = Block("title", block.last, block.last, lines[1], block.rule, dict(block.data))
    state.blocks.insert(index, kicker)
    return True


def mark_titles_above_jumps(state: PageState) -> None:
    """The short unpunctuated line just above ``（上接第1版）`` is the continued article's title,
    printed again on the page it jumps to."""
    for index, block in enumerate(state.blocks):
        if block.kind == "jump" and block.data["direction"] == "from" and index > 0 and _title_like(state.blocks[index - 1]):
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
        if block.first != block.last or block.data.get("indented") or not _title_like(block) or block.text[-1] in COLON:
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
        if not _title_like(above) or above.kind == "heading" or above.last < block.first - 2:
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
                _title_like(state.blocks[position])
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
    if top + 1 < byline and _title_like(first) and first.text[-1] not in COLON and state.is_body(top + 1):
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
        elif block.kind in ("subtitle", "kicker"):
            current.subtitle = block.text.lstrip("—-－─").strip()
        else:
            current.has_byline = True
            if block.data.get("authors") or not current.authors:  # a 文｜ line under the meta line names the author
                current.authors = tuple(block.data.get("authors", ()))
                current.roles = tuple(block.data.get("roles", ()))
            current.unit = block.data.get("unit")
            current.wechat = block.data.get("wechat", current.wechat)
