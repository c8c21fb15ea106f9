"""Photo captions and credits: ``▲…``, ``图为…``, ``[图] …``, ``（摄影 王五）``, ``本报记者 王五 摄``,
``□ 赵亮 摄``, and a caption line that ends with its credit (``…开展调研。　　孙伟　摄``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import ends_sentence
from .base import initials, NAMES, BlockRule
from .marker_byline import MARKERS

MAX_CAPTION_LINES = 4
PHOTO_TITLE_MAX = 20
CREDITED_CAPTION_MAX = 160
_SPACED_ENDING = re.compile(r"[\s/／]\S{1,2}$")
_SENTENCE_STOP = re.compile(r"[。！？!?]")
_WIDE_GAP = re.compile(r"\s{2,}")


def is_credit(text: str, state: BlockState) -> bool:
    """``本报记者 王五 摄``, ``王五 摄``, ``（摄影 王五）``, ``王五/摄``: who took the photo."""
    if len(text) > 30 or not (text.rstrip("）)").endswith(state.layout.credit_endings) or text.lstrip("（(")[:1] in "摄图"):
        return False
    inner = text[1:-1] if text[:1] in "（(" and text[-1:] in "）)" else text
    if inner[:1] in MARKERS:  # ``□ 赵亮 摄``: a byline marker before the name, the ending apart from it
        inner = inner[1:].strip()
        if not _SPACED_ENDING.search(inner):
            return False
    return bool(state.layout.regex("credit", _credit).match(inner) or _CREDIT_FIRST.match(inner))


def _credit(layout) -> str:
    return rf"^(?:(?:{layout.pattern('roles')})\s*)?{NAMES}\s*[/／]?\s*(?:{layout.pattern('credits')})$"


_CREDIT_FIRST = re.compile(rf"^(?:摄影|摄|图)\s*[/／:：]?\s*{NAMES}$")
_BRACKETED_CREDIT_FIRST = re.compile(r"[（(](?:摄影|摄|图)\s*[/／:：][^（）()]+[）)]$")
"""A credit in brackets at a line's end that names the photographer after its label: ``（图/王　涛）``."""


def credit_at_end(text: str, state: BlockState) -> bool:
    """The line ends with a photo credit set off from the words before it by a sentence stop or a
    wide gap: ``…开展调研。　　孙伟　摄``, ``…开展调研。（孙伟 摄）``, ``…上门服务。（图/王　涛）``. A credit run into the text
    (``…目标。绘就蓝图``) is none: it needs a space or a bracket of its own."""
    if not (text.rstrip("）)").endswith(state.layout.credit_endings) or _BRACKETED_CREDIT_FIRST.search(text)):
        return False
    cuts = [match.end() for pattern in (_SENTENCE_STOP, _WIDE_GAP) for match in pattern.finditer(text)]
    return any(0 < cut < len(text) and _set_off_credit(text[cut:], state) for cut in cuts)


def _set_off_credit(tail: str, state: BlockState) -> bool:
    credit = tail.strip()
    return (tail[:1].isspace() or " " in credit or credit[:1] in "（(") and is_credit(credit, state)


def is_caption_start(text: str, state: BlockState) -> bool:
    return bool(state.layout.regex("caption", lambda layout: rf"^(?:{layout.pattern('captions')})").match(text))


def starts_credit(line: Line, state: BlockState) -> bool:
    return is_credit(line.text, state)


def starts_caption(line: Line, state: BlockState) -> bool:
    return is_caption_start(line.text, state)


def photo_title(state: BlockState, line: Line) -> bool:
    """The block above ``line`` is a photo's title: one short unpunctuated line right above it,
    with a blank line (or the page's top) above that."""
    previous = state.previous_block()
    if previous is None or previous.kind != "text" or previous.first != previous.last or previous.last != line.number - 1:
        return False
    above = state.lines[previous.first - 2] if previous.first >= 2 else None
    title = state.lines[previous.first - 1]
    return (above is None or above.blank) and not title.punctuated and len(title.text) <= PHOTO_TITLE_MAX


