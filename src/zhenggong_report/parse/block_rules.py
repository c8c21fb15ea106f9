"""Block rules: each recognises one printed pattern at the cursor and records a block.

They run in order, like markdown-it-py's block rules: the first rule that
matches at the current line consumes its lines and the loop moves on.
"""

from __future__ import annotations

import re
from typing import Callable

from .state import Block, BlockState, Line
from .text import (
    CJK,
    CONNECTORS,
    LIST_STARTER,
    collapse_spaces,
    has_sentence_punctuation,
    join_wrapped,
    starts_with_enumerator,
)

BlockRule = Callable[[BlockState], bool]

NAME = rf"[{CJK}](?: ?[{CJK}]){{1,3}}"
_NAME_LINE = re.compile(rf"^{NAME}$")
_MARKERS = "●○□■◎◆◇★☆▲△▼▽•◉◈"
_MARKER_BYLINE = re.compile(rf"^[{_MARKERS}]\s*(?P<names>{NAME}(?:[ 、，,]+{NAME})*)$")
_UNIT_SUFFIX = (
    r"(?:公司|集团|矿|煤业|厂|部|局|院|中心|办|委|委员会|站|队|所|处|科|室|段|车间|学校|大学|学院|医院|银行|协会|研究会|报社)"
)
_UNIT_BYLINE = re.compile(rf"^(?P<unit>[{CJK}（）()·\w]{{4,40}}?{_UNIT_SUFFIX})\s+(?P<names>{NAME}(?:[ 、，,]+{NAME})*)$")
_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*?)\s*#*$")
_AFFILIATION_START = re.compile(r"^[（(【\[〔]\s*(?:作者单位|作者系|作者为|单位)")
_AFFILIATION_BODY = re.compile(r"^(?:作者单位|单位)\s*[:：]?\s*(?P<unit>.*)$|^作者(?:系|为)\s*[:：]?\s*(?P<unit_role>.*)$")
_ROLE = re.compile(
    r"(?P<role>(?:党委|党总支|党支部|工会|纪委)?(?:常务)?副?(?:部长|主任|书记|主席|经理|科长|处长|厂长|矿长|队长|董事长|总经理|秘书长|所长|院长|站长"
    r"|干事|专员|工程师|研究员|会计师|经济师|政工师|馆员|记者|编辑))$"
)
_ABSTRACT = re.compile(r"^(?:【\s*)?摘\s*要\s*(?:】)?\s*[:：]?\s*")
_KEYWORDS = re.compile(r"^(?:【\s*)?关\s*键\s*词\s*(?:】)?\s*[:：]?\s*")
_NOTICE_TITLE = re.compile(r"^.{0,14}(?:公告|声明|启事|启示|广告|通告)$")
_NOTICE_END = re.compile(r"特此(?:公告|声明|通知|启事|通告)")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_RUN_IN_HEADING = re.compile(r"^(?P<heading>\S{2,30}?)\s+(?P<text>\S.*)$")


def person_names(names: str) -> str:
    """``李 林`` is one name (李林); ``张三 李四`` are two (张三、李四)."""
    parts = [p for p in re.split(r"[ 、，,]+", names.strip()) if p]
    if all(len(p) == 1 for p in parts) or len(parts) == 1:
        return "".join(parts)
    return "、".join(parts)


def is_name_line(text: str) -> bool:
    return bool(_NAME_LINE.match(text)) and len(text.replace(" ", "")) <= 4


def marker_byline_match(text: str) -> re.Match[str] | None:
    return _MARKER_BYLINE.match(text)


def unit_byline_match(text: str) -> re.Match[str] | None:
    if has_sentence_punctuation(text) or "，" in text:
        return None
    return _UNIT_BYLINE.match(text)


