"""Brief items (简讯, 一句话新闻): ``●中原油田党委举办…培训班，…集中轮训。（李红）``, each one item."""

from __future__ import annotations

import re
from typing import Optional

from ..state import BlockState, Line
from ..text import ends_sentence
from .base import BlockRule, joined, name_list
from .plain_byline import bare_names
from .reporter_byline import read_credits
from .unit_byline import is_unit, unit_byline_match

BULLETS = "●◆■◇□○★☆•◎"
"""What a brief column sets before each item (no caption marker: ▲ opens a photo's caption)."""
MAX_ITEM_LINES = 6
UNIT_MIN = 4
"""The shortest unit a brief item's closing brackets name (``（化肥厂工会）``) but for those of
:data:`SHORT_UNIT_ENDINGS`: a three-character name ending like a unit (刘建科, 王振队) is a person's."""
SHORT_UNIT_ENDINGS = "厂矿"
"""How a three-character unit in the brackets may end (``（动力厂）``, ``（东滩矿）``): hardly a name."""
CREDIT = re.compile(r"[（(](?P<credit>[^（）()]{2,30})[）)]$")


def _credit_inside(text: str) -> str | None:
    """What the brackets that end an item after its sentence hold (``…参赛。（李娜）``: 李娜)."""
    match = CREDIT.search(text)
    if match is None or not ends_sentence(text[: match.start()]):
        return None
    return match.group("credit").strip()


def closing_credit(text: str, state: BlockState) -> tuple[tuple[str, ...], tuple[str | None, ...]] | None:
    """The names (and roles) in the brackets that end an item after its sentence: ``（李红）``,
    ``（记者 李红）``; None when the brackets hold anything else (``（见附表）``: ``layout.toml``
    ``[news] not_credit_openers``) or no sentence ends before them."""
    inside = _credit_inside(text)
    if inside is None or inside.startswith(state.layout.not_credit_openers):
        return None
    credits = read_credits(inside, state)
    if credits is not None:
        return credits
    names = bare_names(inside)
    return (names, (None,) * len(names)) if names else None


def closing_unit(text: str, state: BlockState) -> str | None:
    """The unit in the brackets that end an item after its sentence, when they name a unit and no
    person (``（化肥厂工会）``, ``（动力厂）``: a name ending 厂, 公司, 工会 … as a unit byline's)."""
    inside = _credit_inside(text)
    if inside is None:
        return None
    long_enough = len(inside) >= UNIT_MIN or (len(inside) == UNIT_MIN - 1 and inside[-1] in SHORT_UNIT_ENDINGS)
    return inside if long_enough and " " not in inside and is_unit(inside) else None


def closing_unit_and_writer(text: str, state: BlockState) -> tuple[str, tuple[str, ...]] | None:
    """The unit and the writer in the brackets that end an item after its sentence, as a unit
    byline prints them (``（油田工会　刘晓燕）``): the writer is the author, the unit the affiliation."""
    inside = _credit_inside(text)
    if inside is None or inside.startswith(state.layout.not_credit_openers):
        return None
    byline = unit_byline_match(re.sub(r"\s+", " ", inside))
    return (re.sub(r"\s+", "", byline.group("unit")), name_list(byline.group("names"))) if byline else None


Closing = tuple[Optional[str], tuple[str, ...], tuple[Optional[str], ...]]
"""What an item's closing brackets say: the unit that sent it, its writers and their roles."""


def closing_bracket(text: str, state: BlockState) -> Closing | None:
    """The brackets that end an item after its sentence, read: a unit alone (no author), a unit and
    its writer, or the writers (and roles); None when they credit no one."""
    unit = closing_unit(text, state)
    if unit is not None:
        return unit, (), ()
    unit_and_writer = closing_unit_and_writer(text, state)
    if unit_and_writer is not None:
        unit, writers = unit_and_writer
        return unit, writers, (None,) * len(writers)
    credit = closing_credit(text, state)
    return (None, *credit) if credit is not None else None


def _item_lines(state: BlockState, start: int | None = None) -> list[Line]:
    """The item's lines: from its bullet (on line ``start``, by default the cursor's) down to the
    line that ends with its credit."""
    start = state.pos if start is None else start
    lines = [state.lines[start]]
    index = start + 1
    while not CREDIT.search(lines[-1].text) and len(lines) < MAX_ITEM_LINES and index < len(state.lines):
        line = state.lines[index]
        if line.blank or line.text[:1] in BULLETS or line.indented:
            break
        lines.append(line)
        index += 1
    return lines


def item_at(state: BlockState, index: int) -> bool:
    """Whether a brief item — bullet, sentence(s), its writer in brackets — starts on line ``index``."""
    if index >= len(state.lines) or state.lines[index].text[:1] not in BULLETS:
        return False
    return closing_bracket(joined(_item_lines(state, index)), state) is not None


def brief_item(state: BlockState) -> bool:
    """A bullet, one news item's sentence(s) and its writer's name in brackets at the end
    (``●江汉油田工会开展…活动，…已办结79条。（刘畅）``), wrapped over a few lines: a news item
    complete in itself, with that writer as its author. Brackets that name a unit instead
    (``◆化肥厂工会为…送去…1200余份。（化肥厂工会）``, :func:`closing_bracket`) name the unit that sent
    the item: no author, the unit its affiliation; a unit and a name (``（油田工会　刘晓燕）``), both. A bulleted point inside an article ends
    without such brackets and stays a paragraph."""
    if state.line.text[:1] not in BULLETS:
        return False
    lines = _item_lines(state)
    text = joined(lines)
    closing = closing_bracket(text, state)
    if closing is None:
        return False
    unit, names, roles = closing
    body = text[1 : CREDIT.search(text).start()].strip()  # type: ignore[union-attr]
    state.push("text", lines[0].number, lines[-1].number, body, "brief_item",
               authors=names, roles=roles, complete=True, indented=lines[0].indented,
               **({"unit": unit} if unit is not None else {}))
    state.pos += len(lines)
    return True


RULE = BlockRule(brief_item, None, lambda layout: BULLETS)
