"""Affiliation lines: ``（作者单位：…）`` in all their bracket forms, also wrapped."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule

_AFFILIATION_START = re.compile(r"^[（(【\[〔]\s*(?:作者单位|(?:本文)?作者系|(?:本文)?作者为|单位)")
_AFFILIATION_BODY = re.compile(
    r"^(?:作者单位|单位)\s*[:：]?\s*(?P<unit>.*)$|^(?:本文)?作者(?:系|为)\s*[:：]?\s*(?P<unit_role>.*)$"
)
_ROLE = re.compile(
    r"(?P<role>(?:党委|党总支|党支部|工会|纪委)?(?:常务)?副?(?:部长|主任|书记|主席|经理|科长|处长|厂长|矿长|队长|董事长|总经理|秘书长|所长|院长|站长"
    r"|干事|专员|工程师|研究员|会计师|经济师|政工师|馆员|记者|编辑))$"
)


_TRAILING_AFFILIATION = re.compile(
    r"\s*[（(【\[〔]\s*(?P<inner>(?:作者单位|(?:本文)?作者系|(?:本文)?作者为|单位)[^（）()【】\[\]〔〕]{2,60})[）)】\]〕]$"
)


def trailing_affiliation(text: str) -> tuple[str, str, str | None] | None:
    """A line that ends in an affiliation in brackets (``文/周斌（作者单位：…党群工作部）``): the
    text before it, the unit and the role, where printed; None when the line ends otherwise."""
    match = _TRAILING_AFFILIATION.search(text)
    if match is None or match.start() == 0:
        return None
    unit, role = parse_affiliation(match.group("inner"))
    return text[: match.start()], unit, role


def starts(line: Line, state: BlockState) -> bool:
    return bool(_AFFILIATION_START.match(line.text))


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


RULE = BlockRule(affiliation, starts, lambda layout: "（(【[〔")
