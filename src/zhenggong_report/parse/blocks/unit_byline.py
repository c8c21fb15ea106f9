"""Unit bylines: the author's unit and name(s) on one line (``西铭矿 李林``, ``…党群工作部(工会) 赵敏``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from ..text import CJK, has_sentence_punctuation
from .base import NAMES, BlockRule, name_list

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


def starts(line: Line, state: BlockState) -> bool:
    return unit_byline_match(line.text) is not None


def unit_byline(state: BlockState) -> bool:
    """``山东高速青岛发展有限公司 赵丽娜``: the author's unit and name on one line."""
    match = unit_byline_match(state.line.text)
    if not match:
        return False
    names = name_list(match.group("names"))
    number = state.line.number
    state.push(
        "byline",
        number,
        number,
        state.line.text,
        "unit_byline",
        authors=names,
        roles=(None,) * len(names),
        unit=re.sub(r"\s+", "", match.group("unit")),
    )
    state.pos += 1
    return True


RULE = BlockRule(unit_byline, starts, unpunctuated=True)