def starts_new_block(line: Line, state: BlockState) -> bool:
    """Inside a hard-wrapped paragraph: does this line open something else?"""
    text = line.text
    return bool(
        (state.hard_wrapped and line.indented)
        or _MARKDOWN_HEADING.match(text)
        or starts_with_enumerator(text)
        or _AFFILIATION_START.match(text)
        or marker_byline_match(text)
        or unit_byline_match(text)
        or _ABSTRACT.match(text)
        or _KEYWORDS.match(text)
    )


def _block_lines(state: BlockState, start: int) -> list[Line]:
    """The lines from ``start`` up to the next blank line or the next line that opens a new block."""
    lines = [state.lines[start]]
    index = start + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank or starts_new_block(line, state):
            break
        lines.append(line)
        index += 1
    return lines


def _joined(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line.text)
    return collapse_spaces(text)


def blank_line(state: BlockState) -> bool:
    """Blank lines separate blocks and belong to none."""
    if state.line.blank:
        state.pos += 1
        return True
    return False


def markdown_heading(state: BlockState) -> bool:
    """``# 标题`` is an article title; ``## ——…`` a subtitle; ``##``/``###`` a section heading."""
    match = _MARKDOWN_HEADING.match(state.line.text)
    if not match or not match.group("text"):
        return False
    level, text = len(match.group("hashes")), collapse_spaces(match.group("text"))
    number = state.line.number
    if level == 1:
        state.push("title", number, number, text, "markdown_heading", level=1)
    elif text.startswith(("——", "--", "—")) and _previous_is_title(state):
        state.push("subtitle", number, number, text, "markdown_heading", level=level)
    else:
        state.push("heading", number, number, text, "markdown_heading", level=level)
    state.pos += 1
    return True


def _previous_is_title(state: BlockState) -> bool:
    previous = state.previous_block()
    return previous is not None and previous.kind == "title"


def _previous_could_be_title(state: BlockState) -> bool:
    previous = state.previous_block()
    if previous is None:
        return False
    if previous.kind == "title":
        return True
    return (
        previous.kind in ("text", "heading")
        and len(previous.text) <= 60
        and not has_sentence_punctuation(previous.text)
        and not starts_with_enumerator(previous.text)
    )


def dash_subtitle(state: BlockState) -> bool:
    """A line opening with ``——`` right under a title (or a short unpunctuated line) is its subtitle."""
    text = state.line.text
    if not text.startswith(("——", "--")) or not _previous_could_be_title(state):
        return False
    lines = _block_lines(state, state.pos)
    state.push("subtitle", lines[0].number, lines[-1].number, _joined(lines), "dash_subtitle")
    state.pos += len(lines)
    return True


def affiliation(state: BlockState) -> bool:
    """``(作者单位：…)``, ``（作者单位:…）``, ``【作者单位：…】``, ``（作者系…部长）``, wrapped until the brackets balance."""
    if not _AFFILIATION_START.match(state.line.text):
        return False
    collected: list[Line] = []
    depth = 0
    for line in state.lines[state.pos : state.pos + 4]:
        if line.blank:
            break
        collected.append(line)
        depth += sum(line.text.count(c) for c in "（(【[〔") - sum(line.text.count(c) for c in "）)】]〕")
        if depth <= 0:
            break
    text = "".join(line.text for line in collected)
    inner = re.sub(r"\s+", "", text)[1:]
    if inner and inner[-1] in "）)】]〕":
        inner = inner[:-1]
    unit, role = parse_affiliation(inner)
    state.push("affiliation", collected[0].number, collected[-1].number, text, "affiliation", unit=unit, role=role)
    state.pos += len(collected)
    return True


def parse_affiliation(inner: str) -> tuple[str, str | None]:
    """Split the inside of an affiliation line into the unit and, where printed, the role."""
    match = _AFFILIATION_BODY.match(inner)
    if not match:
        return inner, None
    if match.group("unit") is not None:
        return match.group("unit"), None
    text = match.group("unit_role")
    role = _ROLE.search(text)
    if role and role.start() > 0:
        return text[: role.start()], role.group("role")
    return text, None