CAPTION_NOT_UNDER = ("byline", "subtitle")
"""What a flush caption over its credit never stands under: a lead paragraph under its byline is the article's."""


def _flush_caption_over_credit(state: BlockState) -> int:
    """How many blocks right above a credit line on its own are the caption it credits (0 for none):
    on a page that indents its paragraphs, flush lines (no paragraph's start) of at most
    :data:`MAX_CAPTION_LINES` lines right over the credit, a blank line (or the page's top) over
    them and one (or the page's end) under the credit: ``6月12日，…开展“金融`` / ``知识进万家”志愿
    服务活动。`` over ``本报记者　张　伟　摄``."""
    following = state.peek()
    if (following is not None and not following.blank) or not _indents_paragraphs(state):
        return 0
    count, top = _flush_text_above(state)
    if not count or state.line.number - top > MAX_CAPTION_LINES or (top > 1 and not state.lines[top - 2].blank):
        return 0
    return 0 if _heads_text(state, len(state.blocks) - 1 - count) else count


def _heads_text(state: BlockState, index: int) -> bool:
    """The block at ``index`` is a byline or subtitle heading the text under it; a credit right
    under a finished paragraph (``（通讯员　李　明）``) closes the item above it instead."""
    if index < 0 or state.blocks[index].kind not in CAPTION_NOT_UNDER:
        return False
    above = state.blocks[index - 1] if index > 0 else None
    closes = above is not None and above.kind == "text" and above.last == state.blocks[index].first - 1 and ends_sentence(above.text)
    return not closes


def _indents_paragraphs(state: BlockState) -> bool:
    """The page is hard-wrapped and starts its paragraphs with an indent (flush lines start none)."""
    return state.hard_wrapped and any(line.indented for line in state.lines)


def photo_credit(state: BlockState) -> bool:
    """A photo credit on its own line (``本报记者 王五 摄``, ``（摄影 王五）``, ``□ 赵亮 摄``): a caption,
    with the photo's title when one short line right above it names the photo (``春到矿山``), or with
    the flush caption lines over it (:func:`_flush_caption_over_credit`)."""
    line = state.line
    if not is_credit(line.text, state):
        return False
    first = line.number
    if photo_title(state, line):
        first = state.blocks.pop().first
    else:
        for _ in range(_flush_caption_over_credit(state)):
            first = state.blocks.pop().first
    caption = "".join(l.text for l in state.lines[first - 1 : line.number - 1])  # a title, or the caption's lines
    state.push("caption", first, line.number, "\n".join(filter(None, (caption, line.text))), "photo_credit", credit=True)
    state.pos += 1
    return True


def caption(state: BlockState) -> bool:
    """A caption (``▲``/``图为``… up to the end of its sentence, at most a few lines) with the credit
    under it; also when OCR dropped it between two lines of a paragraph."""
    line = state.line
    if not is_caption_start(line.text, state):
        return False
    lines = [line]
    index = state.pos + 1
    while (
        not ends_sentence(lines[-1].text)
        and not credit_at_end(lines[-1].text, state)
        and len(lines) < MAX_CAPTION_LINES
        and index < len(state.lines)
        and not state.lines[index].blank
        and not state.lines[index].indented  # an indent opens the next paragraph
        and (not state.interrupts(state.lines[index]) or starts_credited_caption(state.lines[index], state))
    ):
        lines.append(state.lines[index])
        index += 1
    if index < len(state.lines) and is_credit(state.lines[index].text, state):  # the credit under it
        lines.append(state.lines[index])
        index += 1
    state.push("caption", lines[0].number, lines[-1].number, "".join(l.text for l in lines), "caption")
    state.pos = index
    return True


