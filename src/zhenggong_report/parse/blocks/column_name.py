"""Column names printed alone as a band above articles (``政工园地``, ``【党建园地】``), any short
line printed alone over brief items (``信访工作`` above ``●…（王磊）``), and one that the editor's
note under it names as a column (``信访接待日`` over ``编者按：…开设“信访接待日”专栏…``), and a
bracketed label set off by blank lines over a bulletin's item (``【基层经验】``)."""

from __future__ import annotations

import re

from ..state import BlockState, Line
from .base import BlockRule, joined, next_filled
from .brief_item import item_at
from .editorial import EDITOR_NOTE
from .furniture import push_furniture

BAND_MAX = 8
"""The longest line read as the band over a column of brief items."""
NOTE_LINES = 8
"""How many lines of an editor's note are searched for the column's name."""
_COLUMN_WORDS = "专栏|栏目|专版|栏"


def _name(line: Line, state: BlockState) -> str | None:
    name = line.plain.strip("【】[]〔〕")
    return name if not line.punctuated and is_column_word(name, state) else None


def is_column_word(name: str, state: BlockState) -> bool:
    """Whether ``name`` (folded, no brackets) is a column's: one of ``[columns] names``, or 3 to 6
    characters with one of its ``endings``."""
    if name in state.layout.derived("column-names", lambda layout: frozenset(layout.column_names)):
        return True
    return 3 <= len(name) <= 6 and name.endswith(state.layout.column_endings)


def starts(line: Line, state: BlockState) -> bool:
    return _name(line, state) is not None


def _band_over_briefs(state: BlockState) -> str | None:
    """The cursor's line when it is short, unpunctuated and alone (a blank line or none above it),
    with brief items right under it (a blank line between allowed): the briefs' band, whatever its
    words (``信访工作``, ``矿区简讯``). A heading inside an article stands over bulleted points that
    end without a writer's name in brackets, so it is not taken."""
    name = _alone(state)
    if name is None:
        return None
    below = state.pos + 1
    while below < len(state.lines) and state.lines[below].blank and below - state.pos <= 2:
        below += 1
    return name if item_at(state, below) else None


def _alone(state: BlockState) -> str | None:
    """The cursor's line, when short, unpunctuated and with a blank line (or none) above it."""
    line = state.line
    name = line.plain.strip("【】[]〔〕")
    if not 2 <= len(name) <= BAND_MAX or line.punctuated or (state.pos > 0 and not state.lines[state.pos - 1].blank):
        return None
    return name


def _band_named_by_note(state: BlockState) -> str | None:
    """The cursor's short line alone, with an editor's note next under it that names it in quotes
    as a column (``本版今起开设“信访接待日”专栏``): that column's band, not the title of the
    article under the note. A title the note does not name so stays a title."""
    name = _alone(state)
    below = next_filled(state, state.pos) if name is not None else None
    if name is None or below is None or not EDITOR_NOTE.starts(state.lines[below], state):
        return None
    lines = []
    for line in state.lines[below : below + NOTE_LINES]:
        if line.blank:
            break
        lines.append(line)
    quoted = rf"[“\"「『]{re.escape(name)}[”\"」』](?:{_COLUMN_WORDS})"
    return name if re.search(quoted, joined(lines)) else None


_BRACKETED_BAND = re.compile(r"^[【［\[](?P<name>[^【】［］\[\]]{2,8})[】］\]]$")


def _bracketed_band(state: BlockState) -> str | None:
    """The cursor's line when it is one short bracketed label (``【基层经验】``, ``【工会工作】``) set
    off by a blank line above (or the page's top) and below, over an unindented headline or an
    editor's note: the band a bulletin prints over each item, whatever its words. A 【…】 小标题
    inside an article has its section's indented text right under it (``bracket_heading``)."""
    match = _BRACKETED_BAND.match(state.line.text)
    if match is None or state.line.punctuated or (state.pos > 0 and not state.lines[state.pos - 1].blank):
        return None
    below = next_filled(state, state.pos)
    if below is None or below == state.pos + 1:
        return None
    under = state.lines[below]
    return match.group("name") if not under.indented or EDITOR_NOTE.starts(under, state) else None


def column_name(state: BlockState) -> bool:
    """A line that is one of the column names of ``layout.toml``, or a short one with a column's
    ending (``理论园地``, ``职工之家``), a short line alone over brief items or one the editor's note
    under it names as a column, or a bracketed label set off by blank lines over a headline or an
    editor's note (:func:`_bracketed_band`): the page's column (栏目)."""
    name = _name(state.line, state) or _band_over_briefs(state) or _band_named_by_note(state) or _bracketed_band(state)
    if name is None:
        return False
    push_furniture(state, [state.line], "column_name", column=name)
    return True


RULE = BlockRule(
    column_name, starts, None, unpunctuated=True
)
