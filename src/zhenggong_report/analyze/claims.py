"""Quantitative claims: every figure printed with its unit, in the sentence it stands in.

``组织12场事迹宣讲`` gives 12 场, ``覆盖3000余名员工`` 3000余 名, ``提升18%`` 18 %, ``破10万`` 10 万.
Years and dates (2024年, 12月31日), model numbers (ZYWL-6000Y) and bare numbers are not claims.
"""

from __future__ import annotations

import re

from ..models import Claim
from .tokens import ArticleTokens, clip_context

UNITS = (
    "个百分点", "百分点", "人次", "万元", "亿元", "平方米", "公里", "小时", "%", "％", "名", "场", "项", "条", "人",
    "个", "次", "期", "家", "所", "件", "种", "台", "套", "篇", "元", "天", "分", "倍", "岁", "年", "批", "户", "届",
    "支", "处", "吨", "亩",
)
"""Units after a number (longest first where one begins another)."""
LARGE = "万亿"
NUMBER = re.compile(r"(?<![A-Za-z0-9.\-_/])\d+(?:\.\d+)?[余多]?")
UNIT = re.compile("|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)))
DATE_AFTER = re.compile(r"\d{1,2}[日号]")


def figure_at(text: str, match: "re.Match[str]") -> tuple[str, str, int] | None:
    """``(value, unit, end)`` for the number ``match``: 12场, 3000余名, 18%, 10万元, 3万余人, 10万."""
    value, end = match.group(0), match.end()
    unit = UNIT.match(text, end)
    if unit is not None:
        measure, end = unit.group(0), unit.end()
    elif end < len(text) and text[end] in LARGE:
        large = text[end]
        end += 1
        if end < len(text) and text[end] in "余多":
            value, end = value + text[end], end + 1
        unit = UNIT.match(text, end)
        if unit is not None:
            value, measure, end = value.rstrip("余多") + large + value[len(value.rstrip("余多")) :], unit.group(0), unit.end()
        else:
            measure = large
    else:
        return None
    return value, measure, end


def is_date(value: str, unit: str, text: str, end: int) -> bool:
    """2024年 is a year; 2024年12月31日 a date (月 and 日 are no units, so only 年 needs the check)."""
    digits = value.rstrip("余多万亿")
    if unit == "年" and len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        return True
    return unit == "年" and DATE_AFTER.match(text, end) is not None


def article_claims(tokens: ArticleTokens) -> tuple[Claim, ...]:
    claims = []
    for unit in tokens.units:
        if unit.place not in ("abstract", "text", "heading"):
            continue
        text = unit.text
        for match in NUMBER.finditer(text):
            figure = figure_at(text, match)
            if figure is None:
                continue
            value, measure, figure_end = figure
            if is_date(value, measure, text, figure_end):
                continue
            if measure == "％":
                measure = "%"
            sentence, start, end = clip_context(text, match.start(), figure_end, unit.sentence_at(match.start()), limit=160)
            claims.append(Claim(value, measure, sentence, tokens.article.id, unit.paragraph, start, end))
    return tuple(claims)
