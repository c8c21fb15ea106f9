"""Imprints: ``地址：… 电话：… 邮编：… 印刷：… 定价：…``, ``国内统一连续出版物号 CN37-0000``."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import initials, BlockRule
from .furniture import folded, push_furniture

SERIAL = re.compile(r"CN\d{2}-\d{4}")


def _opening(layout) -> str:
    return rf"(?:{layout.pattern('imprint')}|CN)"


def is_imprint_line(text: str, state: BlockState) -> bool:
    """A line that opens with an imprint label and a colon, or opens with a label or ``CN`` and
    carries a CN serial number (``国内统一连续出版物号 CN37-0000``)."""
    plain = folded(text)
    if not state.layout.regex("imprint-opening", _opening).match(plain):
        return False
    if "CN" in plain and SERIAL.search(plain):
        return True
    label = state.layout.regex("imprint", lambda layout: rf"^(?:{layout.pattern('imprint')})\s*[:：]").match(plain)
    return bool(label) and not plain.endswith(("。", "！", "？"))


def starts(line: Line, state: BlockState) -> bool:
    return is_imprint_line(line.text, state)


def imprint(state: BlockState) -> bool:
    """Consecutive imprint lines (address, phone, postcode, printer, price, serial number): one block."""
    if not is_imprint_line(state.line.text, state):
        return False
    lines = [state.line]
    index = state.pos + 1
    while index < len(state.lines) and not state.lines[index].blank and is_imprint_line(state.lines[index].text, state):
        lines.append(state.lines[index])
        index += 1
    serial = SERIAL.search(folded("".join(line.text for line in lines)))
    meta = {"serial": serial.group(0)} if serial else {}
    push_furniture(state, lines, "imprint", **meta)
    state.pos = max(state.pos, index)
    return True


RULE = BlockRule(imprint, starts, lambda layout: initials(layout.imprint_labels) + "C")
