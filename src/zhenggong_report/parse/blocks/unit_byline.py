"""Unit bylines: the author's unit and name(s) on one line (``西铭矿 李林``, ``…党群工作部(工会) 赵敏``),
the writer's office perhaps printed after the unit (``孤岛采油厂党委书记　马国栋``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK, has_sentence_punctuation
from .base import NAMES, BlockRule, is_office, name_list

_UNIT_SUFFIX = (
    r"(?:公司|集团|矿|煤业|厂|部|局|院|中心|办|委|委员会|站|队|所|处|科|室|段|工区|车间|学校|大学|学院|医院|银行|分行|支行|协会|研究会|报社"
    r"|工会|党委|支部|分会|党校)"
)
_UNIT_BYLINE = re.compile(
    rf"^(?P<unit>[{CJK}（）()·\w]{{2,40}}?{_UNIT_SUFFIX}(?:[（(][{CJK}]{{1,8}}[)）])?)\s+(?P<names>{NAMES})$"
)


_UNIT = re.compile(rf"^[{CJK}（）()·\w]{{1,40}}?{_UNIT_SUFFIX}(?:[（(][{CJK}]{{1,8}}[)）])?$")


def is_unit(text: str) -> bool:
    """``陇原局集团公司党校``: a unit's name (ending 公司, 矿, 党校 …), no sentence in it."""
    return not has_sentence_punctuation(text) and "，" not in text and bool(_UNIT.match(text))


def unit_byline_match(text: str) -> re.Match[str] | None:
    if " " not in text or has_sentence_punctuation(text) or "，" in text:
        return None
    return _UNIT_BYLINE.match(text)


_NAMES_ONLY = re.compile(rf"^(?:{NAMES})$")


def unit_office_byline(text: str, state: BlockState) -> tuple[str, str, tuple[str, ...]] | None:
    """(unit, office, names) of ``孤岛采油厂党委书记　马国栋``: a unit, an office glued to it
    (``layout.toml`` ``[bylines] offices``) and after a space the name(s); None for any other line."""
    if " " not in text or has_sentence_punctuation(text) or "，" in text:
        return None
    parts = re.split(r"\s+", text.strip(), maxsplit=1)
    if len(parts) != 2 or not _NAMES_ONLY.match(parts[1]):
        return None
    head, names = parts
    if is_office(head, state):  # ``党委书记　马国栋``: a speaker's offices, no unit (see speaker_byline)
        return None
    for cut in range(2, len(head) - 1):  # the shortest unit first: 孤岛采油厂 + 党委书记, not 孤岛采油厂党委 + 书记
        if is_unit(head[:cut]) and is_office(head[cut:], state):
            return head[:cut], head[cut:], name_list(names)
    return None


def starts(line: Line, state: BlockState) -> bool:
    return unit_byline_match(line.text) is not None or unit_office_byline(line.text, state) is not None


def unit_byline(state: BlockState) -> bool:
    """``山东高速青岛发展有限公司 赵丽娜``: the author's unit and name on one line. An office
    between them (``孤岛采油厂党委书记　马国栋``) is the author's position, neither name nor unit."""
    match = unit_byline_match(state.line.text)
    with_office = None if match else unit_office_byline(state.line.text, state)
    if match:
        unit, names, position = re.sub(r"\s+", "", match.group("unit")), name_list(match.group("names")), {}
    elif with_office:
        unit, office, names = with_office
        position = {"position": office}
    else:
        return False
    number = state.line.number
    state.push("byline", number, number, state.line.text, "unit_byline", authors=names, roles=(None,) * len(names), unit=unit, **position)
    state.pos += 1
    return True


RULE = BlockRule(unit_byline, starts, unpunctuated=True)