def starts_credited_caption(line: Line, state: BlockState) -> bool:
    return len(line.text) <= CREDITED_CAPTION_MAX and credit_at_end(line.text, state)


def _flush_text_above(state: BlockState) -> tuple[int, int]:
    """The text blocks right above the cursor, line after line, set flush (no paragraph indent): how
    many, and the number of the first one's first line."""
    count, top = 0, state.line.number
    while count < len(state.blocks):
        block = state.blocks[-1 - count]
        if block.kind != "text" or block.last != top - 1 or state.lines[block.first - 1].indented:
            break
        count, top = count + 1, block.first
    return count, top


CAPTION_AFTER = ("furniture", "caption", "notice")
"""What may stand over the blank line above an indented caption paragraph: a column band
(``图片新闻``), another caption, a notice; never an article's title, byline or text."""


def _indented_caption_above(state: BlockState) -> int:
    """How many blocks right above the credited line are one indented paragraph that begins its
    caption (0 for none): an indent and the lines after it up to the credited line (one block on a
    hard-wrapped page, a block a line on another), a few lines in all, alone between blank lines
    with the page's top, a column band (``图片新闻``), a caption or a notice over it: a photo
    caption printed as a paragraph with no title (``　　3月20日，…党员突击队在井下`` /
    ``开展液压支架检修攻坚。…`` over ``16支，…43项。（王　磊　摄）``). An article's paragraph under
    its title or byline keeps its place in the article."""
    count, top = 0, state.line.number
    while count < len(state.blocks):
        block = state.blocks[-1 - count]
        if block.kind != "text" or block.last != top - 1 or state.line.number - block.first >= MAX_CAPTION_LINES:
            return 0
        count, top = count + 1, block.first
        if state.lines[top - 1].indented:
            break
    else:
        return 0
    if top == 1:
        return count
    if not state.lines[top - 2].blank:
        return 0
    over = state.blocks[-1 - count] if count < len(state.blocks) else None
    return count if over is None or over.kind in CAPTION_AFTER else 0


def _caption_begun_above(state: BlockState) -> int:
    """How many blocks right above the credited line began its caption (0 for none): flush text of
    at most :data:`MAX_CAPTION_LINES` lines that stops mid-sentence, with a blank line (or what is no
    body text) above it and the credited line closing it (a blank line or the page's end below):
    ``春检正当时`` / ``3月16日，…开展设备春检，`` over ``确保装置安全平稳运行。　　通讯员 王海涛 摄``."""
    following = state.peek()
    if not state.blocks or (following is not None and not following.blank) or ends_sentence(state.blocks[-1].text):
        return 0
    indented = _indented_caption_above(state)
    if indented:
        return indented
    count, top = _flush_text_above(state)
    if not count or state.line.number - top > MAX_CAPTION_LINES:
        return 0
    set_off = top == 1 or state.lines[top - 2].blank or (count < len(state.blocks) and state.blocks[-1 - count].kind != "text")
    return count if set_off else 0


def credited_caption(state: BlockState) -> bool:
    """A line of words with the photo's credit at its end (``3月12日，…开展调研。　　孙伟　摄``) and no
    caption marker before them: a caption on its own, with the lines above it that begin its sentence
    (and the photo's title over them) when :func:`_caption_begun_above`: flush lines, or one indented
    paragraph alone over it (:func:`_indented_caption_above`)."""
    line = state.line
    if not starts_credited_caption(line, state):
        return False
    first = line.number
    for _ in range(_caption_begun_above(state)):
        first = state.blocks.pop().first
    text = "".join(l.text for l in state.lines[first - 1 : line.number] if not l.blank)
    state.push("caption", first, line.number, text, "credited_caption")
    state.pos += 1
    return True


RULE = BlockRule(caption, starts_caption, lambda layout: initials(layout.caption_markers))
CREDITED = BlockRule(credited_caption, starts_credited_caption)
CREDIT = BlockRule(photo_credit, starts_credit, unpunctuated=True)
