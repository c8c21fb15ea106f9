"""Signatures: a letter or essay signed at its end after a dash (``——桃园煤矿综采一队 李明``,
``——张掖市甘州区 赵刚``)."""

from __future__ import annotations

import re

from ..layout import NEVER, alternation
from ..state import BlockState, Line
from ..text import CJK, ends_sentence
from .base import NAMES, BlockRule, name_list
from .plain_byline import bare_names
from .unit_byline import unit_byline_match

_DASH = re.compile(r"^(?:——|—|--|－－)\s*")


def _place(layout) -> str:
    return rf"^(?P<place>[{CJK}]{{1,16}}?(?:{layout.pattern('place_endings')}))\s+(?P<names>{NAMES})$"


def _signed(line: Line, state: BlockState) -> tuple[tuple[str, ...], str | None] | None:
    """The names and unit after the dash: a unit and name(s) (``——西铭矿 李林``), a place and
    name(s) (``——张掖市甘州区 赵刚``: where the writer lives is no unit) or name(s) alone."""
    dash = _DASH.match(line.text)
    if dash is None or line.punctuated:
        return None
    rest = line.text[dash.end() :]
    unit = unit_byline_match(rest) or unit_byline_match(_description_apart(rest, state))
    if unit is not None:
        return _without_descriptions(name_list(unit.group("names")), state), re.sub(r"\s+", "", unit.group("unit"))
    names = bare_names(rest)
    if not names:
        place = state.layout.regex("signature-place", _place).match(rest)
        names = name_list(place.group("names")) if place else ()
    return (names, None) if names and all(2 <= len(n) <= 4 for n in names) else None


def _description_apart(rest: str, state: BlockState) -> str:
    """``鲍店煤矿职工　李明`` as ``鲍店煤矿　职工　李明``: a description the writer signs with
    (``[bylines] writer_descriptions``, the longest first: 退休职工, 职工家属) printed right after her
    unit's name, set apart from it (a unit byline's unit ends as a unit does)."""
    head, space, names = rest.partition(" ")
    words = state.layout.regex("signature-descriptions", lambda layout: rf"(?:{alternation(layout.writer_descriptions) or NEVER})+$")
    described = words.search(head)
    if not space or described is None or described.start() < 2:
        return rest
    return f"{head[: described.start()]} {' '.join(_words_in(described.group(0), state))} {names}"


def _words_in(run: str, state: BlockState) -> list[str]:
    """The description words a run of them is made of, in order (``职工家属``: 职工, 家属)."""
    found = state.layout.regex("signature-description", lambda layout: alternation(layout.writer_descriptions) or NEVER)
    return found.findall(run)


def _without_descriptions(names: tuple[str, ...], state: BlockState) -> tuple[str, ...]:
    """``——端氏供电所　职工　赵　敏``: a word the writer describes herself with between her unit and
    her name (``[bylines] writer_descriptions``) is no name (and no byline role), nor is her trade
    there (``——…三工区　钢筋工　马小军``: :func:`_is_trade`)."""
    last = len(names) - 1
    kept = tuple(name for place, name in enumerate(names)
                 if name not in state.layout.writer_descriptions and not (place < last and _is_trade(name, state)))
    return kept or names


def _is_trade(word: str, state: BlockState) -> bool:
    """``钢筋工``, ``安全员``, ``工程师``: three characters or more ending as ``[bylines]
    writer_trade_endings`` do (a two-character 电工 could be a given name, 李工)."""
    return len(word) >= 3 and word.endswith(state.layout.writer_trades)


def signature(state: BlockState) -> bool:
    """A dash and the writer's unit and name (``——桃园煤矿综采一队 李明``) or name alone, right under
    a paragraph that ends its sentence: the byline a letter or essay is signed with at its end.
    Under a title the same dash opens a subtitle (``——访…``, ``——记…``) instead."""
    previous = state.previous_block()
    if previous is None or previous.kind != "text" or not ends_sentence(previous.text):
        return False
    signed = _signed(state.line, state)
    if signed is None:
        return False
    names, unit = signed
    number = state.line.number
    state.push("byline", number, number, state.line.text, "signature", authors=names, roles=(None,) * len(names), unit=unit)
    state.pos += 1
    return True


RULE = BlockRule(signature, None, lambda layout: "—-－", unpunctuated=True)