def marker_byline(state: BlockState) -> bool:
    """``●刘兆媛``, ``□ 李 林``, ``■ 张慧良``: a byline marker and the author's name."""
    match = marker_byline_match(state.line.text)
    if not match:
        return False
    number = state.line.number
    state.push("byline", number, number, state.line.text, "marker_byline", author=person_names(match.group("names")))
    state.pos += 1
    return True


def unit_byline(state: BlockState) -> bool:
    """``山东高速青岛发展有限公司 赵丽娜``: the author's unit and name on one line."""
    match = unit_byline_match(state.line.text)
    if not match:
        return False
    number = state.line.number
    state.push(
        "byline",
        number,
        number,
        state.line.text,
        "unit_byline",
        author=person_names(match.group("names")),
        unit=re.sub(r"\s+", "", match.group("unit")),
    )
    state.pos += 1
    return True


def plain_byline(state: BlockState) -> bool:
    """``唐鹏``: a bare name of two to four characters right under a title or subtitle."""
    previous = state.previous_block()
    if previous is None or previous.kind not in ("title", "subtitle") or not is_name_line(state.line.text):
        return False
    number = state.line.number
    state.push("byline", number, number, state.line.text, "plain_byline", author=person_names(state.line.text))
    state.pos += 1
    return True


def _labelled_block(state: BlockState, label: re.Pattern[str], kind: str) -> Block | None:
    """Take the block opened by ``label`` (up to the next blank line), with the label removed."""
    if not label.match(state.line.text):
        return None
    lines = _block_lines(state, state.pos)
    text = label.sub("", _joined(lines), count=1)
    state.pos += len(lines)
    return state.push(kind, lines[0].number, lines[-1].number, text, kind)


def abstract(state: BlockState) -> bool:
    """``摘要：…`` up to the next blank line or keywords line: the article's abstract."""
    return _labelled_block(state, _ABSTRACT, "abstract") is not None


def keywords(state: BlockState) -> bool:
    """``关键词：a；b；c`` (possibly wrapped): the author's keywords."""
    block = _labelled_block(state, _KEYWORDS, "keywords")
    if block is None:
        return False
    block.data["words"] = tuple(w for w in re.split(r"[；;，,、\s]+", block.text) if w)
    return True


def notice(state: BlockState) -> bool:
    """``注销公告`` and its text up to ``特此公告`` and the date: a notice, not an article."""
    title = state.line.text
    if not _NOTICE_TITLE.match(title):
        return False
    end = None
    for index in range(state.pos + 1, min(len(state.lines), state.pos + 40)):
        if _NOTICE_END.search(state.lines[index].text):
            end = index
            break
    if end is None:
        return False
    index = end + 1
    while index < len(state.lines):
        line = state.lines[index]
        if line.blank:
            index += 1
            continue
        if _DATE_LINE.match(line.text.replace(" ", "")):
            end = index
            index += 1
            continue
        break
    covered = [line for line in state.lines[state.pos : end + 1] if not line.blank]
    text = "\n".join(line.text for line in covered)
    state.push("notice", covered[0].number, covered[-1].number, text, "notice", notice_kind=notice_kind(text))
    state.pos = end + 1
    return True


def notice_kind(text: str) -> str:
    if re.search(r"注销|清算|遗失|减资|作废|债权", text):
        return "legal_notice"
    if re.search(r"广告|招聘|招商|优惠|热线", text):
        return "advert"
    return "announcement"


def spaced_run_in_heading(state: BlockState) -> bool:
    """``(一)筑牢国企改革发展的思想根基 国企改革进入深水区…``: a heading and its text on one line, split at the space."""
    line = state.line
    if state.hard_wrapped or not starts_with_enumerator(line.text):
        return False
    match = _RUN_IN_HEADING.match(line.text)
    if not match or has_sentence_punctuation(match.group("heading")) or not has_sentence_punctuation(match.group("text")):
        return False
    number = line.number
    state.push("heading", number, number, match.group("heading"), "spaced_run_in_heading")
    state.push("text", number, number, collapse_spaces(match.group("text")), "spaced_run_in_heading")
    state.pos += 1
    return True


def _heading_goes_on(state: BlockState, current: str, rest: list[Line]) -> bool:
    """Does a heading line continue on the next line of its block?"""
    following = rest[0].text
    if starts_with_enumerator(following) or LIST_STARTER.match(following):
        return False
    if state.lexicon.spanning_word(current, following):
        return True
    if current and current[-1] in CONNECTORS:
        return True
    if any(has_sentence_punctuation(line.text) or "：" in line.text or ":" in line.text for line in rest):
        return False
    if len(current) <= 0.7 * state.column_width:
        return False
    return len(rest) <= 2


def _take_heading(state: BlockState, rule: str, **data: object) -> bool:
    lines = _block_lines(state, state.pos)
    taken = [lines[0]]
    while len(taken) < len(lines) and len(taken) < 3 and _heading_goes_on(state, taken[-1].text, lines[len(taken) :]):
        taken.append(lines[len(taken)])
    text = _joined(taken)
    if has_sentence_punctuation(text):
        return False
    state.push("heading", taken[0].number, taken[-1].number, text, rule, **data)
    state.pos += len(taken)
    return True


def heading_continuation(state: BlockState) -> bool:
    """A heading cut by a page break goes on after the blank line (``…是党建工`` / ``作与…的有效路径``)."""
    previous = state.previous_block()
    line = state.line
    if (
        not state.hard_wrapped
        or previous is None
        or previous.kind != "heading"
        or previous.last >= line.number - 1
        or starts_with_enumerator(line.text)
        or not state.lexicon.spanning_word(previous.text, line.text)
    ):
        return False
    return _take_heading(state, "heading_continuation", continuation=True)


def enumerated_heading(state: BlockState) -> bool:
    """``一、…``, ``(一)…``: an enumerated line without sentence punctuation is a section heading (wrapped or not)."""
    text = state.line.text
    if not starts_with_enumerator(text) or has_sentence_punctuation(text):
        return False
    if not state.hard_wrapped:
        number = state.line.number
        state.push("heading", number, number, collapse_spaces(text), "enumerated_heading")
        state.pos += 1
        return True
    return _take_heading(state, "enumerated_heading")


def short_enumerated_heading(state: BlockState) -> bool:
    """``(一)政治思想：忠诚坚定，抵制乱流。``: a short enumerated line that is one sentence on its own line is a heading."""
    text = state.line.text
    if state.hard_wrapped or not starts_with_enumerator(text) or len(text) > 30:
        return False
    if not text.endswith(("。", ".")) or has_sentence_punctuation(text[:-1]):
        return False
    number = state.line.number
    state.push("heading", number, number, collapse_spaces(text), "short_enumerated_heading")
    state.pos += 1
    return True


def paragraph(state: BlockState) -> bool:
    """Anything else is body text: a wide page's line, or a hard-wrapped run of lines joined without spaces."""
    lines = _block_lines(state, state.pos) if state.hard_wrapped else [state.line]
    state.push("text", lines[0].number, lines[-1].number, _joined(lines), "paragraph")
    state.pos += len(lines)
    return True


BLOCK_RULES: tuple[BlockRule, ...] = (
    blank_line,
    markdown_heading,
    dash_subtitle,
    affiliation,
    marker_byline,
    unit_byline,
    plain_byline,
    abstract,
    keywords,
    notice,
    spaced_run_in_heading,
    heading_continuation,
    enumerated_heading,
    short_enumerated_heading,
    paragraph,
)


def tokenize_blocks(state: BlockState, rules: tuple[BlockRule, ...] = BLOCK_RULES) -> list[Block]:
    """Run the block rules over the page until every line is consumed."""
    while not state.at_end():
        for rule in rules:
            if rule(state):
                break
        else:  # pragma: no cover - paragraph() always matches
            raise AssertionError("no block rule matched")
    return state.blocks
